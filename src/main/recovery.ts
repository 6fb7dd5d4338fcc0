/**
 * Keeps an unattended kiosk alive: when the page crashes or hangs, the main
 * process logs the event (what happened, never what was on screen) and brings
 * the window back to the attract screen within two seconds. Free of Electron
 * imports so it can be tested without Electron.
 */

export const RECOVERY_DELAY_MS = 500

/** The parts of WebContents recovery uses. */
export interface RecoverableContents {
  on(
    event: 'render-process-gone',
    listener: (event: unknown, details: { reason: string; exitCode: number }) => void,
  ): unknown
  on(event: 'unresponsive' | 'responsive', listener: () => void): unknown
  forcefullyCrashRenderer(): void
  isDestroyed(): boolean
}

export interface RecoveryOptions {
  /** Loads the attract screen afresh (a new page: nothing of the last session survives). */
  reloadToAttract: () => void
  log: (message: string) => void
  /** How long a hang may last before the page is restarted. */
  hangGraceMs?: number
  setTimer?: (fn: () => void, ms: number) => unknown
  clearTimer?: (timer: unknown) => void
}

export function watchRenderer(contents: RecoverableContents, options: RecoveryOptions): void {
  const setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms))
  const clearTimer = options.clearTimer ?? ((t) => clearTimeout(t as ReturnType<typeof setTimeout>))
  const grace = options.hangGraceMs ?? 1000
  let hang: unknown = null

  contents.on('render-process-gone', (_event, details) => {
    // 'clean-exit' is a normal shutdown, not a crash.
    if (details.reason === 'clean-exit') return
    options.log(
      `renderer gone (${details.reason}, exit code ${details.exitCode}); reloading the attract screen`,
    )
    setTimer(() => {
      if (!contents.isDestroyed()) options.reloadToAttract()
    }, RECOVERY_DELAY_MS)
  })

  contents.on('unresponsive', () => {
    options.log('renderer not responding; restarting it if it does not recover')
    hang = setTimer(() => {
      hang = null
      if (!contents.isDestroyed()) contents.forcefullyCrashRenderer()
    }, grace)
  })

  contents.on('responsive', () => {
    if (hang !== null) clearTimer(hang)
    hang = null
  })
}
