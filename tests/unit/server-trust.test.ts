/**
 * What the preview server trusts, over real HTTP on 127.0.0.1: only its own
 * names (no DNS rebinding), typed errors with the security headers for every
 * refusal (the framework's own included), the staff token before a large body,
 * a deadline for slow requests, and error messages that say what is wrong.
 */
import { request as httpRequest } from 'node:http'
import type { IncomingHttpHeaders } from 'node:http'
import { connect } from 'node:net'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServer } from '../../src/core/server/server.ts'
import type { ServerOptions } from '../../src/core/server/server.ts'
import { createKioskCore } from '../../src/core/services/handlers.ts'
import type { KioskCore } from '../../src/core/services/handlers.ts'
import { buildFixtureDb, tempDir } from '../fixtures/library.ts'

const dir = tempDir('kiosk-server-trust-')
let fixtureDb: string
beforeAll(() => {
  fixtureDb = buildFixtureDb(dir.path)
})
afterAll(() => dir.remove())

interface Served {
  core: KioskCore
  app: FastifyInstance
  port: number
  close(): Promise<void>
}

async function serve(options: Partial<ServerOptions> = {}): Promise<Served> {
  const core = createKioskCore({ bundledContent: fixtureDb, dataDir: null, log: () => {} })
  const app = await createServer({ handlers: core.handlers, rendererDir: null, ...options })
  const port = Number(new URL(await app.listen({ port: 0, host: '127.0.0.1' })).port)
  return {
    core,
    app,
    port,
    close: async () => {
      await app.close()
      core.close()
    },
  }
}

interface Answer {
  status: number
  headers: IncomingHttpHeaders
  text: string
  json(): unknown
}

/** One request with any headers (fetch will not send a chosen Host), over a real socket. */
function send(
  port: number,
  {
    method = 'POST',
    path,
    headers = {},
    body,
  }: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        headers: {
          host: `127.0.0.1:${port}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8')
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) })
        })
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

/** The headers every answer carries, refusals included. */
function expectSecurityHeaders(answer: Answer, label: string): void {
  expect(answer.headers['content-security-policy'], label).toContain("default-src 'self'")
  expect(answer.headers['x-content-type-options'], label).toBe('nosniff')
  expect(answer.headers['referrer-policy'], label).toBe('no-referrer')
}

function expectTypedError(answer: Answer, status: number, code: string, label: string): void {
  expect(answer.status, label).toBe(status)
  expect(answer.headers['content-type'], label).toMatch(/^application\/json/)
  expect(answer.headers['cache-control'], label).toBe('no-store')
  expectSecurityHeaders(answer, label)
  expect(answer.json(), label).toEqual({
    ok: false,
    error: expect.objectContaining({ code, message: expect.any(String) }),
  })
}

describe('the Host and Origin a request names (DNS rebinding)', () => {
  let kiosk: Served
  beforeAll(async () => {
    kiosk = await serve({ rendererDir: null })
  })
  afterAll(() => kiosk.close())

  it('refuses a request for another name, so a rebinding page cannot set the PIN', async () => {
    const rebound = await send(kiosk.port, {
      path: '/api/staffSetPin',
      headers: { host: `rebind.attacker.example:${kiosk.port}` },
      body: JSON.stringify({ pin: '1234' }),
    })
    expectTypedError(rebound, 403, 'forbidden', 'rebound Host')
    // The name a rebinding page would put in front of us is never echoed back.
    expect(rebound.text).not.toContain('attacker')
    const status = await send(kiosk.port, { path: '/api/staffStatus', body: '{}' })
    expect(status.json()).toMatchObject({ ok: true, value: { pinSet: false } })
  })

  it('refuses other names on every route: patient methods, unknown paths and pages', async () => {
    const host = { host: `rebind.attacker.example:${kiosk.port}` }
    const cases: [string, Parameters<typeof send>[1]][] = [
      ['a patient method', { path: '/api/listTopics', headers: host, body: '{"locale":"en"}' }],
      ['an unknown method', { path: '/api/nothing', headers: host, body: '{}' }],
      ['a page', { method: 'GET', path: '/', headers: host }],
      [
        'our name on another port',
        { path: '/api/contentInfo', headers: { host: '127.0.0.1:1' }, body: '{}' },
      ],
      [
        'a name ending in ours',
        { path: '/api/contentInfo', headers: { host: `evil.localhost.example:${kiosk.port}` }, body: '{}' },
      ],
    ]
    for (const [label, request] of cases)
      expectTypedError(await send(kiosk.port, request), 403, 'forbidden', label)
    // No name at all, or an empty one (the HTTP client above always sends one).
    for (const host of ['', 'Host: \r\n']) {
      const raw = await rawExchange(
        kiosk.port,
        `POST /api/contentInfo HTTP/1.1\r\n${host}Content-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`,
      )
      expect(raw.text, JSON.stringify(host)).toMatch(/^HTTP\/1\.1 403 /)
      expect(raw.text, JSON.stringify(host)).toMatch(/content-security-policy: default-src 'self'/i)
      expect(raw.text, JSON.stringify(host)).toContain('"code":"forbidden"')
    }
  })

  it('answers the loopback names, with the port it listens on', async () => {
    for (const name of ['127.0.0.1', 'localhost', 'LOCALHOST', '[::1]']) {
      const answer = await send(kiosk.port, {
        path: '/api/contentInfo',
        headers: { host: `${name}:${kiosk.port}` },
        body: '{}',
      })
      expect(answer.status, name).toBe(200)
    }
  })

  it('refuses a request from a page of another origin, and answers its own', async () => {
    for (const origin of [
      `http://rebind.attacker.example:${kiosk.port}`,
      'null',
      `http://127.0.0.1:${kiosk.port + 1}`,
      `https://127.0.0.1:${kiosk.port}`,
    ]) {
      const answer = await send(kiosk.port, { path: '/api/staffStatus', headers: { origin }, body: '{}' })
      expectTypedError(answer, 403, 'forbidden', origin)
    }
    for (const origin of [`http://127.0.0.1:${kiosk.port}`, `http://localhost:${kiosk.port}`]) {
      expect(
        (await send(kiosk.port, { path: '/api/staffStatus', headers: { origin }, body: '{}' })).status,
      ).toBe(200)
    }
  })

  it('answers the name given with --host as well', async () => {
    const named = await serve({ host: 'kiosk-review.clinic.example' })
    const answer = await send(named.port, {
      path: '/api/contentInfo',
      headers: {
        host: `kiosk-review.clinic.example:${named.port}`,
        origin: `http://kiosk-review.clinic.example:${named.port}`,
      },
      body: '{}',
    })
    expect(answer.status).toBe(200)
    await named.close()
  })
})

