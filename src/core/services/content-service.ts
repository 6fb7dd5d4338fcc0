/**
 * Read-only queries over the content database, one function per contract
 * method. Statements are prepared once, when the service is created.
 */
import type { Database } from 'better-sqlite3'
import type {
  AnatomyPart,
  Condition,
  ContentInfo,
  GlossaryTerm,
  Guide,
  Locale,
  Procedure,
  RedFlag,
  SearchResult,
  TopicSummary,
} from '../../shared/contract.ts'
import {
  DOCUMENT_SCHEMAS,
  TOPIC_KINDS,
  checkedReader,
  citedSources,
  claimSources,
  claimText,
  triageRuleId,
} from '../../shared/items.ts'
import { SOURCE_LOCALE, TRIAGE_LEVELS } from '../../shared/vocabulary.ts'
import type { DocumentKind, DocumentOf, Source } from '../../shared/items.ts'
import { ApiFailure } from '../../shared/result.ts'
import { readMeta } from '../db/format.ts'
import { createSearcher } from './search.ts'
export { ftsQuery } from './search.ts'
import { schemaVersion } from '../db/open.ts'
import type { MethodName } from '../../shared/contract.ts'
import type { Handlers } from './handlers.ts'

/** The methods answered from the content database; handlers.ts answers the rest. */
export const CONTENT_METHODS = [
  'listTopics',
  'getCondition',
  'getProcedure',
  'getGuide',
  'search',
  'getGlossary',
  'getAnatomy',
  'contentInfo',
] as const satisfies readonly MethodName[]

export type ContentHandlers = Pick<Handlers, (typeof CONTENT_METHODS)[number]>

const TOPICS_SQL = TOPIC_KINDS.map((k) => `'${k}'`).join(', ')

