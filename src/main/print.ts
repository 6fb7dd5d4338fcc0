/**
 * Prints the page that asked, from the main process: the system dialog, a
 * silent print to the configured printer, or a PDF saved where staff choose.
 * Nothing is kept: the page is printed as it is and the PDF goes only where
 * the save dialog says.
 */
import { writeFile } from 'node:fs/promises'
import { BrowserWindow, dialog } from 'electron'
import type { WebContents } from 'electron'
import { choosePrinter, printFailureOf } from '../shared/print.ts'
import type { PrintOutcome, PrintRequest } from '../shared/print.ts'
import { ApiFailure } from '../shared/result.ts'
import { printModeAllowed } from './security.ts'

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

/** The shell's print method: the request is already checked against the shell contract. */
export function printing(printerName: () => string | null, locked: () => boolean) {
  return async (request: PrintRequest, sender: WebContents): Promise<PrintOutcome> => {
    if (!printModeAllowed(request.mode, locked()))
      throw new ApiFailure('forbidden', 'A locked kiosk prints only to its own printer.')
    try {
      return await printPage(sender, request, printerName())
    } catch {
      return { done: false, failure: 'failed' }
    }
  }
}
