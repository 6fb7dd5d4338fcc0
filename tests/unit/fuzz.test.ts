/**
 * Every contract method, fuzzed over both transports: the IPC handlers exactly
 * as Electron registers them, and HTTP through the real server on 127.0.0.1.
 * Whatever arrives, the answer is a typed Result, the process stays up, and
 * good requests still work afterwards.
 */
import fc from 'fast-check'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { registerChannels } from '../../src/main/ipc.ts'
import type { IpcMainLike } from '../../src/main/ipc.ts'
import { createServer } from '../../src/core/server/server.ts'
import { createKioskCore } from '../../src/core/services/handlers.ts'
import type { KioskCore } from '../../src/core/services/handlers.ts'
import { CALL_CHANNEL } from '../../src/shared/bridge.ts'
import { METHOD_NAMES } from '../../src/shared/contract.ts'
import { buildFixtureDb, tempDir } from '../fixtures/library.ts'

const ERROR_CODES = [
  'bad-input',
  'not-found',
  'unknown-method',
  'unavailable',
  'internal',
  'unauthorized',
  'forbidden',
]

const dir = tempDir()
let core: KioskCore
let server: FastifyInstance
let base: string
const ipc = new Map<string, Parameters<IpcMainLike['handle']>[1]>()
const ownPage = { url: 'kiosk://app/index.html#/home', parent: null }

beforeAll(async () => {
  core = createKioskCore({
    bundledContent: buildFixtureDb(dir.path),
    dataDir: `${dir.path}/data`,
    log: () => {},
  })
  registerChannels(
    { handle: (channel, listener) => ipc.set(channel, listener) },
    { handlers: () => core.handlers, location: { kind: 'app' }, log: () => {} },
  )
  server = await createServer({ handlers: core.handlers, rendererDir: null })
  base = await server.listen({ port: 0, host: '127.0.0.1' })
})
afterAll(async () => {
  await server.close()
  core.close()
  dir.remove()
})

/** Inputs shaped like the real ones, half right and half wrong, plus anything at all. */
const plausible = fc.record(
  {
    locale: fc.oneof(fc.constantFrom('en', 'es'), fc.string()),
    id: fc.oneof(fc.constantFrom('sore-hip', 'test-injection', '../etc/passwd'), fc.string()),
    query: fc.oneof(fc.string(), fc.constantFrom('"', 'NEAR(', '*', 'hip*')),
    token: fc.oneof(fc.stringMatching(/^[0-9a-f]{64}$/), fc.string()),
    pin: fc.oneof(fc.stringMatching(/^[0-9]{4,8}$/), fc.string()),
    changes: fc.dictionary(fc.string(), fc.anything()),
    event: fc.anything(),
    days: fc.oneof(fc.integer(), fc.double()),
  },
  { requiredKeys: [] },
)
const anyInput = fc.oneof(plausible, fc.anything(), fc.jsonValue())
const anyMethod = fc.oneof(
  fc.constantFrom(...METHOD_NAMES),
  fc.string(),
  fc.constantFrom('__proto__', 'constructor'),
)

function expectTypedResult(r: unknown): void {
  expect(r).toBeTypeOf('object')
  const result = r as { ok: boolean; error?: { code: string; message: string } }
  if (result.ok) return
  expect(ERROR_CODES).toContain(result.error?.code)
  expect(result.error?.message).toBeTypeOf('string')
}

describe('fuzzing the contract', () => {
  it('over IPC: thousands of random inputs to every method get a typed Result', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...METHOD_NAMES), anyInput, async (method, input) => {
        const r = await ipc.get(CALL_CHANNEL)?.({ senderFrame: ownPage, sender: null }, method, input)
        expectTypedResult(r)
        // Nothing random can log in as staff.
        if (method === 'staffLogin' && (r as { ok: boolean }).ok)
          throw new Error('logged in without a PIN being set')
      }),
      { numRuns: 3000, seed: 7 },
    )
    expect(
      await ipc.get(CALL_CHANNEL)?.({ senderFrame: ownPage, sender: null }, 'listTopics', { locale: 'en' }),
    ).toMatchObject({
      ok: true,
    })
    // Thousands of calls: allow for a slow, busy machine.
  }, 180_000)

  it('over HTTP: random methods, bodies and content types get a typed Result, and the server stays up', async () => {
    const bodies = fc.oneof(
      anyInput.map((v) => ({ text: JSON.stringify(v) ?? 'null', type: 'application/json' })),
      fc.string().map((text) => ({ text, type: 'application/json' })),
      fc.string().map((text) => ({ text, type: 'text/plain' })),
    )
    await fc.assert(
      fc.asyncProperty(anyMethod, bodies, async (method, body) => {
        const res = await fetch(`${base}/api/${encodeURIComponent(method)}`, {
          method: 'POST',
          headers: { 'content-type': body.type },
          body: body.text,
        })
        expect(res.status).toBeLessThan(600)
        expectTypedResult(await res.json())
      }),
      { numRuns: 1500, seed: 11 },
    )
    const res = await fetch(`${base}/api/getProcedure`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ locale: 'en', id: 'test-injection' }),
    })
    expect(res.status).toBe(200)
  }, 180_000)
})
