import { onBeforeUnmount, onMounted, watchEffect } from 'vue'

/**
 * A stylesheet made from `css`, kept up to date with it, and applied to the
 * document while the component that asked for it is mounted. The CSP allows no
 * inline <style>, so print rules that depend on the page (its paper, its
 * running foot) go in a constructed stylesheet. Where constructed stylesheets
 * are missing (test DOMs), nothing happens.
 */
export function useAdoptedSheet(css: () => string): void {
  if (typeof CSSStyleSheet === 'undefined' || !('adoptedStyleSheets' in document)) return
  let sheet: CSSStyleSheet
  try {
    sheet = new CSSStyleSheet()
  } catch {
    return
  }
  watchEffect(() => {
    try {
      sheet.replaceSync(css())
    } catch {
      // an engine without @page in constructed sheets: the print call's own settings hold
    }
  })
  onMounted(() => {
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]
  })
  onBeforeUnmount(() => {
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((adopted) => adopted !== sheet)
  })
}
