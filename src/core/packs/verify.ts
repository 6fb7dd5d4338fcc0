/**
 * Checks a content pack (a database built by the content pipeline) before the
 * kiosk uses it: a real SQLite file, intact, a schema this code reads, rows
 * that still match their content hash, and every item, glossary term and
 * anatomy part in every language.
 */
import { statSync } from 'node:fs'
import type { Database } from 'better-sqlite3'
import { LOCALES } from '../../shared/vocabulary.ts'
import { computeContentHash, storedContentHash } from '../db/content-hash.ts'
import { DatabaseError, openContentDb, schemaVersion } from '../db/open.ts'

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

function missingTranslations(db: Database): string[] {
  const problems: string[] = []
  for (const locale of LOCALES.filter((l) => l !== 'en')) {
    const missing = (sql: string) =>
      db
        .prepare<[string], { id: string }>(sql)
        .all(locale)
        .map((r) => r.id)
    for (const id of missing(
      `SELECT id FROM items e WHERE locale = 'en' AND NOT EXISTS (SELECT 1 FROM items t WHERE t.id = e.id AND t.locale = ?)`,
    )) {
      problems.push(`item "${id}" has no ${locale} version`)
    }
    for (const id of missing(
      `SELECT id FROM glossary e WHERE locale = 'en' AND NOT EXISTS (SELECT 1 FROM glossary t WHERE t.id = e.id AND t.locale = ?)`,
    )) {
      problems.push(`glossary term "${id}" has no ${locale} version`)
    }
    for (const id of missing(
      `SELECT id FROM anatomy e WHERE locale = 'en' AND NOT EXISTS (SELECT 1 FROM anatomy t WHERE t.id = e.id AND t.locale = ?)`,
    )) {
      problems.push(`anatomy part "${id}" has no ${locale} version`)
    }
  }
  return problems
}

export function verifyPack(file: string): PackVerdict {
  let db: Database
  try {
    db = openContentDb(file)
  } catch (err) {
    if (err instanceof DatabaseError) return { ok: false, reason: err.message }
    throw err
  }
  try {
    const integrity = db.pragma('integrity_check', { simple: true })
    if (integrity !== 'ok')
      return { ok: false, reason: `${file} is damaged: integrity check says ${String(integrity)}` }
    const stored = storedContentHash(db)
    if (!stored)
      return { ok: false, reason: `${file} has no content hash: it was not built by the content pipeline` }
    const actual = computeContentHash(db)
    if (actual !== stored) {
      return {
        ok: false,
        reason: `${file} was changed after it was built: its content does not match its content hash`,
      }
    }
    const count = (sql: string) => (db.prepare(sql).pluck().get() as number) ?? 0
    const summary: PackSummary = {
      file,
      bytes: statSync(file).size,
      contentHash: stored,
      schemaVersion: schemaVersion(db),
      conditions: count("SELECT count(*) FROM items WHERE locale = 'en' AND kind = 'condition'"),
      procedures: count("SELECT count(*) FROM items WHERE locale = 'en' AND kind = 'procedure'"),
      glossary: count("SELECT count(*) FROM glossary WHERE locale = 'en'"),
      locales: db.prepare('SELECT DISTINCT locale FROM items ORDER BY locale').pluck().all() as string[],
    }
    if (summary.conditions + summary.procedures === 0)
      return { ok: false, reason: `${file} holds no content` }
    const missing = missingTranslations(db)
    if (missing.length)
      return { ok: false, reason: `${file} is incomplete: ${missing.slice(0, 5).join('; ')}` }
    return { ok: true, summary }
  } finally {
    db.close()
  }
}
