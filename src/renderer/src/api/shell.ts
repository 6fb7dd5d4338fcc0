/**
 * The Electron shell's own methods (src/shared/shell.ts), reached through the
 * one bridge the preload exposes, `window.kiosk.call`. Absent in a plain
 * browser (the preview server), where the page prints with the browser,
 * uploads a pack's bytes with importPack and resets without the shell's help.
 */
import type { KioskBridge } from '@shared/bridge'
import type { KioskPacksBridge } from '@shared/packs'
import type { KioskPrintBridge } from '@shared/print'
import type { KioskShellBridge } from '@shared/shell'

export type ShellBridge = KioskPrintBridge & KioskPacksBridge & KioskShellBridge

export function shellBridge(host: { kiosk?: KioskBridge } = window): ShellBridge | undefined {
  const bridge = host.kiosk
  if (!bridge) return undefined
  return {
    print: (request) => bridge.call('print', request),
    pickAndImport: (request) => bridge.call('pickAndImportPack', request),
    async endSession() {
      const result = await bridge.call('endSession', {})
      if (!result.ok) throw new Error(result.error.message)
    },
  }
}
