/**
 * The consent presenter's chapters and how they are dealt onto slides
 * (features/staff/presenterSlides.ts): the talk's order, and the breaks a
 * measure gives, as a printer fills pages.
 */
import { describe, expect, it } from 'vitest'
import {
  breaksOf,
  chaptersOf,
  fitScale,
  isLooseUnit,
  slidesOf,
  unitEnd,
  type SlideBlock,
} from '../../src/renderer/src/features/staff/presenterSlides'
import { procedureEn } from './fixtures'

const paragraph = (text: string): SlideBlock => ({ kind: 'paragraph', text })
const band: SlideBlock = { kind: 'band', band: 'rare' }

/** A measure where each block is `heights[i]` tall and a slide holds `room`. */
function measure(heights: number[], room: number) {
  return (from: number, to: number) => heights.slice(from, to).reduce((a, b) => a + b, 0) <= room
}

describe('the consent presenter’s slides', () => {
  it('follow a consent talk: what it is, risks, alternatives (waiting included), a pause, the steps, recovery, warning signs', () => {
    const chapters = chaptersOf(procedureEn)
    expect(chapters.map((c) => c.key)).toEqual([
      'what-why',
      'risks',
      'alternatives',
      'pause',
      'step-1',
      'step-2',
      'step-3',
      'recovery',
      'warning',
      'finish',
    ])
    // The first "what it is" slide opens with the picture and the summary; risks come by band, most often first.
    expect(chapters[0]!.blocks.slice(0, 2).map((b) => b.kind)).toEqual(['picture', 'lead'])
    const risks = chapters[1]!.blocks
    expect(risks[0]!.kind).toBe('band')
    expect(risks.filter((b) => b.kind === 'risk')).toHaveLength(procedureEn.risks.length)
    // Who to call first, then each triage level's box.
    expect(chapters[8]!.blocks[0]).toEqual({ kind: 'warning-signs', only: 'who' })
  })

  it('deal a triage level with many warning signs in boxes of at most three, so the longest Spanish box fits a laptop', () => {
    const flag = procedureEn.redFlags.find((f) => f.level === 'emergency')!
    const five = Array.from({ length: 5 }, (_, i) => ({ ...flag, sign: `sign-${i}`, text: `Sign ${i}.` }))
    const warning = chaptersOf({ ...procedureEn, redFlags: five }).find((c) => c.key === 'warning')!
    expect(warning.blocks).toEqual([
      { kind: 'warning-signs', only: 'who' },
      { kind: 'warning-signs', only: 'emergency', redFlags: five.slice(0, 3) },
      { kind: 'warning-signs', only: 'emergency', redFlags: five.slice(3) },
    ])
  })

  it('end with what next: the quiz and handout, then the questions to ask in groups of three, so a long list is dealt like any other blocks and never split over two columns', () => {
    const questions = ['one?', 'two?', 'three?', 'four?', 'five?', 'six?', 'seven?']
    const finish = chaptersOf({ ...procedureEn, questionsToAsk: questions }).at(-1)!
    expect(finish.key).toBe('finish')
    expect(finish.blocks).toEqual([
      { kind: 'finish' },
      { kind: 'questions', questions: ['one?', 'two?', 'three?'], first: true },
      { kind: 'questions', questions: ['four?', 'five?', 'six?'], first: false },
      { kind: 'questions', questions: ['seven?'], first: false },
    ])
    // With no questions to ask, the invitation alone.
    expect(chaptersOf({ ...procedureEn, questionsToAsk: [] }).at(-1)!.blocks).toEqual([{ kind: 'finish' }])
  })

  it('fill each slide with as many blocks as fit, and never leave a band heading at the foot of one', () => {
    const blocks = [paragraph('a'), paragraph('b'), band, paragraph('c'), paragraph('d')]
    // a+b+band fit (30), but the band would be cut from its first risk: it goes over with it.
    expect(breaksOf(blocks, measure([10, 10, 10, 10, 10], 30))).toEqual([2])
    expect(breaksOf(blocks, measure([10, 10, 10, 10, 10], 100))).toEqual([])
  })

  it('keep a band heading with its first risk even when the two are too tall for a slide, never on a slide alone', () => {
    // The "Uncommon" band with its picture (274 px) and a risk card with its warning sign (517 px),
    // on a slide with 687 px of room: the pair gets a slide and is drawn smaller (unitEnd, fitScale).
    const blocks = [paragraph('a'), band, paragraph('tall risk'), paragraph('c')]
    expect(breaksOf(blocks, measure([300, 274, 517, 100], 687))).toEqual([1, 3])
    expect(unitEnd(blocks, 1)).toBe(3)
    expect(unitEnd(blocks, 0)).toBe(1)
    // A band that ends the chapter is a unit of its own.
    expect(unitEnd([paragraph('a'), band], 1)).toBe(2)
    // On a slide of its own, the pair may use two columns: the band in one, its risk whole in the next.
    expect(isLooseUnit([band, paragraph('tall risk')])).toBe(true)
    expect(isLooseUnit([band, paragraph('risk'), paragraph('another')])).toBe(false)
    expect(isLooseUnit([paragraph('a')])).toBe(false)
  })

  it('give a block taller than any slide a slide of its own, rather than lose it', () => {
    const blocks = [paragraph('a'), paragraph('tall'), paragraph('c')]
    expect(breaksOf(blocks, measure([10, 500, 10], 100))).toEqual([1, 2])
  })

  it('shrink a block taller than any slide just enough to fit it, and no further than the floor', () => {
    // A box 691 px tall on a slide with 687 px of room (the Spanish emergency box at 1920x1080).
    const fitsAt = (scale: number) => 691 * scale <= 687
    const scale = fitScale(fitsAt)
    expect(fitsAt(scale)).toBe(true)
    expect(scale).toBeGreaterThan(0.98)
    expect(scale).toBeLessThan(1)
    expect(fitScale(() => true)).toBe(1)
    // Nothing fits even at the floor: the floor, and the slide scrolls rather than the text turning tiny.
    expect(fitScale(() => false)).toBe(0.75)
    // On a slide drawn 1.4 times larger (large text), a block may shrink back to the usual smallest size.
    const large = (scale: number) => 500 * 1.4 * scale <= 400
    expect(fitScale(large)).toBe(0.75)
    const shrunk = fitScale(large, 0.75 / 1.4)
    expect(large(shrunk)).toBe(true)
    expect(shrunk).toBeLessThan(0.75)
    expect(fitScale(() => false, 0.75 / 1.4)).toBeCloseTo(0.536, 3)
  })

  it('carry each block’s scale onto its slide', () => {
    const chapter = {
      key: 'x',
      topic: 'warning' as const,
      heading: 'X',
      blocks: [paragraph('a'), paragraph('tall'), paragraph('c')],
    }
    expect(slidesOf(chapter, [1, 2], { 1: 0.9 }).map((s) => s.scales)).toEqual([[1], [0.9], [1]])
  })

  it('number the parts of a long chapter', () => {
    const chapter = {
      key: 'x',
      topic: 'what' as const,
      heading: 'X',
      blocks: [paragraph('a'), paragraph('b')],
    }
    expect(slidesOf(chapter, [1]).map((s) => [s.page, s.pages, s.blocks.length])).toEqual([
      [0, 2, 1],
      [1, 2, 1],
    ])
  })
})
