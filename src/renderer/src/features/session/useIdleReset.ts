import { onScopeDispose, ref, toValue, watch, type MaybeRefOrGetter } from 'vue'
import { useEventListener } from '@vueuse/core'
import { useLastActivity } from './useLastActivity'

export interface IdleResetOptions {
  /** Seconds without a touch, key or pointer before "Are you still there?". */
  timeoutSeconds: MaybeRefOrGetter<number>
  /** Seconds the warning counts down before the session is cleared. */
  warningSeconds: MaybeRefOrGetter<number>
  /** Something is going on without touches (reading aloud): not idle yet. */
  busy?: () => boolean
  /** The countdown ran out: clear everything. */
  onExpire: () => void
  target?: Window
}

/** Any of these means someone is at the screen. */
const ACTIVITY_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const

/**
 * The privacy timer, on the activity record VueUse's useIdle keeps (shared with
 * staff mode's lock, useLastActivity). A session starts untouched; after the first touch, every
 * touch, key or pointer event keeps it alive. When none has come for the
 * timeout, `warning` turns on and `remaining` counts down; stillHere() (the
 * patient's tap or key) turns it off and starts over. If the countdown reaches 0,
 * onExpire runs. An untouched session (the attract screen nobody has used) never
 * warns: there is nothing of anyone's to clear.
 *
 * The warning is the extension WCAG 2.2.1 asks for: at least 20 seconds, and
 * one tap anywhere to keep going.
 */
export function useIdleReset(options: IdleResetOptions) {
  const target = options.target ?? window
  const warning = ref(false)
  const remaining = ref(0)

  const { lastActive, touched } = useLastActivity(ACTIVITY_EVENTS, target)
  let engaged = false
  /** The patient answered the warning, or staff mode ended: counts as a touch. */
  let resumedAt = 0
  let idleTimer: ReturnType<typeof setTimeout> | undefined
  let tickTimer: ReturnType<typeof setInterval> | undefined
  let deadline = 0

  const timeoutMs = () => Math.max(1, toValue(options.timeoutSeconds)) * 1000
  const warningMs = () => Math.max(1, toValue(options.warningSeconds)) * 1000

  function clearTimers(): void {
    clearTimeout(idleTimer)
    clearInterval(tickTimer)
    idleTimer = tickTimer = undefined
  }

  const untouchedSince = () => Math.max(lastActive.value, resumedAt)

  /** Waits out the rest of the timeout since the last activity, then checks again. */
  function schedule(): void {
    clearTimeout(idleTimer)
    const left = untouchedSince() + timeoutMs() - Date.now()
    idleTimer = setTimeout(checkIdle, Math.max(0, left))
  }

  function checkIdle(): void {
    if (options.busy?.()) resumedAt = Date.now()
    if (Date.now() - untouchedSince() < timeoutMs()) schedule()
    else warn()
  }

  function warn(): void {
    warning.value = true
    deadline = Date.now() + warningMs()
    tick()
    tickTimer = setInterval(tick, 250)
  }

  function tick(): void {
    const left = deadline - Date.now()
    remaining.value = Math.max(0, Math.ceil(left / 1000))
    if (left <= 0) expire()
  }

  function expire(): void {
    clearTimers()
    warning.value = false
    engaged = false
    options.onExpire()
  }

  /** The patient answered the warning: keep the session and start the timeout over. */
  function stillHere(): void {
    if (!warning.value) return
    clearInterval(tickTimer)
    tickTimer = undefined
    warning.value = false
    resumedAt = Date.now()
    schedule()
  }

  // The first touch starts the clock; later ones are read from lastActive when it runs out.
  // Touches while the warning is up do not count: only an answer to it does.
  watch(touched, (isTouched) => {
    if (!isTouched || engaged || warning.value) return
    engaged = true
    schedule()
  })

  // A key answers the warning. A tap answers it through the dialog's own click handler
  // instead: dismissing on pointerdown would let the rest of the tap land on whatever is
  // under the dialog.
  useEventListener(
    target,
    ['keydown', 'wheel'],
    () => {
      if (warning.value) stillHere()
    },
    { capture: true, passive: true },
  )

  /**
   * Starts the timeout over from now, as a touch would: staff mode just ended (its own idle
   * lock), and the PIN screen should wait the full idle time for staff to come back.
   */
  function restart(): void {
    if (!engaged || warning.value) return
    resumedAt = Date.now()
    schedule()
  }

  // A new timeout (the kiosk settings arrive after start) applies from now on.
  watch(
    () => toValue(options.timeoutSeconds),
    () => {
      if (engaged && !warning.value) schedule()
    },
  )

  onScopeDispose(clearTimers)

  return { warning, remaining, stillHere, restart }
}
