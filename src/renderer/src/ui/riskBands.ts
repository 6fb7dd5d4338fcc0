import { FREQUENCY_SCALE, SOURCE_LOCALE, type FrequencyBandId, type Locale } from '@shared/vocabulary'

/**
 * A band in words and numbers, from the one scale: "Uncommon: up to 1 in 100
 * people"; for "unknown", only its words ("How often this happens is not known").
 */
export function bandSentence(band: FrequencyBandId, locale: Locale): string {
  const { words, numbers } = FREQUENCY_SCALE[band]
  // The scale is worded in English and Spanish; another language reads the English words.
  const word = words[locale] ?? words[SOURCE_LOCALE]!
  const name = word.charAt(0).toUpperCase() + word.slice(1)
  return numbers ? `${name}: ${numbers[locale] ?? numbers[SOURCE_LOCALE]}` : `${name}.`
}

export interface BandPicture {
  n: number
  m: number
  /** "More than 1 in 10": the figure drawn is the band's floor, not its ceiling. */
  more: boolean
}

/**
 * The icon array a band is drawn as: its bound, 1 figure in m. On screen up to
 * 1 in 1,000 (a grid of dots, still readable at a kiosk's width); on paper up
 * to 1 in 100 (a thousand dots in a few centimetres would be a grey blur).
 * Beyond that, and for "unknown", the sentence alone.
 */
export function bandPicture(band: FrequencyBandId, medium: 'screen' | 'paper'): BandPicture | null {
  const bound = FREQUENCY_SCALE[band].bound
  if (!bound) return null
  if (bound.m > (medium === 'screen' ? 1000 : 100)) return null
  return { n: bound.n, m: bound.m, more: bound.relation === 'more-than' }
}
