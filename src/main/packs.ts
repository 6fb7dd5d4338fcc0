/**
 * The main-process side of "Import a content pack…" (src/shared/packs.ts):
 * checked like every other IPC handler (our own page's top frame, the input
 * against the contract's token schema), only while a staff session lives, and
 * the file comes only from the main process's own open dialog. The import is
 * the core's, the same checks and atomic switch as the CLI and importPack.
 * Free of Electron imports, so it is tested without Electron; index.ts passes
 * the real ipcMain and dialog.
 */
import { z } from 'zod'
import { StaffToken } from '../shared/contract.ts'
import { PACK_IMPORT_CHANNEL } from '../shared/packs.ts'
import type { PickPackOutcome } from '../shared/packs.ts'
import { fail } from '../shared/result.ts'
import type { Result } from '../shared/result.ts'
import { asResult } from '../core/services/dispatch.ts'
import type { KioskCore } from '../core/services/handlers.ts'
import { isTrustedSender } from './security.ts'
import type { RendererLocation, SenderFrameLike } from './security.ts'

export interface PackIpcLike<Sender> {
  handle(
    channel: string,
    listener: (
      event: { senderFrame: SenderFrameLike | null; sender: Sender },
      input: unknown,
    ) => Promise<Result<PickPackOutcome>>,
  ): void
}

export interface PackImportDeps<Sender> {
  core: () => Pick<KioskCore, 'staffSessionLive' | 'importPackFile'>
  /** Shows the open dialog over the sender's window; the chosen file, or null when cancelled. */
  choosePack: (sender: Sender) => Promise<string | null>
  location: RendererLocation
  log?: (message: string) => void
}

const PickPackInput = z.strictObject({ token: StaffToken })

export function registerPackImport<Sender>(ipc: PackIpcLike<Sender>, deps: PackImportDeps<Sender>): void {
  ipc.handle(PACK_IMPORT_CHANNEL, async (event, input) => {
    if (!isTrustedSender(event.senderFrame, deps.location)) {
      return fail('bad-input', 'This request did not come from the kiosk page.')
    }
    // The token and nothing else: a file name or path from the page is refused, not ignored.
    const parsed = PickPackInput.safeParse(input)
    if (!parsed.success) {
      return fail('bad-input', 'An import asks with the staff session token, and nothing else.')
    }
    const { token } = parsed.data
    // No dialog at all outside staff mode.
    if (!deps.core().staffSessionLive(token)) {
      return fail('unauthorized', 'Staff mode has ended. Please enter the PIN again.', {
        reason: 'session-ended',
      })
    }
    return asResult(
      'pickAndImportPack',
      async (): Promise<PickPackOutcome> => {
        const file = await deps.choosePack(event.sender)
        if (!file) return { cancelled: true }
        return { cancelled: false, ...deps.core().importPackFile(token, file) }
      },
      deps.log,
    )
  })
}
