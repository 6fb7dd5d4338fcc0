/**
 * The frequency bands' words for the screens' message catalogues, taken from
 * their one definition (FREQUENCY_SCALE in vocabulary.ts).
 */
import { FREQUENCY_BANDS, FREQUENCY_SCALE, SOURCE_LOCALE } from './vocabulary.ts'
import type { FrequencyBandId, Locale } from './vocabulary.ts'

/** Each band's name, lower case: "common", "how often this happens is not known". */
export function bandWords(locale: Locale): Record<FrequencyBandId, string> {
  return Object.fromEntries(FREQUENCY_BANDS.map((b) => [b, wordsOf(b, locale)])) as Record<
    FrequencyBandId,
    string
  >
}

/** Each band's name as a heading: "Common", "How often this happens is not known". */
export function bandHeadings(locale: Locale): Record<FrequencyBandId, string> {
  return Object.fromEntries(
    FREQUENCY_BANDS.map((b) => {
      const words = wordsOf(b, locale)
      return [b, words.charAt(0).toUpperCase() + words.slice(1)]
    }),
  ) as Record<FrequencyBandId, string>
}

/** A band's words in a language the scale has them in, else in English. */
function wordsOf(band: FrequencyBandId, locale: Locale): string {
  const words = FREQUENCY_SCALE[band].words
  return words[locale] ?? words[SOURCE_LOCALE]
}
