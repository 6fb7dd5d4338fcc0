/**
 * The Electron shell's own methods (src/shared/shell.ts), reached through the
 * one bridge the preload exposes, `window.kiosk.call`. Absent in a plain
 * browser (the preview server), where the page prints with the browser,
 * uploads a pack's bytes with importPack and resets without the shell's help.
 */
import type { KioskBridge } from '@shared/bridge'
import type { KioskPacksBridge } from '@shared/packs'
import type { KioskPrintBridge, SystemPrinter } from '@shared/print'
import type { KioskShellBridge } from '@shared/shell'

/** The system's printers, for the settings screen; only Electron can list them. */
export interface KioskPrintersBridge {
  listPrinters(): Promise<SystemPrinter[]>
}

export type ShellBridge = KioskPrintBridge & KioskPacksBridge & KioskShellBridge & KioskPrintersBridge

export function shellBridge(host: { kiosk?: KioskBridge } = window): ShellBridge | undefined {
  const bridge = host.kiosk
  if (!bridge) return undefined
  return {
    print: (request) => bridge.call('print', request),
    pickAndImport: (request) => bridge.call('pickAndImportPack', request),
    async listPrinters() {
      const result = await bridge.call('listPrinters', {})
      return result.ok ? result.value.printers : []
    },
    async endSession() {
      const result = await bridge.call('endSession', {})
      if (!result.ok) throw new Error(result.error.message)
    },
  }
}
