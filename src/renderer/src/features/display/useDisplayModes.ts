import { onScopeDispose, watchEffect } from 'vue'
import { useDisplayStore } from './displayStore'

/** Classes on <html>: the root font size lives there, so large text scales every rem. */
const LARGE_TEXT_CLASS = 'kiosk-large-text'
const HIGH_CONTRAST_CLASS = 'kiosk-high-contrast'

/**
 * Mirrors the display store onto <html> (see global.css), and takes the
 * classes off again when the app is torn down, so a reset leaves the page plain.
 * `pageScalesText` says whether the screen on show takes large text from the
 * root: the consent presenter does not (it fits its own controls to the screen
 * and draws its slides larger instead), while the patient's choice stays in the
 * store for the screens after it.
 */
export function useDisplayModes(
  pageScalesText: () => boolean = () => true,
  root: HTMLElement = document.documentElement,
): void {
  const display = useDisplayStore()
  watchEffect(() => {
    root.classList.toggle(LARGE_TEXT_CLASS, display.largeText && pageScalesText())
    root.classList.toggle(HIGH_CONTRAST_CLASS, display.highContrast)
  })
  onScopeDispose(() => root.classList.remove(LARGE_TEXT_CLASS, HIGH_CONTRAST_CLASS))
}
