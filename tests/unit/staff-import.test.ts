/**
 * Staff mode's remaining parts, through the real core, a real SQLite data
 * folder and real HTTP on 127.0.0.1: importing a content pack from the staff
 * screen (an upload in the browser preview, the main process's own dialog in
 * Electron), structured error details that arrive unchanged over both
 * transports, and the keep-alive that lets a clinician present for as long as
 * they keep presenting.
 */
import { copyFileSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { registerChannels } from '../../src/main/ipc.ts'
import type { IpcMainLike } from '../../src/main/ipc.ts'
import { pickAndImportPack } from '../../src/main/packs.ts'
import { createServer } from '../../src/core/server/server.ts'
import { dispatch } from '../../src/core/services/dispatch.ts'
import { createKioskCore } from '../../src/core/services/handlers.ts'
import type { KioskCore } from '../../src/core/services/handlers.ts'
import { STAFF_SESSION_MS } from '../../src/core/data/sessions.ts'
import { STAFF_TOKEN_HEADER } from '../../src/shared/bridge.ts'
import { PACK_MAX_BASE64 } from '../../src/shared/contract.ts'
import { CALL_CHANNEL } from '../../src/shared/bridge.ts'
import { buildFixtureDb, buildRealPack, changeSummary, tempDir } from '../fixtures/library.ts'

const dir = tempDir('kiosk-staff-import-')
const NEW_SUMMARY = 'Updated summary from the imported pack.'
let bundled: string
let update: string
let fixtureDb: string

beforeAll(() => {
  fixtureDb = buildFixtureDb(dir.path)
  bundled = buildRealPack(dir.path, 'bundled')
  update = buildRealPack(dir.path, 'update', changeSummary(NEW_SUMMARY))
}, 120_000)
afterAll(() => dir.remove())

const ownFrame = { url: 'kiosk://app/index.html#/staff/content', parent: null }
const location = { kind: 'app' } as const

/** A kiosk with its own data folder, served over real HTTP on 127.0.0.1. */
async function servedKiosk(name: string, options: { dataDir?: boolean } = {}) {
  const clock = { now: Date.parse('2026-11-23T10:00:00') }
  const dataDir = options.dataDir === false ? null : join(dir.path, name)
  const core = createKioskCore({ bundledContent: bundled, dataDir, now: () => clock.now, log: () => {} })
  const app = await createServer({ handlers: core.handlers, rendererDir: null })
  const base = await app.listen({ port: 0, host: '127.0.0.1' })
  // As the browser's client sends it: a staff token in the header as well as in the body.
  const post = async (method: string, body: unknown) => {
    const token = (body as { token?: unknown } | null)?.token
    const res = await fetch(`${base}/api/${method}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(typeof token === 'string' ? { [STAFF_TOKEN_HEADER]: token } : {}),
      },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    })
    return { status: res.status, body: (await res.json()) as Record<string, unknown> }
  }
  await post('staffSetPin', { pin: '2468', setupCode: core.firstRunCode() })
  const login = await post('staffLogin', { pin: '2468' })
  const token = (login.body as { value: { token: string } }).value.token
  const summary = async () => {
    const r = await post('getCondition', { locale: 'en', id: 'hip-osteoarthritis' })
    return (r.body as { value: { summary: string } }).value.summary
  }
  const close = async () => {
    await app.close()
    core.close()
  }
  return { core, app, clock, dataDir, post, token, summary, close }
}

const base64 = (file: string) => readFileSync(file).toString('base64')

/** Files an upload left in the data folder, if any. */
const leftovers = (dataDir: string) => readdirSync(dataDir).filter((f) => f.startsWith('incoming-pack-'))

/** A copy of a good pack with one row edited after the build: its content hash no longer matches. */
function tamperedPack(): string {
  const file = join(dir.path, 'tampered.sqlite')
  copyFileSync(update, file)
  const db = new Database(file)
  db.prepare(`UPDATE documents SET title = title || ' (edited)' WHERE id = 'hip-osteoarthritis'`).run()
  db.close()
  return file
}

describe('importing a content pack from staff mode, over HTTP', () => {
  let kiosk: Awaited<ReturnType<typeof servedKiosk>>
  beforeAll(async () => {
    kiosk = await servedKiosk('http-import')
  })
  afterAll(() => kiosk.close())

  it('verifies a good pack, switches to it at once, and keeps the content before for rollback', async () => {
    const before = await kiosk.summary()
    expect(before).not.toBe(NEW_SUMMARY)
    const r = await kiosk.post('importPack', { token: kiosk.token, data: base64(update) })
    expect(r.status).toBe(200)
    expect(r.body).toMatchObject({
      ok: true,
      value: {
        imported: {
          contentHash: expect.stringMatching(/^[0-9a-f]{64}$/),
          bytes: readFileSync(update).length,
          conditions: expect.any(Number),
          procedures: expect.any(Number),
          locales: ['en', 'es'],
        },
        status: { source: 'imported', canRollBack: true, problem: null },
      },
    })
    const value = (r.body as { value: { imported: { conditions: number; procedures: number } } }).value
    expect(value.imported.conditions).toBeGreaterThan(5)
    expect(value.imported.procedures).toBeGreaterThan(0)
    // The patient screens get the new content with no restart.
    expect(await kiosk.summary()).toBe(NEW_SUMMARY)
    expect(leftovers(kiosk.dataDir!)).toEqual([])

    const back = await kiosk.post('rollbackContent', { token: kiosk.token })
    expect(back.body).toMatchObject({ ok: true, value: { source: 'bundled' } })
    expect(await kiosk.summary()).toBe(before)
    // And forward again, for the bad packs below to leave alone.
    expect((await kiosk.post('importPack', { token: kiosk.token, data: base64(update) })).status).toBe(200)
    expect(await kiosk.summary()).toBe(NEW_SUMMARY)
  })

  it('says what the pack changes, and says so when the pack is the one already in use', async () => {
    // The pack in use since the test above: importing it again changes nothing, and says so.
    const again = await kiosk.post('importPack', { token: kiosk.token, data: base64(update) })
    expect(again.body).toMatchObject({
      ok: true,
      value: { alreadyInUse: true, changes: { added: [], changed: [], removed: [] } },
    })
    const back = await kiosk.post('importPack', { token: kiosk.token, data: base64(bundled) })
    expect(back.body).toMatchObject({
      ok: true,
      value: {
        alreadyInUse: false,
        imported: { builtBy: expect.stringMatching(/^\d+\.\d+/), schemaVersion: expect.any(Number) },
        changes: {
          added: [],
          changed: [
            {
              kind: 'condition',
              id: 'hip-osteoarthritis',
              title: 'Hip osteoarthritis (when the hip joint wears down)',
            },
          ],
          removed: [],
        },
      },
    })
    expect((await kiosk.post('importPack', { token: kiosk.token, data: base64(update) })).status).toBe(200)
    expect(await kiosk.summary()).toBe(NEW_SUMMARY)
  })

  const goodBytes = () => readFileSync(update)
  const badPacks: [string, () => Buffer, RegExp][] = [
    [
      'a truncated pack',
      () => goodBytes().subarray(0, Math.floor(goodBytes().length / 2)),
      /damaged|not|corrupt/i,
    ],
    [
      'random bytes',
      () => Buffer.from(Array.from({ length: 40_000 }, (_, i) => (i * 7919) % 251)),
      /SQLite/i,
    ],
    ['a pack edited after it was built', () => readFileSync(tamperedPack()), /changed after it was built/],
  ]
  for (const [name, bytes, reason] of badPacks) {
    it(`refuses ${name} with a typed error naming the reason, and keeps the content in use`, async () => {
      const statusBefore = await kiosk.post('packStatus', { token: kiosk.token })
      const r = await kiosk.post('importPack', { token: kiosk.token, data: bytes().toString('base64') })
      expect(r.status).toBe(400)
      const error = (r.body as { error: { code: string; message: string } }).error
      expect(error.code).toBe('bad-input')
      expect(error.message).toMatch(reason)
      // The temporary copy means nothing to staff: its path is not in the message.
      expect(error.message).not.toContain(kiosk.dataDir!)
      expect(await kiosk.summary()).toBe(NEW_SUMMARY)
      expect(await kiosk.post('packStatus', { token: kiosk.token })).toEqual(statusBefore)
      expect(leftovers(kiosk.dataDir!)).toEqual([])
    })
  }

  it('refuses a pack over the size limit, whether the contract or the body limit catches it', async () => {
    const justOver = 'A'.repeat(PACK_MAX_BASE64 + 4)
    const r = await kiosk.post('importPack', { token: kiosk.token, data: justOver })
    expect(r.status).toBe(400)
    expect(r.body).toMatchObject({
      ok: false,
      error: {
        code: 'bad-input',
        fields: ['data'],
        fieldErrors: [{ field: 'data', message: 'a pack can be at most 16 MB' }],
      },
    })
    const farOver = await kiosk.post('importPack', {
      token: kiosk.token,
      data: 'A'.repeat(PACK_MAX_BASE64 * 2),
    })
    expect(farOver.status).toBe(413)
    expect(farOver.body).toMatchObject({ ok: false, error: { code: 'bad-input' } })
    expect(await kiosk.summary()).toBe(NEW_SUMMARY)
  })

  it('refuses an import without a staff session, before looking at the pack', async () => {
    for (const token of ['0'.repeat(64), undefined]) {
      const r = await kiosk.post('importPack', { token, data: base64(bundled) })
      // Without a token in the header, a pack-sized body is refused before it is read.
      expect(r.status).toBe(401)
      expect(r.body).toMatchObject({ ok: false, error: { code: 'unauthorized' } })
    }
    const ended = await kiosk.post('importPack', { token: '0'.repeat(64), data: base64(bundled) })
    expect(ended.body).toMatchObject({ error: { code: 'unauthorized', reason: 'session-ended' } })
    expect(await kiosk.summary()).toBe(NEW_SUMMARY)
  })

  it('answers an import only to this machine', async () => {
    const fromLan = await kiosk.app.inject({
      method: 'POST',
      url: '/api/importPack',
      payload: { token: kiosk.token, data: base64(bundled) },
      remoteAddress: '192.168.1.20',
    })
    expect(fromLan.statusCode).toBe(403)
    expect(fromLan.json()).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    const keepAlive = await kiosk.app.inject({
      method: 'POST',
      url: '/api/staffKeepAlive',
      payload: { token: kiosk.token },
      remoteAddress: '10.0.0.7',
    })
    expect(keepAlive.statusCode).toBe(403)
    expect(await kiosk.summary()).toBe(NEW_SUMMARY)
  })

  it('cleans up an upload a killed import left behind when the kiosk starts again', async () => {
    const stale = join(kiosk.dataDir!, 'incoming-pack-0123456789abcdef.sqlite')
    writeFileSync(stale, readFileSync(update).subarray(0, 1000))
    const again = createKioskCore({ bundledContent: bundled, dataDir: kiosk.dataDir, log: () => {} })
    expect(existsSync(stale)).toBe(false)
    again.close()
  })
})

it('refuses an import on a kiosk with no data folder, saying why', async () => {
  const kiosk = await servedKiosk('memory', { dataDir: false })
  const r = await kiosk.post('importPack', { token: kiosk.token, data: base64(update) })
  expect(r.body).toMatchObject({ ok: false, error: { code: 'bad-input', message: /no data folder/ } })
  expect(await kiosk.summary()).not.toBe(NEW_SUMMARY)
  await kiosk.close()
})

describe('importing a content pack in Electron, from the main process’s own dialog', () => {
  type Sender = { id: number }
  const registered = new Map<string, Parameters<IpcMainLike<Sender>['handle']>[1]>()
  let core: KioskCore
  let chosen: string | null = null
  let dialogs = 0
  let token = ''
  beforeAll(async () => {
    core = createKioskCore({ bundledContent: bundled, dataDir: join(dir.path, 'electron'), log: () => {} })
    registerChannels<Sender>(
      { handle: (channel, listener) => registered.set(channel, listener) },
      {
        handlers: () => core.handlers,
        location,
        log: () => {},
        shell: {
          pickAndImportPack: pickAndImportPack<Sender>({
            core: () => core,
            choosePack: async () => {
              dialogs++
              return chosen
            },
          }),
          print: () => ({ done: false, failure: 'failed' }),
          listPrinters: () => ({ printers: [] }),
          endSession: () => ({}),
        },
      },
    )
    await dispatch(core.handlers, 'staffSetPin', { pin: '2468', setupCode: core.firstRunCode() })
    const login = await dispatch(core.handlers, 'staffLogin', { pin: '2468' })
    token = login.ok ? (login.value as { token: string }).token : ''
  })
  afterAll(() => core.close())

  const pick = (
    input: unknown,
    senderFrame: typeof ownFrame | { url: string; parent: object } | null = ownFrame,
  ) => registered.get(CALL_CHANNEL)!({ senderFrame, sender: { id: 1 } }, 'pickAndImportPack', input)
  const summary = async () => {
    const r = await dispatch(core.handlers, 'getCondition', { locale: 'en', id: 'hip-osteoarthritis' })
    return r.ok ? (r.value as { summary: string }).summary : null
  }

  it('imports the file chosen in the dialog through the same checks as the CLI', async () => {
    chosen = update
    const r = await pick({ token })
    expect(r).toMatchObject({
      ok: true,
      value: { cancelled: false, imported: { locales: ['en', 'es'] }, status: { source: 'imported' } },
    })
    expect(await summary()).toBe(NEW_SUMMARY)
  })

  it('says so when staff close the dialog, changing nothing', async () => {
    chosen = null
    expect(await pick({ token })).toEqual({ ok: true, value: { cancelled: true } })
    expect(await summary()).toBe(NEW_SUMMARY)
  })

  it('names a bad pack by its file name, and keeps the content in use', async () => {
    chosen = tamperedPack()
    const r = await pick({ token })
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'bad-input', message: /^tampered\.sqlite was changed after it was built/ },
    })
    expect(await summary()).toBe(NEW_SUMMARY)
  })

  it('shows no dialog outside staff mode, to another page, or for a path sent by the page', async () => {
    const shown = dialogs
    expect(await pick({ token: '0'.repeat(64) })).toMatchObject({
      ok: false,
      error: { code: 'unauthorized', reason: 'session-ended' },
    })
    expect(await pick({ token, file: '/etc/passwd' })).toMatchObject({
      ok: false,
      error: { code: 'bad-input' },
    })
    expect(await pick({ token }, { url: ownFrame.url, parent: {} })).toMatchObject({
      ok: false,
      error: { code: 'bad-input' },
    })
    expect(await pick({ token }, { url: 'https://example.com/', parent: null } as never)).toMatchObject({
      ok: false,
    })
    expect(await pick('not an object')).toMatchObject({ ok: false, error: { code: 'bad-input' } })
    expect(dialogs).toBe(shown)
  })
})

describe('structured error details', () => {
  it('carry the tries left, the refusal kind and each refused setting, unchanged over IPC and HTTP', async () => {
    const kiosk = await servedKiosk('structured')
    const ipc = new Map<string, Parameters<IpcMainLike['handle']>[1]>()
    registerChannels({ handle: (c, l) => ipc.set(c, l) }, { handlers: () => kiosk.core.handlers, location })
    const overIpc = (method: string, input: unknown) =>
      ipc.get(CALL_CHANNEL)!({ senderFrame: ownFrame, sender: null }, method, input)

    const wrongHttp = await kiosk.post('staffLogin', { pin: '1111' })
    expect(wrongHttp.status).toBe(401)
    expect(wrongHttp.body).toEqual({
      ok: false,
      error: {
        code: 'unauthorized',
        message: 'That PIN is not right. 4 tries left before entry locks.',
        reason: 'wrong-pin',
        triesLeft: 4,
      },
    })
    expect(await overIpc('staffLogin', { pin: '1111' })).toMatchObject({
      ok: false,
      error: { reason: 'wrong-pin', triesLeft: 3 },
    })

    const changes = { clinicPhone: 'call reception', idleTimeoutSeconds: 5, clinicName: '  ' }
    const refusedHttp = await kiosk.post('updateSettings', { token: kiosk.token, changes })
    const refusedIpc = await overIpc('updateSettings', { token: kiosk.token, changes })
    expect(refusedHttp.body).toEqual(refusedIpc)
    expect(refusedIpc).toMatchObject({
      ok: false,
      error: {
        code: 'bad-input',
        fields: ['clinicName', 'clinicPhone', 'idleTimeoutSeconds'],
        fieldErrors: [
          { field: 'clinicName', message: 'enter the clinic name' },
          { field: 'clinicPhone', message: 'a phone number: digits, spaces, + ( ) and -' },
          { field: 'idleTimeoutSeconds', message: 'at least 30 seconds' },
        ],
      },
    })

    expect(await overIpc('staffSetPin', { pin: '1357' })).toMatchObject({
      ok: false,
      error: { code: 'unauthorized', reason: 'pin-set' },
    })
    await kiosk.close()
  })

  it('say when no PIN is set yet', async () => {
    const core = createKioskCore({ bundledContent: fixtureDb, dataDir: null, log: () => {} })
    expect(await dispatch(core.handlers, 'staffLogin', { pin: '2468' })).toMatchObject({
      ok: false,
      error: { code: 'unauthorized', reason: 'no-pin' },
    })
    core.close()
  })
})

describe('the staff keep-alive', () => {
  it('keeps a presenting clinician’s session past 10 minutes, and the session still ends when they stop', async () => {
    const clock = { now: Date.parse('2026-11-23T10:00:00') }
    const core = createKioskCore({
      bundledContent: fixtureDb,
      dataDir: null,
      now: () => clock.now,
      log: () => {},
    })
    const call = (m: string, i: unknown) => dispatch(core.handlers, m, i)
    await call('staffSetPin', { pin: '2468', setupCode: core.firstRunCode() })
    const login = await call('staffLogin', { pin: '2468' })
    const token = login.ok ? (login.value as { token: string }).token : ''

    // Half an hour of presenting, one keep-alive a minute: the session lives throughout.
    for (let minute = 1; minute <= 30; minute++) {
      clock.now += 60_000
      expect(await call('staffKeepAlive', { token }), `minute ${minute}`).toEqual({
        ok: true,
        value: { expiresInSeconds: STAFF_SESSION_MS / 1000 },
      })
    }
    expect(await call('getSettings', { token })).toMatchObject({ ok: true })

    // Then they stop: the session ends after its 10 minutes, as it always did.
    clock.now += STAFF_SESSION_MS - 1
    expect(await call('staffKeepAlive', { token })).toMatchObject({ ok: true })
    clock.now += STAFF_SESSION_MS
    expect(await call('staffKeepAlive', { token })).toMatchObject({
      ok: false,
      error: { code: 'unauthorized', reason: 'session-ended' },
    })
    expect(await call('getSettings', { token })).toMatchObject({ ok: false, error: { code: 'unauthorized' } })
    core.close()
  })
})
