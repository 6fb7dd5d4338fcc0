/**
 * The staff settings form's fields, with no schema library attached (the
 * renderer must not bundle zod): for each setting of `Settings` in contract.ts,
 * which group of the form it sits in and what kind of control edits it. The
 * Record type keeps it complete: a setting added to the schema does not compile
 * until it has a field here. The form renders from this list, in this order.
 */
import type { Settings } from './contract.ts'
import { DATE_FORMATS } from './regions.ts'

export type SettingKey = keyof Settings

/**
 * text: required words; optional-text/tel/url: empty means none; seconds: a whole number of seconds;
 * choice: one of the field's `options`, as radio buttons; region: a preset that fills other fields;
 * printer: optional text, chosen from the system's printers where the shell can list them.
 */
export type SettingControl =
  | 'text'
  | 'optional-text'
  | 'tel'
  | 'url'
  | 'logo'
  | 'language'
  | 'seconds'
  | 'switch'
  | 'choice'
  | 'region'
  | 'printer'

export type SettingGroup = 'clinic' | 'help' | 'kiosk' | 'print' | 'network'

export interface SettingField {
  group: SettingGroup
  control: SettingControl
  /** A choice's values, in the form's order (each worded in the staff messages under the setting). */
  options?: readonly string[]
}

/** The paper sizes the kiosk prints on (the schema's paperSize). */
export const PAPER_SIZES = ['a4', 'letter'] as const

/**
 * When the on-screen keyboard opens: automatic (when a text field is touched, or
 * on a touch-only screen), always (whenever a text field takes focus), never.
 */
export const KEYBOARD_MODES = ['automatic', 'always', 'never'] as const

export const SETTING_FIELDS: Record<SettingKey, SettingField> = {
  clinicName: { group: 'clinic', control: 'optional-text' },
  clinicPhone: { group: 'clinic', control: 'tel' },
  clinicWebsite: { group: 'clinic', control: 'url' },
  clinicLogo: { group: 'clinic', control: 'logo' },
  region: { group: 'help', control: 'region' },
  emergencyNumber: { group: 'help', control: 'tel' },
  outOfHoursEn: { group: 'help', control: 'optional-text' },
  outOfHoursEs: { group: 'help', control: 'optional-text' },
  dateFormat: { group: 'help', control: 'choice', options: DATE_FORMATS },
  defaultLocale: { group: 'kiosk', control: 'language' },
  staffLanguage: { group: 'kiosk', control: 'language' },
  idleTimeoutSeconds: { group: 'kiosk', control: 'seconds' },
  staffIdleSeconds: { group: 'kiosk', control: 'seconds' },
  explainIdleSeconds: { group: 'kiosk', control: 'seconds' },
  kioskLock: { group: 'kiosk', control: 'switch' },
  onScreenKeyboard: { group: 'kiosk', control: 'choice', options: KEYBOARD_MODES },
  hideUncheckedItems: { group: 'kiosk', control: 'switch' },
  paperSize: { group: 'print', control: 'choice', options: PAPER_SIZES },
  printerName: { group: 'print', control: 'printer' },
  feedAddress: { group: 'network', control: 'optional-text' },
  feedCheckTime: { group: 'network', control: 'optional-text' },
  countsOutFolder: { group: 'network', control: 'optional-text' },
  kioskName: { group: 'network', control: 'optional-text' },
  patientPrinting: { group: 'print', control: 'switch' },
}

export const SETTING_GROUPS: readonly SettingGroup[] = ['clinic', 'help', 'kiosk', 'print', 'network']

/** A group's fields, in the form's order. */
export function settingFieldsIn(
  group: SettingGroup,
): { key: SettingKey; control: SettingControl; options: readonly string[] }[] {
  return (Object.entries(SETTING_FIELDS) as [SettingKey, SettingField][])
    .filter(([, field]) => field.group === group)
    .map(([key, field]) => ({ key, control: field.control, options: field.options ?? [] }))
}
