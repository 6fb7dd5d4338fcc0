/**
 * Compiles the validated content library into the SQLite file the app ships.
 * The database is written to a temporary file and renamed into place only when
 * complete, so a failed build never leaves a half-written database behind and
 * never replaces a good one.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync } from 'node:fs'
import { dirname } from 'node:path'
import Database from 'better-sqlite3'
import type { Database as Db } from 'better-sqlite3'
import { CONTENT_FORMAT, createContentSchema, fillSearchIndex, itemHash, packHash } from '../db/format.ts'
import { KIOSK_VERSION } from '../version.ts'
import { loadContent } from './load.ts'
import type { ContentLibrary } from './load.ts'

export interface BuildSummary {
  outFile: string
  contentHash: string
  schemaVersion: number
  counts: { conditions: number; procedures: number; guides: number; glossary: number; locales: string[] }
  staleTranslations: { id: string; locale: string }[]
}

/** Writes every document, the search tables derived from them, the metadata, then the pack hash. */
function writeLibrary(db: Db, library: ContentLibrary, locales: string[]): string {
  const insert =
    db.prepare(`INSERT INTO documents (kind, id, locale, title, display_order, text_hash, item_hash, body)
    VALUES (@kind, @id, @locale, @title, @order, @textHash, @itemHash, @body)`)
  const meta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)')
  const rows = library.documents
  const byItem = new Map<string, typeof rows>()
  for (const r of rows) {
    const key = `${r.kind}\u0000${r.id}`
    const documents = byItem.get(key)
    if (documents) documents.push(r)
    else byItem.set(key, [r])
  }
  // One hash per item, shared by its documents in every language.
  const itemHashes = new Map(
    [...byItem].map(([key, docs]) => [key, itemHash(docs[0]!.kind, docs[0]!.id, docs)]),
  )
  return db.transaction(() => {
    for (const r of rows) {
      const { kind, id, locale, title, order, textHash: text, body } = r
      const hash = itemHashes.get(`${kind}\u0000${id}`)
      insert.run({ kind, id, locale, title, order, textHash: text, itemHash: hash, body })
    }
    // The documents are in memory, parsed: the search rows come from them, not from parsing the rows again.
    fillSearchIndex(db, locales, library.documents)
    meta.run('format', String(CONTENT_FORMAT))
    meta.run('kiosk_version', KIOSK_VERSION)
    meta.run('locales', JSON.stringify(locales))
    const hash = packHash(db)
    meta.run('pack_hash', hash)
    return hash
  })()
}

/** Translations whose English text changed after they were made. */
export function staleTranslations(library: ContentLibrary): { id: string; locale: string }[] {
  const english = new Map(library.items.filter((i) => i.locale === 'en').map((i) => [i.item.id, i.textHash]))
  return library.items
    .filter((i) => i.locale !== 'en' && i.item.translatedFrom !== english.get(i.item.id))
    .map((i) => ({ id: i.item.id, locale: i.locale }))
}

/**
 * Validates content/ and writes the database to outFile atomically.
 * Throws ContentError (naming file, item and field) when the content is wrong;
 * outFile is then untouched.
 */
export function buildContentDb(contentDir: string, outFile: string): BuildSummary {
  const library = loadContent(contentDir)
  const locales = [...new Set(library.documents.map((d) => d.locale))].sort()
  let contentHash = ''
  const tmp = `${outFile}.${process.pid}.tmp`
  mkdirSync(dirname(outFile), { recursive: true })
  rmSync(tmp, { force: true })
  let schemaVersion = 0
  try {
    const db = new Database(tmp)
    try {
      // A private temporary file, renamed into place only when complete: no
      // journal and no syncs while filling it, then one fsync once closed, so
      // what is renamed is on disk. (Written once from empty, it has nothing
      // for a VACUUM to reclaim, and rewriting it cost a fifth of the build.)
      db.pragma('journal_mode = OFF')
      db.pragma('synchronous = OFF')
      createContentSchema(db, locales)
      schemaVersion = CONTENT_FORMAT
      contentHash = writeLibrary(db, library, locales)
    } finally {
      db.close()
    }
    const fd = openSync(tmp, 'r+')
    try {
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
    renameSync(tmp, outFile)
  } catch (err) {
    rmSync(tmp, { force: true })
    throw err
  }
  const en = library.items.filter((i) => i.locale === 'en')
  return {
    outFile,
    contentHash,
    schemaVersion,
    counts: {
      conditions: en.filter((i) => i.item.kind === 'condition').length,
      procedures: en.filter((i) => i.item.kind === 'procedure').length,
      guides: en.filter((i) => i.item.kind === 'guide').length,
      glossary: library.glossary.filter((g) => g.locale === 'en').length,
      locales,
    },
    staleTranslations: staleTranslations(library),
  }
}
