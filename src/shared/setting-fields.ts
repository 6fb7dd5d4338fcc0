/**
 * The staff settings form's fields, with no schema library attached (the
 * renderer must not bundle zod): for each setting of `Settings` in contract.ts,
 * which group of the form it sits in and what kind of control edits it. The
 * Record type keeps it complete: a setting added to the schema does not compile
 * until it has a field here. The form renders from this list, in this order.
 */
import type { Settings } from './contract.ts'

export type SettingKey = keyof Settings

/** text: required words; optional-text/tel/url: empty means none; seconds: a whole number of seconds. */
export type SettingControl =
  | 'text'
  | 'optional-text'
  | 'tel'
  | 'url'
  | 'logo'
  | 'language'
  | 'seconds'
  | 'switch'
  | 'paper'
  | 'region'
  | 'date-format'

export type SettingGroup = 'clinic' | 'help' | 'kiosk' | 'print'

export interface SettingField {
  group: SettingGroup
  control: SettingControl
}

export const SETTING_FIELDS: Record<SettingKey, SettingField> = {
  clinicName: { group: 'clinic', control: 'optional-text' },
  clinicPhone: { group: 'clinic', control: 'tel' },
  clinicWebsite: { group: 'clinic', control: 'url' },
  clinicLogo: { group: 'clinic', control: 'logo' },
  region: { group: 'help', control: 'region' },
  emergencyNumber: { group: 'help', control: 'tel' },
  outOfHoursEn: { group: 'help', control: 'optional-text' },
  outOfHoursEs: { group: 'help', control: 'optional-text' },
  dateFormat: { group: 'help', control: 'date-format' },
  defaultLocale: { group: 'kiosk', control: 'language' },
  idleTimeoutSeconds: { group: 'kiosk', control: 'seconds' },
  staffIdleSeconds: { group: 'kiosk', control: 'seconds' },
  explainIdleSeconds: { group: 'kiosk', control: 'seconds' },
  kioskLock: { group: 'kiosk', control: 'switch' },
  paperSize: { group: 'print', control: 'paper' },
  printerName: { group: 'print', control: 'optional-text' },
}

export const SETTING_GROUPS: readonly SettingGroup[] = ['clinic', 'help', 'kiosk', 'print']

/** The paper sizes the kiosk prints on (the schema's paperSize). */
export const PAPER_SIZES = ['a4', 'letter'] as const

/** A group's fields, in the form's order. */
export function settingFieldsIn(group: SettingGroup): { key: SettingKey; control: SettingControl }[] {
  return (Object.entries(SETTING_FIELDS) as [SettingKey, SettingField][])
    .filter(([, field]) => field.group === group)
    .map(([key, field]) => ({ key, control: field.control }))
}
