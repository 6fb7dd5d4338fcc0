/**
 * The main-process side of "Import a content pack…" (the shell's
 * pickAndImportPack): only while a staff session lives, and the file comes
 * only from the main process's own open dialog (the page sends its token and
 * nothing else; the shell contract refuses anything more). The import is the
 * core's: the same checks and atomic switch as the CLI and importPack. Free of
 * Electron imports, so it is tested without Electron; index.ts passes the real
 * dialog.
 */
import type { PickPackOutcome } from '../shared/packs.ts'
import { ApiFailure } from '../shared/result.ts'
import type { ShellInput } from '../shared/shell.ts'
import type { KioskCore } from '../core/services/handlers.ts'

export interface PackImportDeps<Sender> {
  core: () => Pick<KioskCore, 'staffSessionLive' | 'importPackFile'>
  /** Shows the open dialog over the sender's window; the chosen file, or null when cancelled. */
  choosePack: (sender: Sender) => Promise<string | null>
}

export function pickAndImportPack<Sender>(deps: PackImportDeps<Sender>) {
  return async ({ token }: ShellInput<'pickAndImportPack'>, sender: Sender): Promise<PickPackOutcome> => {
    // No dialog at all outside staff mode.
    if (!deps.core().staffSessionLive(token)) {
      throw new ApiFailure('unauthorized', 'Staff mode has ended. Please enter the PIN again.', {
        reason: 'session-ended',
      })
    }
    const file = await deps.choosePack(sender)
    if (!file) return { cancelled: true }
    return { cancelled: false, ...deps.core().importPackFile(token, file) }
  }
}
