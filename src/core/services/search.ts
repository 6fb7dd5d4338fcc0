/**
 * Search that forgives. What a patient typed becomes an FTS5 query word by
 * word: each word quoted (FTS syntax means nothing), the last one a prefix
 * (search as you type), and a word that is one of the language's everyday
 * words or synonyms (content/search/synonyms.<locale>.yaml) also finds the
 * words its group names. Only when that finds nothing is a word that no
 * language's index knows corrected to the nearest word of this language's
 * index (its fts5vocab table; better-sqlite3 has no spellfix1 and the trigram
 * tokenizer does not match a transposition like "steriod"). When even that
 * finds nothing, the other languages are counted, so the screen can offer one.
 */
import { distance } from 'fastest-levenshtein'
import type { Database, Statement } from 'better-sqlite3'
import type { Locale, SearchHit, SearchResult } from '../../shared/contract.ts'
import { DOCUMENT_SCHEMAS, SEARCH_SYNONYMS_ID, TOPIC_KINDS, foldWord } from '../../shared/items.ts'
import { searchTable, vocabularyTable } from '../db/format.ts'

const MARK_START = '\u0002'
const MARK_END = '\u0003'
/** At most this many words of a query are searched. */
const MAX_WORDS = 12

/** The words of what a patient typed. */
export function queryWords(text: string): string[] {
  return text
    .normalize('NFKC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, MAX_WORDS)
}

/**
 * Turns what a patient typed into a safe FTS5 query: each word is quoted (so
 * FTS syntax characters mean nothing) and the last one matches as a prefix,
 * for search as you type.
 */
export function ftsQuery(text: string): string | null {
  return matchOf(queryWords(text), new Map())
}

/**
 * Every word, each with the words it also finds as one FTS5 group ("shot"* OR
 * "injection"*), joined by AND: FTS5 reads a space as AND only between plain
 * phrases, and a group beside another word without it is a syntax error.
 */
function matchOf(words: readonly string[], synonyms: ReadonlyMap<string, readonly string[]>): string | null {
  if (!words.length) return null
  return words
    .map((word, i) => {
      const typed = `"${word}"${i === words.length - 1 ? '*' : ''}`
      const also = synonyms.get(foldWord(word)) ?? []
      return also.length ? `(${[typed, ...also.map((w) => `"${w}"*`)].join(' OR ')})` : typed
    })
    .join(' AND ')
}

/**
 * How far a typed word may be from the word it is corrected to: none below 4
 * letters (too many short words are one letter apart), one up to 5, two from 6
 * (a swap of two letters, "steriod", is two edits).
 */
function maxEdits(length: number): number {
  return length < 4 ? 0 : length < 6 ? 1 : 2
}

interface Vocabulary {
  /** Every word of the index, sorted (for prefix look-ups). */
  sorted: string[]
  known: Set<string>
  /** Words a typo may be corrected to, by length, with how many topics hold each. */
  byLength: Map<number, { word: string; topics: number }[]>
}

interface Row {
  id: string
  kind: (typeof TOPIC_KINDS)[number]
  title: string
  snippet: string
}

function snippetParts(marked: string): SearchHit['snippet'] {
  const parts: SearchHit['snippet'] = []
  for (const chunk of marked.split(MARK_START)) {
    const [inside, after] = chunk.includes(MARK_END) ? chunk.split(MARK_END, 2) : [undefined, chunk]
    if (inside) parts.push({ text: inside, match: true })
    if (after) parts.push({ text: after, match: false })
  }
  return parts
}

/**
 * Search in one language's table (one document per topic): rank every match
 * and keep the 30 best; snippet() (the costly part) then runs for those 30
 * rows only, each from the column where the words are. In the same statement:
 * a second MATCH to look the rows up again would expand a prefix like
 * "inyeccion"* once per row.
 */
function hitsStatement(db: Database, locale: Locale): Statement<{ query: string }, Row> {
  const fts = searchTable(locale)
  return db.prepare<{ query: string }, Row>(
    `SELECT d.id, d.kind, d.title, best.snippet
       FROM (SELECT item_id, kind, rank,
                    snippet(${fts}, -1, '${MARK_START}', '${MARK_END}', '…', 12) AS snippet
               FROM ${fts} WHERE ${fts} MATCH @query ORDER BY rank LIMIT 30) AS best
       JOIN documents d ON d.kind = best.kind AND d.id = best.item_id AND d.locale = '${locale}'
      ORDER BY best.rank`,
  )
}

export interface Searcher {
  search(input: { locale: Locale; query: string; asTyped?: boolean }): SearchResult
}

/** The search of a read-only content database, for the languages it has. */
export function createSearcher(db: Database, locales: readonly Locale[]): Searcher {
  const statements = new Map(
    locales.map((locale) => [
      locale,
      {
        hits: hitsStatement(db, locale),
        count: db
          .prepare<[string], number>(
            `SELECT count(*) FROM ${searchTable(locale)} WHERE ${searchTable(locale)} MATCH ?`,
          )
          .pluck(),
      },
    ]),
  )
  const synonymDoc = db.prepare<[string], { body: string }>(
    `SELECT body FROM documents WHERE kind = 'search-synonyms' AND id = '${SEARCH_SYNONYMS_ID}' AND locale = ?`,
  )

  // Each language's synonyms and vocabulary are read on first use (the
  // vocabulary by the first search that finds nothing) and kept: the database
  // is read-only.
  const synonymsOf = new Map<Locale, Map<string, string[]>>()
  function synonyms(locale: Locale): Map<string, string[]> {
    let map = synonymsOf.get(locale)
    if (!map) {
      map = new Map()
      const row = synonymDoc.get(locale)
      for (const group of row ? DOCUMENT_SCHEMAS['search-synonyms'].parse(JSON.parse(row.body)).groups : []) {
        const finds = group.finds.map(foldWord)
        for (const word of group.words.map(foldWord))
          map.set(word, [...new Set([...(map.get(word) ?? []), ...finds.filter((f) => f !== word)])])
      }
      synonymsOf.set(locale, map)
    }
    return map
  }

  const vocabularies = new Map<Locale, Vocabulary>()
  function vocabulary(locale: Locale): Vocabulary {
    let vocab = vocabularies.get(locale)
    if (!vocab) {
      const rows = db
        .prepare<[], { term: string; doc: number }>(`SELECT term, doc FROM ${vocabularyTable(locale)}`)
        .all()
      const byLength = new Map<number, { word: string; topics: number }[]>()
      const add = (word: string, topics: number) => {
        const same = byLength.get(word.length)
        if (same) same.push({ word, topics })
        else byLength.set(word.length, [{ word, topics }])
      }
      for (const { term, doc } of rows) if (/^\p{L}{3,}$/u.test(term)) add(term, doc)
      // A misspelt everyday word ("cortizone") is corrected to the everyday word.
      for (const word of synonyms(locale).keys()) add(word, 1)
      const sorted = rows.map((r) => r.term) // fts5vocab lists terms in order
      vocab = { sorted, known: new Set(sorted), byLength }
      vocabularies.set(locale, vocab)
    }
    return vocab
  }

  /** Whether any language's index has this word (or, typed last, a word starting with it). */
  function known(word: string, asPrefix: boolean): boolean {
    return locales.some((locale) => {
      if (synonyms(locale).has(word)) return true
      const { sorted, known: words } = vocabulary(locale)
      if (words.has(word)) return true
      if (!asPrefix) return false
      let lo = 0
      let hi = sorted.length
      while (lo < hi) {
        const mid = (lo + hi) >> 1
        if (sorted[mid]! < word) lo = mid + 1
        else hi = mid
      }
      return sorted[lo]?.startsWith(word) ?? false
    })
  }

  /** The nearest word of this language's index, within the edits allowed; the commoner on a tie. */
  function nearest(locale: Locale, word: string): string | undefined {
    const limit = maxEdits(word.length)
    let best: { word: string; edits: number; topics: number } | undefined
    for (let length = word.length - limit; length <= word.length + limit; length++) {
      for (const candidate of vocabulary(locale).byLength.get(length) ?? []) {
        const edits = distance(word, candidate.word)
        if (
          edits <= limit &&
          (!best ||
            edits < best.edits ||
            (edits === best.edits && candidate.topics > best.topics) ||
            (edits === best.edits && candidate.topics === best.topics && candidate.word < best.word))
        )
          best = { ...candidate, edits }
      }
    }
    return best?.word
  }

  /** The words with each word that no language knows corrected, or null when none was. */
  function corrected(locale: Locale, words: string[]): string[] | null {
    let changed = false
    const out = words.map((word, i) => {
      const folded = foldWord(word)
      if (maxEdits(folded.length) === 0 || known(folded, i === words.length - 1)) return word
      const better = nearest(locale, folded)
      if (!better) return word
      changed = true
      return better
    })
    return changed ? out : null
  }

  /** The query for the words as typed (with their synonyms). */
  function typedMatch(locale: Locale, words: string[]): string | null {
    return matchOf(words, synonyms(locale))
  }

  /** The query with each word that no language knows corrected, or null when none was. */
  function correctedMatch(locale: Locale, words: string[]): { match: string; correctedTo: string } | null {
    const fixed = corrected(locale, words)
    const match = fixed && matchOf(fixed, synonyms(locale))
    return match ? { match, correctedTo: fixed.join(' ') } : null
  }

  /** How many topics of a language the words find, as typed or else corrected. */
  function count(locale: Locale, words: string[]): number {
    const { count } = statements.get(locale)!
    const typed = typedMatch(locale, words)
    const found = typed ? (count.get(typed) ?? 0) : 0
    if (found) return found
    const fixed = correctedMatch(locale, words)
    return fixed ? (count.get(fixed.match) ?? 0) : 0
  }

  return {
    search({ locale, query, asTyped = false }) {
      const words = queryWords(query)
      const statement = statements.get(locale)
      if (!statement || !words.length) return { hits: [], correctedTo: null, elsewhere: [] }
      const typed = typedMatch(locale, words)
      let rows = typed ? statement.hits.all({ query: typed }) : []
      let correctedTo: string | null = null
      // Only a search that finds nothing as typed is corrected.
      const fixed = rows.length || asTyped ? null : correctedMatch(locale, words)
      if (fixed) {
        const again = statement.hits.all({ query: fixed.match })
        if (again.length) [rows, correctedTo] = [again, fixed.correctedTo]
      }
      return {
        hits: rows.map((r) => ({
          id: r.id,
          kind: r.kind,
          locale,
          title: r.title,
          snippet: snippetParts(r.snippet),
        })),
        correctedTo,
        elsewhere: rows.length
          ? []
          : locales
              .filter((other) => other !== locale)
              .map((other) => ({ locale: other, count: count(other, words) }))
              .filter((e) => e.count > 0),
      }
    },
  }
}
