/// <reference types="vite/client" />
import type { KioskBridge } from '@shared/bridge'
import type { KioskPrintBridge } from '@shared/print'

declare global {
  interface Window {
    /** The preload bridge; absent when the page runs in a plain browser (preview server). */
    kiosk?: KioskBridge
    /** Printing through Electron (src/shared/print.ts); absent in a plain browser, which uses window.print(). */
    kioskPrint?: KioskPrintBridge
  }
}

export {}
