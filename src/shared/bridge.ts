/**
 * What the preload exposes to the page as `window.kiosk`: exactly one function
 * per contract method, each returning a Result. Nothing else crosses.
 */
import type { MethodInput, MethodName, MethodOutput } from './contract.ts'
import type { Result } from './result.ts'

export type KioskBridge = {
  [M in MethodName]: (input: MethodInput<M>) => Promise<Result<MethodOutput<M>>>
}

/** The HTTP route for a method on the loopback preview server. */
export const httpPath = (method: MethodName): string => `/api/${method}`

/**
 * The header a staff call over HTTP carries its session token in, besides the
 * body: the preview server checks it before reading the body, so a pack-sized
 * upload without a live session is refused before it is read.
 */
export const STAFF_TOKEN_HEADER = 'x-kiosk-staff-token'
