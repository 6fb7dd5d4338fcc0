import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DATA_MIGRATIONS, USAGE_METRICS } from '../../src/core/data/migrations.ts'
import { openDataDb } from '../../src/core/data/open.ts'
import {
  FIRST_LOCKOUT_MS,
  LONGEST_LOCKOUT_MS,
  STREAK_FORGOTTEN_AFTER_MS,
  checkPin,
  hashPin,
  pinMatches,
  setPin,
} from '../../src/core/data/pin.ts'
import {
  USAGE_CAP_PER_EVENT_PER_MINUTE,
  USAGE_CAP_PER_MINUTE,
  usageCsv,
  usageSince,
} from '../../src/core/data/usage.ts'
import { migrate, schemaVersion } from '../../src/core/db/open.ts'
import { FIRST_RUN_CODE_FILE } from '../../src/core/data/first-run.ts'
import { KIOSK_VERSION } from '../../src/core/version.ts'
import { runKioskCli } from '../fixtures/cli.ts'
import { PROJECT_ROOT } from '../../src/core/paths.ts'
import { importPack } from '../../src/core/packs/store.ts'
import { createServer, isLoopback } from '../../src/core/server/server.ts'
import { dispatch } from '../../src/core/services/dispatch.ts'
import { createKioskCore } from '../../src/core/services/handlers.ts'
import type { KioskCore } from '../../src/core/services/handlers.ts'
import { USAGE_SCREENS, type ReviewItem } from '../../src/shared/contract.ts'
import { buildFixtureDb, buildRealPack, changeSummary, tempDir } from '../fixtures/library.ts'

const dir = tempDir()
let fixtureDb: string
beforeAll(() => {
  fixtureDb = buildFixtureDb(dir.path)
})
afterAll(() => dir.remove())

/** A kiosk core on a fresh data folder with a clock the test moves. */
function kiosk(name: string, start = Date.parse('2026-11-23T10:00:00')) {
  const clock = { now: start }
  const core = createKioskCore({
    bundledContent: fixtureDb,
    dataDir: join(dir.path, name),
    now: () => clock.now,
    log: () => {},
  })
  const call = (method: string, input: unknown) => dispatch(core.handlers, method, input)
  return { core, clock, call }
}

async function loginToken(call: (m: string, i: unknown) => Promise<unknown>, pin = '2468'): Promise<string> {
  const r = (await call('staffLogin', { pin })) as { ok: boolean; value: { token: string } }
  if (!r.ok) throw new Error('login failed')
  return r.value.token
}

describe('the staff PIN', () => {
  it('is stored only as a slow salted scrypt hash', () => {
    const a = hashPin('2468')
    const b = hashPin('2468')
    expect(a).not.toContain('2468')
    expect(a).not.toBe(b)
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$/)
    expect(pinMatches('2468', a)).toBe(true)
    expect(pinMatches('2469', a)).toBe(false)
  })

  it('locks entry for 60 s after five wrong tries, doubling after each further lockout, and survives a restart', () => {
    const file = join(dir.path, 'lockout')
    let db = openDataDb(file)
    setPin(db, '2468')
    let now = 1_000_000
    for (let i = 4; i >= 1; i--)
      expect(checkPin(db, '0000', now)).toEqual({ ok: false, reason: 'wrong', triesLeft: i })
    expect(checkPin(db, '0000', now)).toEqual({ ok: false, reason: 'locked', retryAfterMs: FIRST_LOCKOUT_MS })
    // Even the right PIN waits, and a restart does not clear the lock.
    db.close()
    db = openDataDb(file)
    expect(checkPin(db, '2468', now + 59_000)).toEqual({ ok: false, reason: 'locked', retryAfterMs: 1_000 })
    now += 60_000
    for (let i = 0; i < 4; i++) checkPin(db, '0000', now)
    expect(checkPin(db, '0000', now)).toEqual({
      ok: false,
      reason: 'locked',
      retryAfterMs: 2 * FIRST_LOCKOUT_MS,
    })
    now += 120_000
    expect(checkPin(db, '2468', now)).toEqual({ ok: true, failedTriesSinceLastLogin: 10 })
    // Success clears the count: five more wrong tries are needed again.
    for (let i = 4; i >= 1; i--)
      expect(checkPin(db, '0000', now)).toMatchObject({ reason: 'wrong', triesLeft: i })
    db.close()
  })

  it('never locks entry for more than 15 minutes, however many lockouts follow', () => {
    const db = openDataDb(join(dir.path, 'lockout-cap'))
    setPin(db, '2468')
    let now = 1_000_000
    const waits: number[] = []
    for (let lockout = 0; lockout < 6; lockout++) {
      for (let i = 0; i < 4; i++) checkPin(db, '0000', now)
      const locked = checkPin(db, '0000', now)
      if (locked.ok || locked.reason !== 'locked') throw new Error('the fifth wrong try locks entry')
      waits.push(locked.retryAfterMs / 60_000)
      now += locked.retryAfterMs
    }
    expect(waits).toEqual([1, 2, 4, 8, 15, 15])
    expect(LONGEST_LOCKOUT_MS).toBe(15 * 60_000)
    db.close()
  })

  it('forgets a streak of wrong tries after an hour without one, and not before', () => {
    const file = join(dir.path, 'lockout-decay')
    let db = openDataDb(file)
    setPin(db, '2468')
    let now = 1_000_000
    for (let lockout = 0; lockout < 3; lockout++) {
      for (let i = 0; i < 5; i++) checkPin(db, '0000', now)
      now += lockedForMsAt(db, now)
    }
    // Three lockouts so far (1, 2 and 4 minutes, the last one just over): 59 minutes after
    // the last wrong try the streak still counts...
    now += 55 * 60_000
    expect(checkPin(db, '0000', now)).toEqual({ ok: false, reason: 'wrong', triesLeft: 4 })
    for (let i = 0; i < 3; i++) checkPin(db, '0000', now)
    expect(checkPin(db, '0000', now)).toEqual({ ok: false, reason: 'locked', retryAfterMs: 8 * 60_000 })
    // ...and an hour after the last wrong try, across a restart, it starts again from one minute.
    db.close()
    db = openDataDb(file)
    now += 60 * 60_000
    checkPin(db, '0000', now)
    checkPin(db, '0000', now)
    // A couple of slips a day apart never add up to a lockout.
    now += STREAK_FORGOTTEN_AFTER_MS
    expect(checkPin(db, '0000', now)).toEqual({ ok: false, reason: 'wrong', triesLeft: 4 })
    for (let i = 0; i < 3; i++) checkPin(db, '0000', now)
    expect(checkPin(db, '0000', now)).toEqual({ ok: false, reason: 'locked', retryAfterMs: FIRST_LOCKOUT_MS })
    expect(STREAK_FORGOTTEN_AFTER_MS).toBe(60 * 60_000)
    db.close()
  })
})

