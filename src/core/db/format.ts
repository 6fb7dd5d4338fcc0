/**
 * The content database's format: a build artefact, created from one DDL and
 * stamped with a format version (PRAGMA user_version). It is never migrated:
 * a database or pack in another format is rebuilt from content/, and the
 * kiosk refuses it with a message naming the kiosk versions that read it.
 *
 * One table holds every document (src/shared/items.ts), a row per kind, id and
 * language, as the JSON its author wrote, beside the columns SQL needs; a
 * full-text table per language is derived from the documents. Changing the
 * DDL (a column, a document kind, a search field) is a new format, and so is
 * changing what a document may hold (a new field, even with a default: a kiosk
 * built before it refuses the document): bump CONTENT_FORMAT and say which
 * kiosk reads it in FORMAT_READERS; a unit test holds the hashes of the DDL and
 * of the document schemas for the current format so that cannot be forgotten.
 */
import { createHash } from 'node:crypto'
import type { Database } from 'better-sqlite3'
import {
  DOCUMENT_KINDS,
  DOCUMENT_SCHEMAS,
  TOPIC_KINDS,
  patientTexts,
  searchColumns,
} from '../../shared/items.ts'
import type { DocumentKind, PatientText } from '../../shared/items.ts'

export const CONTENT_FORMAT = 13

/** Which kiosk versions read each content format, for the message that refuses a pack. */
export const FORMAT_READERS: Readonly<Record<number, string>> = {
  1: 'kiosk 0.1 (early builds)',
  2: 'kiosk 0.1 (early builds)',
  3: 'kiosk 0.1 (early builds)',
  4: 'kiosk 0.1 (early builds)',
  5: 'kiosk 0.1',
  6: 'kiosk 0.2 (development builds)',
  7: 'kiosk 0.2 (development builds)',
  8: 'kiosk 0.2 (development builds)',
  9: 'kiosk 0.2 (builds before 7 December 2026)',
  10: 'kiosk 0.2 (builds of 7 December 2026 before the charity kind of source)',
  11: 'kiosk 0.2 (builds of 7 December 2026 from the charity kind of source, before a risk figure could be a range)',
  12: "kiosk 0.2 (builds of 7 December 2026 from a risk figure's range, before a glossary meaning could cite sources)",
  13: 'kiosk 0.2 (from a glossary meaning with sources, 7 December 2026) and later',
}

/** The metadata a pack carries: exactly these keys. */
export const META_KEYS = ['format', 'kiosk_version', 'locales', 'pack_hash'] as const
export type MetaKey = (typeof META_KEYS)[number]

const LOCALE_CODE = /^[a-z]{2}$/

/** The search table of one language (its name is made from a checked language code). */
export function searchTable(locale: string): string {
  if (!LOCALE_CODE.test(locale)) throw new Error(`not a language code: ${JSON.stringify(locale)}`)
  return `search_${locale}`
}

/** The words of one language's search index, with how many topics hold each (an fts5vocab table). */
export function vocabularyTable(locale: string): string {
  return `${searchTable(locale)}_vocab`
}

const SEARCH = searchColumns()

