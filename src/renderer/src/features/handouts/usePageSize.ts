import { onBeforeUnmount, onMounted, watchEffect } from 'vue'

export type Paper = 'a4' | 'letter'

/**
 * Sets the printed page size (`@page { size }`) while a print view is on screen,
 * so the browser's and Electron's print dialogs start on the right paper. The
 * CSP allows no inline <style>, so the rule goes in a constructed stylesheet;
 * the margins are fixed in handout.css. Where constructed stylesheets are
 * missing (test DOMs), nothing happens: page.pdf and printToPDF pass the size anyway.
 */
export function usePageSize(paper: () => Paper): void {
  if (typeof CSSStyleSheet === 'undefined' || !('adoptedStyleSheets' in document)) return
  let sheet: CSSStyleSheet
  try {
    sheet = new CSSStyleSheet()
  } catch {
    return
  }
  watchEffect(() => {
    try {
      sheet.replaceSync(`@page { size: ${paper() === 'a4' ? 'A4' : 'letter'}; }`)
    } catch {
      // an engine without @page in constructed sheets: the print call's own size holds
    }
  })
  onMounted(() => {
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]
  })
  onBeforeUnmount(() => {
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((adopted) => adopted !== sheet)
  })
}
