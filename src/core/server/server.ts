/**
 * The loopback preview server: the built renderer plus the same contract as
 * the Electron IPC, as POST /api/<method>. Content reviewers open it in any
 * browser; the end-to-end tests drive it. Staff methods, content pack uploads
 * among them, answer only this machine.
 *
 * What it trusts: a request that names this server (Host, and Origin when a
 * browser sends one) by a loopback name or the --host given, so a web page that
 * rebinds its own name to 127.0.0.1 is refused; for staff methods, a loopback
 * caller and a live session token, checked before a large body is read. Every
 * answer, the framework's own refusals included, is a typed Result with the
 * same security headers, and never repeats the request's address or body.
 */
import { existsSync } from 'node:fs'
import { STATUS_CODES } from 'node:http'
import type { Socket } from 'node:net'
import Fastify from 'fastify'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import fastifyStatic from '@fastify/static'
import { STAFF_TOKEN_HEADER, httpPath } from '../../shared/bridge.ts'
import { CONTENT_SECURITY_POLICY } from '../../shared/csp.ts'
import { METHOD_NAMES, PACK_MAX_BASE64, contract, isMethodName, methodsWith } from '../../shared/contract.ts'
import { fail } from '../../shared/result.ts'
import type { ApiErrorCode, Result } from '../../shared/result.ts'
import type { Handlers } from '../services/handlers.ts'
import { dispatch } from '../services/dispatch.ts'

export interface ServerOptions {
  handlers: Handlers
  /** The built renderer (out/renderer); null serves the API alone. */
  rendererDir: string | null
  /** Largest request body accepted, in bytes (importPack has its own, IMPORT_BODY_LIMIT). */
  bodyLimit?: number
  /** The address given with --host: answered under that name too, besides the loopback names. */
  host?: string
  /** How long a client may take to send a whole request, headers and body, in ms. */
  requestTimeoutMs?: number
}

/** A pack at its largest as base64, plus room for the token and the JSON around it. */
export const IMPORT_BODY_LIMIT = PACK_MAX_BASE64 + 4096
/** Every other request: a search, a settings change, a PIN. */
export const DEFAULT_BODY_LIMIT = 16 * 1024
/** Ample for a 16 MB pack over loopback; a client trickling its body is cut off after it. */
export const REQUEST_TIMEOUT_MS = 30_000

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

/** On every answer, refusals included, whoever writes it (Fastify, a hook, the HTTP parser's error). */
const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=()',
}

/** Staff methods that need a live session (staffLogout closes whatever it is given). */
const SESSION_METHOD_NAMES: readonly string[] = methodsWith('staff').filter((m) => m !== 'staffLogout')

/** True for an address on this machine: 127.0.0.0/8 and ::1, also as IPv4-mapped IPv6. */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4) || address === '::1'
}

export function statusOf(result: Result<unknown>): number {
  return result.ok ? 200 : STATUS[result.error.code]
}

/** An address as it appears in a Host header or an origin: IPv6 in brackets, lower case. */
function hostName(address: string): string {
  const name = address.toLowerCase()
  return name.includes(':') && !name.startsWith('[') ? `[${name}]` : name
}

/**
 * True when `host` (a Host header, `name[:port]`) names this server: one of
 * `names` on the port the request came in on. A port left out means 80. The
 * port is unknown only for injected test requests, which have no socket.
 */
export function namesThisServer(host: string, names: ReadonlySet<string>, port: number | undefined): boolean {
  const match = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?$/i.exec(host)
  if (!match) return false
  const [, name = '', portText = '80'] = match
  return names.has(name.toLowerCase()) && (port === undefined || Number(portText) === port)
}

/** True when a browser's Origin header is this server's own origin (plain http, as served). */
export function isOwnOrigin(origin: string, names: ReadonlySet<string>, port: number | undefined): boolean {
  let url: URL
  try {
    url = new URL(origin)
  } catch {
    return false // 'null' (a sandboxed frame, a file) and anything else that is not an origin
  }
  return url.protocol === 'http:' && url.origin === origin && namesThisServer(url.host, names, port)
}

