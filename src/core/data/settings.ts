/**
 * Staff settings in the kiosk database. Every change is validated against the
 * shared schema; a change with any bad value is refused whole, with a message
 * per field (ApiError.fieldErrors), and the stored values stay as they were.
 */
import type { Database } from 'better-sqlite3'
import { PHONE_MESSAGE, SETTING_KEYS, Settings } from '../../shared/contract.ts'
import { isDialable } from '../../shared/phone.ts'
import type { Settings as SettingsValue } from '../../shared/contract.ts'
import { ApiFailure } from '../../shared/result.ts'
import { diskFullFailure, isDiskFull } from './disk-full.ts'

export const DEFAULT_SETTINGS: SettingsValue = {
  clinicName: null,
  clinicPhone: null,
  region: null,
  emergencyNumber: null,
  outOfHoursEn: null,
  outOfHoursEs: null,
  crisisLineEn: null,
  crisisLineEs: null,
  dateFormat: 'day-month-year',
  clinicWebsite: null,
  clinicLogo: null,
  defaultLocale: 'en',
  staffLanguage: 'en',
  idleTimeoutSeconds: 90,
  staffIdleSeconds: 60,
  explainIdleSeconds: 600,
  paperSize: 'a4',
  printerName: null,
  patientPrinting: true,
  kioskLock: false,
  onScreenKeyboard: 'automatic',
  hideUncheckedItems: false,
  feedAddress: null,
  // Before most clinics open; a kiosk off at that time checks when it starts.
  feedCheckTime: '07:00',
  countsOutFolder: null,
  kioskName: null,
}

export function readSettings(db: Database): SettingsValue {
  const settings: Record<string, unknown> = { ...DEFAULT_SETTINGS }
  for (const row of db.prepare<[], { key: string; value: string }>('SELECT key, value FROM settings').all()) {
    const field = (
      Settings.shape as Record<string, { safeParse(v: unknown): { success: boolean; data?: unknown } }>
    )[row.key]
    // A stored value this version no longer accepts falls back to its default.
    const parsed = field?.safeParse(JSON.parse(row.value))
    if (parsed?.success) settings[row.key] = parsed.data
  }
  return settings as SettingsValue
}

export function updateSettings(db: Database, changes: Record<string, unknown>): SettingsValue {
  const unknown = Object.keys(changes).filter((k) => !(SETTING_KEYS as string[]).includes(k))
  if (unknown.length) {
    throw new ApiFailure('bad-input', `There is no setting called ${unknown.join(', ')}.`, {
      fields: unknown,
      fieldErrors: unknown.map((field) => ({ field, message: 'there is no such setting' })),
    })
  }
  // The schema checks each field alone; a phone number must also be one the
  // clinic's region can dial (the region saved, or the one being saved with it).
  const parsed = Settings.partial()
    .superRefine((value, ctx) => {
      const region = value.region !== undefined ? value.region : readSettings(db).region
      if (value.clinicPhone && region && !isDialable(value.clinicPhone, region)) {
        ctx.addIssue({ code: 'custom', path: ['clinicPhone'], message: PHONE_MESSAGE })
      }
    })
    .safeParse(changes)
  if (!parsed.success) {
    // One message per field (a field can break more than one rule), in the order found.
    const byField = new Map<string, string[]>()
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0])
      byField.set(field, [...(byField.get(field) ?? []), issue.message])
    }
    const fieldErrors = [...byField].map(([field, messages]) => ({ field, message: messages.join('; ') }))
    const summary = fieldErrors.map((f) => `${f.field}: ${f.message}`)
    throw new ApiFailure('bad-input', `Not saved. ${summary.join('; ')}. The old values are kept.`, {
      fields: fieldErrors.map((f) => f.field),
      fieldErrors,
    })
  }
  const write = db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  )
  try {
    db.transaction(() => {
      for (const [key, value] of Object.entries(parsed.data)) write.run(key, JSON.stringify(value))
    })()
  } catch (err) {
    // The transaction rolled back whole: every old value is still there.
    if (isDiskFull(err)) throw diskFullFailure('the settings were not saved and the old values are kept')
    throw err
  }
  return readSettings(db)
}
