/**
 * Read-only queries over the content database, one function per contract
 * method. Statements are prepared once, when the service is created.
 */
import type { Database, Statement } from 'better-sqlite3'
import { LOCALES } from '../../shared/contract.ts'
import type {
  AnatomyPart,
  Condition,
  ContentInfo,
  FrequencyBand,
  GlossaryTerm,
  Locale,
  Procedure,
  RecoveryPeriod,
  RiskAction,
  SearchHit,
  TopicSummary,
} from '../../shared/contract.ts'
import { ApiFailure } from '../../shared/result.ts'
import type { AnatomyPartId } from '../../shared/anatomy.ts'
import { searchTable } from '../db/migrations.ts'
import { schemaVersion } from '../db/open.ts'
import type { MethodName } from '../../shared/methods.ts'
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

interface ItemRow {
  id: string
  kind: 'condition' | 'procedure'
  title: string
  summary: string
  picture: string
  duration: string | null
  version: number
  reviewed_on: string
  next_review_due: string
  reviewer_role: string
  translated_from: string | null
  en_hash: string | null
  anatomy: AnatomyPartId | null
}

type Key = { id: string; locale: Locale }

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

/**
 * Search in one language's table (one document per item, migration 5): rank
 * every match and keep the 30 best; snippet() (the costly part) then runs for
 * those 30 rows only, each from the column where the words are. In the same
 * statement: a second MATCH to look the rows up again would expand a prefix
 * like "inyeccion"* once per row.
 */
function searchStatement(db: Database, locale: Locale): Statement<{ query: string }, SearchRow> {
  const fts = searchTable(locale)
  return db.prepare<{ query: string }, SearchRow>(
    `SELECT i.id, i.kind, i.title, best.snippet
       FROM (SELECT item_id, rank,
                    snippet(${fts}, -1, '${MARK_START}', '${MARK_END}', '…', 12) AS snippet
               FROM ${fts} WHERE ${fts} MATCH @query ORDER BY rank LIMIT 30) AS best
       JOIN items i ON i.id = best.item_id AND i.locale = '${locale}'
      ORDER BY best.rank`,
  )
}

