/**
 * A full disk gives clear messages and loses nothing. This is a real full disk,
 * not a simulation: the kiosk (core, HTTP server, the import-pack command) runs
 * in a child process with its data folder on a small tmpfs (room for the data
 * and the real pack's copies once freed, 4 MB at least) that a file then fills
 * to the last byte (tests/fixtures/full-disk-kiosk.ts). The tmpfs is mounted in
 * a private mount namespace (`unshare`), so nothing is left mounted if the test
 * dies: as root directly (CI), otherwise in an unprivileged user namespace.
 * SQLite's page limit (max_page_count) was the fallback considered, but it cannot
 * fill a disk: a small write still fits in a page with room, and a pack's file
 * copy never touches SQLite at all.
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isDiskFull } from '../../src/core/data/disk-full.ts'
import { buildFixtureDb, buildRealPack, changeSummary, tempDir } from '../fixtures/library.ts'

const SCENARIO = join(import.meta.dirname, '..', 'fixtures', 'full-disk-kiosk.ts')
const FULL =
  /^The kiosk's disk is full, so .+\. Ask whoever looks after the kiosk computer to free some space on its disk, then try again\.$/

interface Answer {
  status: number
  body: { ok: boolean; value?: Record<string, unknown>; error?: { code: string; message: string } }
}
interface Run {
  exitCode: number | null
  stdout: string
  stderr: string
}
interface Report {
  before: { clinicName: string; topics: number; packs: string[] }
  fillerBytes: number
  full: {
    freeBytes: number
    saveSetting: Answer
    clinicNameAfterRefusal: string
    recordUsage: Answer
    topics: number
    wrongPin: Answer
    rightPin: Answer
    importPack: Run
    leftInPacks: string[]
    packsAfterImport: string[]
  }
  freed: {
    saveSetting: Answer
    clinicName: string
    recordUsage: Answer
    importPack: Run
    packsAfterImport: string[]
    topics: number
  }
  logs: string[]
}

const dir = tempDir('kiosk-full-disk-')
let report: Report

beforeAll(() => {
  const bundled = buildFixtureDb(dir.path)
  const pack = buildRealPack(dir.path, 'pack', changeSummary('A pack for a full disk.'))
  const mountPoint = join(dir.path, 'disk')
  // Once freed, the disk must hold an import: the pack copied in and checked beside the data (the
  // real library outgrew a fixed 4 MB). Filled to the last byte either way.
  const sizeMiB = Math.max(4, Math.ceil((3 * statSync(pack).size) / 2 ** 20) + 1)
  mkdirSync(mountPoint)
  const asRoot = process.getuid?.() === 0
  const run = spawnSync(
    'unshare',
    [
      ...(asRoot ? [] : ['--user', '--map-root-user']),
      '--mount',
      '--propagation',
      'private',
      'sh',
      '-c',
      `mount -t tmpfs -o size=${sizeMiB}m kiosk-full-disk "$1" && exec "$2" "$3" "$1" "$4" "$5"`,
      'sh',
      mountPoint,
      process.execPath,
      SCENARIO,
      bundled,
      pack,
    ],
    { encoding: 'utf8', timeout: 100_000 },
  )
  if (run.error || run.status !== 0) {
    throw new Error(
      'The full-disk kiosk did not run. It needs `unshare` and a tmpfs mount: root, or unprivileged ' +
        `user namespaces. Exit ${run.status}: ${run.error?.message ?? ''}\n${run.stderr}`,
    )
  }
  report = JSON.parse(run.stdout) as Report
}, 120_000)

afterAll(() => dir.remove())

describe('a full disk', () => {
  it('really is full while the kiosk runs on it', () => {
    expect(report.fillerBytes).toBeGreaterThan(1_000_000)
    expect(report.full.freeBytes).toBe(0)
  })

  it('refuses a setting with a clear, typed message and keeps the old value', () => {
    expect(report.full.saveSetting.body).toEqual({
      ok: false,
      error: { code: 'disk-full', message: expect.stringMatching(FULL) },
    })
    expect(report.full.saveSetting.body.error!.message).toContain('the old values are kept')
    expect(report.full.saveSetting.status).toBe(507)
    expect(report.full.clinicNameAfterRefusal).toBe('Clinic before')
  })

  it('loses a usage count quietly, never the patient’s screen: counts are best effort', () => {
    expect(report.full.recordUsage.body).toEqual({ ok: true, value: { recorded: false } })
    expect(report.logs).toContain('a usage count was not recorded: the disk is full')
    expect(report.full.topics).toBe(report.before.topics)
    expect(report.before.topics).toBeGreaterThan(0)
  })

  it('lets staff in with the right PIN, and refuses a wrong one it cannot count', () => {
    expect(report.full.rightPin.body.ok).toBe(true)
    expect(report.full.wrongPin.body).toEqual({
      ok: false,
      error: { code: 'disk-full', message: expect.stringMatching(FULL) },
    })
  })

  it('refuses a pack import with a clear message, leaves no part-copied file, and keeps the content', () => {
    const run = report.full.importPack
    expect(run.exitCode).toBe(1)
    expect(run.stderr).toBe(
      "Not imported: The kiosk's disk is full, so the pack could not be copied into its data folder. " +
        "Free some space on the kiosk computer's disk, then import again.\n" +
        'The kiosk keeps its current content.\n',
    )
    expect(report.full.leftInPacks).toEqual([])
    expect(report.before.packs).toEqual([])
    expect(report.full.packsAfterImport).toEqual([])
  })

  it('works again once space is freed, in the same process', () => {
    expect(report.freed.saveSetting.body.ok).toBe(true)
    expect(report.freed.clinicName).toBe('Clinic after')
    expect(report.freed.recordUsage.body).toEqual({ ok: true, value: { recorded: true } })
    expect(report.freed.importPack.exitCode, report.freed.importPack.stderr).toBe(0)
    expect(report.freed.packsAfterImport).toEqual(['current'])
    expect(report.freed.topics).toBe(report.before.topics)
    // Nothing was an internal error: every failure above was understood as a full disk.
    expect(report.logs.filter((line) => line.includes('internal error'))).toEqual([])
  })
})

describe('telling a full disk from other failures', () => {
  it('knows SQLite’s and the system’s words for it, and nothing else', () => {
    expect(isDiskFull(Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }))).toBe(
      true,
    )
    expect(isDiskFull(Object.assign(new Error('no space left on device'), { code: 'ENOSPC' }))).toBe(true)
    expect(isDiskFull(Object.assign(new Error('disk quota exceeded'), { code: 'EDQUOT' }))).toBe(true)
    expect(isDiskFull(Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' }))).toBe(false)
    expect(isDiskFull(new Error('disk is full'))).toBe(false)
    expect(isDiskFull(null)).toBe(false)
  })
})
