import { FREQUENCY_SCALE, type FrequencyBandId } from '@shared/vocabulary'

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
