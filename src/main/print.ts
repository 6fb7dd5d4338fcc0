/**
 * Prints the page that asked, from the main process: the system dialog, a
 * silent print to the configured printer, or a PDF saved where staff choose.
 * Nothing is kept: the page is printed as it is and the PDF goes only where
 * the save dialog says.
 */
import { writeFile } from 'node:fs/promises'
import { BrowserWindow, dialog, ipcMain } from 'electron'
import type { WebContents } from 'electron'
import { choosePrinter, PRINT_CHANNEL, printFailureOf } from '../shared/print.ts'
import type { PrintOutcome, PrintRequest } from '../shared/print.ts'
import { fail, ok } from '../shared/result.ts'
import type { Result } from '../shared/result.ts'
import { isTrustedSender, printModeAllowed } from './security.ts'
import type { RendererLocation } from './security.ts'

function isPrintRequest(value: unknown): value is PrintRequest {
  if (typeof value !== 'object' || value === null) return false
  const r = value as Record<string, unknown>
  return (
    (r.paper === 'a4' || r.paper === 'letter') &&
    (r.mode === 'dialog' || r.mode === 'silent' || r.mode === 'pdf')
  )
}

async function printPage(
  contents: WebContents,
  request: PrintRequest,
  printerName: string | null,
): Promise<PrintOutcome> {
  const pageSize = request.paper === 'a4' ? 'A4' : 'Letter'
  if (request.mode === 'pdf') {
    const pdf = await contents.printToPDF({ pageSize, printBackground: true })
    const options = {
      title: 'Save handout as PDF',
      defaultPath: 'handout.pdf',
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    }
    // Over the kiosk's window, so it cannot be left behind it (or sit alone on the desktop).
    const owner = BrowserWindow.fromWebContents(contents)
    const choice = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options)
    if (choice.canceled || !choice.filePath) return { done: false, failure: 'cancelled' }
    await writeFile(choice.filePath, pdf)
    return { done: true }
  }
  const printers = await contents.getPrintersAsync()
  const choice = choosePrinter(
    request.mode,
    printers.map((p) => p.name),
    printerName,
  )
  if ('failure' in choice) return { done: false, failure: choice.failure }
  return new Promise((resolve) => {
    contents.print(
      { silent: request.mode === 'silent', printBackground: true, pageSize, ...choice },
      (success, reason) =>
        resolve(success ? { done: true } : { done: false, failure: printFailureOf(reason) }),
    )
  })
}

export function registerPrinting(
  location: RendererLocation,
  printerName: () => string | null,
  locked: () => boolean,
): void {
  ipcMain.handle(PRINT_CHANNEL, async (event, request: unknown): Promise<Result<PrintOutcome>> => {
    if (!isTrustedSender(event.senderFrame, location))
      return fail('bad-input', 'This request did not come from the kiosk page.')
    if (!isPrintRequest(request))
      return fail('bad-input', 'A print request names a paper size (a4 or letter) and a mode.')
    if (!printModeAllowed(request.mode, locked()))
      return fail('forbidden', 'A locked kiosk prints only to its own printer.')
    try {
      return ok(await printPage(event.sender, request, printerName()))
    } catch {
      return ok({ done: false, failure: 'failed' })
    }
  })
}
