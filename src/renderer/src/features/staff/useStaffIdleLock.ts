import { onScopeDispose, watch } from 'vue'
import { useLastActivity } from '@renderer/features/session'

/** What staff do at the screen: a tap, a key (keyboard or clicker), a scroll. */
const STAFF_ACTIVITY = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const

export interface StaffIdleLockOptions {
  /** True while staff mode is on. */
  active: () => boolean
  /** Seconds untouched before staff mode locks, for the screen on now (explain mode has its own). */
  seconds: () => number
  /** Untouched for that long: end staff mode (the PIN brings staff back to the same screen). */
  onLock: () => void
}

/**
 * Staff mode's own idle lock, separate from the patient's idle reset: staff
 * screens (settings, packs, a handout with a patient's name) must not stay open
 * for the patient idle time and its countdown, and a patient tapping "I'm still
 * here" must not keep them open. The time counts from entering staff mode or the
 * last tap or key, whichever is later; a change of screen (explain mode's longer
 * time) applies at once.
 */
export function useStaffIdleLock(options: StaffIdleLockOptions): void {
  const { lastActive } = useLastActivity(STAFF_ACTIVITY)
  let enteredAt = 0
  let timer: ReturnType<typeof setTimeout> | undefined

  const untouchedSince = () => Math.max(lastActive.value, enteredAt)

  function schedule(): void {
    clearTimeout(timer)
    timer = undefined
    if (!options.active()) return
    const left = untouchedSince() + options.seconds() * 1000 - Date.now()
    timer = setTimeout(check, Math.max(0, left))
  }

  function check(): void {
    if (!options.active()) return
    if (Date.now() - untouchedSince() >= options.seconds() * 1000) options.onLock()
    else schedule()
  }

  watch(
    options.active,
    (active) => {
      if (active) enteredAt = Date.now()
      schedule()
    },
    { immediate: true },
  )
  watch(options.seconds, schedule)
  onScopeDispose(() => clearTimeout(timer))
}