/** The statements that create an empty content database for these languages. */
export function contentDdl(locales: readonly string[]): string[] {
  const kinds = DOCUMENT_KINDS.map((k) => `'${k}'`).join(', ')
  return [
    `CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT`,
    `CREATE TABLE documents (
  kind TEXT NOT NULL CHECK (kind IN (${kinds})),
  id TEXT NOT NULL,
  locale TEXT NOT NULL,
  title TEXT NOT NULL,
  display_order INTEGER NOT NULL,
  -- the hash of the patient text a translator translates (translations record it)
  text_hash TEXT NOT NULL,
  -- the hash of the item's documents in every language: sign-offs and changes key on it
  item_hash TEXT NOT NULL,
  -- the document as its author wrote it: canonical JSON, checked against its schema
  body TEXT NOT NULL CHECK (json_valid(body)),
  PRIMARY KEY (kind, id, locale)
) STRICT`,
    ...[...locales].sort().flatMap((locale) => {
      const fts = searchTable(locale)
      return [
        // One document per topic: remove_diacritics lets "inyeccion" find
        // "inyección"; prefix indexes make search-as-you-type cheap.
        `CREATE VIRTUAL TABLE ${fts} USING fts5 (
  item_id UNINDEXED,
  kind UNINDEXED,
  ${SEARCH.map((c) => c.field).join(', ')},
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3'
)`,
        `INSERT INTO ${fts} (${fts}, rank) VALUES ('rank', 'bm25(0, 0, ${SEARCH.map((c) => c.weight).join(', ')})')`,
        // The index's own words, read live from it (nothing stored): search
        // corrects a typo to the nearest of them (no spellfix1 in better-sqlite3).
        `CREATE VIRTUAL TABLE ${vocabularyTable(locale)} USING fts5vocab (${fts}, 'row')`,
      ]
    }),
  ]
}

/** Creates the empty schema and stamps the format version. */
export function createContentSchema(db: Database, locales: readonly string[]): void {
  db.transaction(() => {
    for (const statement of contentDdl(locales)) db.exec(statement)
    db.pragma(`user_version = ${CONTENT_FORMAT}`)
  })()
}

/**
 * Keys sorted at every level, no white space: the same value always gives the same text.
 * A sorted copy is written by JSON.stringify without a replacer (V8's fast path):
 * a replacer called on every value was most of the cost of writing a document.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortedCopy(value))
}

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

function sortedCopy(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function')
    return sortedCopy((value as { toJSON: () => unknown }).toJSON())
  if (Array.isArray(value)) return value.map(sortedCopy)
  const object = value as Record<string, unknown>
  // fromEntries, not assignment: a "__proto__" key stays a key.
  return Object.fromEntries(
    Object.keys(object)
      .sort(byCodeUnit)
      .map((key) => [key, sortedCopy(object[key])]),
  )
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}

/**
 * An item's hash: its documents in every language, as written. A sign-off or
 * "what changed" keys on it, so a pack that changes an item reopens exactly
 * that item, and a new field with a default (which authors did not write)
 * reopens nothing.
 */
export function itemHash(kind: DocumentKind, id: string, bodies: { locale: string; body: string }[]): string {
  const sorted = [...bodies].sort((a, b) => (a.locale < b.locale ? -1 : 1))
  return sha256(canonicalJson({ kind, id, documents: sorted.map((d) => [d.locale, d.body]) }))
}

/**
 * The hash of what a translator translates: the patient text of a document, where each piece sits
 * (`texts`: the document's patient text, where the caller has it already).
 */
export function textHash(
  kind: DocumentKind,
  doc: unknown,
  texts: readonly PatientText[] = patientTexts(DOCUMENT_SCHEMAS[kind], doc),
): string {
  return sha256(JSON.stringify(texts.map((t) => [t.field, t.text]))).slice(0, 12)
}

/** A row of the documents table, as SQLite holds it. */
export interface DocumentRow {
  kind: DocumentKind
  id: string
  locale: string
  title: string
  display_order: number
  text_hash: string
  item_hash: string
  body: string
}

/**
 * The pack hash: everything a pack carries that is not derived. The format,
 * the schema (every object SQLite holds, as its DDL), the metadata and every
 * document row. The search tables are derived from the documents: an import
 * rebuilds them and verify-pack checks them, so they are not hashed.
 */
export function packHash(db: Database): string {
  const hash = createHash('sha256')
  hash.update(`kiosk content pack\u0000format ${String(db.pragma('user_version', { simple: true }))}\u0000`)
  // Each part's rows in a fixed order, one JSON line a row, the parts apart.
  const parts: [label: string, sql: string][] = [
    ['', 'SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name'],
    ['\u0000meta\u0000', "SELECT key, value FROM meta WHERE key <> 'pack_hash' ORDER BY key"],
    [
      '\u0000documents\u0000',
      'SELECT kind, id, locale, title, display_order, text_hash, item_hash, body FROM documents ORDER BY kind, id, locale',
    ],
  ]
  for (const [label, sql] of parts) {
    hash.update(label)
    for (const row of db.prepare(sql).raw().iterate()) hash.update(`${JSON.stringify(row)}\n`)
  }
  return hash.digest('hex')
}

