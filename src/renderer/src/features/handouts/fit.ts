import type { ItemKind } from '@shared/contract'
import type { Paper } from './usePageSize'

/**
 * Keeping a handout to its pages. The sheet on screen has exactly the printed
 * page's content width and the same fonts (handout.css), so its layout
 * on screen is its layout on paper before it is cut into pages. This cuts it
 * the way the printer will: a box that must not split (break-inside: avoid)
 * and would cross the end of a page moves whole to the next one, and a table
 * that continues on a new page repeats its header row there.
 */

/** Page height inside the @page margins (8 mm at the top, 12 mm at the bottom: print.css), in mm. */
const PAGE_CONTENT_MM: Record<Paper, number> = { a4: 297 - 20, letter: 279.4 - 20 }

/**
 * The tightening steps each kind of handout has (ProcedureHandout.vue,
 * ConditionHandout.vue, GuideHandout.vue). Past the last one, a handout prints on more pages
 * rather than lose content: the library's own handouts are checked to fit.
 */
export const FIT_STEPS: Record<ItemKind, number> = { procedure: 3, condition: 3, guide: 3 }

/** Rounding between screen and print layout, in mm. */
const SAFETY_MM = 6

const PX_PER_MM = 96 / 25.4

/**
 * The sheet's blocks as the printer meets them: a block marked
 * `data-handout-flow` (a guide's run of sections) is not one box but its
 * children, each of which must not split, unless it is laid out in columns.
 */
function blocksOf(sheet: HTMLElement): Element[] {
  return Array.from(sheet.children).flatMap((block) =>
    block instanceof HTMLElement && block.dataset.handoutFlow !== undefined && !inColumns(block)
      ? Array.from(block.children)
      : [block],
  )
}

function inColumns(block: HTMLElement): boolean {
  const count = getComputedStyle(block).columnCount
  return count !== 'auto' && count !== '1'
}

/** What the printer cannot split, in page order: the sheet's blocks, and the aftercare table by rows. */
function unbreakables(sheet: HTMLElement): Array<{ top: number; bottom: number; repeatsHeader: number }> {
  const boxes: Array<{ top: number; bottom: number; repeatsHeader: number }> = []
  for (const block of blocksOf(sheet)) {
    const table = block.querySelector<HTMLTableElement>(':scope > table.ho-timeline')
    if (!table) {
      const box = block.getBoundingClientRect()
      boxes.push({ top: box.top, bottom: box.bottom, repeatsHeader: 0 })
      continue
    }
    // A heading stays with what follows it, and a table's first row with its header.
    const header = table.tHead?.getBoundingClientRect().height ?? 0
    const rows = Array.from(table.tBodies[0]?.rows ?? [])
    rows.forEach((row, index) => {
      const box = row.getBoundingClientRect()
      const top = index === 0 ? block.getBoundingClientRect().top : box.top
      boxes.push({ top, bottom: box.bottom, repeatsHeader: index === 0 ? 0 : header })
    })
  }
  return boxes
}

/** How many pages the sheet will print on. */
export function pagesNeeded(sheet: HTMLElement, paper: Paper): number {
  const page = PAGE_CONTENT_MM[paper] * PX_PER_MM
  const safety = SAFETY_MM * PX_PER_MM
  const style = getComputedStyle(sheet)
  const start = sheet.getBoundingClientRect().top + (parseFloat(style.paddingTop) || 0)
  let pageEnd = start + page
  let shift = 0
  let pages = 1
  for (const box of unbreakables(sheet)) {
    const top = box.top + shift
    const bottom = box.bottom + shift
    if (bottom <= pageEnd - safety) continue
    if (bottom - top > page) {
      // Too tall for any page: it splits wherever it falls.
      const extra = Math.ceil((bottom - pageEnd) / page)
      pages += extra
      pageEnd += extra * page
      continue
    }
    shift += pageEnd - top + box.repeatsHeader
    pageEnd += page
    pages += 1
  }
  return pages
}

export function fitsOnPages(sheet: HTMLElement, paper: Paper, pages: number): boolean {
  // A sheet that measures nothing (no layout, as in a test DOM) is taken to fit.
  if (sheet.getBoundingClientRect().height === 0) return true
  return pagesNeeded(sheet, paper) <= pages
}