describe('framework errors', () => {
  let kiosk: Served
  beforeAll(async () => {
    kiosk = await serve()
  })
  afterAll(() => kiosk.close())

  it('answers a malformed address with a typed error and the security headers, not echoing it', async () => {
    const answer = await send(kiosk.port, { method: 'GET', path: '/%c0%ae' })
    expectTypedError(answer, 400, 'bad-input', 'malformed URL')
    expect(answer.text.toLowerCase()).not.toContain('%c0')
  })

  it('answers every refused request with the typed shape and the headers, never echoing the body', async () => {
    const secret = 'Mrs Doe takes 40 mg'
    const cases: [string, Parameters<typeof send>[1], number][] = [
      ['bad JSON', { path: '/api/search', body: `{"locale":"en","query":"${secret}` }, 400],
      ['too large', { path: '/api/search', body: JSON.stringify({ query: secret.repeat(2000) }) }, 413],
      ['wrong type', { path: '/api/search', headers: { 'content-type': 'text/plain' }, body: secret }, 415],
      ['unknown method', { path: '/api/nothing', body: '{}' }, 404],
      ['a method named by a patient', { path: '/api/Mrs%20Doe%20takes%2040%20mg', body: '{}' }, 404],
      ['unknown page', { method: 'GET', path: '/nothing-here.js' }, 404],
    ]
    for (const [label, request, status] of cases) {
      const answer = await send(kiosk.port, request)
      expectTypedError(
        answer,
        status,
        status === 404 ? (label === 'unknown page' ? 'not-found' : 'unknown-method') : 'bad-input',
        label,
      )
      expect(answer.text, label).not.toContain(secret)
    }
  })

  it('answers a request the HTTP parser refuses with the typed shape and the headers', async () => {
    const raw = await rawExchange(
      kiosk.port,
      `GET / HTTP/1.1\r\nHost: 127.0.0.1:${kiosk.port}\r\nBad header line\r\n\r\n`,
    )
    expect(raw.text).toMatch(/^HTTP\/1\.1 400 /)
    const [head, body] = raw.text.split('\r\n\r\n')
    expect(head).toMatch(/content-security-policy: default-src 'self'/i)
    expect(head).toMatch(/x-content-type-options: nosniff/i)
    expect(head).toMatch(/cache-control: no-store/i)
    expect(JSON.parse(body ?? '')).toEqual({
      ok: false,
      error: { code: 'bad-input', message: expect.any(String) },
    })
    // Still up.
    expect((await send(kiosk.port, { path: '/api/contentInfo', body: '{}' })).status).toBe(200)
  })
})

