import { useEventListener } from '@vueuse/core'

export type PresenterMove = 'next' | 'previous' | 'first' | 'last'

/**
 * What a key means to a presenter. Presentation clickers send Page Down and
 * Page Up (some send the arrow keys); keyboards add Space, Home and End.
 */
function presenterMove(
  event: Pick<KeyboardEvent, 'key' | 'shiftKey' | 'ctrlKey' | 'altKey' | 'metaKey'>,
): PresenterMove | null {
  if (event.ctrlKey || event.altKey || event.metaKey) return null
  switch (event.key) {
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
export function usePresenterKeys(move: (where: PresenterMove) => void, target: Window = window): void {
  useEventListener(target, 'keydown', (event: KeyboardEvent) => {
    if (event.defaultPrevented) return
    const where = presenterMove(event)
    if (!where) return
    const element = event.target instanceof Element ? event.target : null
    if (element?.closest(TYPING) || element?.closest(DIALOG)) return
    if ((event.key === ' ' || event.key === 'Spacebar') && element?.closest(PRESSABLE)) return
    event.preventDefault()
    move(where)
  })
}
