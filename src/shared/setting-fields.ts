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

/** A choice: one of these values, as radio buttons. */
const choice = (options: readonly string[]) => ({ control: 'choice', options }) as const

type FieldControl = Exclude<SettingControl, 'choice'> | ReturnType<typeof choice>

/** One group's settings, in the form's order, each with its control (a choice with its options). */
function inGroup<K extends SettingKey>(
  group: SettingGroup,
  controls: Record<K, FieldControl>,
): Record<K, SettingField> {
  const fields = (Object.entries(controls) as [K, FieldControl][]).map(([key, control]) => [
    key,
    typeof control === 'string' ? { group, control } : { group, ...control },
  ])
  return Object.fromEntries(fields) as Record<K, SettingField>
}

export const SETTING_FIELDS: Record<SettingKey, SettingField> = {
  ...inGroup('clinic', {
    clinicName: 'optional-text',
    clinicPhone: 'tel',
    clinicWebsite: 'url',
    clinicLogo: 'logo',
  }),
  ...inGroup('help', {
    region: 'region',
    emergencyNumber: 'tel',
    outOfHoursEn: 'optional-text',
    outOfHoursEs: 'optional-text',
    crisisLineEn: 'optional-text',
    crisisLineEs: 'optional-text',
    dateFormat: choice(DATE_FORMATS),
  }),
  ...inGroup('kiosk', {
    defaultLocale: 'language',
    staffLanguage: 'language',
    idleTimeoutSeconds: 'seconds',
    staffIdleSeconds: 'seconds',
    explainIdleSeconds: 'seconds',
    kioskLock: 'switch',
    onScreenKeyboard: choice(KEYBOARD_MODES),
    hideUncheckedItems: 'switch',
  }),
  ...inGroup('print', { paperSize: choice(PAPER_SIZES), printerName: 'printer', patientPrinting: 'switch' }),
  ...inGroup('network', {
    feedAddress: 'optional-text',
    feedCheckTime: 'optional-text',
    countsOutFolder: 'optional-text',
    kioskName: 'optional-text',
  }),
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
