/// <reference types="vite/client" />
import type { KioskBridge } from '@shared/bridge'
import type { KioskPacksBridge } from '@shared/packs'
import type { KioskPrintBridge } from '@shared/print'
import type { KioskShellBridge } from '@shared/shell'

declare global {
  interface Window {
    /** The preload bridge; absent when the page runs in a plain browser (preview server). */
    kiosk?: KioskBridge
    /** Printing through Electron (src/shared/print.ts); absent in a plain browser, which uses window.print(). */
    kioskPrint?: KioskPrintBridge
    /** The Electron shell's session clearing (src/shared/shell.ts); absent in a plain browser. */
    kioskShell?: KioskShellBridge
    /** Content pack import through the main process's own file dialog (src/shared/packs.ts); absent in a plain browser. */
    kioskPacks?: KioskPacksBridge
  }
}

export {}
