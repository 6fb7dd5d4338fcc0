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
  /** The band's name, as a patient reads it (lower case, to fit in a sentence). */
  words: LocalText
  /** The band in numbers, as a patient reads it; none for "unknown". */
  numbers: LocalText | null
}

/**
 * Each band defined once, with its words and its numbers: the risk screens,
 * the icon arrays and the handouts take them from here.
 */
export const FREQUENCY_SCALE: Readonly<Record<FrequencyBandId, FrequencyBandDefinition>> = {
  'very-common': {
    bound: { relation: 'more-than', n: 1, m: 10 },
    words: { en: 'very common', es: 'muy frecuente' },
    numbers: { en: 'more than 1 in 10 people', es: 'más de 1 de cada 10 personas' },
  },
  common: {
    bound: { relation: 'up-to', n: 1, m: 10 },
    words: { en: 'common', es: 'frecuente' },
    numbers: { en: 'up to 1 in 10 people', es: 'hasta 1 de cada 10 personas' },
  },
  uncommon: {
    bound: { relation: 'up-to', n: 1, m: 100 },
    words: { en: 'uncommon', es: 'poco frecuente' },
    numbers: { en: 'up to 1 in 100 people', es: 'hasta 1 de cada 100 personas' },
  },
  rare: {
    bound: { relation: 'up-to', n: 1, m: 1000 },
    words: { en: 'rare', es: 'raro' },
    numbers: { en: 'up to 1 in 1,000 people', es: 'hasta 1 de cada 1000 personas' },
  },
  'very-rare': {
    bound: { relation: 'up-to', n: 1, m: 10000 },
    words: { en: 'very rare', es: 'muy raro' },
    numbers: { en: 'up to 1 in 10,000 people', es: 'hasta 1 de cada 10 000 personas' },
  },
  unknown: {
    bound: null,
    words: { en: 'how often this happens is not known', es: 'no se sabe con qué frecuencia ocurre' },
    numbers: null,
  },
}

/** What a patient should do if a risk happens. */
export const RISK_ACTIONS = ['none', 'call', 'emergency'] as const

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