export function createContentService(db: Database): ContentHandlers {
  const q = {
    topics: db.prepare<[Locale], TopicSummary>(
      `SELECT id, kind, title, summary, picture FROM items WHERE locale = ? ORDER BY display_order, title COLLATE NOCASE`,
    ),
    item: db.prepare<[Key & { kind: string }], ItemRow>(
      `SELECT i.id, i.kind, i.title, i.summary, i.picture, i.duration, i.version, i.reviewed_on,
              i.next_review_due, i.reviewer_role, i.translated_from, en.text_hash AS en_hash, i.anatomy
         FROM items i LEFT JOIN items en ON en.id = i.id AND en.locale = 'en'
        WHERE i.id = @id AND i.locale = @locale AND i.kind = @kind`,
    ),
    sources: db.prepare<Key, { id: string; title: string; url: string | null }>(
      `SELECT s.id, s.title, s.url FROM item_sources x JOIN sources s ON s.id = x.source_id
        WHERE x.item_id = @id AND x.locale = @locale ORDER BY x.position`,
    ),
    sections: db.prepare<Key, { key: string; heading: string; body: string }>(
      `SELECT key, heading, body FROM sections WHERE item_id = @id AND locale = @locale ORDER BY position`,
    ),
    faqs: db.prepare<Key, { question: string; answer: string }>(
      `SELECT question, answer FROM faqs WHERE item_id = @id AND locale = @locale ORDER BY position`,
    ),
    preparation: db.prepare<Key, { text: string }>(
      `SELECT text FROM preparation WHERE item_id = @id AND locale = @locale ORDER BY position`,
    ),
    steps: db.prepare<
      Key,
      { title: string; body: string; feel: string; picture: string; anatomy: AnatomyPartId | null }
    >(
      `SELECT title, body, feel, picture, anatomy FROM steps WHERE item_id = @id AND locale = @locale ORDER BY position`,
    ),
    risks: db.prepare<
      Key,
      {
        name: string
        description: string
        band: FrequencyBand
        about_n: number | null
        about_m: number | null
        action: RiskAction
      }
    >(
      `SELECT name, description, band, about_n, about_m, action FROM risks
        WHERE item_id = @id AND locale = @locale ORDER BY position`,
    ),
    recovery: db.prepare<Key, { period: RecoveryPeriod; expect: string; todo: string }>(
      `SELECT period, expect, todo FROM recovery WHERE item_id = @id AND locale = @locale ORDER BY position`,
    ),
    redFlags: db.prepare<Key, { level: 'call' | 'emergency'; text: string }>(
      `SELECT level, text FROM red_flags WHERE item_id = @id AND locale = @locale ORDER BY position`,
    ),
    questions: db.prepare<Key, { text: string }>(
      `SELECT text FROM questions_to_ask WHERE item_id = @id AND locale = @locale ORDER BY position`,
    ),
    quiz: db.prepare<Key, { question: string; options: string; answer: number; explanation: string }>(
      `SELECT question, options, answer, explanation FROM quiz WHERE item_id = @id AND locale = @locale ORDER BY position`,
    ),
    glossary: db.prepare<[Locale], { id: string; term: string; definition: string; forms: string }>(
      `SELECT id, term, definition, forms FROM glossary WHERE locale = ? ORDER BY term COLLATE NOCASE`,
    ),
    search: Object.fromEntries(LOCALES.map((locale) => [locale, searchStatement(db, locale)])) as Record<
      Locale,
      Statement<{ query: string }, SearchRow>
    >,
    anatomy: db.prepare<[Locale], AnatomyPart>(
      `SELECT id, name, description FROM anatomy WHERE locale = ? ORDER BY position`,
    ),
    meta: db.prepare<[string], { value: string }>(`SELECT value FROM meta WHERE key = ?`),
    counts: db.prepare<[], { conditions: number; procedures: number; glossary: number }>(
      `SELECT (SELECT count(*) FROM items WHERE locale = 'en' AND kind = 'condition') AS conditions,
              (SELECT count(*) FROM items WHERE locale = 'en' AND kind = 'procedure') AS procedures,
              (SELECT count(*) FROM glossary WHERE locale = 'en') AS glossary`,
    ),
    locales: db.prepare<[], { locale: Locale }>(`SELECT DISTINCT locale FROM items ORDER BY locale`),
  }

  function itemOrFail(key: Key, kind: 'condition' | 'procedure'): ItemRow {
    const row = q.item.get({ ...key, kind })
    if (!row)
      throw new ApiFailure(
        'not-found',
        `There is no ${kind} "${key.id}" in ${key.locale === 'es' ? 'Spanish' : 'English'}.`,
      )
    return row
  }

  function common(row: ItemRow, key: Key) {
    return {
      id: row.id,
      title: row.title,
      summary: row.summary,
      picture: row.picture,
      anatomy: row.anatomy,
      review: {
        version: row.version,
        reviewedOn: row.reviewed_on,
        nextReviewDue: row.next_review_due,
        reviewerRole: row.reviewer_role,
      },
      sources: q.sources.all(key),
      faqs: q.faqs.all(key),
      sections: q.sections
        .all(key)
        .map((s) => ({ key: s.key, heading: s.heading, paragraphs: s.body.split('\n\n') })),
      stale: key.locale !== 'en' && row.translated_from !== row.en_hash,
    }
  }

  return {
    listTopics({ locale }) {
      const topics = q.topics.all(locale)
      return {
        conditions: topics.filter((t) => t.kind === 'condition'),
        procedures: topics.filter((t) => t.kind === 'procedure'),
      }
    },

    getCondition(key): Condition {
      const row = itemOrFail(key, 'condition')
      return { kind: 'condition', ...common(row, key) }
    },

    getProcedure(key): Procedure {
      const row = itemOrFail(key, 'procedure')
      return {
        kind: 'procedure',
        ...common(row, key),
        duration: row.duration ?? '',
        preparation: q.preparation.all(key).map((r) => r.text),
        steps: q.steps.all(key),
        risks: q.risks.all(key).map((r) => ({
          name: r.name,
          description: r.description,
          band: r.band,
          about: r.about_n !== null && r.about_m !== null ? { n: r.about_n, m: r.about_m } : null,
          action: r.action,
        })),
        recovery: q.recovery.all(key),
        redFlags: q.redFlags.all(key),
        questionsToAsk: q.questions.all(key).map((r) => r.text),
        quiz: q.quiz.all(key).map((r) => ({ ...r, options: JSON.parse(r.options) as string[] })),
      }
    },

    search({ locale, query }): SearchHit[] {
      const match = ftsQuery(query)
      if (!match) return []
      return q.search[locale]
        .all({ query: match })
        .map((r) => ({ id: r.id, kind: r.kind, title: r.title, snippet: snippetParts(r.snippet) }))
    },

    getGlossary({ locale }): GlossaryTerm[] {
      return q.glossary.all(locale).map((r) => ({ ...r, forms: JSON.parse(r.forms) as string[] }))
    },

    getAnatomy({ locale }): AnatomyPart[] {
      return q.anatomy.all(locale)
    },

    contentInfo(): ContentInfo {
      const counts = q.counts.get() ?? { conditions: 0, procedures: 0, glossary: 0 }
      return {
        contentHash: q.meta.get('content_hash')?.value ?? '',
        schemaVersion: schemaVersion(db),
        locales: q.locales
          .all()
          .map((r) => r.locale)
          .filter((l) => LOCALES.includes(l)),
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
