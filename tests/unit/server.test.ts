import { mkdirSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import type { IncomingHttpHeaders } from 'node:http'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServer } from '../../src/core/server/server.ts'
import { createKioskCore } from '../../src/core/services/handlers.ts'
import { buildFixtureDb, tempDir } from '../fixtures/library.ts'
import { precompressFolder } from '../../scripts/vite/precompress.ts'

const dir = tempDir()
let app: FastifyInstance
let base: string

beforeAll(async () => {
  const renderer = join(dir.path, 'renderer')
  mkdirSync(renderer)
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Kiosk</title>')
  // A script as the build writes it, with its Brotli and gzip copies beside it.
  mkdirSync(join(renderer, 'assets'))
  writeFileSync(join(renderer, 'assets', 'app.js'), SCRIPT)
  precompressFolder(renderer)
  writeFileSync(join(dir.path, 'secret.txt'), 'outside the renderer folder')
  app = await createServer({
    handlers: createKioskCore({ bundledContent: buildFixtureDb(dir.path), dataDir: null }).handlers,
    rendererDir: renderer,
  })
  base = await app.listen({ port: 0, host: '127.0.0.1' })
})
afterAll(async () => {
  await app.close()
  dir.remove()
})

const SCRIPT = `export const words = ${JSON.stringify('hip '.repeat(5000))}\n`

const post = (path: string, body: string, type = 'application/json') =>
  fetch(base + path, { method: 'POST', headers: { 'content-type': type }, body })

describe('loopback preview server', () => {
  it("sends the build's Brotli or gzip copy to a browser that accepts it, with the same headers, and the file as it is otherwise", async () => {
    const get = (encoding: string) =>
      new Promise<{ headers: IncomingHttpHeaders; body: Buffer }>((done, fail) => {
        const req = request(`${base}/assets/app.js`, { headers: { 'accept-encoding': encoding } }, (res) => {
          const chunks: Buffer[] = []
          res
            .on('data', (c: Buffer) => chunks.push(c))
            .on('end', () => done({ headers: res.headers, body: Buffer.concat(chunks) }))
        })
        req.on('error', fail).end()
      })
    const br = await get('br, gzip')
    expect(br.headers['content-encoding']).toBe('br')
    expect(br.body.length).toBeLessThan(SCRIPT.length / 10)
    expect(brotliDecompressSync(br.body).toString()).toBe(SCRIPT)
    expect(br.headers['content-security-policy']).toContain("script-src 'self'")
    const gz = await get('gzip')
    expect(gz.headers['content-encoding']).toBe('gzip')
    expect(gunzipSync(gz.body).toString()).toBe(SCRIPT)
    const plain = await get('identity')
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.body.toString()).toBe(SCRIPT)
  })

  it('listens on 127.0.0.1 only', () => {
    expect(new URL(base).hostname).toBe('127.0.0.1')
  })

  it('serves the contract over POST /api/<method>', async () => {
    const res = await post('/api/listTopics', JSON.stringify({ locale: 'en' }))
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('no-store')
    const body = (await res.json()) as { ok: boolean; value: { procedures: { id: string }[] } }
    expect(body.ok).toBe(true)
    expect(body.value.procedures[0]?.id).toBe('test-injection')
  })

  it('answers bad input, unknown methods, bad JSON, wrong types and oversized bodies with typed errors', async () => {
    const cases: [Promise<Response>, number, string][] = [
      [post('/api/getProcedure', JSON.stringify({ locale: 'en', id: 'NOT VALID' })), 400, 'bad-input'],
      [post('/api/getProcedure', JSON.stringify({ locale: 'en', id: 'missing-item' })), 404, 'not-found'],
      [post('/api/deleteEverything', '{}'), 404, 'unknown-method'],
      [post('/api/listTopics', '{"locale": "en"'), 400, 'bad-input'],
      [post('/api/listTopics', 'locale=en', 'text/plain'), 415, 'bad-input'],
      [post('/api/search', JSON.stringify({ locale: 'en', query: 'x'.repeat(20_000) })), 413, 'bad-input'],
      [fetch(`${base}/api/listTopics`), 405, 'bad-input'],
    ]
    for (const [request, status, code] of cases) {
      const res = await request
      expect(res.status).toBe(status)
      expect(await res.json()).toEqual({
        ok: false,
        error: expect.objectContaining({ code, message: expect.any(String) }),
      })
    }
    // The server is still up and answering.
    expect((await post('/api/contentInfo', '{}')).status).toBe(200)
  })

  it('serves the renderer with a strict Content-Security-Policy', async () => {
    const res = await fetch(`${base}/`)
    expect(res.status).toBe(200)
    const csp = res.headers.get('content-security-policy') ?? ''
    expect(csp).toContain("script-src 'self'")
    expect(csp).not.toMatch(/'unsafe-(eval|inline)'/)
    expect(csp).toContain("frame-ancestors 'none'")
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
  })

  it('never serves a file outside the renderer folder', async () => {
    for (const path of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/%2e%2e%2fsecret.txt',
      '//etc/passwd',
      '/renderer/../secret.txt',
    ]) {
      const res = await fetch(base + path)
      expect(res.status, path).toBeGreaterThanOrEqual(400)
      expect(await res.text()).not.toContain('outside the renderer folder')
    }
  })
})
