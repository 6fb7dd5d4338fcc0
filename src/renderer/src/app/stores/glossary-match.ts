/**
 * Finds glossary words in a piece of patient text, so each can become a
 * tappable word with its meaning. Pure functions, no Vue: the glossary store
 * builds a matcher once per language, GlossaryText uses it per paragraph.
 */
import type { GlossaryTerm } from '@shared/contract'

export interface GlossaryMatcher {
  /** One pattern for every form of every term, longest first; null when there are none. */
  readonly pattern: RegExp | null
  /** Lower-cased form -> the term it belongs to. */
  readonly byForm: ReadonlyMap<string, GlossaryTerm>
}

export type TextPiece = { text: string; term?: undefined } | { text: string; term: GlossaryTerm }

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const key = (text: string) => text.toLowerCase()

export function createGlossaryMatcher(terms: readonly GlossaryTerm[]): GlossaryMatcher {
  const byForm = new Map<string, GlossaryTerm>()
  for (const term of terms) {
    for (const form of [term.term, ...term.forms]) {
      const trimmed = form.trim()
      // The first term to claim a form keeps it; the content checks keep forms unique anyway.
      if (trimmed && !byForm.has(key(trimmed))) byForm.set(key(trimmed), term)
    }
  }
  if (byForm.size === 0) return { pattern: null, byForm }
  // Longest first, so "trochanteric bursitis" wins over "bursitis" at the same place.
  const forms = [...byForm.keys()].sort((a, b) => b.length - a.length || a.localeCompare(b))
  // Whole words only: no letter or digit (in any script) may touch either end.
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${forms.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'giu')
  return { pattern, byForm }
}

/**
 * Splits text into plain pieces and glossary words. Each term is linked at most
 * once (its first appearance), so a paragraph stays calm to read.
 */
export function splitGlossaryText(text: string, matcher: GlossaryMatcher): TextPiece[] {
  if (!matcher.pattern || text === '') return text === '' ? [] : [{ text }]
  const pieces: TextPiece[] = []
  const linked = new Set<string>()
  let plain = ''
  let last = 0
  for (const match of text.matchAll(matcher.pattern)) {
    const term = matcher.byForm.get(key(match[0]))
    plain += text.slice(last, match.index)
    last = match.index + match[0].length
    if (!term || linked.has(term.id)) {
      plain += match[0]
      continue
    }
    linked.add(term.id)
    if (plain) pieces.push({ text: plain })
    plain = ''
    pieces.push({ text: match[0], term })
  }
  plain += text.slice(last)
  if (plain) pieces.push({ text: plain })
  return pieces
}