/** Writes `text` on a raw socket and collects everything until the server closes it (or `deadlineMs`). */
function rawExchange(
  port: number,
  text: string,
  { trickle, deadlineMs = 5_000 }: { trickle?: { everyMs: number }; deadlineMs?: number } = {},
): Promise<{ text: string; closedAfterMs: number | null }> {
  return new Promise((resolve) => {
    const started = Date.now()
    const socket = connect(port, '127.0.0.1')
    const chunks: Buffer[] = []
    let timer: NodeJS.Timeout | undefined
    const finish = (closed: boolean) => {
      clearInterval(timer)
      clearTimeout(deadline)
      socket.destroy()
      resolve({
        text: Buffer.concat(chunks).toString('utf8'),
        closedAfterMs: closed ? Date.now() - started : null,
      })
    }
    const deadline = setTimeout(() => finish(false), deadlineMs)
    socket.on('data', (c: Buffer) => chunks.push(c))
    socket.on('close', () => finish(true))
    socket.on('error', () => {})
    socket.write(text)
    if (trickle) timer = setInterval(() => socket.writable && socket.write(' '), trickle.everyMs)
  })
}

describe('slow requests', () => {
  it('cuts off a body trickled a byte at a time once the request deadline passes', async () => {
    const kiosk = await serve({ requestTimeoutMs: 1_000 })
    const head =
      `POST /api/contentInfo HTTP/1.1\r\nHost: 127.0.0.1:${kiosk.port}\r\n` +
      'Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{'
    const raw = await rawExchange(kiosk.port, head, { trickle: { everyMs: 200 }, deadlineMs: 6_000 })
    expect(raw.closedAfterMs, 'the server never closed the trickling request').not.toBeNull()
    expect(raw.closedAfterMs!).toBeLessThan(4_000)
    expect(raw.text).toMatch(/^HTTP\/1\.1 408 /)
    expect(raw.text).toMatch(/content-security-policy: default-src 'self'/i)
    expect(raw.text).toContain('"code":"bad-input"')
    // Other requests are still answered.
    expect((await send(kiosk.port, { path: '/api/contentInfo', body: '{}' })).status).toBe(200)
    await kiosk.close()
  })
})

describe('staff tokens before large bodies', () => {
  const bogus = 'b'.repeat(64)
  const PACK_SIZED = 15 * 1024 * 1024

  /** A pack-sized importPack body, sent in slices; notes how much was sent when the answer came. */
  function uploadPack(
    port: number,
    headers: Record<string, string>,
    body: Buffer,
  ): Promise<{ status: number; json: unknown; sentWhenAnswered: number }> {
    return new Promise((resolve, reject) => {
      let sent = 0
      let answered = false
      const req = httpRequest({
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/api/importPack',
        headers: { 'content-type': 'application/json', 'content-length': body.length, ...headers },
      })
      req.on('response', (res) => {
        answered = true
        const sentWhenAnswered = sent
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => {
          req.destroy()
          resolve({
            status: res.statusCode ?? 0,
            json: JSON.parse(Buffer.concat(chunks).toString()),
            sentWhenAnswered,
          })
        })
      })
      req.on('error', (err) => {
        if (!answered) reject(err)
      })
      const slice = 64 * 1024
      void (async () => {
        for (let at = 0; at < body.length && !answered && !req.destroyed; at += slice) {
          const more = req.write(body.subarray(at, at + slice))
          sent = Math.min(body.length, at + slice)
          if (!more) await new Promise((r) => req.once('drain', r))
          await new Promise((r) => setImmediate(r))
        }
        if (!answered && !req.destroyed) req.end()
      })()
    })
  }

  it('refuses 20 pack-sized bodies with bogus tokens before reading them', async () => {
    const kiosk = await serve()
    const body = Buffer.from(JSON.stringify({ token: bogus, data: 'A'.repeat(PACK_SIZED) }))
    const rssBefore = process.memoryUsage().rss
    let peak = rssBefore
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20)
    for (let i = 0; i < 20; i++) {
      const answer = await uploadPack(kiosk.port, { 'x-kiosk-staff-token': bogus }, body)
      expect(answer.status, `upload ${i}`).toBe(401)
      expect(answer.json).toMatchObject({
        ok: false,
        error: { code: 'unauthorized', reason: 'session-ended' },
      })
      // Answered while the client was still sending: the body was never read.
      expect(answer.sentWhenAnswered, `upload ${i}`).toBeLessThan(body.length / 2)
    }
    clearInterval(sampler)
    expect(peak - rssBefore).toBeLessThan(100 * 1024 * 1024)
    expect((await send(kiosk.port, { path: '/api/contentInfo', body: '{}' })).status).toBe(200)
    await kiosk.close()
  })

  it('refuses a pack-sized body whose token is only inside it, before reading it', async () => {
    const kiosk = await serve()
    const body = Buffer.from(JSON.stringify({ token: bogus, data: 'A'.repeat(PACK_SIZED) }))
    const answer = await uploadPack(kiosk.port, {}, body)
    expect(answer.status).toBe(401)
    expect(answer.json).toMatchObject({
      ok: false,
      error: { code: 'unauthorized', message: /X-Kiosk-Staff-Token/ },
    })
    expect(answer.sentWhenAnswered).toBeLessThan(body.length / 2)
    await kiosk.close()
  })

  it('still takes the token in a small body, and checks a token in the header against the session', async () => {
    const kiosk = await serve()
    await send(kiosk.port, {
      path: '/api/staffSetPin',
      body: JSON.stringify({ pin: '2468', setupCode: kiosk.core.firstRunCode() }),
    })
    const login = await send(kiosk.port, { path: '/api/staffLogin', body: JSON.stringify({ pin: '2468' }) })
    const token = (login.json() as { value: { token: string } }).value.token
    const inBody = await send(kiosk.port, { path: '/api/packStatus', body: JSON.stringify({ token }) })
    expect(inBody.status).toBe(200)
    const both = await send(kiosk.port, {
      path: '/api/packStatus',
      headers: { 'x-kiosk-staff-token': token },
      body: JSON.stringify({ token }),
    })
    expect(both.status).toBe(200)
    const bogusHeader = await send(kiosk.port, {
      path: '/api/packStatus',
      headers: { 'x-kiosk-staff-token': bogus },
      body: JSON.stringify({ token }),
    })
    expectTypedError(bogusHeader, 401, 'unauthorized', 'bogus header token')
    await kiosk.close()
  })
})

