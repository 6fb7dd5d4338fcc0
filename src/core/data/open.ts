/**
 * Opens (creating if needed) the kiosk's writable database in a data folder.
 * WAL with synchronous=FULL: a write that returned is on disk, even if the
 * process is killed the next moment. The folder and every file in it are the
 * owner's only (private-folder.ts).
 */
import { closeSync, openSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import type { Database as Db } from 'better-sqlite3'
import { DatabaseError, migrate } from '../db/open.ts'
import { DATA_MIGRATIONS } from './migrations.ts'
import { PRIVATE_FILE_MODE, makePrivateFolder } from './private-folder.ts'

export const DATA_DB_NAME = 'kiosk.sqlite'

export function openDataDb(dataDir: string): Db {
  makePrivateFolder(dataDir)
  const file = join(dataDir, DATA_DB_NAME)
  let db: Db
  try {
    // Made 0600 before SQLite sees it, whatever the umask: SQLite gives its WAL
    // and shared-memory files the database file's own mode.
    closeSync(openSync(file, 'a', PRIVATE_FILE_MODE))
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
