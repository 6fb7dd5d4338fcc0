/// <reference types="vite/client" />
import type { KioskBridge } from '@shared/bridge'

declare global {
  interface Window {
    /** The preload bridge; absent when the page runs in a plain browser (preview server). */
    kiosk?: KioskBridge
  }
}

export {}
