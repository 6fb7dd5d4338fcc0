/**
 * The loopback preview server: the built renderer plus the same contract as
 * the Electron IPC, as POST /api/<method>. Content reviewers open it in any
 * browser; the end-to-end tests drive it. Staff methods, content pack uploads
 * among them, answer only this machine.
 */
import { existsSync } from 'node:fs'
import Fastify from 'fastify'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import fastifyStatic from '@fastify/static'
import { httpPath } from '../../shared/bridge.ts'
import { CONTENT_SECURITY_POLICY } from '../../shared/csp.ts'
import { PACK_MAX_BASE64 } from '../../shared/contract.ts'
import { LOOPBACK_ONLY_METHOD_NAMES, METHOD_NAMES } from '../../shared/methods.ts'
import { fail } from '../../shared/result.ts'
import type { ApiErrorCode, Result } from '../../shared/result.ts'
import type { Handlers } from '../services/handlers.ts'
import { dispatch } from '../services/dispatch.ts'

export interface ServerOptions {
  handlers: Handlers
  /** The built renderer (out/renderer); null serves the API alone. */
  rendererDir: string | null
  /** Largest request body accepted, in bytes. */
  bodyLimit?: number
}

/** A pack at its largest as base64, plus room for the token and the JSON around it. */
export const IMPORT_BODY_LIMIT = PACK_MAX_BASE64 + 4096

const STATUS: Record<ApiErrorCode, number> = {
  'bad-input': 400,
  'not-found': 404,
  'unknown-method': 404,
  unavailable: 503,
  internal: 500,
  unauthorized: 401,
  forbidden: 403,
  // Insufficient Storage: the request was fine, the kiosk's disk is not.
  'disk-full': 507,
}

/** True for an address on this machine: 127.0.0.0/8 and ::1, also as IPv4-mapped IPv6. */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4) || address === '::1'
}

export function statusOf(result: Result<unknown>): number {
  return result.ok ? 200 : STATUS[result.error.code]
}

export async function createServer(options: ServerOptions): Promise<FastifyInstance> {
  // No request logging: URLs and bodies may carry what a patient typed.
  const app = Fastify({ logger: false, bodyLimit: options.bodyLimit ?? 16 * 1024 })

  // The API speaks JSON only.
  app.removeContentTypeParser('text/plain')

  app.addHook('onSend', async (request, reply) => {
    reply.header('Content-Security-Policy', CONTENT_SECURITY_POLICY)
    reply.header('X-Content-Type-Options', 'nosniff')
    reply.header('Referrer-Policy', 'no-referrer')
    reply.header('Cross-Origin-Opener-Policy', 'same-origin')
    reply.header('Cross-Origin-Resource-Policy', 'same-origin')
    reply.header('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), usb=(), serial=()')
    if (request.url.startsWith('/api/')) reply.header('Cache-Control', 'no-store')
  })

  // Malformed JSON, a wrong content type or an oversized body: a typed error,
  // never Fastify's own error page.
  app.setErrorHandler(async (error: { statusCode?: number; code?: string }, _request, reply) => {
    const status =
      error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500
    const message =
      status === 413
        ? 'The request is too large.'
        : status === 415
          ? 'Send the request as JSON (Content-Type: application/json).'
          : status < 500
            ? 'The request is not valid JSON.'
            : 'Something went wrong inside the kiosk.'
    return reply.code(status).send(fail(status < 500 ? 'bad-input' : 'internal', message))
  })

  app.setNotFoundHandler(async (request, reply) => {
    if (request.url.startsWith('/api/')) {
      const known = METHOD_NAMES.some((m) => request.url === httpPath(m))
      return known
        ? reply.code(405).header('Allow', 'POST').send(fail('bad-input', 'Use POST for API calls.'))
        : reply.code(404).send(fail('unknown-method', 'There is no such API method.'))
    }
    return reply.code(404).type('text/plain').send('Not found')
  })

  // Staff functions answer only this machine, whatever address the server listens on. Checked
  // before the body is read, so nobody else can make the kiosk parse a pack-sized request.
  const loopbackOnly =
    (methodOf: (request: FastifyRequest) => string) =>
    async (request: FastifyRequest, reply: FastifyReply) => {
      const method = methodOf(request)
      if (
        (LOOPBACK_ONLY_METHOD_NAMES as readonly string[]).includes(method) &&
        !isLoopback(request.socket.remoteAddress)
      ) {
        return reply
          .code(403)
          .send(fail('forbidden', 'Staff functions are only available on the kiosk itself.'))
      }
    }
  const call = async (method: string, request: FastifyRequest, reply: FastifyReply) => {
    const result = await dispatch(options.handlers, method, request.body ?? {})
    return reply.code(statusOf(result)).send(result)
  }

  // A content pack travels as base64 in JSON: the one request allowed to be large.
  app.post(
    httpPath('importPack'),
    { bodyLimit: IMPORT_BODY_LIMIT, onRequest: loopbackOnly(() => 'importPack') },
    async (request, reply) => call('importPack', request, reply),
  )
  // The method is the route's decoded parameter (Fastify routes before onRequest), as dispatch sees it.
  const methodParam = (request: FastifyRequest) => (request.params as { method: string }).method
  app.post<{ Params: { method: string } }>(
    '/api/:method',
    { onRequest: loopbackOnly(methodParam) },
    async (request, reply) => call(request.params.method, request, reply),
  )

  if (options.rendererDir) {
    if (!existsSync(options.rendererDir)) {
      throw new Error(
        `The renderer is not built (${options.rendererDir} is missing). Run "npm run build" first.`,
      )
    }
    await app.register(fastifyStatic, { root: options.rendererDir, index: 'index.html', dotfiles: 'deny' })
  }
  return app
}
