import { useEventListener } from '@vueuse/core'

export type PresenterMove =
  | 'next'
  | 'previous'
  | 'first'
  | 'last'
  /** The first risks slide: the question that always comes. */
  | 'risks'
  /** Blank the screen, or bring it back. */
  | 'blank'
  | 'overview'
  /** A slide by its number, from 1 (the number keys). */
  | { slide: number }

/** Two digits pressed within this long make one number ("1" then "2" is slide 12). */
const DIGITS_WITHIN_MS = 800

/**
 * What a key means to a presenter. Presentation clickers send Page Down and
 * Page Up (some send the arrow keys), and B or . to blank the screen, as
 * PowerPoint and Keynote take them; keyboards add Space, Home, End, the number
 * keys and R for the risks.
 */
function presenterMove(
  event: Pick<KeyboardEvent, 'key' | 'shiftKey' | 'ctrlKey' | 'altKey' | 'metaKey'>,
): PresenterMove | null {
  if (event.ctrlKey || event.altKey || event.metaKey) return null
  switch (event.key.length === 1 ? event.key.toLowerCase() : event.key) {
    case 'b':
    case '.':
      return 'blank'
    case 'r':
      return 'risks'
    case 'o':
      return 'overview'
    case 'ArrowRight':
    case 'ArrowDown':
    case 'PageDown':
      return 'next'
    case ' ':
    case 'Spacebar':
      return event.shiftKey ? 'previous' : 'next'
    case 'ArrowLeft':
    case 'ArrowUp':
    case 'PageUp':
      return 'previous'
    case 'Home':
      return 'first'
    case 'End':
      return 'last'
    default:
      return null
  }
}

/** Where keys belong to the control, not the presenter. */
const TYPING = 'input, textarea, select, [contenteditable=""], [contenteditable="true"]'
const DIALOG = '[role="dialog"], [role="alertdialog"], dialog'
/** Space presses these; the presenter leaves it to them. */
const PRESSABLE = 'button, a[href], summary, [role="button"]'

/**
 * Moves the presenter on the keys above, anywhere on the page, while the
 * calling component lives; except while typing in a field or answering a
 * dialog ("Are you still there?"), and Space on a button still presses it.
 */
export function usePresenterKeys(go: (where: PresenterMove) => void, target: Window = window): void {
  let lastDigit: { value: number; at: number } | null = null
  /** A number key: its slide, or with the digit just before it, a two-digit slide. */
  function slideOfDigit(event: KeyboardEvent): PresenterMove | null {
    if (event.ctrlKey || event.altKey || event.metaKey || !/^[0-9]$/.test(event.key)) return null
    const digit = Number(event.key)
    const now = event.timeStamp || Date.now()
    const before = lastDigit && now - lastDigit.at < DIGITS_WITHIN_MS ? lastDigit.value : null
    lastDigit = before === null ? { value: digit, at: now } : null
    const slide = before === null ? digit : before * 10 + digit
    return slide >= 1 ? { slide } : null
  }
  useEventListener(target, 'keydown', (event: KeyboardEvent) => {
    if (event.defaultPrevented) return
    const element = event.target instanceof Element ? event.target : null
    if (element?.closest(TYPING) || element?.closest(DIALOG)) return
    const move = presenterMove(event)
    // Any other key ends a number being typed.
    if (move) lastDigit = null
    const where = move ?? slideOfDigit(event)
    if (!where) return
    if ((event.key === ' ' || event.key === 'Spacebar') && element?.closest(PRESSABLE)) return
    event.preventDefault()
    go(where)
  })
}
