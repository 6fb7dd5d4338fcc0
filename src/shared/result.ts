/**
 * Results cross every process boundary (IPC, HTTP) as plain data, never as a
 * thrown exception, so a bad request can never take a process down.
 */
export type ApiErrorCode =
  | 'bad-input' // the request did not match the contract
  | 'not-found' // the request was valid but names nothing we have
  | 'unknown-method' // no such method in the contract
  | 'unavailable' // the content database could not be opened
  | 'unauthorized' // staff only: no valid session, a wrong PIN, or entry locked for a while
  | 'forbidden' // staff methods from another machine
  | 'internal' // a bug: logged without the request's content

export interface ApiError {
  code: ApiErrorCode
  message: string
  /** For bad-input: which fields were wrong, as dotted paths. */
  fields?: string[]
  /** For unauthorized after too many wrong PINs: when entry opens again. */
  retryAfterSeconds?: number
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError }

export function ok<T>(value: T): Result<T> {
  return { ok: true, value }
}

export function fail(code: ApiErrorCode, message: string, fields?: string[]): Result<never> {
  return { ok: false, error: fields ? { code, message, fields } : { code, message } }
}

/** Thrown inside a service to end a call with a typed error; caught by dispatch. */
export class ApiFailure extends Error {
  readonly code: ApiErrorCode
  readonly fields?: string[]
  readonly retryAfterSeconds?: number
  constructor(
    code: ApiErrorCode,
    message: string,
    extra: { fields?: string[]; retryAfterSeconds?: number } = {},
  ) {
    super(message)
    this.name = 'ApiFailure'
    this.code = code
    if (extra.fields) this.fields = extra.fields
    if (extra.retryAfterSeconds !== undefined) this.retryAfterSeconds = extra.retryAfterSeconds
  }
}
