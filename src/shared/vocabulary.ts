/**
 * The fixed words of the content model, with no schema library attached, so
 * the renderer and the preload can use them without bundling zod. The zod
 * schemas in contract.ts are built from these.
 */
/**
 * The languages are data, not code: a kiosk offers the languages its content
 * carries (content files named <id>.<code>.yaml) and its screens have a
 * messages file for (src/renderer/src/locales/<code>.yaml). English is the
 * source language: every item is written in it first, and an item not yet
 * translated is shown in it, with a note.
 */
export const SOURCE_LOCALE = 'en'
/** A language code as files are named: two lower-case letters (ISO 639-1). */
export const LOCALE_CODE = /^[a-z]{2}$/
export type Locale = string

/** A language's own data, beside its messages in its file. */
export interface LanguageData {
  /** The language's name in itself, as the language switch shows it: "Español". */
  name: string
  /** Right-to-left scripts are out of scope for now: the build refuses anything but ltr. */
  direction: 'ltr'
  /** The BCP 47 tag dates are formatted with: "en-GB" (day before month). */
  dateLocale: string
  /**
   * The on-screen keyboard layout for typing in this language (a file in
   * src/renderer/src/features/keyboard/layouts/); null: the source language's.
   */
  keyboard: string | null
}

/** Text in the source language and, where translated, in others. */
export type LocalText = { [SOURCE_LOCALE]: string } & Partial<Record<Locale, string>>

export const ITEM_KINDS = ['condition', 'procedure', 'guide'] as const

/**
 * How often a risk happens, most often first: the scale European medicine
 * leaflets use, plus "unknown" where no source gives a frequency.
 */
export const FREQUENCY_BANDS = ['very-common', 'common', 'uncommon', 'rare', 'very-rare', 'unknown'] as const
export type FrequencyBandId = (typeof FREQUENCY_BANDS)[number]

export interface FrequencyBandDefinition {
  /** The band's bound: more than 1 in 10, or up to 1 in m; none for "unknown". */
  bound: { relation: 'more-than' | 'up-to'; n: 1; m: number } | null
}

/**
 * Each band's numbers, defined once: the icon arrays on screen and on paper
 * draw them. Its words ("uncommon", "Uncommon: up to 1 in 100 people") are
 * the language's, in its messages file (`bands` in
 * src/renderer/src/locales/<code>.json), as a language writes its numbers.
 */
export const FREQUENCY_SCALE: Readonly<Record<FrequencyBandId, FrequencyBandDefinition>> = {
  'very-common': { bound: { relation: 'more-than', n: 1, m: 10 } },
  common: { bound: { relation: 'up-to', n: 1, m: 10 } },
  uncommon: { bound: { relation: 'up-to', n: 1, m: 100 } },
  rare: { bound: { relation: 'up-to', n: 1, m: 1000 } },
  'very-rare': { bound: { relation: 'up-to', n: 1, m: 10000 } },
  unknown: { bound: null },
}

/** Recovery milestones, in the order a patient lives them. */
export const RECOVERY_PERIODS = ['same-day', 'day-1-2', 'days-3-7', 'weeks-2-6', 'months'] as const

export const RED_FLAG_LEVELS = ['call', 'emergency'] as const

/**
 * The triage policy's levels, most urgent first (content/triage.*.yaml words
 * each one once, in each language). A warning sign's level comes from the
 * policy's rule for its (sign, context) pair, never from the item.
 */
export const TRIAGE_LEVELS = ['emergency', 'urgent-same-day', 'call-clinic', 'next-visit'] as const
export type TriageLevelId = (typeof TRIAGE_LEVELS)[number]
