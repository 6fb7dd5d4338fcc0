/**
 * Opens (creating if needed) the kiosk's writable database in a data folder.
 * WAL with synchronous=FULL: a write that returned is on disk, even if the
 * process is killed the next moment.
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import type { Database as Db } from 'better-sqlite3'
import { DatabaseError, migrate } from '../db/open.ts'
import { DATA_MIGRATIONS } from './migrations.ts'

export const DATA_DB_NAME = 'kiosk.sqlite'

export function openDataDb(dataDir: string): Db {
  mkdirSync(dataDir, { recursive: true })
  const file = join(dataDir, DATA_DB_NAME)
  let db: Db
  try {
    db = new Database(file)
    db.pragma('journal_mode = WAL')
  } catch (err) {
    throw new DatabaseError('corrupt', file, `${file} could not be opened: ${(err as Error).message}`)
  }
  try {
    db.pragma('synchronous = FULL')
    db.pragma('busy_timeout = 5000')
    migrate(db, DATA_MIGRATIONS)
    return db
  } catch (err) {
    db.close()
    throw err
  }
}
