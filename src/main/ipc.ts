/**
 * The one IPC channel: every call from the page, to the contract or to the
 * shell's own methods, arrives here. The sender is checked once (our own
 * page's top frame), the method name and input are validated against their
 * contract, and every answer is a Result: nothing the page sends can throw
 * past this function. Free of Electron imports: index.ts passes ipcMain.
 */
import { CALL_CHANNEL } from '../shared/bridge.ts'
import { fail } from '../shared/result.ts'
import type { Result } from '../shared/result.ts'
import { isShellMethod, shellContract } from '../shared/shell.ts'
import type { ShellInput, ShellMethod, ShellOutput } from '../shared/shell.ts'
import type { Handlers } from '../core/services/handlers.ts'
import { asResult, dispatch } from '../core/services/dispatch.ts'
import type { Logger } from '../core/services/dispatch.ts'
import { isTrustedSender } from './security.ts'
import type { RendererLocation, SenderFrameLike } from './security.ts'

export interface CallEvent<Sender> {
  senderFrame: SenderFrameLike | null
  sender: Sender
}

/** The parts of ipcMain we use. */
export interface IpcMainLike<Sender = unknown> {
  handle(
    channel: string,
    listener: (event: CallEvent<Sender>, method: unknown, input: unknown) => Promise<Result<unknown>>,
  ): void
}

/** The shell's half: one function per shell method, given the validated input and the page that asked. */
export type ShellHandlers<Sender> = {
  [S in ShellMethod]: (input: ShellInput<S>, sender: Sender) => Promise<ShellOutput<S>> | ShellOutput<S>
}

export interface Channels<Sender> {
  handlers: () => Handlers
  /** Absent in a shell with nothing of its own to offer (the batch export): those calls are refused. */
  shell?: ShellHandlers<Sender>
  location: RendererLocation
  log?: Logger
}

export function registerChannels<Sender>(ipc: IpcMainLike<Sender>, channels: Channels<Sender>): void {
  ipc.handle(CALL_CHANNEL, async (event, method, input) => {
    if (!isTrustedSender(event.senderFrame, channels.location)) {
      return fail('bad-input', 'This request did not come from the kiosk page.')
    }
    if (!isShellMethod(method)) return dispatch(channels.handlers(), method, input, channels.log)
    const shell = channels.shell
    if (!shell) return fail('unknown-method', 'This window cannot do that.')
    const parsed = shellContract[method].input.safeParse(input ?? {})
    if (!parsed.success) {
      const fields = [...new Set(parsed.error.issues.map((i) => i.path.map(String).join('.') || '(input)'))]
      return fail('bad-input', `The request to ${method} is not valid: check ${fields.join(', ')}.`)
    }
    const run = shell[method] as (input: unknown, sender: Sender) => unknown
    return asResult(method, () => run(parsed.data, event.sender), channels.log)
  })
}
