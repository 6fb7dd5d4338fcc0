import { useAdoptedSheet } from './useAdoptedSheet'

export type Paper = 'a4' | 'letter'

/**
 * Sets the printed page size (`@page { size }`) while a print view is on screen,
 * so the browser's and Electron's print dialogs start on the right paper; the
 * margins are fixed in print.css. Where constructed stylesheets are missing
 * (test DOMs), page.pdf and printToPDF pass the size anyway.
 */
export function usePageSize(paper: () => Paper): void {
  useAdoptedSheet(() => `@page { size: ${paper() === 'a4' ? 'A4' : 'letter'}; }`)
}
