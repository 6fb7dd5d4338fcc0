/**
 * Checks a content pack (a content database from `build-content`) before the
 * kiosk trusts it, without writing anything beside it: the file is read into
 * memory and every check runs on that copy.
 *
 * Nothing in a pack is taken on trust. Its schema must be exactly the DDL of
 * its format for its languages (no extra table, view, trigger or index), its
 * metadata exactly the known keys, every document valid against its kind's
 * schema with the hashes the build gave it, the search tables exactly what
 * the documents give, and the pack hash must cover the rest.
 */
import { readFileSync, statSync } from 'node:fs'
import Database from 'better-sqlite3'
import type { Database as Db } from 'better-sqlite3'
import { DOCUMENT_KINDS, DOCUMENT_SCHEMAS, TOPIC_KINDS, triageRuleId } from '../../shared/items.ts'
import type { DocumentKind } from '../../shared/items.ts'
import { SOURCE_LOCALE } from '../../shared/vocabulary.ts'
import {
  CONTENT_FORMAT,
  META_KEYS,
  canonicalJson,
  contentDdl,
  itemHash,
  packHash,
  readMeta,
  searchRowsOf,
  searchTable,
  textHash,
} from '../db/format.ts'
import type { DocumentRow } from '../db/format.ts'
import { DatabaseError, hasSqliteHeader, otherFormat, schemaVersion } from '../db/open.ts'

export interface PackSummary {
  file: string
  bytes: number
  contentHash: string
  schemaVersion: number
  conditions: number
  procedures: number
  glossary: number
  locales: string[]
}

export type PackVerdict = { ok: true; summary: PackSummary } | { ok: false; reason: string }

/** Larger than any real library (today's is about 1.2 MB) by far; a pack is read whole into memory. */
export const PACK_READ_LIMIT = 256 * 1024 * 1024

class Refusal extends Error {}
const refuse = (reason: string): never => {
  throw new Refusal(reason)
}

interface SchemaObject {
  type: string
  name: string
  tbl_name: string
  sql: string | null
}

function schemaObjects(db: Db): SchemaObject[] {
  return db
    .prepare<[], SchemaObject>('SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name')
    .all()
}

/** What the DDL of this format makes for these languages: built in memory and read back. */
function expectedDatabase(locales: string[]): Db {
  const db = new Database(':memory:')
  for (const statement of contentDdl(locales)) db.exec(statement)
  return db
}

function checkSchema(db: Db, expected: Db, file: string): void {
  const actual = new Map(schemaObjects(db).map((o) => [`${o.type} ${o.name}`, o]))
  const wanted = new Map(schemaObjects(expected).map((o) => [`${o.type} ${o.name}`, o]))
  for (const [key, object] of actual) {
    const want = wanted.get(key)
    if (!want) refuse(`${file} holds a ${object.type} "${object.name}" that no content pack has`)
    else if (want.sql !== object.sql || want.tbl_name !== object.tbl_name)
      refuse(`${file} has a changed ${object.type} "${object.name}"`)
  }
  for (const [key, object] of wanted) {
    if (!actual.has(key)) refuse(`${file} lacks the ${object.type} "${object.name}"`)
  }
}

function checkMeta(db: Db, file: string): string[] {
  const keys = db.prepare('SELECT key FROM meta ORDER BY key').pluck().all() as string[]
  const unknown = keys.filter((k) => !(META_KEYS as readonly string[]).includes(k))
  if (unknown.length) refuse(`${file} carries metadata this kiosk does not know: ${unknown.join(', ')}`)
  const missing = META_KEYS.filter((k) => !keys.includes(k))
  if (missing.length) refuse(`${file} has no ${missing.join(', ')}: it was not built by the content pipeline`)
  if (readMeta(db, 'format') !== String(CONTENT_FORMAT))
    refuse(`${file} says it is in another content format`)
  let locales: unknown
  try {
    locales = JSON.parse(readMeta(db, 'locales') ?? '')
  } catch {
    locales = null
  }
  if (
    !Array.isArray(locales) ||
    !locales.length ||
    !locales.every((l) => typeof l === 'string' && /^[a-z]{2}$/.test(l))
  )
    refuse(`${file} does not list its languages properly`)
  return [...(locales as string[])].sort()
}

/** Every document: a known kind, valid against its schema, with the title, order and hashes the build gives it. */
function checkDocuments(db: Db, file: string, locales: string[]): void {
  // Read as SQLite holds them: the kind is checked here, not assumed.
  const rows = db.prepare<[], DocumentRow>('SELECT * FROM documents ORDER BY kind, id, locale').all()
  const byItem = new Map<string, DocumentRow[]>()
  for (const row of rows) {
    const where = `${file}: ${row.kind} "${row.id}" (${row.locale})`
    if (!(DOCUMENT_KINDS as string[]).includes(row.kind)) refuse(`${where}: unknown kind of document`)
    if (!locales.includes(row.locale)) refuse(`${where}: a language the pack does not list`)
    const kind = row.kind as DocumentKind
    let authored: unknown
    try {
      authored = JSON.parse(row.body)
    } catch {
      refuse(`${where}: not JSON`)
    }
    if (canonicalJson(authored) !== row.body) refuse(`${where}: not written as the build writes documents`)
    const parsed = DOCUMENT_SCHEMAS[kind].safeParse(authored)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      refuse(`${where}: field "${issue?.path.join('.') || '(document)'}": ${issue?.message ?? 'invalid'}`)
    } else {
      const doc = parsed.data as { id?: string; sign?: string; context?: string }
      // A triage rule is keyed by its sign and context; every other document by its id.
      const id = kind === 'triage-rule' ? triageRuleId(doc.sign ?? '', doc.context ?? '') : doc.id
      if (id !== row.id) refuse(`${where}: its document has the id "${id}"`)
      if (row.text_hash !== textHash(kind, doc)) refuse(`${where}: its text hash does not match its text`)
    }
    const key = `${row.kind}\u0000${row.id}`
    byItem.set(key, [...(byItem.get(key) ?? []), row])
  }
  for (const docs of byItem.values()) {
    const first = docs[0]!
    const hash = itemHash(first.kind as DocumentKind, first.id, docs)
    if (docs.some((d) => d.item_hash !== hash))
      refuse(`${file}: ${first.kind} "${first.id}": its item hash does not match its documents`)
  }
}