function lockedForMsAt(db: ReturnType<typeof openDataDb>, now: number): number {
  const r = db.prepare<[], { locked_until: number }>('SELECT locked_until FROM staff').get()
  return Math.max(0, (r?.locked_until ?? 0) - now)
}

describe('the first PIN: only someone who can read the data folder sets it', () => {
  async function httpKiosk(name: string) {
    const { core, clock } = kiosk(name)
    const app = await createServer({ handlers: core.handlers, rendererDir: null })
    const post = async (method: string, payload: object) =>
      (
        await app.inject({ method: 'POST', url: `/api/${method}`, payload, remoteAddress: '127.0.0.1' })
      ).json()
    const codeFile = join(dir.path, name, FIRST_RUN_CODE_FILE)
    const close = async () => {
      await app.close()
      core.close()
    }
    return { post, codeFile, clock, close }
  }

  it('is refused to the first passer-by, and accepted with the one-time code from the 0600 file, which then goes', async () => {
    const { post, codeFile, close } = await httpKiosk('first-run-code')
    expect(statSync(codeFile).mode & 0o777).toBe(0o600)
    const code = readFileSync(codeFile, 'utf8').trim()
    expect(code).toMatch(/^[0-9]{8}$/)
    expect(await post('staffSetPin', { pin: '2468' })).toMatchObject({
      ok: false,
      error: { code: 'unauthorized', reason: 'setup-code' },
    })
    const wrong = code === '00000000' ? '11111111' : '00000000'
    expect(await post('staffSetPin', { pin: '2468', setupCode: wrong })).toMatchObject({
      ok: false,
      error: { code: 'unauthorized', reason: 'setup-code', triesLeft: 3 },
    })
    expect(await post('staffStatus', {})).toMatchObject({ value: { pinSet: false } })
    // Spaces or a dash, as someone might copy it, are fine.
    const set = await post('staffSetPin', { pin: '2468', setupCode: `${code.slice(0, 4)} ${code.slice(4)}` })
    expect(set).toMatchObject({ ok: true, value: { token: expect.stringMatching(/^[0-9a-f]{64}$/) } })
    expect(existsSync(codeFile)).toBe(false)
    // The code is spent: it cannot replace the PIN.
    expect(await post('staffSetPin', { pin: '1357', setupCode: code })).toMatchObject({
      ok: false,
      error: { reason: 'pin-set' },
    })
    expect(await post('staffLogin', { pin: '2468' })).toMatchObject({ ok: true })
    await close()
  })

  it('pauses set-up after five wrong codes, doubling, so the code cannot be guessed', async () => {
    const { post, codeFile, clock, close } = await httpKiosk('first-run-guess')
    const code = readFileSync(codeFile, 'utf8').trim()
    const wrong = code === '00000000' ? '11111111' : '00000000'
    for (let i = 0; i < 4; i++) await post('staffSetPin', { pin: '2468', setupCode: wrong })
    expect(await post('staffSetPin', { pin: '2468', setupCode: wrong })).toMatchObject({
      ok: false,
      error: { reason: 'setup-code', retryAfterSeconds: 60 },
    })
    expect(await post('staffSetPin', { pin: '2468', setupCode: code })).toMatchObject({
      ok: false,
      error: { reason: 'setup-code', retryAfterSeconds: 60 },
    })
    clock.now += 60_000
    expect(await post('staffSetPin', { pin: '2468', setupCode: code })).toMatchObject({ ok: true })
    await close()
  })

  it('still lets the kiosk start when the code cannot be written, refusing set-up on the screen', async () => {
    const data = join(dir.path, 'first-run-unwritable')
    // Something that is not a file where the code should go: it can be neither read nor written.
    mkdirSync(join(data, FIRST_RUN_CODE_FILE), { recursive: true })
    const logs: string[] = []
    const core = createKioskCore({ bundledContent: fixtureDb, dataDir: data, log: (m) => logs.push(m) })
    expect(logs).toEqual(['the staff set-up code could not be written: EISDIR'])
    expect(core.firstRunCode()).toBeNull()
    expect(await dispatch(core.handlers, 'staffSetPin', { pin: '2468', setupCode: '' })).toMatchObject({
      ok: false,
      error: { code: 'unauthorized', reason: 'setup-code' },
    })
    expect(await dispatch(core.handlers, 'listTopics', { locale: 'en' })).toMatchObject({ ok: true })
    core.close()
  })

  it('is set by `kiosk set-pin` from standard input, which removes the code file', async () => {
    const data = join(dir.path, 'first-run-cli')
    const { core } = kiosk('first-run-cli')
    expect(existsSync(join(data, FIRST_RUN_CODE_FILE))).toBe(true)
    const run = await runKioskCli(['set-pin', '--data-dir', data], '2468\n')
    expect(run).toMatchObject({ code: 0, stdout: expect.stringContaining('The staff PIN is set.') })
    expect(existsSync(join(data, FIRST_RUN_CODE_FILE))).toBe(false)
    // The running kiosk sees it at once.
    expect(await dispatch(core.handlers, 'staffLogin', { pin: '2468' })).toMatchObject({ ok: true })
    core.close()
    // A new start with a PIN writes no code.
    const again = kiosk('first-run-cli')
    expect(again.core.firstRunCode()).toBeNull()
    expect(existsSync(join(data, FIRST_RUN_CODE_FILE))).toBe(false)
    again.core.close()
  })

  it('is printed by `kiosk serve` without a data folder, where there is no file to hold it', async () => {
    const child = spawn(process.execPath, [
      join(PROJECT_ROOT, 'src/cli/kiosk.ts'),
      'serve',
      '--port',
      '0',
      '--db',
      fixtureDb,
      '--renderer',
      dir.path,
    ])
    try {
      let out = ''
      const started = await new Promise<{ url: string; code: string }>((resolve, reject) => {
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString()
          const url = /Kiosk preview on (\S+)/.exec(out)?.[1]
          const code = /set-up code is ([0-9]{8})/.exec(out)?.[1]
          if (url && code) resolve({ url, code })
        })
        child.once('exit', () => reject(new Error(`serve stopped: ${out}`)))
      })
      const post = async (method: string, body: object) =>
        (
          await fetch(`${started.url}/api/${method}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(body),
          })
        ).json()
      expect(await post('staffSetPin', { pin: '2468' })).toMatchObject({
        ok: false,
        error: { reason: 'setup-code' },
      })
      expect(await post('staffSetPin', { pin: '2468', setupCode: started.code })).toMatchObject({ ok: true })
    } finally {
      child.kill()
    }
  }, 30_000)
})

describe('staff methods', () => {
  it('set a PIN at first run, then only from staff mode', async () => {
    const { call, core } = kiosk('first-run')
    expect(await call('staffStatus', {})).toEqual({ ok: true, value: { pinSet: false, lockedForSeconds: 0 } })
    expect(await call('staffLogin', { pin: '2468' })).toMatchObject({
      ok: false,
      error: { code: 'unauthorized', message: expect.stringContaining('No staff PIN') },
    })
    const set = await call('staffSetPin', { pin: '2468', setupCode: core.firstRunCode() })
    expect(set).toMatchObject({ ok: true, value: { token: expect.stringMatching(/^[0-9a-f]{64}$/) } })
    expect(await call('staffSetPin', { pin: '1357' })).toMatchObject({
      ok: false,
      error: { code: 'unauthorized' },
    })
    const token = await loginToken(call)
    expect(await call('staffSetPin', { pin: '1357', token })).toMatchObject({ ok: true })
    expect(await call('staffLogin', { pin: '2468' })).toMatchObject({
      ok: false,
      error: { code: 'unauthorized' },
    })
    core.close()
  })

  it('refuse every staff method without a live session', async () => {
    const { call, clock, core } = kiosk('sessions')
    await call('staffSetPin', { pin: '2468', setupCode: core.firstRunCode() })
    const fake = 'a'.repeat(64)
    for (const method of [
      'getSettings',
      'usageReport',
      'reviewItems',
      'packStatus',
      'rollbackContent',
      'feedStatus',
      'updateSettings',
    ]) {
      const input = method === 'updateSettings' ? { token: fake, changes: {} } : { token: fake }
      expect(await call(method, input), method).toMatchObject({ ok: false, error: { code: 'unauthorized' } })
    }
    const token = await loginToken(call)
    expect(await call('getSettings', { token })).toMatchObject({ ok: true })
    clock.now += 11 * 60_000
    expect(await call('getSettings', { token })).toMatchObject({ ok: false, error: { code: 'unauthorized' } })
    const again = await loginToken(call)
    await call('staffLogout', { token: again })
    expect(await call('getSettings', { token: again })).toMatchObject({
      ok: false,
      error: { code: 'unauthorized' },
    })
    core.close()
  })

  it('tell staff at sign-in how many wrong PINs were tried since the last sign-in, across a restart', async () => {
    const first = kiosk('failed-tries')
    await first.call('staffSetPin', { pin: '2468', setupCode: first.core.firstRunCode() })
    for (let i = 0; i < 5; i++) await first.call('staffLogin', { pin: '1111' })
    // Refused unchecked while entry is locked: not a guess, so not counted.
    await first.call('staffLogin', { pin: '1112' })
    first.clock.now += FIRST_LOCKOUT_MS
    await first.call('staffLogin', { pin: '1113' })
    first.core.close()
    const again = kiosk('failed-tries', first.clock.now + 60_000)
    expect(await again.call('staffLogin', { pin: '2468' })).toMatchObject({
      ok: true,
      value: { failedTriesSinceLastLogin: 6 },
    })
    expect(await again.call('staffLogin', { pin: '2468' })).toMatchObject({
      ok: true,
      value: { failedTriesSinceLastLogin: 0 },
    })
    again.core.close()
  })

  it('report a lockout with the seconds to wait', async () => {
    const { call, core } = kiosk('lockout-api')
    await call('staffSetPin', { pin: '2468', setupCode: core.firstRunCode() })
    for (let i = 0; i < 4; i++) await call('staffLogin', { pin: '1111' })
    expect(await call('staffLogin', { pin: '1111' })).toEqual({
      ok: false,
      error: {
        code: 'unauthorized',
        message: 'Too many wrong PINs. Try again in 60 seconds.',
        reason: 'locked',
        retryAfterSeconds: 60,
      },
    })
    expect(await call('staffStatus', {})).toEqual({ ok: true, value: { pinSet: true, lockedForSeconds: 60 } })
    core.close()
  })
})

describe('settings', () => {
  it('save good values, persist them, and feed the kiosk config', async () => {
    const { call, core } = kiosk('settings-good')
    await call('staffSetPin', { pin: '2468', setupCode: core.firstRunCode() })
    const token = await loginToken(call)
    const saved = await call('updateSettings', {
      token,
      changes: {
        clinicName: 'Riverside Pain Clinic',
        clinicPhone: '+44 20 7946 0000',
        idleTimeoutSeconds: 120,
        defaultLocale: 'es',
        staffLanguage: 'es',
      },
    })
    expect(saved).toMatchObject({
      ok: true,
      value: { clinicName: 'Riverside Pain Clinic', idleTimeoutSeconds: 120 },
    })
    core.close()
    const again = kiosk('settings-good')
    expect(await again.call('getKioskConfig', {})).toMatchObject({
      ok: true,
      value: {
        clinicName: 'Riverside Pain Clinic',
        clinicPhone: '+44 20 7946 0000',
        idleTimeoutSeconds: 120,
        defaultLocale: 'es',
        // The clinician's controls in explain mode can be in another language than the patient's.
        staffLanguage: 'es',
      },
    })
    again.core.close()
  })

  it('give staff mode its own idle lock: 60 s, and 600 s in explain mode, each checked', async () => {
    const { call, core } = kiosk('settings-staff-idle')
    expect(await call('getKioskConfig', {})).toMatchObject({
      ok: true,
      value: { staffIdleSeconds: 60, explainIdleSeconds: 600 },
    })
    await call('staffSetPin', { pin: '2468', setupCode: core.firstRunCode() })
    const token = await loginToken(call)
    expect(
      await call('updateSettings', { token, changes: { staffIdleSeconds: 5, explainIdleSeconds: 3600 } }),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'bad-input',
        fieldErrors: [
          { field: 'staffIdleSeconds', message: 'at least 15 seconds' },
          { field: 'explainIdleSeconds', message: 'at most 10 minutes' },
        ],
      },
    })
    await call('updateSettings', { token, changes: { staffIdleSeconds: 30, explainIdleSeconds: 300 } })
    expect(await call('getKioskConfig', {})).toMatchObject({
      ok: true,
      value: { staffIdleSeconds: 30, explainIdleSeconds: 300 },
    })
    core.close()
  })

  it('refuse a bad value with a clear message per field, keeping every old value', async () => {
    const { call, core } = kiosk('settings-bad')
    await call('staffSetPin', { pin: '2468', setupCode: core.firstRunCode() })
    const token = await loginToken(call)
    await call('updateSettings', {
      token,
      changes: { clinicName: 'Riverside', clinicPhone: '020 7946 0000' },
    })
    const bad = await call('updateSettings', {
      token,
      changes: {
        clinicName: 'New name',
        clinicPhone: 'call reception',
        clinicWebsite: 'javascript:alert(1)',
        idleTimeoutSeconds: 5,
      },
    })
    expect(bad).toMatchObject({
      ok: false,
      error: {
        code: 'bad-input',
        fields: ['clinicPhone', 'clinicWebsite', 'idleTimeoutSeconds'],
        message: expect.stringMatching(/old values are kept/),
      },
    })
    expect(await call('getSettings', { token })).toMatchObject({
      ok: true,
      value: { clinicName: 'Riverside', clinicPhone: '020 7946 0000', idleTimeoutSeconds: 90 },
    })
    expect(await call('updateSettings', { token, changes: { adminMode: true } })).toMatchObject({
      ok: false,
      error: { code: 'bad-input', fields: ['adminMode'] },
    })
    expect(
      await call('updateSettings', { token, changes: { clinicLogo: 'https://example.com/logo.png' } }),
    ).toMatchObject({ ok: false, error: { fields: ['clinicLogo'] } })
    core.close()
  })

  it('take a phone number as the clinic writes it, with an extension, checked for its region', async () => {
    const { call, core } = kiosk('settings-phone')
    await call('staffSetPin', { pin: '2468', setupCode: core.firstRunCode() })
    const token = await loginToken(call)
    const save = (changes: Record<string, unknown>) => call('updateSettings', { token, changes })
    // No region yet: any number a national or international reader could dial.
    expect(await save({ clinicPhone: '  (555) 010-0123 ext. 12 ' })).toMatchObject({
      ok: true,
      value: { clinicPhone: '(555) 010-0123 ext. 12' },
    })
    expect(
      await save({ region: 'uk', clinicPhone: '020 7946 0000 x12', emergencyNumber: '999' }),
    ).toMatchObject({
      ok: true,
      value: { clinicPhone: '020 7946 0000 x12', emergencyNumber: '999' },
    })
    expect(await save({ clinicPhone: '+1 (555) 010-0123' })).toMatchObject({ ok: true })
    // A US number written nationally is not one a Spanish reader can dial.
    expect(await save({ region: 'es', clinicPhone: '(555) 010-0123' })).toMatchObject({
      ok: false,
      error: {
        fieldErrors: [{ field: 'clinicPhone', message: 'a phone number: digits, spaces, + ( ) and -' }],
      },
    })
    expect(await save({ region: 'es', clinicPhone: '912 34 56 78' })).toMatchObject({ ok: true })
    expect(await save({ region: 'us', clinicPhone: '(555) 010-0123', emergencyNumber: '911' })).toMatchObject(
      {
        ok: true,
      },
    )
    expect(await save({ emergencyNumber: '112' })).toMatchObject({ ok: true })
    expect(await save({ clinicPhone: '12', emergencyNumber: 'dial nine' })).toMatchObject({
      ok: false,
      error: { fields: ['clinicPhone', 'emergencyNumber'] },
    })
    core.close()
  })

  it('take a web address with or without https://', async () => {
    const { call, core } = kiosk('settings-website')
    await call('staffSetPin', { pin: '2468', setupCode: core.firstRunCode() })
    const token = await loginToken(call)
    const save = (clinicWebsite: string) => call('updateSettings', { token, changes: { clinicWebsite } })
    expect(await save(' hillside.example/spine ')).toMatchObject({
      ok: true,
      value: { clinicWebsite: 'https://hillside.example/spine' },
    })
    expect(await save('http://hillside.example')).toMatchObject({
      ok: true,
      value: { clinicWebsite: 'http://hillside.example' },
    })
    expect(await save('javascript:alert(1)')).toMatchObject({
      ok: false,
      error: { fields: ['clinicWebsite'] },
    })
    core.close()
  })
})

describe('the kiosk database', () => {
  for (const where of [':memory:', 'a file'] as const) {
    it(`migrates on ${where}, and refuses a newer one`, () => {
      const db = new Database(where === ':memory:' ? ':memory:' : join(dir.path, 'data-migrate.sqlite'))
      expect(migrate(db, DATA_MIGRATIONS)).toBe(DATA_MIGRATIONS.length)
      db.pragma('user_version = 99')
      expect(() => migrate(db, DATA_MIGRATIONS)).toThrow(/older version of the kiosk/)
      db.close()
    })
  }

  it('keeps the PIN and its lockout through migration 2, with no wrong tries on record yet', () => {
    const db = new Database(':memory:')
    migrate(db, DATA_MIGRATIONS.slice(0, 1))
    db.prepare(
      'INSERT INTO staff (id, pin_hash, failed_tries, lockouts, locked_until) VALUES (1, ?, 3, 2, 5000)',
    ).run(hashPin('2468'))
    migrate(db, DATA_MIGRATIONS)
    expect(checkPin(db, '2468', 1000)).toEqual({ ok: false, reason: 'locked', retryAfterMs: 4000 })
    expect(checkPin(db, '2468', 5000)).toEqual({ ok: true, failedTriesSinceLastLogin: 0 })
    db.close()
  })

  it('adds an empty sign-off table in migration 3, keeping the PIN, settings and counts', () => {
    const db = new Database(':memory:')
    migrate(db, DATA_MIGRATIONS.slice(0, 2))
    db.prepare('INSERT INTO staff (id, pin_hash) VALUES (1, ?)').run(hashPin('2468'))
    db.prepare("INSERT INTO usage VALUES ('2026-11-23', 'screen', 'home', 4)").run()
    migrate(db, DATA_MIGRATIONS)
    expect(checkPin(db, '2468', 1000)).toMatchObject({ ok: true })
    expect(db.prepare('SELECT count FROM usage').pluck().get()).toBe(4)
    expect(db.prepare('SELECT count(*) FROM signoffs').pluck().get()).toBe(0)
    expect(() =>
      db
        .prepare("INSERT INTO signoffs VALUES ('condition', 'x', 'short', 'A', 'B', NULL, '2026-12-06')")
        .run(),
    ).toThrow(/CHECK constraint failed/)
    db.close()
  })

  it('adds an empty table of signed texts in migration 4, keeping the sign-offs', () => {
    const db = new Database(':memory:')
    migrate(db, DATA_MIGRATIONS.slice(0, 3))
    db.prepare("INSERT INTO signoffs VALUES ('condition', 'x', ?, 'A', 'B', NULL, '2026-12-06')").run(
      'a'.repeat(64),
    )
    migrate(db, DATA_MIGRATIONS)
    expect(db.prepare('SELECT count(*) FROM signoffs').pluck().get()).toBe(1)
    expect(db.prepare('SELECT count(*) FROM signed_texts').pluck().get()).toBe(0)
    expect(() =>
      db.prepare('INSERT INTO signed_texts VALUES (?, ?)').run('a'.repeat(64), 'not json'),
    ).toThrow(/CHECK constraint failed/)
    db.close()
  })

  it('gives each count a language in migration 5, keeping the counts before it (their language unknown)', () => {
    const db = new Database(':memory:')
    migrate(db, DATA_MIGRATIONS.slice(0, 4))
    db.prepare("INSERT INTO usage VALUES ('2026-11-23', 'handout', 'sore-hip', 3)").run()
    db.prepare("INSERT INTO usage VALUES ('2026-11-23', 'screen', 'home', 4)").run()
    migrate(db, DATA_MIGRATIONS)
    expect(db.prepare('SELECT metric, key, lang, count FROM usage ORDER BY metric').all()).toEqual([
      { metric: 'handout', key: 'sore-hip', lang: '', count: 3 },
      { metric: 'screen', key: 'home', lang: '', count: 4 },
    ])
    const add = db.prepare("INSERT INTO usage VALUES ('2026-11-24', ?, 'sore-hip', ?, 1)")
    // The same handout in English, in Spanish and in both: three counts side by side.
    for (const lang of ['en', 'es', 'en+es']) expect(() => add.run('handout', lang)).not.toThrow()
    // A language only on a handout, and only a language code: never words.
    for (const [metric, lang] of [
      ['screen', 'en'],
      ['handout', 'Mrs Jones'],
      ['handout', 'english'],
    ])
      expect(() => add.run(metric, lang), `${metric} ${lang}`).toThrow(/CHECK constraint failed/)
    db.close()
  })

  it('runs in WAL mode with full sync', () => {
    const db = openDataDb(join(dir.path, 'wal'))
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('synchronous', { simple: true })).toBe(2)
    expect(schemaVersion(db)).toBe(DATA_MIGRATIONS.length)
    db.close()
  })
})

describe('anonymous usage counts', () => {
  it('can store every metric the code counts, and nothing else (the table and the list agree)', () => {
    const db = openDataDb(join(dir.path, 'usage-metrics'))
    const insert = db.prepare("INSERT INTO usage (day, metric, key, count) VALUES ('2026-11-23', ?, 'k', 1)")
    for (const metric of USAGE_METRICS) expect(() => insert.run(metric)).not.toThrow()
    expect(() => insert.run('typed-text')).toThrow(/CHECK constraint failed/)
    db.close()
  })

  it('store nothing but counts per day from a closed vocabulary, whatever is sent', async () => {
    const { call, core } = kiosk('usage-property')
    const known = new Set<string>([
      ...USAGE_SCREENS,
      'sore-hip',
      'test-injection',
      'en',
      'es',
      'large-text',
      'high-contrast',
      'read-aloud',
      'under-1-min',
      '1-to-3-min',
      '3-to-10-min',
      'over-10-min',
      'started',
      'completed',
    ])
    const anyEvent = fc.oneof(
      fc.record({
        metric: fc.constantFrom(...USAGE_METRICS, 'free-text', 'name'),
        key: fc.oneof(fc.string(), fc.constantFrom(...known)),
      }),
      fc.anything(),
    )
    await fc.assert(
      fc.asyncProperty(anyEvent, async (event) => {
        const r = await call('recordUsage', { event })
        expect(typeof r).toBe('object')
      }),
      { numRuns: 600, seed: 20261123 },
    )
    const db = new Database(join(dir.path, 'usage-property', 'kiosk.sqlite'), { readonly: true })
    const rows = db
      .prepare<[], { day: string; metric: string; key: string; count: number }>('SELECT * FROM usage')
      .all()
    db.close()
    expect(rows.length).toBeGreaterThan(0)
    for (const row of rows) {
      expect(row.day).toMatch(/^\d{4}-\d{2}-\d{2}$/)
      expect(USAGE_METRICS).toContain(row.metric)
      expect(known.has(row.key), `stored key ${JSON.stringify(row.key)}`).toBe(true)
    }
    core.close()
  })

  it('count at most 30 of one event a minute, dropping the rest quietly, and count again the next minute', async () => {
    const { call, clock, core } = kiosk('usage-cap')
    const home = { event: { metric: 'screen', key: 'home' } }
    const answers = []
    for (let i = 0; i < 1000; i++) answers.push(await call('recordUsage', home))
    expect(answers.filter((a) => JSON.stringify(a) === '{"ok":true,"value":{"recorded":true}}')).toHaveLength(
      USAGE_CAP_PER_EVENT_PER_MINUTE,
    )
    expect(
      answers.filter((a) => JSON.stringify(a) === '{"ok":true,"value":{"recorded":false}}'),
    ).toHaveLength(1000 - USAGE_CAP_PER_EVENT_PER_MINUTE)
    clock.now += 60_000
    for (let i = 0; i < 40; i++) await call('recordUsage', home)
    await call('staffSetPin', { pin: '2468', setupCode: core.firstRunCode() })
    const token = await loginToken(call)
    expect(await call('usageReport', { token, days: 1 })).toEqual({
      ok: true,
      value: { rows: [{ day: '2026-11-23', metric: 'screen', key: 'home', count: 60 }] },
    })
    expect(USAGE_CAP_PER_EVENT_PER_MINUTE).toBe(30)
    core.close()
  })

  it('count at most 600 events of any kind a minute', async () => {
    const { call, clock, core } = kiosk('usage-cap-total')
    const events = [
      ...USAGE_SCREENS.map((key) => ({ metric: 'screen', key })),
      ...['sore-hip', 'test-injection'].flatMap((key) => [
        { metric: 'item', key },
        { metric: 'handout', key },
      ]),
      { metric: 'language', key: 'en' },
      { metric: 'language', key: 'es' },
      ...['large-text', 'high-contrast', 'read-aloud'].map((key) => ({ metric: 'display-mode', key })),
      ...['under-1-min', '1-to-3-min', '3-to-10-min', 'over-10-min'].map((key) => ({
        metric: 'session-length',
        key,
      })),
      { metric: 'quiz', key: 'started' },
      { metric: 'quiz', key: 'completed' },
    ]
    // Enough kinds of event that their own caps alone would let more than 600 through.
    expect(events.length * USAGE_CAP_PER_EVENT_PER_MINUTE).toBeGreaterThan(USAGE_CAP_PER_MINUTE)
    const recorded = async () => {
      let n = 0
      for (let round = 0; round < USAGE_CAP_PER_EVENT_PER_MINUTE; round++)
        for (const event of events) {
          const r = (await call('recordUsage', { event })) as { ok: true; value: { recorded: boolean } }
          if (r.value.recorded) n++
        }
      return n
    }
    expect(await recorded()).toBe(USAGE_CAP_PER_MINUTE)
    clock.now += 60_000
    expect(await recorded()).toBe(USAGE_CAP_PER_MINUTE)
    // Closing writes the counts still held in memory.
    core.close()
    const db = openDataDb(join(dir.path, 'usage-cap-total'))
    expect(db.prepare('SELECT sum(count) FROM usage').pluck().get()).toBe(2 * USAGE_CAP_PER_MINUTE)
    db.close()
    expect(USAGE_CAP_PER_MINUTE).toBe(600)
  })

  it('count per day and export as CSV', async () => {
    const { call, clock, core } = kiosk('usage-days')
    await call('recordUsage', { event: { metric: 'screen', key: 'home' } })
    await call('recordUsage', { event: { metric: 'screen', key: 'home' } })
    await call('recordUsage', { event: { metric: 'item', key: 'test-injection' } })
    expect(await call('recordUsage', { event: { metric: 'item', key: 'mrs-jones' } })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    })
    clock.now += 86_400_000
    await call('recordUsage', { event: { metric: 'screen', key: 'home' } })
    await call('staffSetPin', { pin: '2468', setupCode: core.firstRunCode() })
    const token = await loginToken(call)
    const report = (await call('usageReport', { token, days: 7 })) as { ok: true; value: { rows: unknown[] } }
    expect(report.value.rows).toEqual([
      { day: '2026-11-24', metric: 'screen', key: 'home', count: 1 },
      { day: '2026-11-23', metric: 'item', key: 'test-injection', count: 1 },
      { day: '2026-11-23', metric: 'screen', key: 'home', count: 2 },
    ])
    const db = openDataDb(join(dir.path, 'usage-days'))
    expect(usageCsv(usageSince(db, '2026-11-01'))).toBe(
      'day,metric,key,count,language\n2026-11-24,screen,home,1,\n2026-11-23,item,test-injection,1,\n2026-11-23,screen,home,2,\n',
    )
    db.close()
    core.close()
  })
})

describe('handouts counted by language', () => {
  it('count each printed handout under its language, and report and export the language', async () => {
    const { call, core } = kiosk('usage-languages')
    const handout = (lang?: string) =>
      call('recordUsage', { event: { metric: 'handout', key: 'sore-hip', lang } })
    await handout('en')
    await handout('en')
    await handout('es')
    await handout('en+es')
    expect(await handout('Mrs Jones')).toMatchObject({ ok: false, error: { code: 'bad-input' } })
    expect(await call('recordUsage', { event: { metric: 'screen', key: 'home', lang: 'en' } })).toMatchObject(
      { ok: false, error: { code: 'bad-input' } },
    )
    await call('staffSetPin', { pin: '2468', setupCode: core.firstRunCode() })
    const token = await loginToken(call)
    const report = (await call('usageReport', { token, days: 7 })) as { ok: true; value: { rows: unknown[] } }
    expect(report.value.rows).toEqual([
      { day: '2026-11-23', metric: 'handout', key: 'sore-hip', lang: 'en', count: 2 },
      { day: '2026-11-23', metric: 'handout', key: 'sore-hip', lang: 'en+es', count: 1 },
      { day: '2026-11-23', metric: 'handout', key: 'sore-hip', lang: 'es', count: 1 },
    ])
    const db = openDataDb(join(dir.path, 'usage-languages'))
    expect(usageCsv(usageSince(db, '2026-11-01'))).toBe(
      'day,metric,key,count,language\n' +
        '2026-11-23,handout,sore-hip,2,en\n2026-11-23,handout,sore-hip,1,en+es\n2026-11-23,handout,sore-hip,1,es\n',
    )
    db.close()
    core.close()
  })
})

describe('the review list', () => {
  it('lists every item a clinician signs, in every language, as not yet signed', async () => {
    const { call, core } = kiosk('review', Date.parse('2027-11-01T10:00:00'))
    await call('staffSetPin', { pin: '2468', setupCode: core.firstRunCode() })
    const token = await loginToken(call)
    const result = (await call('reviewItems', { token })) as { ok: true; value: ReviewItem[] }
    const topics = result.value.filter((i) => i.kind === 'condition' || i.kind === 'procedure')
    expect(topics.map((i) => [i.kind, i.id, i.titles, i.state, i.signoff])).toEqual([
      ['condition', 'sore-hip', { en: 'Sore hip', es: 'Cadera dolorida' }, 'unsigned', null],
      ['procedure', 'test-injection', { en: 'Test injection' }, 'unsigned', null],
    ])
    core.close()
  })
})

describe('content packs from staff mode', () => {
  it('roll back to the previous content, live, without a restart', async () => {
    const bundled = buildRealPack(dir.path, 'bundled')
    const update = buildRealPack(dir.path, 'update', changeSummary('Updated summary from the new pack.'))
    const data = join(dir.path, 'rollback-live')
    const db = openDataDb(data)
    importPack(db, data, update, '2026-11-20')
    db.close()
    const core: KioskCore = createKioskCore({ bundledContent: bundled, dataDir: data, log: () => {} })
    const call = (m: string, i: unknown) => dispatch(core.handlers, m, i)
    const summary = async () =>
      (
        (await call('getCondition', { locale: 'en', id: 'hip-osteoarthritis' })) as {
          value: { summary: string }
        }
      ).value.summary
    expect(await summary()).toBe('Updated summary from the new pack.')
    await call('staffSetPin', { pin: '2468', setupCode: core.firstRunCode() })
    const token = await loginToken(call)
    expect(await call('packStatus', { token })).toMatchObject({
      ok: true,
      value: { source: 'imported', canRollBack: true, kioskVersion: KIOSK_VERSION },
    })
    expect(KIOSK_VERSION).toMatch(/^\d+\.\d+\.\d+$/)
    expect(await call('rollbackContent', { token })).toMatchObject({
      ok: true,
      value: { source: 'bundled', canRollBack: false },
    })
    expect(await summary()).not.toBe('Updated summary from the new pack.')
    core.close()
  })
})

describe('staff functions over HTTP', () => {
  it('knows which addresses are this machine', () => {
    for (const a of ['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1'])
      expect(isLoopback(a), a).toBe(true)
    for (const a of [
      '192.168.1.20',
      '10.0.0.1',
      '::ffff:192.168.1.20',
      '128.0.0.1',
      '',
      undefined,
      '127.0.0.1.evil',
    ])
      expect(isLoopback(a), String(a)).toBe(false)
  })

  it('answers them only to requests from this machine', async () => {
    const { core } = kiosk('http-staff')
    const app = await createServer({ handlers: core.handlers, rendererDir: null })
    const post = (url: string, payload: unknown, remoteAddress: string) =>
      app.inject({ method: 'POST', url, payload: payload as object, remoteAddress })
    const fromLan = await post('/api/staffStatus', {}, '192.168.1.20')
    expect(fromLan.statusCode).toBe(403)
    expect(fromLan.json()).toEqual({ ok: false, error: { code: 'forbidden', message: expect.any(String) } })
    expect((await post('/api/staffLogin', { pin: '2468' }, '192.168.1.20')).statusCode).toBe(403)
    expect((await post('/api/staffStatus', {}, '127.0.0.1')).statusCode).toBe(200)
    // Patient methods are for everyone the server listens to.
    expect((await post('/api/listTopics', { locale: 'en' }, '192.168.1.20')).statusCode).toBe(200)
    await app.close()
    core.close()
  })
})

describe('usage counts wait in memory, so a tap never waits for the disk', () => {
  const rows = (name: string) => {
    const db = openDataDb(join(dir.path, name))
    const all = usageSince(db, '2026-01-01')
    db.close()
    return all
  }

  it('writes them at most once a minute, at the end of a session, before a report, and when the kiosk closes', async () => {
    const { call, clock, core } = kiosk('usage-batched')
    await call('recordUsage', { event: { metric: 'screen', key: 'home' } })
    await call('recordUsage', { event: { metric: 'screen', key: 'procedure' } })
    // Nothing on disk yet: a killed kiosk would lose these two, and no more than a minute's worth.
    expect(rows('usage-batched')).toEqual([])
    clock.now += 61_000
    await call('recordUsage', { event: { metric: 'screen', key: 'home' } })
    expect(rows('usage-batched')).toEqual([
      { day: '2026-11-23', metric: 'screen', key: 'home', count: 2 },
      { day: '2026-11-23', metric: 'screen', key: 'procedure', count: 1 },
    ])
    await call('recordUsage', { event: { metric: 'screen', key: 'risks' } })
    await call('recordUsage', { event: { metric: 'session-length', key: '1-to-3-min' } })
    expect(rows('usage-batched').map((r) => r.key)).toEqual(expect.arrayContaining(['risks', '1-to-3-min']))
    await call('recordUsage', { event: { metric: 'screen', key: 'quiz' } })
    core.close()
    expect(rows('usage-batched').map((r) => r.key)).toContain('quiz')
  })
})
