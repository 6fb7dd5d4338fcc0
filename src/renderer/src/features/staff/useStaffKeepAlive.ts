import { useEventListener } from '@vueuse/core'
import { useStaffApi } from './useStaffApi'

/** At most one keep-alive a minute: far inside the 10-minute session, and few calls. */
const KEEP_ALIVE_EVERY_MS = 60_000

/** What a presenter does: a key (keyboard or clicker), a tap, a scroll. */
const PRESENTING_EVENTS = ['keydown', 'pointerdown', 'touchstart', 'wheel'] as const

/**
 * While the calling screen lives (explain mode), a clinician presenting keeps
 * staff mode open: their keys, clicks and taps send staffKeepAlive, at most once
 * a minute, which extends the session in the core and here. The patient idle
 * reset already counts the same events, so it waits too. When they stop, nothing
 * is sent, and staff mode ends as it always does (idle reset or session expiry).
 */
export function useStaffKeepAlive(target: Window = window): void {
  const staffApi = useStaffApi()
  let lastSent = Number.NEGATIVE_INFINITY

  function presenting(): void {
    const now = Date.now()
    if (now - lastSent < KEEP_ALIVE_EVERY_MS) return
    lastSent = now
    void staffApi.call('staffKeepAlive', {})
  }

  for (const name of PRESENTING_EVENTS) {
    useEventListener(target, name, presenting, { capture: true, passive: true })
  }
}
