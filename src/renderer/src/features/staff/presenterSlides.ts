import type { AnatomyPartId } from '@shared/anatomy'
import type { Milestone, Procedure, RedFlag, Risk, Step } from '@shared/contract'
import { claimText } from '@shared/items'
import {
  FREQUENCY_BANDS,
  RECOVERY_PERIODS,
  TRIAGE_LEVELS,
  type FrequencyBandId,
  type TriageLevelId,
} from '@shared/vocabulary'

/**
 * The consent talk as chapters, in the order a consent conversation takes: what
 * it is, how it can help, the risks with their numbers, the alternatives
 * (waiting and doing nothing included: the content's "alternatives" section
 * says so), a pause for questions, what happens step by step, recovery, the
 * warning signs, and what next. Each chapter is a list of blocks that must not
 * be split; the presenter measures them on the screen in use and deals them
 * onto as many slides as they need (usePresenterPages).
 */
export type Topic =
  'what' | 'benefits' | 'risks' | 'alternatives' | 'pause' | 'step' | 'recovery' | 'warning' | 'finish'

export type SlideBlock =
  | { kind: 'lead'; text: string; duration: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'picture'; picture: Step['picture'] }
  | { kind: 'diagram'; part: AnatomyPartId | null }
  /** A band's heading and icon array: it stays with the risk after it. */
  | { kind: 'band'; band: FrequencyBandId }
  | { kind: 'risk'; risk: Risk }
  | { kind: 'step'; step: Step }
  | { kind: 'milestone'; milestone: Milestone }
  /**
   * Who to call, or one triage level's box of warning signs: all of them, or
   * (`redFlags`) a part of a long level's signs, dealt as a block of its own.
   */
  | { kind: 'warning-signs'; only: 'who' | TriageLevelId; redFlags?: RedFlag[] }
  | { kind: 'pause' }
  /** What next: the quiz and the handout. */
  | { kind: 'finish' }
  /** A few of the questions to ask (the first group under the list's heading), dealt like any block. */
  | { kind: 'questions'; questions: string[]; first: boolean }

export interface Chapter {
  /** Stable across languages and screen sizes: where the presenter is, whatever the layout. */
  key: string
  topic: Topic
  /** The content's own heading (in the patient's language), or null for the presenter's words. */
  heading: string | null
  /** Step chapters: the step's number, from 1. */
  step?: number
  blocks: SlideBlock[]
}

/** Sections with a chapter of their own; "evidence" stays on the handout and the patient's screens. */
const NOT_WHAT_IT_IS = new Set(['benefits', 'alternatives', 'evidence'])

/** The questions to ask come in groups this size: a long list as one block split over two columns on a laptop. */
const QUESTIONS_PER_BLOCK = 3
/** At most this many warning signs in one block (a triage level's box, or a part of it). */
const SIGNS_PER_BLOCK = 3

/** Blocks that must not end a slide: they introduce what follows. */
function keepsWithNext(block: SlideBlock): boolean {
  return block.kind === 'band'
}

export function chaptersOf(procedure: Procedure): Chapter[] {
  const section = (key: string) => procedure.sections.find((s) => s.key === key)
  const paragraphs = (key: string): SlideBlock[] =>
    (section(key)?.paragraphs ?? []).map((p) => ({ kind: 'paragraph', text: claimText(p) }))

  const what = procedure.sections.filter((s) => !NOT_WHAT_IT_IS.has(s.key))
  const chapters: Chapter[] = what.map((s, index) => ({
    key: `what-${s.key}`,
    topic: 'what',
    heading: s.heading,
    blocks: [
      ...(index === 0
        ? ([
            { kind: 'picture', picture: procedure.picture },
            { kind: 'lead', text: procedure.summary, duration: procedure.duration },
            ...(procedure.anatomy ? [{ kind: 'diagram', part: procedure.anatomy }] : []),
          ] as SlideBlock[])
        : []),
      ...s.paragraphs.map((p): SlideBlock => ({ kind: 'paragraph', text: claimText(p) })),
    ],
  }))

  const benefits = section('benefits')
  if (benefits)
    chapters.push({
      key: 'benefits',
      topic: 'benefits',
      heading: benefits.heading,
      blocks: paragraphs('benefits'),
    })

  if (procedure.risks.length > 0) {
    const blocks: SlideBlock[] = []
    for (const band of FREQUENCY_BANDS) {
      const risks = procedure.risks.filter((risk) => risk.band === band)
      if (risks.length === 0) continue
      blocks.push({ kind: 'band', band }, ...risks.map((risk): SlideBlock => ({ kind: 'risk', risk })))
    }
    chapters.push({ key: 'risks', topic: 'risks', heading: null, blocks })
  }

  const alternatives = section('alternatives')
  if (alternatives) {
    chapters.push({
      key: 'alternatives',
      topic: 'alternatives',
      heading: alternatives.heading,
      blocks: paragraphs('alternatives'),
    })
  }

  chapters.push({ key: 'pause', topic: 'pause', heading: null, blocks: [{ kind: 'pause' }] })

  procedure.steps.forEach((step, index) => {
    chapters.push({
      key: `step-${index + 1}`,
      topic: 'step',
      heading: step.title,
      step: index + 1,
      blocks: [
        { kind: 'picture', picture: step.picture },
        { kind: 'step', step },
        ...(step.anatomy ? [{ kind: 'diagram', part: step.anatomy } as SlideBlock] : []),
      ],
    })
  })

  if (procedure.recovery.length > 0) {
    const milestones = [...procedure.recovery].sort(
      (a, b) => RECOVERY_PERIODS.indexOf(a.period) - RECOVERY_PERIODS.indexOf(b.period),
    )
    chapters.push({
      key: 'recovery',
      topic: 'recovery',
      heading: null,
      blocks: milestones.map((milestone): SlideBlock => ({ kind: 'milestone', milestone })),
    })
  }

  if (procedure.redFlags.length > 0) {
    const levels = TRIAGE_LEVELS.filter((level) => procedure.redFlags.some((flag) => flag.level === level))
    chapters.push({
      key: 'warning',
      topic: 'warning',
      heading: null,
      blocks: [
        { kind: 'warning-signs', only: 'who' },
        ...levels.flatMap((level): SlideBlock[] => {
          // A box of five emergency signs in Spanish is taller than a laptop's slide: at
          // most three signs a box, each part under its level's heading.
          const flags = procedure.redFlags.filter((flag) => flag.level === level)
          if (flags.length <= SIGNS_PER_BLOCK) return [{ kind: 'warning-signs', only: level }]
          const parts: SlideBlock[] = []
          for (let from = 0; from < flags.length; from += SIGNS_PER_BLOCK)
            parts.push({
              kind: 'warning-signs',
              only: level,
              redFlags: flags.slice(from, from + SIGNS_PER_BLOCK),
            })
          return parts
        }),
      ],
    })
  }

  const questions: SlideBlock[] = []
  for (let from = 0; from < procedure.questionsToAsk.length; from += QUESTIONS_PER_BLOCK)
    questions.push({
      kind: 'questions',
      questions: procedure.questionsToAsk.slice(from, from + QUESTIONS_PER_BLOCK),
      first: from === 0,
    })
  chapters.push({ key: 'finish', topic: 'finish', heading: null, blocks: [{ kind: 'finish' }, ...questions] })
  return chapters
}

