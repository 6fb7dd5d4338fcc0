/**
 * The content hash, computed from the database's own rows: every content table
 * in a fixed order, every row in key order. The build stores it in `meta`; a
 * pack whose rows were changed afterwards no longer matches it.
 */
import { createHash } from 'node:crypto'
import type { Database } from 'better-sqlite3'

/** Content tables and the order their rows are hashed in (never the FTS index or meta). */
const HASHED_TABLES: { table: string; orderBy: string }[] = [
  { table: 'sources', orderBy: 'id' },
  { table: 'items', orderBy: 'id, locale' },
  { table: 'item_sources', orderBy: 'item_id, locale, position' },
  { table: 'sections', orderBy: 'item_id, locale, position' },
  { table: 'preparation', orderBy: 'item_id, locale, position' },
  { table: 'steps', orderBy: 'item_id, locale, position' },
  { table: 'risks', orderBy: 'item_id, locale, position' },
  { table: 'recovery', orderBy: 'item_id, locale, position' },
  { table: 'red_flags', orderBy: 'item_id, locale, position' },
  { table: 'faqs', orderBy: 'item_id, locale, position' },
  { table: 'questions_to_ask', orderBy: 'item_id, locale, position' },
  { table: 'quiz', orderBy: 'item_id, locale, position' },
  { table: 'glossary', orderBy: 'id, locale' },
  { table: 'anatomy', orderBy: 'id, locale' },
]

export function computeContentHash(db: Database): string {
  const hash = createHash('sha256')
  for (const { table, orderBy } of HASHED_TABLES) {
    hash.update(`\u0000${table}\u0000`)
    // Table and column names come from the list above, never from input.
    for (const row of db.prepare(`SELECT * FROM ${table} ORDER BY ${orderBy}`).raw().iterate()) {
      hash.update(JSON.stringify(row))
      hash.update('\n')
    }
  }
  return hash.digest('hex')
}

export function storedContentHash(db: Database): string | undefined {
  return db.prepare<[], { value: string }>("SELECT value FROM meta WHERE key = 'content_hash'").get()?.value
}
