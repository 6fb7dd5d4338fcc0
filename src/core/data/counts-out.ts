/**
 * Counts out: each kiosk writes its daily anonymous counts as CSV files into a
 * folder the clinic collects from (a mounted share, say), one file per kiosk
 * and day, named `<kiosk>_<YYYY-MM-DD>.csv`. Each file is written beside its
 * final name under a hidden temporary name and renamed over it, so whoever
 * collects never reads half a file. The last days are written each time: a
 * day's file is complete once the day is over, and today's grows until then.
 */
import { randomBytes } from 'node:crypto'
import { chmodSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Database } from 'better-sqlite3'
import { readSettings } from './settings.ts'
import { daysBefore, localDay, usageSince } from './usage.ts'

/** Days written each time: a kiosk switched off for a long weekend still sends every day. */
export const COUNTS_OUT_DAYS = 7

/**
 * This kiosk's name in the files' names: the one staff gave it, else an id
 * made once and kept in the data folder (file names must not collide between kiosks).
 */
export function kioskId(db: Database, dataDir: string): string {
  const named = readSettings(db).kioskName
  if (named) return named
  const file = join(dataDir, 'kiosk-id.txt')
  try {
    const kept = readFileSync(file, 'utf8').trim()
    if (/^kiosk-[0-9a-f]{8}$/.test(kept)) return kept
  } catch {
    // none yet
  }
  const made = `kiosk-${randomBytes(4).toString('hex')}`
  writeFileSync(file, `${made}\n`, { mode: 0o600 })
  return made
}

export interface CountsOutOptions {
  folder: string
  now?: number
  days?: number
}

/** Writes the last days' counts (days with any) into `folder`; returns the files written. */
export function writeCountsOut(db: Database, dataDir: string, opts: CountsOutOptions): string[] {
  const now = opts.now ?? Date.now()
  const kiosk = kioskId(db, dataDir)
  const today = localDay(now)
  const rows = usageSince(db, daysBefore(today, opts.days ?? COUNTS_OUT_DAYS)).filter((r) => r.day <= today)
  const byDay = new Map<string, string[]>()
  for (const r of rows)
    byDay.set(r.day, [...(byDay.get(r.day) ?? []), `${kiosk},${r.day},${r.metric},${r.key},${r.count}`])
  mkdirSync(opts.folder, { recursive: true })
  const written: string[] = []
  for (const [day, lines] of [...byDay].sort(([a], [b]) => a.localeCompare(b))) {
    const file = join(opts.folder, `${kiosk}_${day}.csv`)
    // Hidden and not .csv: a collector that takes *.csv never picks up a file being written.
    const tmp = join(opts.folder, `.${kiosk}_${day}.${process.pid}.tmp`)
    try {
      writeFileSync(tmp, ['kiosk,day,metric,key,count', ...lines].join('\n') + '\n')
      // Readable by whoever collects (another account on the share), whatever this process's umask.
      chmodSync(tmp, 0o644)
      renameSync(tmp, file)
    } catch (err) {
      rmSync(tmp, { force: true })
      throw err
    }
    written.push(file)
  }
  return written
}