type Topic = (typeof TOPIC_KINDS)[number]

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
  const offeredSet = new Set(offered)
  const topicKey = (r: { kind: string; id: string }) => `${r.kind}:${r.id}`
  /** Per language, the topics written in it (the database is read-only: this stays right). */
  const translatedTopics = new Map(
    offered.map((locale) => [locale, new Set(q.topics.all(locale).map(topicKey))]),
  )

  /** A language the content does not offer is a bad request, named on its field, as the contract's are. */
  function offer(locale: Locale, method: MethodName): void {
    if (offeredSet.has(locale)) return
    const message = `there is no content in "${locale}": this content offers ${offered.join(', ')}`
    throw new ApiFailure('bad-input', `The request to ${method} is not valid: ${message}.`, {
      fields: ['locale'],
      fieldErrors: [{ field: 'locale', message }],
    })
  }

  const searcher = createSearcher(db, offered)

  // Validated at build, typed when read: every document here was checked against its schema by
  // the build (the bundled database) or by verify-pack (an imported pack, checked again each time
  // the kiosk opens it), so a read fills in defaults and trims without checking again.
  const readers = new Map<DocumentKind, (value: unknown) => unknown>()
  function readerFor(kind: DocumentKind) {
    let read = readers.get(kind)
    if (!read) {
      const schema = DOCUMENT_SCHEMAS[kind]
      read = checkedReader(schema) ?? ((value) => schema.parse(value))
      readers.set(kind, read)
    }
    return read
  }
  // The database is read-only: a document parsed once stays right until the service closes.
  const parsed = new Map<string, unknown>()
  function parse<K extends DocumentKind>(kind: K, id: string, locale: string, body: string): DocumentOf<K> {
    const key = `${kind}\u0000${id}\u0000${locale}`
    let doc = parsed.get(key)
    if (doc === undefined) {
      doc = readerFor(kind)(JSON.parse(body))
      parsed.set(key, doc)
    }
    return doc as DocumentOf<K>
  }

  // Likewise a lookup, found or not: a procedure asks for about fifty documents (its sources,
  // each warning sign's rule and words), and reading each body again from SQLite was most of its time.
  const found = new Map<string, { doc: unknown; textHash: string } | undefined>()
  function find<K extends DocumentKind>(kind: K, id: string, locale: string) {
    const key = `${kind}\u0000${id}\u0000${locale}`
    if (!found.has(key)) {
      const row = q.document.get(kind, id, locale)
      found.set(key, row && { doc: parse(kind, id, locale, row.body), textHash: row.text_hash })
    }
    return found.get(key) as { doc: DocumentOf<K>; textHash: string } | undefined
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

  /** Every source id a topic cites anywhere, each once: a walk of the whole document, so done once per document. */
  const cited = new WeakMap<object, string[]>()
  function citedIds(doc: DocumentOf<Topic>): string[] {
    let ids = cited.get(doc)
    if (!ids) cited.set(doc, (ids = [...new Set(citedSources(doc).map((c) => c.id))]))
    return ids
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

  /**
   * A sign with its time limit said first, as a lead-in: "If it lasts longer than
   * the first 2 days, or starts after them: more pain in your hip …". Put after
   * the sign, the limit stuck to its last sentence ("… and you have no fever, if
   * it lasts …"). The sign's first word goes lower case unless it is written in
   * capitals (an abbreviation such as "PRP").
   */
  function withTimeLimit(contextText: string, signText: string, locale: Locale): string {
    const lead = contextText.charAt(0).toLocaleUpperCase(locale) + contextText.slice(1)
    const [first = '', second = ''] = signText
    const sign =
      second === second.toLocaleLowerCase(locale)
        ? first.toLocaleLowerCase(locale) + signText.slice(1)
        : signText
    return `${lead}: ${sign}`
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
      text: context === 'any-time' ? signText : withTimeLimit(contextText, signText, locale),
      signText,
      contextText,
      levelText: words('triage-level', rule.level, locale),
      expected: rule.expected,
      crisisLine: rule.crisisLine,
    }
  }

  /**
   * An item's warning signs through the policy, most urgent first, in the page's
   * language (an untranslated page's warning signs are in English too).
   */
  function resolved(flags: { sign: string; context: string }[], locale: Locale): RedFlag[] {
    return flags
      .map((f) => redFlag(f.sign, f.context, locale))
      .sort((a, b) => TRIAGE_LEVELS.indexOf(a.level) - TRIAGE_LEVELS.indexOf(b.level))
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
        ...('picture' in s && s.picture ? { picture: s.picture } : {}),
      })),
      faqs: rest.faqs.map((f) => ({
        question: f.question,
        answer: claimText(f.answer),
        answerSources: claimSources(f.answer),
      })),
      // Whether this clinic checked it: handlers.ts adds the day from the kiosk's sign-offs.
      review: { version, checkedOn: null },
      sources: sources.map((id) => source(id, key.locale)),
      // Every source a risk, paragraph, duration or answer cites: the screens
      // show each claim's source ids and look them up here.
      citedSources: citedIds(found.doc)
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
        guides: topics.filter((t) => t.kind === 'guide'),
      }
    },

    getCondition(key): Condition {
      const condition = served('condition', key)
      return { ...condition, redFlags: resolved(condition.redFlags, condition.locale) }
    },

    getProcedure(key): Procedure {
      const procedure = served('procedure', key)
      return {
        ...procedure,
        duration: claimText(procedure.duration),
        durationSources: claimSources(procedure.duration),
        // What to do if a risk happens: the policy's words for its sign, as in the warning box.
        risks: procedure.risks.map(({ warning, ...risk }) =>
          warning ? { ...risk, warning: redFlag(warning.sign, warning.context, procedure.locale) } : risk,
        ),
        redFlags: resolved(procedure.redFlags, procedure.locale),
      }
    },

    getGuide(key): Guide {
      const guide = served('guide', key)
      return { ...guide, redFlags: resolved(guide.redFlags, guide.locale) }
    },

    search(input): SearchResult {
      offer(input.locale, 'search')
      const result = searcher.search(input)
      const translated = translatedTopics.get(input.locale)!
      if (translated.size === translatedTopics.get(SOURCE_LOCALE)?.size) return result
      // Topics not yet translated are found in English, after the reader's own language.
      const english = searcher.search({ ...input, locale: SOURCE_LOCALE }).hits
      return { ...result, hits: [...result.hits, ...english.filter((h) => !translated.has(topicKey(h)))] }
    },

    getGlossary({ locale }): GlossaryTerm[] {
      return all('glossary-term', locale, 'getGlossary').map((term) => ({
        ...term,
        sources: term.sources.map((id) => source(id, locale)),
      }))
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
    getGuide: refuse,
    search: refuse,
    getGlossary: refuse,
    getAnatomy: refuse,
    contentInfo: refuse,
  }
}
