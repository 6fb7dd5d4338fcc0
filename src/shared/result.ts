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
  | 'disk-full' // nothing could be saved: the kiosk's disk is full
  | 'internal' // a bug: logged without the request's content

/** One refused field and why, in words staff can read: settings, or any input that failed the contract. */
export interface FieldError {
  /** The field, as a dotted path (a setting's key, for settings). */
  field: string
  message: string
}

/** Why staff were not let in, so a screen can act on it without reading the message. */
export type StaffRefusal =
  | 'no-pin' // no PIN set yet: set one first
  | 'pin-set' // a PIN is already set: only staff mode may change it
  | 'setup-code' // no PIN yet, and the one-time set-up code was missing or wrong (see triesLeft, retryAfterSeconds)
  | 'wrong-pin' // see triesLeft
  | 'locked' // see retryAfterSeconds
  | 'session-ended' // the session ran out, was closed, or never was

/** Optional, typed details of a failure: a screen reads these, never the message text. */
export interface ApiErrorDetails {
  /** For bad-input: which fields were wrong, as dotted paths. */
  fields?: string[]
  /** For bad-input: each wrong field with its own message (same order as the problems were found). */
  fieldErrors?: FieldError[]
  /** For unauthorized: which kind of refusal. */
  reason?: StaffRefusal
  /** For a wrong PIN: how many more wrong tries lock entry. */
  triesLeft?: number
  /** For unauthorized after too many wrong PINs: when entry opens again. */
  retryAfterSeconds?: number
  /** For not-found: the item is there, but the clinic hides items it has not checked yet. */
  hiddenItem?: boolean
}

export interface ApiError extends ApiErrorDetails {
  code: ApiErrorCode
  message: string
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError }

export function ok<T>(value: T): Result<T> {
  return { ok: true, value }
}

/** The details that are set, and nothing for the ones that are not: results stay minimal on the wire. */
function definedDetails(details: ApiErrorDetails): ApiErrorDetails {
  return Object.fromEntries(Object.entries(details).filter(([, v]) => v !== undefined)) as ApiErrorDetails
}

export function fail(code: ApiErrorCode, message: string, details: ApiErrorDetails = {}): Result<never> {
  return { ok: false, error: { code, message, ...definedDetails(details) } }
}

/** Thrown inside a service to end a call with a typed error; caught by dispatch. */
export class ApiFailure extends Error {
  readonly code: ApiErrorCode
  readonly details: ApiErrorDetails
  constructor(code: ApiErrorCode, message: string, details: ApiErrorDetails = {}) {
    super(message)
    this.name = 'ApiFailure'
    this.code = code
    this.details = definedDetails(details)
  }

  toError(): ApiError {
    return { code: this.code, message: this.message, ...this.details }
  }
}