/** The words for a refusal the framework found before any route ran; never the request's own text. */
function describeFrameworkError(
  error: { code?: string; statusCode?: number },
  bodyLimit: number,
): { status: number; code: ApiErrorCode; message: string } {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return { status: 400, code: 'bad-input', message: 'The request is not valid JSON.' }
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return {
        status: 400,
        code: 'bad-input',
        message: 'The request body is empty: send a JSON object ({} when there is nothing to send).',
      }
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return {
        status: 413,
        code: 'bad-input',
        message: `The request is too large: at most ${Math.floor(bodyLimit / 1024)} KB.`,
      }
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return {
        status: 415,
        code: 'bad-input',
        message: 'Send the request as JSON (Content-Type: application/json).',
      }
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return {
        status: 400,
        code: 'bad-input',
        message: 'The request body is not as long as its Content-Length says.',
      }
    case 'FST_ERR_BAD_URL':
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return {
        status: 400,
        code: 'bad-input',
        message: 'The address is not valid (a malformed %-escape, or too long).',
      }
  }
  const status =
    error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500
  if (status === 403) return { status, code: 'forbidden', message: 'That file is not served.' }
  if (status === 404) return { status, code: 'not-found', message: 'There is nothing at this address.' }
  if (status < 500) return { status, code: 'bad-input', message: 'The request is not valid.' }
  return { status, code: 'internal', message: 'Something went wrong inside the kiosk.' }
}

/**
 * For errors the HTTP parser or the request deadline raise before Fastify has a
 * request: written straight to the socket, in the same shape and with the same
 * headers as every other answer, then the connection is closed.
 */
function answerOnSocket(socket: Socket, status: number, message: string): void {
  // An answer already under way on this socket (an early refusal, say) is not interrupted by a second one.
  const inFlight = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage
  if (socket.writable && !inFlight?.headersSent) {
    const body = JSON.stringify(fail('bad-input', message))
    const headers = {
      ...SECURITY_HEADERS,
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': String(Buffer.byteLength(body)),
      'Cache-Control': 'no-store',
      Connection: 'close',
    }
    const head = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`)
    socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n${head.join('')}\r\n${body}`)
  }
  socket.destroy()
}

