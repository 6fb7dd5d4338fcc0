/**
 * Registers every contract method as an IPC handler through one helper that
 * checks the sender frame and validates the input (in dispatch). The channel
 * list comes from the contract, so nothing else can be called.
 */
import { METHOD_NAMES, ipcChannel } from '../shared/methods.ts'
import { fail } from '../shared/result.ts'
import type { Result } from '../shared/result.ts'
import type { Handlers } from '../core/services/handlers.ts'
import { dispatch } from '../core/services/dispatch.ts'
import { isTrustedSender } from './security.ts'
import type { RendererLocation, SenderFrameLike } from './security.ts'

/** The parts of ipcMain we use. */
export interface IpcMainLike {
  handle(
    channel: string,
    listener: (event: { senderFrame: SenderFrameLike | null }, input: unknown) => Promise<Result<unknown>>,
  ): void
}

export function registerContract(
  ipc: IpcMainLike,
  getHandlers: () => Handlers,
  location: RendererLocation,
): void {
  for (const method of METHOD_NAMES) {
    ipc.handle(ipcChannel(method), async (event, input) => {
      if (!isTrustedSender(event.senderFrame, location)) {
        return fail('bad-input', 'This request did not come from the kiosk page.')
      }
      return dispatch(getHandlers(), method, input)
    })
  }
}
