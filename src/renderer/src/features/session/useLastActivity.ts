import { computed, type ComputedRef, type Ref } from 'vue'
import { bypassFilter, useIdle } from '@vueuse/core'

/**
 * useIdle's own timer is not used (its timeout is fixed when it starts, and both
 * idle clocks here change theirs: the settings arrive late, explain mode is longer);
 * only its record of the last activity.
 */
const UNUSED_TIMEOUT_MS = 3_600_000

/**
 * When someone last touched, typed, pointed or scrolled: the one activity record
 * both idle clocks (the patient's idle reset and staff mode's lock) read, kept by
 * VueUse's useIdle.
 */
export function useLastActivity(
  events: readonly string[],
  target: Window = window,
): { lastActive: Ref<number>; touched: ComputedRef<boolean> } {
  // Idle from the start: nobody has touched this session yet.
  const { lastActive, idle } = useIdle(UNUSED_TIMEOUT_MS, {
    events: [...events] as (keyof WindowEventMap)[],
    listenForVisibilityChange: false,
    initialState: true,
    // Every event, unthrottled: the timeouts are exact, and setting one number is cheap.
    eventFilter: bypassFilter,
    window: target,
  })
  /** Someone has touched the screen since this started (a timestamp alone cannot tell: it may not move). */
  const touched = computed(() => !idle.value)
  return { lastActive, touched }
}