export function readMeta(db: Database, key: MetaKey): string | undefined {
  return db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?').get(key)?.value
}

/** A search row: the topic's id and kind, then the text of each search column. */
export type SearchRow = [id: string, kind: string, ...columns: string[]]

/**
 * The search rows the documents of one language give: a row per topic, a
 * column per searched field, its patient text joined by line breaks.
 */
export function searchRowsOf(db: Database, locale: string): SearchRow[] {
  const docs = db
    .prepare<[string], Pick<DocumentRow, 'kind' | 'id' | 'body'>>(
      `SELECT kind, id, body FROM documents
        WHERE locale = ? AND kind IN (${TOPIC_KINDS.map((k) => `'${k}'`).join(', ')}) ORDER BY kind, id`,
    )
    .all(locale)
  return docs.map(({ kind, id, body }) => searchRow(kind, id, DOCUMENT_SCHEMAS[kind].parse(JSON.parse(body))))
}

/** A topic's search row, from its parsed document (or its patient text, where the caller has it). */
function searchRow(
  kind: DocumentKind,
  id: string,
  doc: unknown,
  texts: readonly PatientText[] = patientTexts(DOCUMENT_SCHEMAS[kind], doc),
): SearchRow {
  // Each piece of text to the top-level field it sits in ("steps[2].body" is in "steps"), in one pass.
  const byField = new Map<string, string[]>()
  for (const t of texts) {
    const field = TOP_FIELD.exec(t.field)?.[0] ?? t.field
    const pieces = byField.get(field)
    if (pieces) pieces.push(t.text)
    else byField.set(field, [t.text])
  }
  return [id, kind, ...SEARCH.map((c) => (byField.get(c.field) ?? []).join('\n'))]
}

const TOP_FIELD = /^[^.[]+/

const byKey = (a: { kind: string; id: string }, b: { kind: string; id: string }) =>
  a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0

/**
 * (Re)fills every language's search table from the documents: those stored
 * (parsed and checked again), or `parsed`, the same documents already in
 * memory, as the build has them (with their patient text, where walked already).
 */
export function fillSearchIndex(
  db: Database,
  locales: readonly string[],
  parsed?: readonly {
    kind: DocumentKind
    id: string
    locale: string
    doc: unknown
    texts?: readonly PatientText[]
  }[],
): void {
  db.transaction(() => {
    for (const locale of locales) {
      const fts = searchTable(locale)
      db.exec(`DELETE FROM ${fts}`)
      const insert = db.prepare(
        `INSERT INTO ${fts} (item_id, kind, ${SEARCH.map((c) => c.field).join(', ')})
         VALUES (${['?', '?', ...SEARCH.map(() => '?')].join(', ')})`,
      )
      const rows = parsed
        ? parsed
            .filter((d) => d.locale === locale && (TOPIC_KINDS as readonly string[]).includes(d.kind))
            .sort(byKey)
            .map((d) => searchRow(d.kind, d.id, d.doc, d.texts))
        : searchRowsOf(db, locale)
      for (const row of rows) insert.run(...row)
    }
  })()
}

export { SEARCH as SEARCH_COLUMNS }

/**
 * Every item a clinician signs with its item hash: every kind but sources and
 * search's synonyms (words a patient never reads; they only widen a search).
 */
export function itemVersions(db: Database): { kind: DocumentKind; id: string; itemHash: string }[] {
  return db
    .prepare<[], { kind: DocumentKind; id: string; itemHash: string }>(
      `SELECT DISTINCT kind, id, item_hash AS itemHash FROM documents
        WHERE kind NOT IN ('source', 'search-synonyms') ORDER BY kind, id`,
    )
    .all()
}
