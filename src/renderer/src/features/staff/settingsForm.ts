import type { Locale, Settings } from '@shared/contract'
import type { ApiError } from '@shared/result'
import { SETTING_FIELDS, type SettingKey } from '@shared/setting-fields'
import { presetSettings, type Region } from '@shared/regions'

export type { SettingKey }

/** The settings as the form edits them: text boxes hold text, empty means "none". */
export interface SettingsDraft {
  clinicName: string
  clinicPhone: string
  clinicWebsite: string
  clinicLogo: string | null
  region: Settings['region']
  emergencyNumber: string
  outOfHoursEn: string
  outOfHoursEs: string
  crisisLineEn: string
  crisisLineEs: string
  dateFormat: Settings['dateFormat']
  defaultLocale: Locale
  staffLanguage: Locale
  idleTimeoutSeconds: string
  staffIdleSeconds: string
  explainIdleSeconds: string
  paperSize: Settings['paperSize']
  printerName: string
  patientPrinting: boolean
  kioskLock: boolean
  onScreenKeyboard: Settings['onScreenKeyboard']
  hideUncheckedItems: boolean
  feedAddress: string
  feedCheckTime: string
  countsOutFolder: string
  kioskName: string
}

/** The settings a switch edits. */
export type SwitchKey = 'kioskLock' | 'hideUncheckedItems' | 'patientPrinting'

const SETTING_KEYS = Object.keys(SETTING_FIELDS) as SettingKey[]

/** Text boxes hold text: a number as its digits, "none" as empty. */
function draftValue(key: SettingKey, value: Settings[SettingKey]): unknown {
  switch (SETTING_FIELDS[key].control) {
    case 'seconds':
      return String(value)
    case 'optional-text':
    case 'printer':
    case 'tel':
    case 'url':
      return value ?? ''
    default:
      return value
  }
}

export function draftOf(settings: Settings): SettingsDraft {
  return Object.fromEntries(
    SETTING_KEYS.map((key) => [key, draftValue(key, settings[key])]),
  ) as unknown as SettingsDraft
}

const optional = (text: string): string | null => (text.trim() === '' ? null : text)
/** A whole number as a number; anything else as typed, for the core to refuse. */
const wholeNumber = (text: string): unknown => (/^\s*-?\d+\s*$/.test(text) ? Number(text) : text)

/** What the form's value means to the core. */
function wantedValue(key: SettingKey, value: unknown): unknown {
  switch (SETTING_FIELDS[key].control) {
    case 'seconds':
      return wholeNumber(String(value))
    case 'optional-text':
    case 'printer':
    case 'tel':
    case 'url':
      return optional(String(value))
    default:
      return value
  }
}

/**
 * What the form would change, as updateSettings takes it. Values go as typed:
 * the core decides what is acceptable (it trims, checks and refuses), so the
 * form never quietly turns a bad value into some other one. A number box that
 * holds something other than a whole number is sent as text, and refused.
 */
export function changesOf(draft: SettingsDraft, saved: Settings): Partial<Record<SettingKey, unknown>> {
  const changes: Partial<Record<SettingKey, unknown>> = {}
  for (const key of SETTING_KEYS) {
    const value = wantedValue(key, draft[key])
    const before = saved[key]
    const same =
      typeof value === 'string' && typeof before === 'string' ? value.trim() === before : value === before
    if (!same) changes[key] = value
  }
  return changes
}

/**
 * Staff chose a region: its preset fills the emergency number, the advice for
 * when the clinic is closed, the crisis line and the date format in the form,
 * where staff can change them before saving. "Not chosen" leaves them as they are.
 */
export function applyRegion(draft: SettingsDraft, region: Region | null): void {
  draft.region = region
  if (!region) return
  const preset = presetSettings(region)
  draft.emergencyNumber = preset.emergencyNumber
  draft.outOfHoursEn = preset.outOfHoursEn
  draft.outOfHoursEs = preset.outOfHoursEs
  draft.crisisLineEn = preset.crisisLineEn
  draft.crisisLineEs = preset.crisisLineEs
  draft.dateFormat = preset.dateFormat
}

/**
 * The core's message for each refused setting, from the error's fieldErrors
 * (src/shared/result.ts): nothing is read out of the message text. A field
 * named in `fields` without a message of its own gets ''. Only settings are
 * kept: anything else the core names has no box on this form to mark.
 */
export function fieldMessages(error: ApiError): Partial<Record<SettingKey, string>> {
  const found: Partial<Record<SettingKey, string>> = {}
  const isSetting = (field: string): field is SettingKey => Object.hasOwn(SETTING_FIELDS, field)
  for (const field of error.fields ?? []) if (isSetting(field)) found[field] = ''
  for (const { field, message } of error.fieldErrors ?? []) {
    if (!isSetting(field)) continue
    // The core's messages start in lower case ("at least 30 seconds"); on their own they read as sentences.
    const sentence = message.charAt(0).toUpperCase() + message.slice(1)
    found[field] = /[.!?]$/.test(sentence) ? sentence : `${sentence}.`
  }
  return found
}

/** PNG, JPEG or SVG, under 200 KB: what the core accepts for a logo (about 270 KB as base64). */
export const LOGO_TYPES = ['image/png', 'image/jpeg', 'image/svg+xml'] as const
const LOGO_MAX_BYTES = 200 * 1024

export type LogoProblem = { kind: 'wrongType' } | { kind: 'tooBig'; kb: number } | { kind: 'unreadable' }

export function logoProblem(file: Pick<File, 'type' | 'size'>): LogoProblem | null {
  if (!(LOGO_TYPES as readonly string[]).includes(file.type)) return { kind: 'wrongType' }
  if (file.size >= LOGO_MAX_BYTES) return { kind: 'tooBig', kb: Math.ceil(file.size / 1024) }
  return null
}

/** A picture file as a data: URL, read in the page (nothing is uploaded anywhere). */
export function readAsDataUrl(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () =>
      typeof reader.result === 'string' ? resolve(reader.result) : reject(new Error('no data'))
    reader.onerror = () => reject(reader.error ?? new Error('unreadable'))
    reader.readAsDataURL(file)
  })
}
