/**
 * The content checks a clinician would want before text reaches a patient:
 * plain language, originality against the source articles, none of the
 * sources' known errors, every required part present in both languages,
 * glossary coverage, honest review status, and translations up to date.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { RECOVERY_PERIODS, SOURCE_LOCALE } from '../../shared/contract.ts'
import type { Locale } from '../../shared/contract.ts'
import type { ContentLibrary, LoadedItem } from './load.ts'
import {
  READABILITY_LIMITS,
  fernandezHuerta,
  fleschKincaidGrade,
  sentencesOf,
  wordsOf,
} from './readability.ts'
import {
  REVIEW_STATUS,
  TopicDoc,
  patientTexts as textsOf,
  structureDifferences,
  structureOf,
} from '../../shared/items.ts'

type ItemSource = TopicDoc

export interface ItemReport {
  id: string
  locale: Locale
  file: string
  /** English: mean and worst Flesch-Kincaid grade. Spanish: mean Fernández-Huerta ease. */
  readability: { mean: number; worst: number; texts: number }
  longestSentence: number
  /** Only ever true: no clinician of the clinic has reviewed the content yet (issue #19). */
  review: typeof REVIEW_STATUS
  stale: boolean
  problems: string[]
}

export interface CheckReport {
  items: ItemReport[]
  /** Problems that belong to no single item (glossary, the library as a whole). */
  library: string[]
  meanGrade: number
  ok: boolean
}

/** Every piece of patient text in an item, with where it sits (the schema marks it). */
export function patientTexts(item: ItemSource): { field: string; text: string }[] {
  return textsOf(TopicDoc, item)
}

/** Texts scored for readability: running prose, not headings, names or answer options. */
function isProse(field: string): boolean {
  return !/(\.heading|^title|\.title|\.name|options\[\d+\]|\.question|^questionsToAsk)/.test(field)
}

/**
 * The source articles' known errors (shared/sources/README.md), and their
 * marketing language: none may reach a patient.
 */
export const KNOWN_SOURCE_ERRORS: { pattern: RegExp; why: string }[] = [
  { pattern: /helium/i, why: 'diving risk is decompression sickness (nitrogen bubbles), not helium' },
  { pattern: /oxygen (cylinder|tank|bottle)/i, why: 'carrying oxygen cylinders is not the diving risk' },
  {
    pattern: /meridian|\bdu vein\b|\bqi\b|patting (the|your) hips?/i,
    why: 'the "prevention" paragraph in source 000 is not medicine',
  },
  { pattern: /intestinal (lumbar|tibia)/i, why: 'mistranslation: iliopsoas / iliotibial band' },
  { pattern: /skin ?nerve/i, why: 'mistranslation: lateral femoral cutaneous nerve' },
  { pattern: /adoptammatory/i, why: 'broken word in source 001: anti-inflammatory' },
  { pattern: /x-rays?\b[^.]{0,40}\binvasive/i, why: 'x-rays are not invasive' },
  {
    pattern: /revolutionary|miracle|cure[sd]? (your|the) (pain|arthritis)/i,
    why: 'marketing language, not honest information',
  },
]

/** Medical words that, when used, must be in the glossary (English stems). */
export const MEDICAL_WORDS = [
  'corticosteroid',
  'anaesthetic',
  'bursa',
  'bursitis',
  'cartilage',
  'labrum',
  'labral',
  'ultrasound',
  'fluoroscopy',
  'osteoarthritis',
  'osteonecrosis',
  'tendon',
  'tendinopathy',
  'inflammation',
  'synovial',
  'impingement',
  'hyaluronic',
  'platelet',
  'fibromyalgia',
  'iliotibial',
  'iliopsoas',
  'ischial',
  'meralgia',
  'septic',
  'contrast dye',
  'rheumatoid',
  'ankylosing',
  'antiseptic',
]

const SOURCE_RUN = 10

