/**
 * Read-only queries over the content database, one function per contract
 * method. Statements are prepared once, when the service is created.
 */
import type { Database, Statement } from 'better-sqlite3'
import type {
  AnatomyPart,
  Condition,
  ContentInfo,
  GlossaryTerm,
  Locale,
  Procedure,
  RedFlag,
  SearchHit,
  TopicSummary,
} from '../../shared/contract.ts'
import {
  DOCUMENT_SCHEMAS,
  REVIEW_STATUS,
  TOPIC_KINDS,
  citedSources,
  claimSources,
  claimText,
  triageRuleId,
} from '../../shared/items.ts'
import { SOURCE_LOCALE, TRIAGE_LEVELS } from '../../shared/vocabulary.ts'
import type { DocumentKind, DocumentOf, Source } from '../../shared/items.ts'
import { ApiFailure } from '../../shared/result.ts'
import { readMeta, searchTable } from '../db/format.ts'
import { schemaVersion } from '../db/open.ts'
import type { MethodName } from '../../shared/contract.ts'
import type { Handlers } from './handlers.ts'

/** The methods answered from the content database; handlers.ts answers the rest. */
export const CONTENT_METHODS = [
  'listTopics',
  'getCondition',
  'getProcedure',
  'search',
  'getGlossary',
  'getAnatomy',
  'contentInfo',
] as const satisfies readonly MethodName[]

export type ContentHandlers = Pick<Handlers, (typeof CONTENT_METHODS)[number]>

const MARK_START = '\u0002'
const MARK_END = '\u0003'

/**
 * Turns what a patient typed into a safe FTS5 query: each word is quoted (so
 * FTS syntax characters mean nothing) and the last one matches as a prefix,
 * for search as you type.
 */
