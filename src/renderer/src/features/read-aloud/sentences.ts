/**
 * What "read aloud" reads: the visible text of the screen's main region, cut into
 * sentences (Intl.Segmenter, in the screen's language), each tied to the place
 * on the page it came from so it can be highlighted while it is spoken.
 */
import type { Locale } from '@shared/contract'
import { LOCALE_CODE } from '@shared/vocabulary'

export interface Sentence {
  /** What is said: the sentence with its white space collapsed. */
  text: string
  /** The language to say it in: the screen's, or the lang attribute around it (the attract screen's "Español"). */
  locale: Locale
  /** The paragraph, heading or list item the sentence sits in. */
  block: Element
  /** Exactly the sentence on the page, for the highlight. */
  range: Range
}

/**
 * Not read: pictures (their names are for screen readers), navigation (Back,
 * Next: the patient taps those, they are not the text), form fields, anything
 * hidden, and anything a component marks with data-read-aloud="skip". Buttons
 * are read: a tappable glossary word sits inside a sentence, and a quiz answer
 * is text the patient needs to hear.
 */
const SKIPPED = [
  'svg',
  'nav',
  'input',
  'select',
  'textarea',
  'script',
  'style',
  'template',
  '[aria-hidden="true"]',
  '[hidden]',
  '[inert]',
  '[data-read-aloud="skip"]',
].join(', ')

/** Has something to say: at least one letter or digit. */
const SAYABLE = /[\p{L}\p{N}]/u

function isSkipped(element: Element, root: Element): boolean {
  const skipped = element.closest(SKIPPED)
  if (skipped && root.contains(skipped)) return true
  // A closed <details> shows only its <summary>.
  const details = element.closest('details')
  if (details && !details.open && element.closest('summary')?.parentElement !== details) return true
  // display: none or visibility: hidden (where the browser can tell).
  return (
    typeof element.checkVisibility === 'function' && !element.checkVisibility({ visibilityProperty: true })
  )
}

/**
 * The nearest element that starts its own line. Inline pieces (a link in a
 * sentence, a bold word) belong to the sentence around them.
 */
function blockOf(element: Element, root: Element): Element {
  const view = element.ownerDocument.defaultView
  let current: Element | null = element
  while (current && current !== root) {
    // An empty value is the initial one, inline (some DOMs leave it unset).
    const display = view?.getComputedStyle(current).display || 'inline'
    if (display !== 'contents' && !display.startsWith('inline')) return current
    current = current.parentElement
  }
  return root
}

interface Run {
  block: Element
  nodes: Text[]
}

/** Consecutive visible text nodes grouped by the block they sit in, in reading order. */
function textRuns(root: Element): Run[] {
  const runs: Run[] = []
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT)
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node as Text
    const parent = text.parentElement
    if (!parent || text.data.length === 0 || isSkipped(parent, root)) continue
    const block = blockOf(parent, root)
    const last = runs.at(-1)
    if (last && last.block === block) last.nodes.push(text)
    else runs.push({ block, nodes: [text] })
  }
  return runs
}

/** The text node and offset at a character position in a run. */
function locate(nodes: Text[], position: number): { node: Text; offset: number } {
  let start = 0
  for (const node of nodes) {
    if (position <= start + node.data.length) return { node, offset: position - start }
    start += node.data.length
  }
  const last = nodes.at(-1)!
  return { node: last, offset: last.data.length }
}

function segmenter(locale: Locale): Intl.Segmenter | null {
  return typeof Intl.Segmenter === 'function' ? new Intl.Segmenter(locale, { granularity: 'sentence' }) : null
}

function isLocale(code: string): code is Locale {
  return LOCALE_CODE.test(code)
}

/** The language of a block: its nearest lang attribute when that is a kiosk language, else the screen's. */
function localeOf(block: Element, fallback: Locale): Locale {
  const code = block.closest('[lang]')?.getAttribute('lang')?.toLowerCase().split('-')[0] ?? ''
  return isLocale(code) ? code : fallback
}

export function collectSentences(root: Element, locale: Locale): Sentence[] {
  const sentences: Sentence[] = []
  const cutters = new Map<Locale, Intl.Segmenter | null>()
  for (const run of textRuns(root)) {
    const runLocale = localeOf(run.block, locale)
    if (!cutters.has(runLocale)) cutters.set(runLocale, segmenter(runLocale))
    const cutter = cutters.get(runLocale)
    const whole = run.nodes.map((node) => node.data).join('')
    const pieces = cutter
      ? Array.from(cutter.segment(whole), (piece) => ({ index: piece.index, text: piece.segment }))
      : [{ index: 0, text: whole }]
    for (const piece of pieces) {
      if (!SAYABLE.test(piece.text)) continue
      const leading = piece.text.length - piece.text.trimStart().length
      const start = piece.index + leading
      const end = piece.index + piece.text.trimEnd().length
      const range = root.ownerDocument.createRange()
      const from = locate(run.nodes, start)
      const to = locate(run.nodes, end)
      range.setStart(from.node, from.offset)
      range.setEnd(to.node, to.offset)
      sentences.push({
        text: piece.text.replace(/\s+/g, ' ').trim(),
        locale: runLocale,
        block: run.block,
        range,
      })
    }
  }
  return sentences
}

/** The name under which the current sentence is registered with the CSS Custom Highlight API. */
export const HIGHLIGHT_NAME = 'kiosk-reading'
/** On the block of the sentence being read: a visible mark even where ::highlight() is not supported. */
const READING_ATTRIBUTE = 'data-reading'

/**
 * Marks the sentence being read: its block gets an attribute (an outline in
 * global.css) and the sentence itself a ::highlight(kiosk-reading) where the
 * browser supports it. Nothing in the page's markup changes, so Vue's
 * rendering is never disturbed. null clears the marks.
 */
export function showSentence(sentence: Sentence | null, doc: Document = document): void {
  for (const marked of doc.querySelectorAll(`[${READING_ATTRIBUTE}]`))
    marked.removeAttribute(READING_ATTRIBUTE)
  const registry = typeof CSS !== 'undefined' ? CSS.highlights : undefined
  registry?.delete(HIGHLIGHT_NAME)
  if (!sentence || !sentence.block.isConnected) return
  sentence.block.setAttribute(READING_ATTRIBUTE, '')
  if (registry && typeof Highlight === 'function') registry.set(HIGHLIGHT_NAME, new Highlight(sentence.range))
  // Keep the sentence on screen; instant, so it respects reduced motion.
  sentence.block.scrollIntoView?.({ block: 'nearest' })
}
