/**
 * Plain-language measures for patient text. English uses the Flesch-Kincaid
 * grade (the `flesch-kincaid` and `syllable` packages); Spanish uses the
 * Fernández-Huerta reading ease with a Spanish syllable count.
 */
import { fleschKincaid } from 'flesch-kincaid'
import { syllable } from 'syllable'
import type { Locale } from '../../shared/contract.ts'

export interface TextStats {
  sentences: number
  words: number
  syllables: number
  longestSentence: number
}

const sentenceSegmenters = new Map<string, Intl.Segmenter>()
const wordSegmenters = new Map<string, Intl.Segmenter>()

function segmenter(cache: Map<string, Intl.Segmenter>, locale: string, granularity: 'sentence' | 'word') {
  let s = cache.get(locale)
  if (!s) {
    s = new Intl.Segmenter(locale, { granularity })
    cache.set(locale, s)
  }
  return s
}

export function sentencesOf(text: string, locale: Locale): string[] {
  return [...segmenter(sentenceSegmenters, locale, 'sentence').segment(text)]
    .map((s) => s.segment.trim())
    .filter((s) => wordsOf(s, locale).length > 0)
}

export function wordsOf(text: string, locale: Locale): string[] {
  return [...segmenter(wordSegmenters, locale, 'word').segment(text)]
    .filter((w) => w.isWordLike)
    .map((w) => w.segment)
}

/**
 * Spanish syllables: one per vowel nucleus, where a weak vowel (i, u) next to
 * another vowel forms a diphthong unless it carries an accent.
 */
export function spanishSyllables(word: string): number {
  const w = word.toLowerCase().replace(/[^a-záéíóúüñ]/g, '')
  if (!w) return 0
  const strong = 'aeoáéó'
  const vowels = 'aeiouáéíóúü'
  let count = 0
  let prev = ''
  for (const ch of w) {
    if (!vowels.includes(ch)) {
      prev = ''
      continue
    }
    // Two vowels together share a syllable unless both are strong or an
    // accented weak vowel breaks the diphthong (hiatus).
    const sharesSyllable =
      prev !== '' &&
      !(strong.includes(prev) && strong.includes(ch)) &&
      !'íú'.includes(ch) &&
      !'íú'.includes(prev)
    if (!sharesSyllable) count++
    prev = ch
  }
  // "que", "qui", "gue", "gui": the u is silent and was already merged above.
  return Math.max(count, 1)
}

export function statsOf(text: string, locale: Locale): TextStats {
  const sentences = sentencesOf(text, locale)
  let words = 0
  let syllables = 0
  let longestSentence = 0
  for (const s of sentences) {
    const ws = wordsOf(s, locale)
    words += ws.length
    longestSentence = Math.max(longestSentence, ws.length)
    for (const w of ws) syllables += locale === 'es' ? spanishSyllables(w) : /^\d/.test(w) ? 1 : syllable(w)
  }
  return { sentences: sentences.length, words, syllables, longestSentence }
}

/** US school grade needed to read English text; lower is easier. */
export function fleschKincaidGrade(text: string): number {
  const s = statsOf(text, 'en')
  if (s.words === 0) return 0
  return fleschKincaid({ sentence: s.sentences, word: s.words, syllable: s.syllables })
}

/** Fernández-Huerta reading ease for Spanish: 0-100, higher is easier (60+ is plain). */
export function fernandezHuerta(text: string): number {
  const s = statsOf(text, 'es')
  if (s.words === 0) return 100
  return 206.84 - 60 * (s.syllables / s.words) - 102 * (s.sentences / s.words)
}

export const READABILITY_LIMITS = {
  maxGradePerParagraph: 8,
  maxMeanGrade: 6.5,
  maxWordsPerSentence: 20,
} as const