describe('error messages say what is wrong', () => {
  let kiosk: Served
  beforeAll(async () => {
    kiosk = await serve()
  })
  afterAll(() => kiosk.close())

  const messageOf = (answer: Answer) => (answer.json() as { error: { message: string } }).error.message

  it('names each problem in its own words', async () => {
    const cases: [string, Parameters<typeof send>[1], number, RegExp][] = [
      ['bad JSON', { path: '/api/listTopics', body: '{"locale": "en"' }, 400, /not valid JSON/],
      ['an empty body', { path: '/api/contentInfo', body: '' }, 400, /empty/],
      [
        'too large',
        { path: '/api/search', body: JSON.stringify({ query: 'x'.repeat(20_000) }) },
        413,
        /too large.*16 KB/,
      ],
      [
        'wrong type',
        { path: '/api/listTopics', headers: { 'content-type': 'text/plain' }, body: 'en' },
        415,
        /Content-Type: application\/json/,
      ],
      ['unknown method', { path: '/api/deleteEverything', body: '{}' }, 404, /no such API method/],
      ['bad address', { method: 'GET', path: '/api/%c0' }, 400, /address/],
      ['GET', { method: 'GET', path: '/api/listTopics' }, 405, /POST/],
    ]
    for (const [label, request, status, message] of cases) {
      const answer = await send(kiosk.port, request)
      expect(answer.status, label).toBe(status)
      expect(messageOf(answer), label).toMatch(message)
    }
    // Each refusal its own words: no two of them say the same thing.
    const messages = await Promise.all(
      cases.map(async ([, request]) => messageOf(await send(kiosk.port, request))),
    )
    expect(new Set(messages).size).toBe(messages.length)
  })

  it('lists the refused fields of bad input', async () => {
    const answer = await send(kiosk.port, {
      path: '/api/getProcedure',
      // Not a language code at all (a well-formed code the content lacks is refused by the content service).
      body: JSON.stringify({ locale: 'english', id: 'NOT VALID' }),
    })
    expect(answer.status).toBe(400)
    expect(answer.json()).toMatchObject({
      ok: false,
      error: {
        code: 'bad-input',
        fields: ['locale', 'id'],
        fieldErrors: [{ field: 'locale' }, { field: 'id' }],
      },
    })
  })

  it('ignores a query string when finding the method', async () => {
    const post = await send(kiosk.port, { path: '/api/contentInfo?x=1', body: '{}' })
    expect(post.status).toBe(200)
    const get = await send(kiosk.port, { method: 'GET', path: '/api/contentInfo?x=1' })
    expect(get.status).toBe(405)
    expect(get.json()).toMatchObject({ ok: false, error: { code: 'bad-input', message: /POST/ } })
    expect(get.headers.allow).toBe('POST')
    const unknown = await send(kiosk.port, { path: '/api/nothing?contentInfo', body: '{}' })
    expect(unknown.json()).toMatchObject({ ok: false, error: { code: 'unknown-method' } })
  })
})
