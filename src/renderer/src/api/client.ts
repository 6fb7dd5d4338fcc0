/**
 * The renderer's one way to reach the core. A Transport carries a contract call
 * either over the preload bridge (Electron) or over HTTP (the loopback preview
 * server); the client on top is typed from the shared contract, so a view can
 * never ask for a method or shape the core does not have.
 *
 * Failures never throw: whatever goes wrong on the way (no server, a broken
 * answer, a bridge that rejects) comes back as an 'unavailable' Result, which the
 * screen turns into "please ask at the desk".
 */
import type { InjectionKey } from 'vue'
import { inject } from 'vue'
import type { KioskBridge } from '@shared/bridge'
import { STAFF_TOKEN_HEADER, httpPath } from '@shared/bridge'
import type { MethodInput, MethodName, MethodOutput } from '@shared/contract'
import type { ApiError, Result } from '@shared/result'

export interface Transport {
  /** Which way the calls go; shown to staff in diagnostics, handy in tests. */
  readonly kind: 'bridge' | 'http'
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<Result<MethodOutput<M>>>
}

/** What screens and stores call: one function per contract method. */
export type ApiClient = {
  [M in MethodName]: (input: MethodInput<M>) => Promise<Result<MethodOutput<M>>>
}

/** Long enough for a slow first query, short enough that a patient is not left waiting. */
const HTTP_TIMEOUT_MS = 10_000

function unavailable(message: string): { ok: false; error: ApiError } {
  return { ok: false, error: { code: 'unavailable', message } }
}

function describe(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause)
}

/** A Result as it arrives over the wire: checked by shape, since it is untrusted JSON. */
function isResult(body: unknown): body is Result<unknown> {
  if (typeof body !== 'object' || body === null || !('ok' in body)) return false
  if (body.ok === true) return 'value' in body
  if (body.ok !== false || !('error' in body)) return false
  const error = body.error
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    typeof error.code === 'string' &&
    'message' in error &&
    typeof error.message === 'string'
  )
}

export function bridgeTransport(bridge: KioskBridge): Transport {
  return {
    kind: 'bridge',
    async call(method, input) {
      try {
        return await bridge.call(method, input)
      } catch (cause) {
        // The preload answers with Results; a rejection means IPC itself broke.
        return unavailable(`bridge call ${method} failed: ${describe(cause)}`)
      }
    },
  }
}

/**
 * A staff call's session token, also as a header: the server checks it before
 * reading the body, which for a content pack is megabytes (it stays in the body
 * too, where the contract has it).
 */
function staffTokenHeader(input: unknown): Record<string, string> {
  const token = typeof input === 'object' && input !== null && 'token' in input ? input.token : undefined
  return typeof token === 'string' ? { [STAFF_TOKEN_HEADER]: token } : {}
}

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>

export function httpTransport(
  fetchFn: FetchLike = (url, init) => fetch(url, init),
  timeoutMs = HTTP_TIMEOUT_MS,
): Transport {
  return {
    kind: 'http',
    async call<M extends MethodName>(method: M, input: MethodInput<M>) {
      let body: unknown
      try {
        // Every status (200, 400, 404, 500, 503) carries a Result body, so the
        // status itself is not inspected: the body says what happened.
        const response = await fetchFn(httpPath(method), {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            accept: 'application/json',
            ...staffTokenHeader(input),
          },
          body: JSON.stringify(input),
          signal: AbortSignal.timeout(timeoutMs),
        })
        body = await response.json()
      } catch (cause) {
        return unavailable(`HTTP call ${method} failed: ${describe(cause)}`)
      }
      if (!isResult(body)) return unavailable(`HTTP call ${method} answered something that is not a Result`)
      return body as Result<MethodOutput<M>>
    },
  }
}

/** The bridge when the preload put one there (Electron), HTTP otherwise. */
export function selectTransport(host: { kiosk?: KioskBridge } = window): Transport {
  return host.kiosk ? bridgeTransport(host.kiosk) : httpTransport()
}

/**
 * One function per contract method, made on first use: the method names live
 * in the contract, which the page does not bundle (it holds zod), and a name
 * the contract lacks is refused by the core as an unknown method.
 */
export function createApiClient(transport: Transport): ApiClient {
  const made = new Map<string, unknown>()
  return new Proxy({} as ApiClient, {
    get(_target, method) {
      if (typeof method !== 'string') return undefined
      if (!made.has(method))
        made.set(method, (input: unknown) => transport.call(method as MethodName, input as never))
      return made.get(method)
    },
  })
}

export const apiClientKey: InjectionKey<ApiClient> = Symbol('kiosk api client')

/** For stores: the client the app was created with (see createKiosk). */
export function useApiClient(): ApiClient {
  const client = inject(apiClientKey)
  if (!client) throw new Error('no API client provided: create the app with createKiosk()')
  return client
}
