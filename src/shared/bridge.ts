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
