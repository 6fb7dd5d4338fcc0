/**
 * Content packs in the data folder. Importing verifies the pack, copies it to a
 * temporary file in packs/, rebuilds that copy's search tables from its
 * documents (derived tables are never taken from a pack), verifies the copy and
 * opens and queries it as the kiosk would, renames it into place under its pack
 * hash (replacing any file of that name: nothing on disk is trusted unchecked),
 * and only then switches the `current` slot in one transaction, keeping the old
 * one as `previous` for rollback. Until that transaction commits, the kiosk
 * keeps using the content it had: an import that fails or is killed changes
 * nothing.
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
import Database from 'better-sqlite3'
import type { Database as Db } from 'better-sqlite3'
import { isDiskFull } from '../data/disk-full.ts'
import { PRIVATE_FOLDER_MODE, makePrivateFile } from '../data/private-folder.ts'
import { fillSearchIndex } from '../db/format.ts'
import { openContentDb } from '../db/open.ts'
import { createContentService } from '../services/content-service.ts'
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

export function packSlots(db: Db): PackSlot[] {
  return db
    .prepare<[], PackSlot>(
      `SELECT slot, file, content_hash AS contentHash, imported_on AS importedOn FROM packs ORDER BY slot`,
    )
    .all()
}

function slot(db: Db, name: 'current' | 'previous'): PackSlot | undefined {
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

/**
 * Opens a content database as the kiosk will and asks it what a patient's
 * first screens ask, in every language: a pack that verifies but cannot answer
 * is refused here, before any switch.
 */
function tryServing(file: string, locales: string[]): void {
  const db = openContentDb(file)
  try {
    const service = createContentService(db)
    service.contentInfo({})
    for (const locale of locales) {
      const topics = service.listTopics({ locale })
      const procedure = topics.procedures[0]
      if (procedure) service.getProcedure({ locale, id: procedure.id })
      const condition = topics.conditions[0]
      if (condition) service.getCondition({ locale, id: condition.id })
      service.search({ locale, query: 'hip' })
      service.getGlossary({ locale })
      service.getAnatomy({ locale })
    }
  } finally {
    db.close()
  }
}

/** Rebuilds a copy's search tables from its documents. */
function rebuildSearch(file: string, locales: string[]): void {
  const db = new Database(file)
  try {
    db.pragma('journal_mode = DELETE')
    fillSearchIndex(db, locales)
    db.exec('VACUUM')
  } finally {
    db.close()
  }
}

/** Verifies `file` and makes it the current content; returns what was imported. */
export function importPack(db: Db, dataDir: string, file: string, today: string): PackSummary {
  const verdict = verifyPack(file)
  if (!verdict.ok) throw new PackError(verdict.reason)
  const dir = packsDir(dataDir)
  mkdirSync(dir, { recursive: true, mode: PRIVATE_FOLDER_MODE })
  const name = `${verdict.summary.contentHash}.sqlite`
  const target = join(dir, name)
  const tmp = join(dir, `${name}.${process.pid}.tmp`)
  try {
    copyFileSync(file, tmp)
    // The copy keeps its source's mode (a pack from a USB stick is often 0644).
    makePrivateFile(tmp)
    rebuildSearch(tmp, verdict.summary.locales)
    fsyncPath(tmp)
    // Check the copy as rebuilt, and use it as the kiosk will, before it takes the pack's name.
    const copied = verifyPack(tmp)
    if (!copied.ok) throw new PackError(`The copied pack failed its check: ${copied.reason}`)
    if (copied.summary.contentHash !== verdict.summary.contentHash)
      throw new PackError('The copied pack is not the pack that was checked.')
    try {
      tryServing(tmp, copied.summary.locales)
    } catch (err) {
      throw new PackError(`The pack could not be used: ${(err as Error).message}`)
    }
    renameSync(tmp, target)
    fsyncPath(dir)
  } catch (err) {
    // A part-made copy only takes space: it goes, and the current content stays.
    rmSync(tmp, { force: true })
    if (isDiskFull(err)) throw diskFull('the pack could not be copied into its data folder')
    throw err
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
    // The switch rolled back: a copy no slot points at goes, to give the space back.
    removeUnusedPacks(db, dataDir)
    throw diskFull('the switch to the new pack could not be recorded')
  }
  removeUnusedPacks(db, dataDir)
  return { ...verdict.summary, file: target }
}

/** Goes back to the previous pack (or to the bundled content when there was none). */
export function rollbackPack(db: Db, dataDir: string): PackSlot | null {
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
export function removeUnusedPacks(db: Db, dataDir: string): void {
  const dir = packsDir(dataDir)
  if (!existsSync(dir)) return
  const keep = new Set(packSlots(db).map((s) => s.file))
  for (const f of readdirSync(dir)) {
    if (!keep.has(f)) rmSync(join(dir, f), { force: true })
  }
}

/**
 * The content database the kiosk should open: the current imported pack when
 * it is there and passes its check, else the previous one, else the bundled
 * content; with the reason for staff whenever an imported pack was passed over.
 */
export function activeContent(db: Db, dataDir: string, bundledFile: string): ActiveContent {
  const problems: string[] = []
  for (const name of ['current', 'previous'] as const) {
    const pack = slot(db, name)
    if (!pack) continue
    const file = join(packsDir(dataDir), basename(pack.file))
    const verdict = verifyPack(file)
    if (verdict.ok) {
      try {
        tryServing(file, verdict.summary.locales)
        return problems.length
          ? {
              file,
              source: 'imported',
              problem: `${problems.join(' ')} The kiosk uses the pack imported before it.`,
            }
          : { file, source: 'imported' }
      } catch (err) {
        problems.push(`The ${name} content pack cannot be used: ${(err as Error).message}.`)
        continue
      }
    }
    problems.push(
      `The ${name === 'current' ? 'imported' : 'previous'} content pack cannot be used: ${verdict.reason}.`,
    )
  }
  if (!problems.length) return { file: bundledFile, source: 'bundled' }
  return {
    file: bundledFile,
    source: 'bundled',
    problem: `${problems.join(' ')} The kiosk uses its bundled content.`,
  }
}