/** The search tables hold exactly what the documents give, and their index matches what they hold. */
function checkSearch(db: Db, expected: Db, file: string, locales: string[]): void {
  for (const locale of locales) {
    const fts = searchTable(locale)
    const config = (d: Db) => JSON.stringify(d.prepare(`SELECT * FROM ${fts}_config ORDER BY k`).raw().all())
    if (config(db) !== config(expected)) refuse(`${file}: the ${locale} search settings were changed`)
    const want = searchRowsOf(db, locale).map((r) => JSON.stringify(r))
    const have = (db.prepare(`SELECT * FROM ${fts} ORDER BY kind, item_id`).raw().all() as unknown[][]).map(
      (r) => JSON.stringify(r),
    )
    if (want.length !== have.length || want.some((row, i) => row !== have[i]))
      refuse(`${file}: the ${locale} search index does not match the documents`)
    try {
      // The in-memory copy is writable: FTS5 checks its index against what it holds.
      db.prepare(`INSERT INTO ${fts} (${fts}) VALUES ('integrity-check')`).run()
    } catch {
      refuse(`${file}: the ${locale} search index is damaged`)
    }
  }
}

function summarise(db: Db, file: string, bytes: number, locales: string[]): PackSummary {
  const count = (kind: DocumentKind) =>
    db.prepare("SELECT count(*) FROM documents WHERE locale = 'en' AND kind = ?").pluck().get(kind) as number
  return {
    file,
    bytes,
    contentHash: readMeta(db, 'pack_hash') ?? '',
    schemaVersion: schemaVersion(db),
    conditions: count('condition'),
    procedures: count('procedure'),
    glossary: count('glossary-term'),
    locales,
  }
}

/** Reads `file` into memory, refusing what is not a content database this kiosk can check. */
function loadCopy(file: string): { db: Db; bytes: number } {
  let bytes: number
  try {
    bytes = statSync(file).size
  } catch {
    throw new DatabaseError('missing', file, `${file} does not exist`)
  }
  if (bytes > PACK_READ_LIMIT) refuse(`${file} is larger than any content pack (${bytes} bytes)`)
  if (!hasSqliteHeader(file))
    throw new DatabaseError(
      'not-sqlite',
      file,
      `${file} is not a SQLite database (it may be damaged or the wrong file)`,
    )
  const data = readFileSync(file)
  // Bytes 18 and 19: 1 for a rollback journal (what the build writes), 2 for WAL.
  if (data[18] !== 1 || data[19] !== 1)
    refuse(`${file} is not a single-file content database (it uses a write-ahead log)`)
  try {
    return { db: new Database(data), bytes }
  } catch (err) {
    throw new DatabaseError('corrupt', file, `${file} could not be read: ${(err as Error).message}`)
  }
}

export function verifyPack(file: string): PackVerdict {
  let copy: { db: Db; bytes: number }
  try {
    copy = loadCopy(file)
  } catch (err) {
    if (err instanceof DatabaseError || err instanceof Refusal) return { ok: false, reason: err.message }
    throw err
  }
  const { db, bytes } = copy
  let expected: Db | undefined
  try {
    const format = schemaVersion(db)
    if (format !== CONTENT_FORMAT) return { ok: false, reason: otherFormat(file, format).message }
    const integrity = db.pragma('integrity_check', { simple: true })
    if (integrity !== 'ok') refuse(`${file} is damaged: integrity check says ${String(integrity)}`)
    const hasMeta = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'meta'").get()
    if (!hasMeta) refuse(`${file} has no metadata: it was not built by the content pipeline`)
    const locales = checkMeta(db, file)
    expected = expectedDatabase(locales)
    checkSchema(db, expected, file)
    if (packHash(db) !== readMeta(db, 'pack_hash'))
      refuse(`${file} was changed after it was built: its content does not match its pack hash`)
    checkDocuments(db, file, locales)
    checkSearch(db, expected, file, locales)
    const summary = summarise(db, file, bytes, locales)
    if (summary.conditions + summary.procedures === 0) refuse(`${file} holds no content`)
    const topics = db
      .prepare(
        `SELECT DISTINCT locale FROM documents WHERE kind IN (${TOPIC_KINDS.map((k) => `'${k}'`).join(', ')})`,
      )
      .pluck()
      .all() as string[]
    // English is the source: every topic has it. An item not yet translated into
    // another language is served in English, with a note, so a partly translated pack is fine.
    if (!topics.includes(SOURCE_LOCALE)) refuse(`${file} has no English content`)
    return { ok: true, summary }
  } catch (err) {
    if (err instanceof Refusal) return { ok: false, reason: err.message }
    if (err instanceof Error && 'code' in err && String(err.code).startsWith('SQLITE_'))
      return { ok: false, reason: `${file} could not be read as a content pack: ${err.message}` }
    throw err
  } finally {
    expected?.close()
    db.close()
  }
}
