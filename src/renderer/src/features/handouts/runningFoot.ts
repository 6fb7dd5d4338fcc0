import type { ItemKind, Locale } from '@shared/contract'

/**
 * What prints in the bottom margin of every handout sheet, so a sheet that has
 * come loose still says what it is and how old it is: the item's title on the
 * left; on the right the day it was printed and, when the print job is this one
 * handout, "Page 2 of 3" (HP-16, HP-19 in docs/clinical/review-2026-12-06.md).
 * A batch of handouts prints as one job, where the page counters count the
 * whole pile, so its sheets carry no numbers. The margin costs the fullest
 * handouts no room; one line there must not wrap into the outer 7 mm that
 * printers cannot reach, so a long title is shortened (`footTitle`) and the
 * date is short ("7 Dec 2026").
 *
 * Each language's part of a handout is a named page (`pageName`, set on the
 * part by HandoutPart), so a Spanish part's sheets say it in Spanish. The rules
 * are written into a constructed stylesheet (the CSP allows no inline <style>);
 * the margin boxes' type is set once in print.css.
 */
export interface FootPart {
  kind: ItemKind
  id: string
  locale: Locale
  title: string
  /** "Printed 7 Dec 2026", in the part's language. */
  printed: string
  /**
   * "Page {page} of {pages}" in the part's language, its two numbers marked
   * `PAGE_NUMBER` and `PAGE_COUNT` (see `footContent`); null when the sheets are not numbered.
   */
  pageOf: string | null
}

/** Marks for the page counters in a message: characters no message contains. */
export const PAGE_NUMBER = '\u0001'
export const PAGE_COUNT = '\u0002'

/** The named page a handout's part in one language prints on (ids and language codes are CSS-safe). */
export function pageName(kind: ItemKind, id: string, locale: Locale): string {
  return `handout-${kind}-${id}-${locale}`
}

/** Text as a CSS string: quotes and backslashes escaped, a line break as CSS writes it. */
export function cssString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n/g, '\\A ')}"`
}

/**
 * A line of words with the page counters in it, as a value of `content`:
 * "Page ␁ of ␂" becomes `"Page " counter(page) " of " counter(pages)`.
 */
export function footContent(line: string): string {
  return line
    .split(new RegExp(`(${PAGE_NUMBER}|${PAGE_COUNT})`))
    .filter((piece) => piece !== '')
    .map((piece) =>
      piece === PAGE_NUMBER ? 'counter(page)' : piece === PAGE_COUNT ? 'counter(pages)' : cssString(piece),
    )
    .join(' ')
}

/**
 * The longest title the foot prints whole, in characters: with "Impresa el 7 dic
 * 2026 · Página 1 de 2" beside it, one line at 9 pt on A4 (the library's longest
 * title, 82 characters, measured on both papers with room to spare).
 */
export const FOOT_TITLE_MAX = 90

/** A title for the foot: whole when it fits, else cut at a word and marked with "…". */
export function footTitle(title: string): string {
  if (title.length <= FOOT_TITLE_MAX) return title
  const cut = title.slice(0, FOOT_TITLE_MAX - 1)
  const atWord = cut.slice(0, cut.lastIndexOf(' ')).replace(/[\s,:;(–-]+$/, '')
  return `${atWord || cut}…`
}

/** The @page rules for a handout's parts: one named page each, with its title, print date and numbers. */
export function runningFootCss(parts: readonly FootPart[]): string {
  return parts
    .map((part) =>
      [
        `@page ${pageName(part.kind, part.id, part.locale)} {`,
        `  @bottom-left { content: ${cssString(footTitle(part.title))}; }`,
        `  @bottom-right { content: ${footContent(part.pageOf ? `${part.printed} · ${part.pageOf}` : part.printed)}; }`,
        `}`,
      ].join('\n'),
    )
    .join('\n')
}

/** A day as the calendar where the kiosk stands reads it, as yyyy-mm-dd (not UTC's day). */
export function localIsoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}