export function ftsQuery(text: string): string | null {
  const words = text
    .normalize('NFKC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 12)
  if (!words.length) return null
  return words.map((w, i) => `"${w}"${i === words.length - 1 ? '*' : ''}`).join(' ')
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

interface SearchRow {
  id: string
  kind: 'condition' | 'procedure'
  title: string
  snippet: string
}

const TOPICS_SQL = TOPIC_KINDS.map((k) => `'${k}'`).join(', ')

/**
 * Search in one language's table (one document per topic): rank every match
 * and keep the 30 best; snippet() (the costly part) then runs for those 30
 * rows only, each from the column where the words are. In the same statement:
 * a second MATCH to look the rows up again would expand a prefix like
 * "inyeccion"* once per row.
 */
function searchStatement(db: Database, locale: Locale): Statement<{ query: string }, SearchRow> {
  const fts = searchTable(locale)
  return db.prepare<{ query: string }, SearchRow>(
    `SELECT d.id, d.kind, d.title, best.snippet
       FROM (SELECT item_id, kind, rank,
                    snippet(${fts}, -1, '${MARK_START}', '${MARK_END}', '…', 12) AS snippet
               FROM ${fts} WHERE ${fts} MATCH @query ORDER BY rank LIMIT 30) AS best
       JOIN documents d ON d.kind = best.kind AND d.id = best.item_id AND d.locale = '${locale}'
      ORDER BY best.rank`,
  )
}

type Topic = 'condition' | 'procedure'

/** SQLite's NOCASE order: ASCII letters folded, everything else by code unit. */
function byTitle(a: string, b: string): number {
  const fold = (t: string) => t.replace(/[A-Z]/g, (c) => c.toLowerCase())
  const x = fold(a)
  const y = fold(b)
  return x < y ? -1 : x > y ? 1 : 0
}

export function createContentService(db: Database): ContentHandlers {
  const q = {
    document: db.prepare<[DocumentKind, string, string], { body: string; text_hash: string }>(
      'SELECT body, text_hash FROM documents WHERE kind = ? AND id = ? AND locale = ?',
    ),
    list: db.prepare<[DocumentKind, string], { id: string; body: string }>(
      'SELECT id, body FROM documents WHERE kind = ? AND locale = ? ORDER BY display_order, title COLLATE NOCASE',
    ),
    topics: db.prepare<
      [Locale],
      { kind: Topic; id: string; title: string; display_order: number; body: string }
    >(
      `SELECT kind, id, title, display_order, body FROM documents WHERE locale = ? AND kind IN (${TOPICS_SQL})
        ORDER BY display_order, title COLLATE NOCASE`,
    ),
    counts: db.prepare<[], { conditions: number; procedures: number; glossary: number }>(
      `SELECT (SELECT count(*) FROM documents WHERE locale = 'en' AND kind = 'condition') AS conditions,
              (SELECT count(*) FROM documents WHERE locale = 'en' AND kind = 'procedure') AS procedures,
              (SELECT count(*) FROM documents WHERE locale = 'en' AND kind = 'glossary-term') AS glossary`,
    ),
    locales: db.prepare<[], { locale: Locale }>(
      `SELECT DISTINCT locale FROM documents WHERE kind IN (${TOPICS_SQL}) ORDER BY locale`,
    ),
  }
  /** The languages this content offers: the ones its topics are written in (English first). */
  const offered = q.locales
    .all()
    .map((r) => r.locale)
    .sort((a, b) => Number(b === SOURCE_LOCALE) - Number(a === SOURCE_LOCALE))
  const searches = new Map(offered.map((locale) => [locale, searchStatement(db, locale)]))
  const topicKey = (r: { kind: string; id: string }) => `${r.kind}:${r.id}`
  /** Per language, the topics written in it (the database is read-only: this stays right). */
  const translatedTopics = new Map(
    offered.map((locale) => [locale, new Set(q.topics.all(locale).map(topicKey))]),
  )

  /** A language the content does not offer is a bad request, named on its field, as the contract's are. */
  function offer(locale: Locale, method: MethodName): void {
    if (searches.has(locale)) return
    const message = `there is no content in "${locale}": this content offers ${offered.join(', ')}`
    throw new ApiFailure('bad-input', `The request to ${method} is not valid: ${message}.`, {
      fields: ['locale'],
      fieldErrors: [{ field: 'locale', message }],
    })
  }

  // The database is read-only: a document parsed once stays right until the service closes.
  const parsed = new Map<string, unknown>()
  function parse<K extends DocumentKind>(kind: K, id: string, locale: string, body: string): DocumentOf<K> {
    const key = `${kind}\u0000${id}\u0000${locale}`
    let doc = parsed.get(key)
    if (doc === undefined) {
      doc = DOCUMENT_SCHEMAS[kind].parse(JSON.parse(body))
      parsed.set(key, doc)
    }
    return doc as DocumentOf<K>
  }

  function find<K extends DocumentKind>(kind: K, id: string, locale: string) {
    const row = q.document.get(kind, id, locale)
    return row && { doc: parse(kind, id, locale, row.body), textHash: row.text_hash }
  }

  /** Every document of a kind in a language; one not yet translated into it comes in English. */
  function all<K extends DocumentKind>(kind: K, locale: Locale, method: MethodName): DocumentOf<K>[] {
    offer(locale, method)
    const translated = new Map(q.list.all(kind, locale).map((r) => [r.id, r]))
    if (locale === SOURCE_LOCALE)
      return [...translated.values()].map((r) => parse(kind, r.id, locale, r.body))
    return q.list.all(kind, SOURCE_LOCALE).map((english) => {
      const row = translated.get(english.id)
      return row
        ? parse(kind, row.id, locale, row.body)
        : parse(kind, english.id, SOURCE_LOCALE, english.body)
    })
  }

  /** A cited source, in the reader's language where it has one, else as published. */
  function source(id: string, locale: Locale): Source {
    const found = find('source', id, locale) ?? find('source', id, 'en')
    return found?.doc ?? { id, title: id }
  }

  /** Triage words in the reader's language, else in English (the build checks both exist). */
  function words(
    kind: 'triage-level' | 'triage-context' | 'triage-sign',
    id: string,
    locale: Locale,
  ): string {
    return (find(kind, id, locale) ?? find(kind, id, 'en'))?.doc.text ?? id
  }

  /** A warning sign resolved through the triage policy: one sign and context, one action, everywhere. */
  function redFlag(sign: string, context: string, locale: Locale): RedFlag {
    const rule = find('triage-rule', triageRuleId(sign, context), 'en')?.doc
    if (!rule) throw new ApiFailure('unavailable', `The triage policy has no rule for "${sign}" ${context}.`)
    const signText = words('triage-sign', sign, locale)
    const contextText = words('triage-context', context, locale)
    return {
      sign,
      context,
      level: rule.level,
      urgency: rule.level === 'emergency' ? 'emergency' : 'call',
      text: context === 'any-time' ? signText : `${signText.replace(/[.]$/, '')}, ${contextText}.`,
      signText,
      contextText,
      levelText: words('triage-level', rule.level, locale),
      expected: rule.expected,
    }
  }

  /**
   * A topic in the reader's language, or, not yet translated into it, whole in
   * English (never half-translated): `locale` says which, for the screen's note.
   */
  function served<K extends Topic>(kind: K, asked: { id: string; locale: Locale }) {
    offer(asked.locale, kind === 'procedure' ? 'getProcedure' : 'getCondition')
    const translated = find(kind, asked.id, asked.locale)
    const locale = translated ? asked.locale : SOURCE_LOCALE
    const found = translated ?? find(kind, asked.id, SOURCE_LOCALE)
    if (!found) throw new ApiFailure('not-found', `There is no ${kind} "${asked.id}".`)
    const key = { id: asked.id, locale }
    const {
      order: _order,
      translatedFrom,
      sources,
      version,
      review: _review,
      reviewedOn: _reviewedOn,
      nextReviewDue: _nextReviewDue,
      reviewerRole: _reviewerRole,
      reviewer: _reviewer,
      reviewedBy: _reviewedBy,
      ...rest
    } = found.doc
    const english = key.locale === 'en' ? found : find(kind, key.id, 'en')
    return {
      ...rest,
      locale,
      sections: rest.sections.map((s) => ({
        key: s.key,
        heading: s.heading,
        paragraphs: s.paragraphs.map(claimText),
        citations: s.paragraphs.map(claimSources),
      })),
      faqs: rest.faqs.map((f) => ({
        question: f.question,
        answer: claimText(f.answer),
        answerSources: claimSources(f.answer),
      })),
      review: { version, status: REVIEW_STATUS },
      sources: sources.map((id) => source(id, key.locale)),
      // Every source a risk, paragraph, duration or answer cites: the screens
      // show each claim's source ids and look them up here.
      citedSources: [...new Set(citedSources(found.doc).map((c) => c.id))]
        .filter((id) => !sources.includes(id))
        .map((id) => source(id, key.locale)),
      stale: key.locale !== 'en' && translatedFrom !== english?.textHash,
    }
  }

  return {
    listTopics({ locale }) {
      offer(locale, 'listTopics')
      // English lists every topic; a translation stands in for its English where there is one.
      const translated = new Map(q.topics.all(locale).map((r) => [topicKey(r), r]))
      const rows = q.topics
        .all(SOURCE_LOCALE)
        .map((english) => translated.get(topicKey(english)) ?? english)
        .sort((a, b) => a.display_order - b.display_order || byTitle(a.title, b.title))
      const topics: TopicSummary[] = rows.map((r) => {
        const shownIn = translated.has(topicKey(r)) ? locale : SOURCE_LOCALE
        const { id, title, summary, picture } = parse(r.kind, r.id, shownIn, r.body)
        return { id, kind: r.kind, locale: shownIn, title, summary, picture }
      })
      return {
        conditions: topics.filter((t) => t.kind === 'condition'),
        procedures: topics.filter((t) => t.kind === 'procedure'),
      }
    },

    getCondition(key): Condition {
      return served('condition', key)
    },

    getProcedure(key): Procedure {
      const procedure = served('procedure', key)
      return {
        ...procedure,
        duration: claimText(procedure.duration),
        durationSources: claimSources(procedure.duration),
        // In the page's language: an untranslated page's warning signs are in English too.
        redFlags: procedure.redFlags
          .map((f) => redFlag(f.sign, f.context, procedure.locale))
          .sort((a, b) => TRIAGE_LEVELS.indexOf(a.level) - TRIAGE_LEVELS.indexOf(b.level)),
      }
    },

    search({ locale, query }): SearchHit[] {
      offer(locale, 'search')
      const match = ftsQuery(query)
      if (!match) return []
      const hit = (shownIn: Locale) => (r: SearchRow) => ({
        id: r.id,
        kind: r.kind,
        locale: shownIn,
        title: r.title,
        snippet: snippetParts(r.snippet),
      })
      const hits = searches.get(locale)!.all({ query: match }).map(hit(locale))
      const translated = translatedTopics.get(locale)!
      if (translated.size === translatedTopics.get(SOURCE_LOCALE)?.size) return hits
      // Topics not yet translated are found in English, after the reader's own language.
      const english = searches.get(SOURCE_LOCALE)?.all({ query: match }) ?? []
      return [...hits, ...english.filter((r) => !translated.has(topicKey(r))).map(hit(SOURCE_LOCALE))]
    },

    getGlossary({ locale }): GlossaryTerm[] {
      return all('glossary-term', locale, 'getGlossary')
    },

    getAnatomy({ locale }): AnatomyPart[] {
      return all('anatomy-part', locale, 'getAnatomy')
    },

    contentInfo(): ContentInfo {
      const counts = q.counts.get() ?? { conditions: 0, procedures: 0, glossary: 0 }
      return {
        contentHash: readMeta(db, 'pack_hash') ?? '',
        schemaVersion: schemaVersion(db),
        locales: offered,
        counts,
      }
    },
  }
}

/** The content methods when the database cannot be opened: every call says why. */
export function unavailableContent(reason: string): ContentHandlers {
  const refuse = () => {
    throw new ApiFailure('unavailable', reason)
  }
  return {
    listTopics: refuse,
    getCondition: refuse,
    getProcedure: refuse,
    search: refuse,
    getGlossary: refuse,
    getAnatomy: refuse,
    contentInfo: refuse,
  }
}
