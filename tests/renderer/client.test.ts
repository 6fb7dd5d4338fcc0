import { describe, expect, it, vi } from 'vitest'
import { createApiClient, httpTransport, selectTransport, type FetchLike } from '@renderer/api/client'
import { fakeBridge, procedureEn } from './fixtures'

function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })
}

describe('the API client', () => {
  it('uses the preload bridge when the page runs inside Electron', async () => {
    const bridge = fakeBridge()
    const transport = selectTransport({ kiosk: bridge })
    expect(transport.kind).toBe('bridge')

    const result = await createApiClient(transport).getProcedure({ locale: 'en', id: procedureEn.id })
    expect(result).toEqual({ ok: true, value: procedureEn })
    expect(bridge.calls).toEqual([{ method: 'getProcedure', input: { locale: 'en', id: procedureEn.id } }])
  })

  it('uses HTTP when there is no bridge (the preview server in a browser)', () => {
    expect(selectTransport({}).kind).toBe('http')
  })

  it('posts the input as JSON to the method path and returns the Result', async () => {
    const fetchFn = vi.fn<FetchLike>(async () => jsonResponse({ ok: true, value: procedureEn }))
    const client = createApiClient(httpTransport(fetchFn))

    const result = await client.getProcedure({ locale: 'es', id: procedureEn.id })

    expect(result).toEqual({ ok: true, value: procedureEn })
    const [url, init] = fetchFn.mock.calls[0]!
    expect(url).toBe('/api/getProcedure')
    expect(init.method).toBe('POST')
    expect(JSON.parse(String(init.body))).toEqual({ locale: 'es', id: procedureEn.id })
  })

  it('sends a staff token in a header too, so the server can check it before reading a pack', async () => {
    const fetchFn = vi.fn<FetchLike>(async () => jsonResponse({ ok: true, value: { source: 'bundled' } }))
    const client = createApiClient(httpTransport(fetchFn))
    const token = 'a'.repeat(64)

    await client.importPack({ token, data: 'AAAA' })
    await client.listTopics({ locale: 'en' })

    const [[, staffInit], [, patientInit]] = fetchFn.mock.calls as [
      [string, RequestInit],
      [string, RequestInit],
    ]
    expect(staffInit.headers).toMatchObject({ 'x-kiosk-staff-token': token })
    expect(JSON.parse(String(staffInit.body))).toEqual({ token, data: 'AAAA' })
    expect(patientInit.headers).not.toHaveProperty('x-kiosk-staff-token')
  })

  it('passes an error Result through whatever the HTTP status', async () => {
    const error = { code: 'not-found', message: 'no such procedure' }
    const client = createApiClient(httpTransport(async () => jsonResponse({ ok: false, error }, 404)))

    expect(await client.getProcedure({ locale: 'es', id: 'nothing-here' })).toEqual({ ok: false, error })
  })

  it('turns a network failure into "unavailable"', async () => {
    const client = createApiClient(
      httpTransport(async () => {
        throw new TypeError('Failed to fetch')
      }),
    )
    const result = await client.listTopics({ locale: 'en' })
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.code).toBe('unavailable')
  })

  it('turns an answer that is not JSON, or not a Result, into "unavailable"', async () => {
    const html = createApiClient(
      httpTransport(async () => new Response('<h1>Bad gateway</h1>', { status: 502 })),
    )
    const wrongShape = createApiClient(httpTransport(async () => jsonResponse({ hello: 'world' })))

    for (const client of [html, wrongShape]) {
      const result = await client.listTopics({ locale: 'en' })
      expect(result.ok ? 'ok' : result.error.code).toBe('unavailable')
    }
  })

  it('turns a bridge that throws into "unavailable" instead of a crash', async () => {
    const bridge = fakeBridge()
    bridge.listTopics = () => Promise.reject(new Error('IPC channel closed'))
    const result = await createApiClient(selectTransport({ kiosk: bridge })).listTopics({ locale: 'en' })
    expect(result.ok ? 'ok' : result.error.code).toBe('unavailable')
  })
})
