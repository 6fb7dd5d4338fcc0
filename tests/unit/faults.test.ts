/**
 * A broken content database never breaks the kiosk: patients get the calm
 * "please ask at the desk" answer, staff get the reason, and a good bundled
 * database takes over from a bad imported pack.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDataDb } from '../../src/core/data/open.ts'
import { importPack, packsDir } from '../../src/core/packs/store.ts'
import { dispatch } from '../../src/core/services/dispatch.ts'
import { createKioskCore } from '../../src/core/services/handlers.ts'
import { buildRealPack, changeSummary, tempDir } from '../fixtures/library.ts'

const dir = tempDir()
let good: string
beforeAll(() => {
  good = buildRealPack(dir.path, 'good')
})
afterAll(() => dir.remove())

function broken(name: string, damage: (file: string) => void): string {
  const file = join(dir.path, `${name}.sqlite`)
  copyFileSync(good, file)
  damage(file)
  return file
}

const faults: [string, () => string, RegExp][] = [
  ['missing', () => join(dir.path, 'nowhere.sqlite'), /does not exist/],
  [
    'truncated',
    () => broken('truncated', (f) => writeFileSync(f, readFileSync(f).subarray(0, 8192))),
    /damaged|could not be read|malformed/,
  ],
  [
    'corrupted',
    () =>
      broken('corrupted', (f) => {
        const bytes = readFileSync(f)
        for (let i = 4096; i < bytes.length; i += 4096) bytes.fill(0x5a, i + 100, i + 400)
        writeFileSync(f, bytes)
      }),
    /damaged|could not be read|malformed/,
  ],
  [
    'newer than the code',
    () =>
      broken('newer', (f) => {
        const db = new Database(f)
        db.pragma('user_version = 42')
        db.close()
      }),
    /older version of the kiosk/,
  ],
]

describe('a broken content database', () => {
  for (const [name, make, reason] of faults) {
    it(`${name}: patients get the calm answer, staff the reason, and the process stays up`, async () => {
      const logged: string[] = []
      const core = createKioskCore({ bundledContent: make(), dataDir: null, log: (m) => logged.push(m) })
      for (const [method, input] of [
        ['listTopics', { locale: 'en' }],
        ['getProcedure', { locale: 'es', id: 'prp-injection' }],
        ['search', { locale: 'en', query: 'hip' }],
      ] as const) {
        expect(await dispatch(core.handlers, method, input)).toEqual({
          ok: false,
          error: { code: 'unavailable', message: 'The content is unavailable. Please ask at the desk.' },
        })
      }
      expect(core.contentProblem()).toMatch(reason)
      expect(logged.join('\n')).toMatch(reason)
      // The rest of the kiosk still answers: the idle reset and staff entry keep working.
      expect(await dispatch(core.handlers, 'getKioskConfig', {})).toMatchObject({ ok: true })
      expect(await dispatch(core.handlers, 'staffStatus', {})).toMatchObject({ ok: true })
      core.close()
    })
  }

  it('an imported pack damaged on disk gives way to the good bundled content, and staff are told', async () => {
    const data = join(dir.path, 'data')
    const update = buildRealPack(dir.path, 'update', changeSummary('From the update.'))
    const db = openDataDb(data)
    const summary = importPack(db, data, update, '2026-11-20')
    db.close()
    writeFileSync(join(packsDir(data), `${summary.contentHash}.sqlite`), 'overwritten by a disk fault')
    const core = createKioskCore({ bundledContent: good, dataDir: data, log: () => {} })
    const r = await dispatch(core.handlers, 'getCondition', { locale: 'en', id: 'hip-osteoarthritis' })
    expect(r).toMatchObject({ ok: true })
    expect((r as { value: { summary: string } }).value.summary).not.toBe('From the update.')
    expect(core.contentProblem()).toMatch(/The imported content pack cannot be used/)
    await dispatch(core.handlers, 'staffSetPin', { pin: '2468', setupCode: core.firstRunCode() })
    const login = (await dispatch(core.handlers, 'staffLogin', { pin: '2468' })) as {
      value: { token: string }
    }
    expect(await dispatch(core.handlers, 'packStatus', { token: login.value.token })).toMatchObject({
      ok: true,
      value: { source: 'bundled', problem: expect.stringMatching(/cannot be used/) },
    })
    core.close()
  })
})