export async function createServer(options: ServerOptions): Promise<FastifyInstance> {
  const bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT
  const requestTimeoutMs = options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS
  const names = new Set([
    'localhost',
    '127.0.0.1',
    '[::1]',
    ...(options.host ? [hostName(options.host)] : []),
  ])

  const app = Fastify({
    // No request logging: URLs and bodies may carry what a patient typed.
    logger: false,
    bodyLimit,
    // Node checks the deadline every connectionsCheckingInterval (30 s by default, too coarse for short deadlines).
    requestTimeout: requestTimeoutMs,
    http: {
      // A request without Host gets the same typed refusal as one naming another host, not Node's bare 400.
      requireHostHeader: false,
      requestTimeout: requestTimeoutMs,
      headersTimeout: requestTimeoutMs,
      connectionsCheckingInterval: Math.min(1000, Math.max(50, Math.floor(requestTimeoutMs / 4))),
    },
    // A malformed %-escape in the address: Fastify's own answer would repeat the address.
    frameworkErrors: (error, _request, reply: FastifyReply) => {
      const { status, code, message } = describeFrameworkError(error, bodyLimit)
      // This reply skips the onSend hook, so the headers go on here.
      return reply
        .code(status)
        .headers({ ...SECURITY_HEADERS, 'Cache-Control': 'no-store' })
        .send(fail(code, message))
    },
    // Unparseable HTTP, headers too large, or a request slower than the deadline.
    clientErrorHandler: (error, socket) => {
      if (error.code === 'ECONNRESET' || socket.destroyed) return
      if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
        const seconds = Math.max(1, Math.round(requestTimeoutMs / 1000))
        return answerOnSocket(
          socket,
          408,
          `The request took longer than ${seconds} s to arrive, so the kiosk stopped waiting.`,
        )
      }
      if (error.code === 'HPE_HEADER_OVERFLOW')
        return answerOnSocket(socket, 431, "The request's headers are too large.")
      return answerOnSocket(socket, 400, 'The request is not valid HTTP.')
    },
  })

  // The API speaks JSON only.
  app.removeContentTypeParser('text/plain')

  const refuse = (reply: FastifyReply, code: ApiErrorCode, message: string) =>
    reply.code(STATUS[code]).send(fail(code, message))

  // DNS rebinding: a page on another name that resolves to 127.0.0.1 reaches this
  // port as its own origin. Its requests still name it in Host (and Origin), so
  // only our own names are answered, on every route, the renderer's files included.
  app.addHook('onRequest', async (request, reply) => {
    const port = request.socket.localPort
    const host = request.headers.host ?? ''
    const origin = request.headers.origin
    if (!namesThisServer(host, names, port) || (origin !== undefined && !isOwnOrigin(origin, names, port))) {
      return refuse(
        reply,
        'forbidden',
        'This kiosk answers only at its own address, such as http://127.0.0.1.',
      )
    }
  })

  app.addHook('onSend', async (request, reply) => {
    reply.headers(SECURITY_HEADERS)
    // API answers and refusals are never kept by a cache: they may hold what a patient searched for.
    if (request.url.startsWith('/api/') || reply.statusCode >= 400) reply.header('Cache-Control', 'no-store')
  })

  // Malformed JSON, an empty body, a wrong content type or an oversized body: a typed
  // error in words that say which, never Fastify's own error page.
  app.setErrorHandler(async (error: { statusCode?: number; code?: string }, request, reply) => {
    const { status, code, message } = describeFrameworkError(
      error,
      request.routeOptions.bodyLimit ?? bodyLimit,
    )
    return reply.code(status).send(fail(code, message))
  })

  app.setNotFoundHandler(async (request, reply) => {
    const path = request.url.split('?', 1)[0] ?? ''
    if (path.startsWith('/api/')) {
      const known = METHOD_NAMES.some((m) => path === httpPath(m))
      return known
        ? reply.code(405).header('Allow', 'POST').send(fail('bad-input', 'Use POST for API calls.'))
        : refuse(reply, 'unknown-method', 'There is no such API method.')
    }
    return refuse(reply, 'not-found', 'There is nothing at this address.')
  })

  /**
   * Staff functions answer only this machine, whatever address the server listens on,
   * and a staff token in the header is checked here, before the body is read, so
   * nobody without a live session can make the kiosk read a pack-sized request.
   * `large` routes also refuse a large body whose token could only be inside it.
   */
  const guardStaff =
    (methodOf: (request: FastifyRequest) => string, { large = false } = {}) =>
    async (request: FastifyRequest, reply: FastifyReply) => {
      const method = methodOf(request)
      // Staff methods, and those that lead into staff mode, answer only this machine.
      if (!isMethodName(method) || contract[method].access === 'patient') return
      if (!isLoopback(request.socket.remoteAddress)) {
        return refuse(reply, 'forbidden', 'Staff functions are only available on the kiosk itself.')
      }
      if (!SESSION_METHOD_NAMES.includes(method)) return
      const token = request.headers[STAFF_TOKEN_HEADER]
      if (typeof token === 'string') {
        const session = await dispatch(options.handlers, 'staffKeepAlive', { token })
        return session.ok ? undefined : reply.code(statusOf(session)).send(session)
      }
      const length = Number(
        request.headers['content-length'] ?? (request.headers['transfer-encoding'] ? NaN : 0),
      )
      if (large && !(length <= bodyLimit)) {
        return refuse(
          reply,
          'unauthorized',
          `Send the staff session token in the X-Kiosk-Staff-Token header with a request over ${Math.floor(bodyLimit / 1024)} KB.`,
        )
      }
    }
  const call = async (method: string, request: FastifyRequest, reply: FastifyReply) => {
    // Checked here rather than by dispatch, whose message would repeat the name from the address.
    if (!isMethodName(method)) return refuse(reply, 'unknown-method', 'There is no such API method.')
    const result = await dispatch(options.handlers, method, request.body ?? {})
    return reply.code(statusOf(result)).send(result)
  }

  // A content pack travels as base64 in JSON: the one request allowed to be large.
  app.post(
    httpPath('importPack'),
    { bodyLimit: IMPORT_BODY_LIMIT, onRequest: guardStaff(() => 'importPack', { large: true }) },
    async (request, reply) => call('importPack', request, reply),
  )
  // The method is the route's decoded parameter (Fastify routes before onRequest, and
  // leaves the query string out), as dispatch sees it.
  const methodParam = (request: FastifyRequest) => (request.params as { method: string }).method
  app.post<{ Params: { method: string } }>(
    '/api/:method',
    { onRequest: guardStaff(methodParam) },
    async (request, reply) => call(request.params.method, request, reply),
  )

  if (options.rendererDir) {
    if (!existsSync(options.rendererDir)) {
      throw new Error(
        `The renderer is not built (${options.rendererDir} is missing). Run "npm run build" first.`,
      )
    }
    // Brotli or gzip copies made at build time (scripts/vite/precompress.ts), for a browser that accepts them.
    await app.register(fastifyStatic, {
      root: options.rendererDir,
      // As a list: with preCompressed, the plain string form answers 404 for / to a browser that accepts Brotli.
      index: ['index.html'],
      dotfiles: 'deny',
      preCompressed: true,
    })
  }
  return app
}
