/// <reference types="vite/client" />
import type { KioskBridge } from '@shared/bridge'

declare global {
  interface Window {
    /**
     * The preload's one bridge: the contract's methods and the shell's own (print, pack
     * import, session end). Absent when the page runs in a plain browser (preview server).
     */
    kiosk?: KioskBridge
  }
}

export {}
