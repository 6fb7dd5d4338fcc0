/**
 * Opening SQLite files with clear refusals. The content database is opened
 * read-only by the app; only the content build writes one (src/core/db/format.ts).
 * The kiosk's own data database keeps numbered migrations (src/core/data).
 */
import { closeSync, existsSync, openSync, readSync } from 'node:fs'
import Database from 'better-sqlite3'
import type { Database as Db } from 'better-sqlite3'
import { CONTENT_FORMAT, FORMAT_READERS } from './format.ts'

/** One schema version of a database that keeps its data across versions (kiosk.sqlite). */
export interface Migration {
  version: number
  description: string
  up: (db: Db) => void
}

export type DbProblem = 'missing' | 'not-sqlite' | 'too-new' | 'too-old' | 'other-format' | 'corrupt'

/** Why a database could not be used, in words staff can act on. */
export class DatabaseError extends Error {
  readonly problem: DbProblem
  readonly file: string
  constructor(problem: DbProblem, file: string, message: string) {
    super(message)
    this.name = 'DatabaseError'
    this.problem = problem
    this.file = file
  }
}

const SQLITE_HEADER = 'SQLite format 3\0'

export function hasSqliteHeader(file: string): boolean {
  const fd = openSync(file, 'r')
  try {
    const buf = Buffer.alloc(16)
    const read = readSync(fd, buf, 0, 16, 0)
    return read === 16 && buf.toString('latin1') === SQLITE_HEADER
  } finally {
    closeSync(fd)
  }
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number
}

function tooNew(file: string, found: number, known: number): DatabaseError {
  return new DatabaseError(
    'too-new',
    file,
    `${file} uses schema version ${found}, but this version of the kiosk only understands up to ` +
      `version ${known}. Did you start an older version of the kiosk? Update the kiosk, or use a ` +
      `content database built for this version.`,
  )
}

/**
 * Applies every migration newer than the database, each in its own transaction
 * with its user_version. Refuses a database newer than the code.
 */
export function migrate(db: Db, migrations: readonly Migration[]): number {
  const latest = migrations.at(-1)?.version ?? 0
  const current = schemaVersion(db)
  if (current > latest) throw tooNew(db.name, current, latest)
  for (const m of migrations) {
    if (m.version <= current) continue
    db.transaction(() => {
      m.up(db)
      // PRAGMA takes no bound parameters; the version is a number from our code.
      db.pragma(`user_version = ${Math.trunc(m.version)}`)
    })()
  }
  return schemaVersion(db)
}

/**
 * A content database or pack in a format this kiosk does not read: which
 * kiosk versions read it, and what to do.
 */
export function otherFormat(file: string, format: number): DatabaseError {
  const readers = FORMAT_READERS[format]
  const newer = format > CONTENT_FORMAT
  return new DatabaseError(
    newer ? 'too-new' : 'other-format',
    file,
    `${file} is in content format ${format}` +
      (readers ? `, which ${readers} reads` : newer ? ', made by a newer kiosk' : '') +
      `; this kiosk reads content format ${CONTENT_FORMAT} only. ` +
      (newer
        ? 'Did you start an older version of the kiosk? Update the kiosk, or use content built for this version.'
        : `Build the content again with this kiosk's "build-content", or use the kiosk version that made it.`),
  )
}

/**
 * Opens the shipped content database read-only, refusing anything the app
 * cannot safely read: a missing file, a file that is not SQLite, a corrupt
 * file, or a schema newer or older than this code.
 */
export function openContentDb(file: string): Db {
  if (!existsSync(file)) {
    throw new DatabaseError(
      'missing',
      file,
      `The content database ${file} does not exist. Build it with "npm run build:content".`,
    )
  }
  if (!hasSqliteHeader(file)) {
    throw new DatabaseError(
      'not-sqlite',
      file,
      `${file} is not a SQLite database (it may be damaged or the wrong file). Rebuild it with "npm run build:content".`,
    )
  }
  let db: Db | undefined
  try {
    db = new Database(file, { readonly: true, fileMustExist: true })
    const format = schemaVersion(db)
    if (format !== CONTENT_FORMAT) throw otherFormat(file, format)
    const check = db.pragma('quick_check', { simple: true })
    if (check !== 'ok') throw new DatabaseError('corrupt', file, `${file} is damaged (${String(check)}).`)
    return db
  } catch (err) {
    db?.close()
    if (err instanceof DatabaseError) throw err
    throw new DatabaseError('corrupt', file, `${file} could not be read: ${(err as Error).message}`)
  }
}
