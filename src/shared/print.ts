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
  if (
    r.includes('offline') ||
    r.includes('not available') ||
    r.includes('unavailable') ||
    r.includes('invalid devicename')
  )
    return 'printer-offline'
  return 'failed'
}

/** Where a print goes: a named printer, the system's default (no name), or nowhere, and why. */
export type PrinterChoice = { deviceName?: string } | { failure: PrintFailure }

/**
 * Chooses the printer before printing, from the printers the system lists and
 * the one staff configured. A silent print must have somewhere to go: with no
 * printer at all it is 'no-printer', and with the configured one missing from
 * the list (unplugged, switched off, removed) it is 'printer-offline', rather
 * than a silent print to some other printer. The dialog preselects the
 * configured printer when it is there and otherwise lets staff choose; a PDF
 * needs no printer.
 */
export function choosePrinter(
  mode: PrintRequest['mode'],
  available: readonly string[],
  configured: string | null,
): PrinterChoice {
  if (mode === 'pdf') return {}
  const present = configured !== null && available.includes(configured)
  if (mode === 'silent') {
    if (!available.length) return { failure: 'no-printer' }
    if (configured !== null && !present) return { failure: 'printer-offline' }
  }
  return present ? { deviceName: configured } : {}
}

/** One of the system's printers, for staff to choose in settings: `name` is what the system and the setting use. */
export interface SystemPrinter {
  name: string
  label: string
  description: string
}

/** What Electron's `webContents.getPrintersAsync()` gives, as far as the list needs. */
export interface PrinterSource {
  getPrintersAsync(): Promise<{ name: string; displayName?: string; description?: string }[]>
}

/**
 * The system's printers for the settings screen, each once, by the name people
 * know (Electron's displayName), in alphabetical order. A system that cannot
 * list them gives an empty list: the settings screen then takes a typed name.
 */
export async function listPrinters(contents: PrinterSource): Promise<{ printers: SystemPrinter[] }> {
  let found: Awaited<ReturnType<PrinterSource['getPrintersAsync']>>
  try {
    found = await contents.getPrintersAsync()
  } catch {
    return { printers: [] }
  }
  const byName = new Map<string, SystemPrinter>()
  for (const p of found) {
    if (!p.name || byName.has(p.name)) continue
    byName.set(p.name, { name: p.name, label: p.displayName || p.name, description: p.description ?? '' })
  }
  return { printers: [...byName.values()].sort((a, b) => a.label.localeCompare(b.label)) }
}
