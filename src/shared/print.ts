/**
 * Printing, which only Electron can do for the page itself: exposed by the
 * preload as `window.kioskPrint`. In a plain browser (the preview server) the
 * renderer uses the browser's own print instead.
 */
import type { Result } from './result.ts'

export interface PrintRequest {
  paper: 'a4' | 'letter'
  /**
   * 'dialog' shows the system print dialog (staff mode); 'silent' prints to the
   * configured printer without asking (kiosk mode); 'pdf' saves a PDF where staff choose.
   */
  mode: 'dialog' | 'silent' | 'pdf'
}

export type PrintFailure = 'no-printer' | 'printer-offline' | 'cancelled' | 'failed'

export interface PrintOutcome {
  /** True when the page went to the printer or the PDF was saved. */
  done: boolean
  /** Why not, in a word the screen can explain. */
  failure?: PrintFailure
}

export interface KioskPrintBridge {
  print(request: PrintRequest): Promise<Result<PrintOutcome>>
}

export const PRINT_CHANNEL = 'kiosk-print:page'

/** Turns Electron's print failure reason into one a person can act on. */
export function printFailureOf(reason: string | undefined): PrintFailure {
  const r = (reason ?? '').toLowerCase()
  if (r.includes('cancel')) return 'cancelled'
  if (r.includes('no printer') || r.includes('invalid printer') || r.includes('no device'))
    return 'no-printer'
  if (r.includes('offline') || r.includes('not available') || r.includes('unavailable'))
    return 'printer-offline'
  return 'failed'
}
