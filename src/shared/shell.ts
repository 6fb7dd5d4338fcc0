/**
 * What only the Electron shell can do for a session's privacy: exposed by the
 * preload as `window.kioskShell`. When a patient's session ends, the page asks
 * the shell to forget it: the back/forward history of routes visited and any
 * storage or cache the browser engine kept.
 */
export interface KioskShellBridge {
  endSession(): Promise<void>
}

export const END_SESSION_CHANNEL = 'kiosk-shell:end-session'
