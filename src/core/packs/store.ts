/**
 * Content packs in the data folder. Importing verifies the pack, copies it into
 * packs/ under its content hash (to a temporary name, synced, then renamed), and
 * only then switches the `current` slot in one transaction, keeping the old one
 * as `previous` for rollback. Until that transaction commits, the kiosk keeps
 * using the content it had: an import that fails or is killed changes nothing.
 */
import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
} from 'node:fs'
import { basename, join } from 'node:path'
import type { Database } from 'better-sqlite3'
import { isDiskFull } from '../data/disk-full.ts'
import { PRIVATE_FOLDER_MODE, makePrivateFile } from '../data/private-folder.ts'
import { verifyPack } from './verify.ts'
import type { PackSummary } from './verify.ts'

export interface PackSlot {
  slot: 'current' | 'previous'
  file: string
  contentHash: string
  importedOn: string
}

export interface ActiveContent {
  file: string
  source: 'imported' | 'bundled'
  /** Why an imported pack was passed over, for staff. */
  problem?: string
}

export class PackError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'PackError'
  }
}

const diskFull = (what: string) =>
  new PackError(
    `The kiosk's disk is full, so ${what}. Free some space on the kiosk computer's disk, then import again.`,
  )

export const packsDir = (dataDir: string): string => join(dataDir, 'packs')

export function packSlots(db: Database): PackSlot[] {
  return db
    .prepare<[], PackSlot>(
      `SELECT slot, file, content_hash AS contentHash, imported_on AS importedOn FROM packs ORDER BY slot`,
    )
    .all()
}

function slot(db: Database, name: 'current' | 'previous'): PackSlot | undefined {
  return packSlots(db).find((s) => s.slot === name)
}

function fsyncPath(path: string): void {
  const fd = openSync(path, 'r')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

/** Verifies `file` and makes it the current content; returns what was imported. */
export function importPack(db: Database, dataDir: string, file: string, today: string): PackSummary {
  const verdict = verifyPack(file)
  if (!verdict.ok) throw new PackError(verdict.reason)
  const dir = packsDir(dataDir)
  mkdirSync(dir, { recursive: true, mode: PRIVATE_FOLDER_MODE })
  const name = `${verdict.summary.contentHash}.sqlite`
  const target = join(dir, name)
  const copiedNow = !existsSync(target)
  if (copiedNow) {
    const tmp = join(dir, `${name}.${process.pid}.tmp`)
    try {
      copyFileSync(file, tmp)
      // The copy keeps its source's mode (a pack from a USB stick is often 0644).
      makePrivateFile(tmp)
      fsyncPath(tmp)
      renameSync(tmp, target)
      fsyncPath(dir)
    } catch (err) {
      // A part-copied pack only takes space: it goes, and the current content stays.
      rmSync(tmp, { force: true })
      if (isDiskFull(err)) throw diskFull('the pack could not be copied into its data folder')
      throw err
    }
  }
  // Check the copy, not just the original: a short write would show here.
  const copied = verifyPack(target)
  if (!copied.ok) {
    rmSync(target, { force: true })
    throw new PackError(`The copied pack failed its check: ${copied.reason}`)
  }
  try {
    db.transaction(() => {
      const current = slot(db, 'current')
      if (current?.contentHash === verdict.summary.contentHash) return
      db.prepare(`DELETE FROM packs WHERE slot = 'previous'`).run()
      if (current) db.prepare(`UPDATE packs SET slot = 'previous' WHERE slot = 'current'`).run()
      db.prepare(`INSERT INTO packs (slot, file, content_hash, imported_on) VALUES ('current', ?, ?, ?)`).run(
        name,
        verdict.summary.contentHash,
        today,
      )
    })()
  } catch (err) {
    if (!isDiskFull(err)) throw err
    // The switch rolled back: the copy no slot points at goes, to give the space back.
    if (copiedNow) rmSync(target, { force: true })
    throw diskFull('the switch to the new pack could not be recorded')
  }
  removeUnusedPacks(db, dataDir)
  return { ...verdict.summary, file: target }
}

/** Goes back to the previous pack (or to the bundled content when there was none). */
export function rollbackPack(db: Database, dataDir: string): PackSlot | null {
  const result = db.transaction(() => {
    const current = slot(db, 'current')
    if (!current)
      throw new PackError(
        'There is no imported pack to roll back: the kiosk already uses its bundled content.',
      )
    const previous = slot(db, 'previous')
    db.prepare(`DELETE FROM packs WHERE slot = 'current'`).run()
    if (!previous) return null
    // The pack rolled back from becomes "previous", so a second rollback undoes the first.
    db.prepare(`UPDATE packs SET slot = 'current' WHERE slot = 'previous'`).run()
    db.prepare(`INSERT INTO packs (slot, file, content_hash, imported_on) VALUES ('previous', ?, ?, ?)`).run(
      current.file,
      current.contentHash,
      current.importedOn,
    )
    return { ...previous, slot: 'current' as const }
  })()
  removeUnusedPacks(db, dataDir)
  return result
}

/** Leftovers of interrupted imports and packs no slot points at. */
export function removeUnusedPacks(db: Database, dataDir: string): void {
  const dir = packsDir(dataDir)
  if (!existsSync(dir)) return
  const keep = new Set(packSlots(db).map((s) => s.file))
  for (const f of readdirSync(dir)) {
    if (!keep.has(f)) rmSync(join(dir, f), { force: true })
  }
}

/**
 * The content database the kiosk should open: the current imported pack when
 * it is there and passes its check, the bundled one otherwise.
 */
export function activeContent(db: Database, dataDir: string, bundledFile: string): ActiveContent {
  const current = slot(db, 'current')
  if (!current) return { file: bundledFile, source: 'bundled' }
  const file = join(packsDir(dataDir), basename(current.file))
  const verdict = verifyPack(file)
  if (verdict.ok) return { file, source: 'imported' }
  return {
    file: bundledFile,
    source: 'bundled',
    problem: `The imported content pack cannot be used: ${verdict.reason}`,
  }
}
