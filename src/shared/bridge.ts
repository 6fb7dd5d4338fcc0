/**
 * What the preload exposes to the page as `window.kiosk`: one function that
 * sends a method's name and input on the one IPC channel, answered with a
 * Result. The main process registers that channel once, checks the sender,
 * and validates the name and input against the contract (src/shared/contract.ts)
 * or the shell's own methods (src/shared/shell.ts). Nothing else crosses.
 */
import type { MethodInput, MethodName, MethodOutput } from './contract.ts'
import type { Result } from './result.ts'
import type { ShellInput, ShellMethod, ShellOutput } from './shell.ts'

export interface KioskBridge {
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<Result<MethodOutput<M>>>
  call<S extends ShellMethod>(method: S, input: ShellInput<S>): Promise<Result<ShellOutput<S>>>
}

/** The one IPC channel between the page and the main process. */
export const CALL_CHANNEL = 'kiosk:call'

/** The HTTP route for a method on the loopback preview server. */
export const httpPath = (method: MethodName): string => `/api/${method}`

/**
 * The header a staff call over HTTP carries its session token in, besides the
 * body: the preview server checks it before reading the body, so a pack-sized
 * upload without a live session is refused before it is read.
 */
export const STAFF_TOKEN_HEADER = 'x-kiosk-staff-token'
