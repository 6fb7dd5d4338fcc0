import { useEventListener } from '@vueuse/core'
import { ref, type Ref } from 'vue'

/** How long a finger must rest in the corner. */
export const LONG_PRESS_MS = 3000
/** The corner: this many CSS pixels from the top-left of the window, each way. */
const CORNER_PX = 48
/** A finger that wanders further than this is scrolling or tapping, not holding. */
const WANDER_PX = 24

/** Ctrl+Alt+S: the keyboard way in, for staff. */
function isStaffShortcut(event: KeyboardEvent): boolean {
  return event.ctrlKey && event.altKey && !event.metaKey && event.code === 'KeyS'
}

/**
 * The discreet way into staff mode: hold a finger (or the mouse button) still
 * in the top-left corner of the screen for 3 seconds, or press Ctrl+Alt+S.
 * There is no element to see, focus or tap: the window's own pointer events
 * are watched, so a tap in the corner still reaches whatever is under it. After
 * a hold succeeds, the click that ends it is swallowed, so it cannot also press
 * the button under the finger. `holding` is true while a press in the corner
 * lasts, for the ring that shows it is working.
 */
export function useStaffEntry(open: () => void, target: Window = window): { holding: Ref<boolean> } {
  const holding = ref(false)
  let held: { id: number; x: number; y: number } | null = null
  let timer: ReturnType<typeof setTimeout> | undefined
  let swallowClick = false

  function cancel(): void {
    clearTimeout(timer)
    timer = undefined
    held = null
    holding.value = false
  }

  function fire(): void {
    cancel()
    swallowClick = true
    // If no click follows (the finger left the window), stop waiting for one.
    setTimeout(() => (swallowClick = false), 1500)
    open()
  }

  const inCorner = (event: { clientX: number; clientY: number }) =>
    event.clientX <= CORNER_PX && event.clientY <= CORNER_PX

  const passive = { capture: true, passive: true } as const

  useEventListener(
    target,
    'pointerdown',
    (event: PointerEvent) => {
      cancel()
      if (!event.isPrimary || event.button > 0 || !inCorner(event)) return
      held = { id: event.pointerId, x: event.clientX, y: event.clientY }
      timer = setTimeout(fire, LONG_PRESS_MS)
      holding.value = true
    },
    passive,
  )
  useEventListener(
    target,
    'pointermove',
    (event: PointerEvent) => {
      if (!held || event.pointerId !== held.id) return
      if (Math.hypot(event.clientX - held.x, event.clientY - held.y) > WANDER_PX) cancel()
    },
    passive,
  )
  for (const name of ['pointerup', 'pointercancel'] as const) {
    useEventListener(target, name, cancel, passive)
  }
  useEventListener(
    target,
    'click',
    (event: MouseEvent) => {
      if (!swallowClick) return
      swallowClick = false
      event.preventDefault()
      event.stopPropagation()
    },
    { capture: true },
  )
  // A long touch would otherwise open the browser's menu over the corner.
  useEventListener(
    target,
    'contextmenu',
    (event: MouseEvent) => {
      if (inCorner(event)) event.preventDefault()
    },
    { capture: true },
  )
  useEventListener(target, 'keydown', (event: KeyboardEvent) => {
    if (!isStaffShortcut(event) || event.repeat) return
    event.preventDefault()
    open()
  })
  return { holding }
}