function wordRuns(text: string): string[] {
  return text.toLowerCase().match(/[a-z0-9']+/g) ?? []
}

/** Every 10-word run in the source articles, to catch copied text. */
export function sourceRuns(sourcesDir: string): Set<string> {
  const runs = new Set<string>()
  if (!existsSync(sourcesDir)) return runs
  for (const f of readdirSync(sourcesDir).filter((n) => n.endsWith('.txt'))) {
    const w = wordRuns(readFileSync(join(sourcesDir, f), 'utf8'))
    for (let i = 0; i + SOURCE_RUN <= w.length; i++) runs.add(w.slice(i, i + SOURCE_RUN).join(' '))
  }
  return runs
}

export function copiedRun(text: string, runs: Set<string>): string | null {
  const w = wordRuns(text)
  for (let i = 0; i + SOURCE_RUN <= w.length; i++) {
    const run = w.slice(i, i + SOURCE_RUN).join(' ')
    if (runs.has(run)) return run
  }
  return null
}

/**
 * Patient text that claims a clinical review (a reviewer, a role, a date): no
 * clinician of the clinic has reviewed the content yet, so none may say so.
 * (The schema refuses review fields; this catches the claim written as prose.)
 */
export const REVIEW_CLAIM =
  /\b(?:clinically )?(?:reviewed|checked|approved) (?:by|on) (?:a |our |the )?(?:doctor|clinician|consultant|specialist|\d)|\brevisad[oa] (?:por|el) (?:un |una |el |la |nuestr[oa] )?(?:médic|profesional|especialista|\d)/i

/** Each sentence of a text longer than patient text may be, said as the checks say it. */
function longSentences(text: string, locale: Locale): string[] {
  return sentencesOf(text, locale).flatMap((s) => {
    const n = wordsOf(s, locale).length
    return n > READABILITY_LIMITS.maxWordsPerSentence ? [`a sentence of ${n} words (20 at most): "${s}"`] : []
  })
}

function procedureProblems(item: ItemSource): string[] {
  if (item.kind !== 'procedure') return []
  const problems: string[] = []
  const periods = new Set(item.recovery.map((m) => m.period))
  const missing = RECOVERY_PERIODS.filter((p) => !periods.has(p))
  if (missing.length) problems.push(`recovery: no milestone for ${missing.join(', ')}`)
  if (item.quiz.length < 3 || item.quiz.length > 5)
    problems.push(`quiz: has ${item.quiz.length} questions; write 3 to 5`)
  if (item.questionsToAsk.length < 3)
    problems.push('questionsToAsk: list at least 3 questions a patient may ask')
  if (item.faqs.length < 2) problems.push('faqs: write at least 2')
  return problems
}

export interface CheckOptions {
  /** Folder of the source articles; originality is checked when it exists. */
  sourcesDir?: string
}

export function checkLibrary(library: ContentLibrary, options: CheckOptions): CheckReport {
  const runs = options.sourcesDir ? sourceRuns(options.sourcesDir) : new Set<string>()
  const english = new Map(library.items.filter((i) => i.locale === 'en').map((i) => [i.item.id, i]))
  const glossaryByLocale = new Map<Locale, { id: string; words: string[] }[]>()
  for (const { locale, term } of library.glossary) {
    const list = glossaryByLocale.get(locale) ?? []
    list.push({ id: term.id, words: [term.term, ...term.forms].map((w) => w.toLowerCase()) })
    glossaryByLocale.set(locale, list)
  }
  const englishWords = (glossaryByLocale.get('en') ?? []).flatMap((t) => t.words)
  const allGrades: number[] = []

  const items = library.items.map((loaded: LoadedItem): ItemReport => {
    const { item, locale, file } = loaded
    const problems: string[] = []
    const scores: number[] = []
    let longestSentence = 0
    const texts = patientTexts(item)
    for (const { field, text } of texts) {
      for (const s of sentencesOf(text, locale)) {
        const n = wordsOf(s, locale).length
        longestSentence = Math.max(longestSentence, n)
        if (n > READABILITY_LIMITS.maxWordsPerSentence)
          problems.push(`${field}: a sentence of ${n} words (20 at most): "${s}"`)
      }
      if (REVIEW_CLAIM.test(text)) {
        problems.push(
          `${field}: review honesty: claims a clinical review; the content is not yet reviewed by a clinician`,
        )
      }
      for (const { pattern, why } of KNOWN_SOURCE_ERRORS) {
        if (pattern.test(text)) problems.push(`${field}: repeats a known error of the sources (${why})`)
      }
      const copied = copiedRun(text, runs)
      if (copied) problems.push(`${field}: copies 10 words in a row from a source article: "${copied}"`)
      if (!isProse(field)) continue
      if (locale === 'en') {
        const grade = fleschKincaidGrade(text)
        scores.push(grade)
        allGrades.push(grade)
        if (grade > READABILITY_LIMITS.maxGradePerParagraph) {
          problems.push(`${field}: reading grade ${grade.toFixed(1)} (8 at most): "${text}"`)
        }
      } else if (locale === 'es') {
        // A readability formula is made for one language; a language without one is not scored.
        scores.push(fernandezHuerta(text))
      }
    }

    if (locale === 'en') {
      const all = texts.map((t) => t.text.toLowerCase()).join('\n')
      for (const word of MEDICAL_WORDS) {
        if (all.includes(word) && !englishWords.some((w) => w.includes(word) || word.includes(w))) {
          problems.push(`glossary: "${word}" is used but not defined in the glossary`)
        }
      }
      if (
        /septic arthritis|joint infection|infection (in|of) (the|your) (hip )?joint/i.test(all) &&
        !/emergency/i.test(all)
      ) {
        problems.push('joint infection is mentioned but not called an emergency')
      }
      for (const other of library.locales.filter((l) => l !== SOURCE_LOCALE)) {
        if (!library.items.some((i) => i.locale === other && i.item.id === item.id)) {
          problems.push(`missing translation: no ${other} version`)
        }
      }
      problems.push(...procedureProblems(item))
    } else {
      const original = english.get(item.id)
      if (original) {
        // Everything but the words must match: pictures, bands, links, answers, order, and how many of each.
        problems.push(
          ...structureDifferences(structureOf(TopicDoc, original.item), structureOf(TopicDoc, item)),
        )
      }
    }

    const stale = locale !== 'en' && item.translatedFrom !== english.get(item.id)?.textHash
    if (stale) {
      problems.push(
        item.translatedFrom
          ? 'stale translation: the English text changed after this translation was made'
          : 'translation has no translatedFrom hash',
      )
    }
    const mean = scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : 0
    return {
      id: item.id,
      locale,
      file,
      readability: {
        mean,
        worst: locale === 'en' ? Math.max(0, ...scores) : Math.min(100, ...scores),
        texts: scores.length,
      },
      longestSentence,
      review: REVIEW_STATUS,
      stale,
      problems,
    }
  })

  const library_: string[] = []
  const en = glossaryByLocale.get('en') ?? []
  for (const other of library.locales.filter((l) => l !== SOURCE_LOCALE)) {
    const ids = new Set((glossaryByLocale.get(other) ?? []).map((t) => t.id))
    for (const t of en) if (!ids.has(t.id)) library_.push(`glossary: "${t.id}" has no ${other} definition`)
  }
  const englishSources = new Map(
    library.glossary.filter((g) => g.locale === 'en').map((g) => [g.term.id, g.term.sources]),
  )
  for (const { locale, term } of library.glossary) {
    // A meaning is patient text like any other: held to the same sentence length.
    for (const long of longSentences(term.definition, locale))
      library_.push(`glossary: the definition of "${term.id}" (${locale}): ${long}`)
    if (locale !== 'en') {
      // The same claims, so the same sources: a translation cites what its English cites.
      const english = englishSources.get(term.id)
      const list = (ids: readonly string[]) => (ids.length ? ids.join(', ') : 'none')
      if (english && list([...english].sort()) !== list([...term.sources].sort()))
        library_.push(
          `glossary: "${term.id}" in ${locale} cites other sources than its English (en: ${list(english)}; ${locale}: ${list(term.sources)})`,
        )
      continue
    }
    const grade = fleschKincaidGrade(term.definition)
    if (grade > READABILITY_LIMITS.maxGradePerParagraph) {
      library_.push(`glossary: the definition of "${term.id}" reads at grade ${grade.toFixed(1)}`)
    }
  }
  for (const locale of library.locales) {
    const parts = library.anatomy.find((a) => a.locale === locale)?.parts
    if (!parts) {
      library_.push(
        `anatomy: no ${locale} descriptions of the parts of the hip (content/anatomy.${locale}.yaml)`,
      )
      continue
    }
    for (const part of parts) {
      for (const long of longSentences(part.description, locale))
        library_.push(`anatomy: the description of "${part.id}" (${locale}): ${long}`)
      if (locale === 'en') {
        const grade = fleschKincaidGrade(part.description)
        allGrades.push(grade)
        if (grade > READABILITY_LIMITS.maxGradePerParagraph) {
          library_.push(`anatomy: the description of "${part.id}" reads at grade ${grade.toFixed(1)}`)
        }
      }
      const copied = copiedRun(part.description, runs)
      if (copied) library_.push(`anatomy: "${part.id}" copies 10 words from a source article: "${copied}"`)
    }
  }
  // The triage policy's words are on every warning box and risk: held to the same
  // sentence length and originality as the items' own text, and a sign (what the
  // patient notices) to the same reading grade. A level is one short fixed phrase
  // naming the service ("Emergency: call an ambulance or go to the emergency
  // department now."): a grade formula on ten words only counts those names'
  // syllables, so a level is held to sentence length alone.
  for (const { locale, words } of library.triage.words) {
    const texts = [
      ...words.levels.map((l) => ({ what: `level "${l.id}"`, text: l.text, graded: false })),
      ...words.contexts.map((c) => ({ what: `context "${c.id}"`, text: c.text, graded: false })),
      ...words.signs.map((s) => ({ what: `sign "${s.id}"`, text: s.text, graded: true })),
    ]
    for (const { what, text, graded } of texts) {
      const where = `triage.${locale}: ${what}`
      for (const long of longSentences(text, locale)) library_.push(`${where}: ${long}`)
      if (graded && locale === 'en') {
        const grade = fleschKincaidGrade(text)
        if (grade > READABILITY_LIMITS.maxGradePerParagraph)
          library_.push(`${where}: reading grade ${grade.toFixed(1)} (8 at most): "${text}"`)
      }
      const copied = copiedRun(text, runs)
      if (copied) library_.push(`${where}: copies 10 words from a source article: "${copied}"`)
    }
  }
  const meanGrade = allGrades.length ? allGrades.reduce((a, b) => a + b, 0) / allGrades.length : 0
  if (meanGrade > READABILITY_LIMITS.maxMeanGrade) {
    library_.push(`readability: the mean grade across the library is ${meanGrade.toFixed(2)} (6.5 at most)`)
  }
  return {
    items,
    library: library_,
    meanGrade,
    ok: library_.length === 0 && items.every((i) => i.problems.length === 0),
  }
}