/** One screen of the talk: a chapter's blocks from `from` up to `to`, page `page` of `pages`. */
export interface Slide {
  chapter: Chapter
  page: number
  pages: number
  blocks: SlideBlock[]
  /** How much each block is shrunk to fit (1: not at all); only a unit (unitEnd) alone on its slide is. */
  scales: number[]
}

/**
 * Deals a chapter's blocks onto slides, given where each slide must end: `ends`
 * holds, for each slide but the last, the index of the first block of the next;
 * `scales`, by a block's index in the chapter, how much it is shrunk to fit.
 */
export function slidesOf(chapter: Chapter, ends: number[], scales: Record<number, number> = {}): Slide[] {
  const bounds = [0, ...ends, chapter.blocks.length]
  const pages = bounds.length - 1
  return Array.from({ length: pages }, (_, page) => {
    const from = bounds[page]!
    const to = bounds[page + 1]!
    return {
      chapter,
      page,
      pages,
      blocks: chapter.blocks.slice(from, to),
      scales: Array.from({ length: to - from }, (_, i) => scales[from + i] ?? 1),
    }
  })
}

/**
 * Where the unit of blocks that starts at `from` ends: a block that keeps with
 * the next (a band's heading) and the block after it go onto a slide together,
 * so a heading is never at the foot of a slide nor alone on one.
 */
export function unitEnd(blocks: readonly SlideBlock[], from: number): number {
  let to = from + 1
  while (to < blocks.length && keepsWithNext(blocks[to - 1]!)) to++
  return to
}

/**
 * Whether blocks are one unit of more than one block (a band's heading and its
 * first risk) and nothing else: on a slide of their own, the heading may stand
 * at the top of its own column, so a risk too tall to go under it takes the
 * next column whole instead of being split or shrunk.
 */
export function isLooseUnit(blocks: readonly SlideBlock[]): boolean {
  return blocks.length > 1 && unitEnd(blocks, 0) === blocks.length
}

/**
 * Where a chapter's slides must break, from a measure: `fits(from, to)` says
 * whether blocks [from, to) fit one slide. Greedy, as a printer fills a page: as
 * many units (unitEnd) as fit, at least one. A unit too tall for any slide
 * stands alone and is shrunk to fit (fitScale).
 */
export function breaksOf(
  blocks: readonly SlideBlock[],
  fits: (from: number, to: number) => boolean,
): number[] {
  const ends: number[] = []
  let from = 0
  while (from < blocks.length) {
    let to = unitEnd(blocks, from)
    while (to < blocks.length && fits(from, unitEnd(blocks, to))) to = unitEnd(blocks, to)
    if (to < blocks.length) ends.push(to)
    from = to
  }
  return ends
}

/** The smallest a block is ever drawn: below it, the slide scrolls rather than the text turning small. */
export const SMALLEST_SCALE = 0.75

/**
 * How much a block taller than any slide is shrunk so that it fits alone:
 * `fitsAt(scale)` says whether it fits drawn at that scale. 1 when it fits as
 * it is; else the largest scale that fits, found by halving (to within 0.5 %),
 * never below `smallest` (SMALLEST_SCALE; less on a slide drawn larger, so a
 * block there may shrink back to the same smallest size as on any other).
 */
export function fitScale(fitsAt: (scale: number) => boolean, smallest = SMALLEST_SCALE): number {
  if (fitsAt(1)) return 1
  if (!fitsAt(smallest)) return smallest
  let fits = smallest
  let tooBig = 1
  while (tooBig - fits > 0.005) {
    const mid = (fits + tooBig) / 2
    if (fitsAt(mid)) fits = mid
    else tooBig = mid
  }
  return fits
}
