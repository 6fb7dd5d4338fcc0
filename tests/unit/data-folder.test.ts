/**
 * The data folder holds the PIN's hash: with its file readable by other
 * accounts on the machine, every 4-digit PIN falls offline in minutes. The
 * folder must be 0700 and everything in it 0600, whether the kiosk made it or
 * an older version did.
 */
import { STAFF_TOKEN_HEADER } from '../../src/shared/bridge.ts'
import { FIRST_RUN_CODE_FILE } from '../../src/core/data/first-run.ts'
import { runKioskCli } from '../fixtures/cli.ts'
import { spawn } from 'node:child_process'
import type { ChildProcessWithoutNullStreams } from 'node:child_process'
import {
  chmodSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDataDb } from '../../src/core/data/open.ts'
import { setPin } from '../../src/core/data/pin.ts'
import { importPack, packsDir } from '../../src/core/packs/store.ts'
import { PROJECT_ROOT } from '../../src/core/paths.ts'
import { dispatch } from '../../src/core/services/dispatch.ts'
import { createKioskCore } from '../../src/core/services/handlers.ts'
import { buildFixtureDb, buildRealPack, changeSummary, tempDir } from '../fixtures/library.ts'

const dir = tempDir()
let fixtureDb: string
let pack: string
let renderer: string
beforeAll(() => {
  fixtureDb = buildFixtureDb(dir.path)
  pack = buildRealPack(dir.path, 'pack')
  // As a pack arrives on a USB stick or a download: readable by everyone.
  chmodSync(pack, 0o644)
  renderer = join(dir.path, 'renderer')
  mkdirSync(renderer)
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Kiosk</title>')
}, 120_000)
afterAll(() => dir.remove())

/** Every folder and file under `root` (itself included) whose mode lets anyone else in. */
function openToOthers(root: string): string[] {
  const found: string[] = []
  const visit = (path: string) => {
    const stat = lstatSync(path)
    if (stat.isSymbolicLink()) return
    if ((stat.mode & 0o077) !== 0) found.push(`${path} ${(stat.mode & 0o777).toString(8)}`)
    if (stat.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name))
  }
  visit(root)
  return found
}

function names(root: string): string[] {
  return readdirSync(root, { recursive: true }).map(String).sort()
}

/** `kiosk serve --data-dir` as staff run it; resolves with its address once it listens. */
function serve(dataDir: string): Promise<{ child: ChildProcessWithoutNullStreams; url: string }> {
  const child = spawn(process.execPath, [
    join(PROJECT_ROOT, 'src/cli/kiosk.ts'),
    'serve',
    '--port',
    '0',
    '--db',
    fixtureDb,
    '--renderer',
    renderer,
    '--data-dir',
    dataDir,
  ])
  return new Promise((resolve, reject) => {
    let out = ''
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString()
      const url = /Kiosk preview on (http:\S+)/.exec(out)?.[1]
      if (url) resolve({ child, url })
    })
    child.once('exit', (code) => reject(new Error(`kiosk serve exited with ${code}`)))
  })
}

async function post(url: string, method: string, input: unknown): Promise<{ ok: boolean; value?: never }> {
  const res = await fetch(`${url}/api/${method}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      // As the kiosk's own client sends it: the server checks it before reading a large body.
      ...(typeof input === 'object' && input && 'token' in input
        ? { [STAFF_TOKEN_HEADER]: String(input.token) }
        : {}),
    },
    body: JSON.stringify(input),
  })
  return (await res.json()) as { ok: boolean; value?: never }
}

describe('the data folder', () => {
  it('is 0700 with every file 0600 when the kiosk makes it: database, WAL, packs, uploads', async () => {
    const data = join(dir.path, 'fresh')
    const { child, url } = await serve(data)
    try {
      const setupCode = readFileSync(join(data, FIRST_RUN_CODE_FILE), 'utf8').trim()
      const set = await post(url, 'staffSetPin', { pin: '246813', setupCode })
      expect(set.ok).toBe(true)
      const token = (set.value as unknown as { token: string }).token
      expect(await post(url, 'updateSettings', { token, changes: { clinicName: 'Hillside' } })).toMatchObject(
        { ok: true },
      )
      expect(await post(url, 'recordUsage', { event: { metric: 'screen', key: 'home' } })).toMatchObject({
        ok: true,
        value: { recorded: true },
      })
      const upload = await post(url, 'importPack', { token, data: readFileSync(pack).toString('base64') })
      expect(upload).toMatchObject({ ok: true })
      // While the server runs: the WAL and its index are there too.
      expect(names(data)).toEqual(
        expect.arrayContaining(['kiosk.sqlite', 'kiosk.sqlite-wal', 'kiosk.sqlite-shm']),
      )
      expect(openToOthers(data)).toEqual([])
    } finally {
      const exited = new Promise((r) => child.once('exit', r))
      child.kill('SIGTERM')
      await exited
    }
    // The command-line import copies a world-readable pack file into packs/.
    const other = buildRealPack(dir.path, 'other', changeSummary('Another summary, for a second pack.'))
    chmodSync(other, 0o644)
    expect(await runKioskCli(['import-pack', other, '--data-dir', data])).toMatchObject({ code: 0 })
    expect(await runKioskCli(['set-pin', '--data-dir', data], '13572468\n')).toMatchObject({ code: 0 })
    expect(readdirSync(packsDir(data))).toHaveLength(2)
    expect(openToOthers(data)).toEqual([])
  }, 120_000)

  it('is tightened when an older version left it 0755 with 0644 files', async () => {
    const data = join(dir.path, 'older')
    const db = openDataDb(data)
    setPin(db, '2468')
    importPack(db, data, pack, '2026-11-23')
    db.close()
    mkdirSync(join(data, 'logs'))
    writeFileSync(join(data, 'logs', 'main.log'), 'started\n')
    // Outside the folder, linked from inside (as Chromium links its SingletonLock): left alone.
    const outside = join(dir.path, 'outside.txt')
    writeFileSync(outside, 'not the kiosk’s')
    chmodSync(outside, 0o644)
    symlinkSync(outside, join(data, 'link-to-outside'))
    for (const path of [data, packsDir(data), join(data, 'logs')]) chmodSync(path, 0o755)
    for (const name of names(data)) {
      const path = join(data, name)
      if (lstatSync(path).isFile()) chmodSync(path, 0o644)
    }
    expect(openToOthers(data).length).toBeGreaterThanOrEqual(6)

    const core = createKioskCore({ bundledContent: fixtureDb, dataDir: data, log: () => {} })
    expect(
      await dispatch(core.handlers, 'recordUsage', { event: { metric: 'screen', key: 'home' } }),
    ).toMatchObject({ ok: true })
    expect(openToOthers(data)).toEqual([])
    core.close()
    expect(statSync(outside).mode & 0o777).toBe(0o644)
  })
})
