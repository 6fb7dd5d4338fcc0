/**
 * `kiosk-app --export-handouts DIR [--lang CODE|all] [--paper a4|letter]`:
 * the batch export inside Electron, printing each handout with printToPDF in a
 * hidden, hardened window. Shares the loop and file names with the command
 * line (src/core/handouts/export.ts); only the printer differs.
 */
import {
  binderItems,
  exportHandoutsAndReport,
  handoutReadySelector,
  showHandout,
} from '../core/handouts/export.ts'
import type { Paper, PdfPrinter } from '../core/handouts/export.ts'
import type { Handlers } from '../core/services/handlers.ts'
import type { Locale } from '../shared/contract.ts'
import { LOCALE_CODE } from '../shared/vocabulary.ts'
import { createHardenedWindow } from './window.ts'

export interface ExportRequest {
  outDir: string
  /** One language, or null for every language the content offers. */
  langs: Locale[] | null
  paper: Paper
}

/** Reads --export-handouts and its options from the command line, or null. */
export function exportRequest(argv: string[]): ExportRequest | null {
  const at = argv.indexOf('--export-handouts')
  const outDir = at >= 0 ? argv[at + 1] : undefined
  if (!outDir) return null
  const value = (flag: string) => {
    const i = argv.indexOf(flag)
    return i >= 0 ? argv[i + 1] : undefined
  }
  const lang = value('--lang') ?? 'all'
  const langs = LOCALE_CODE.test(lang) ? [lang] : null
  return { outDir, langs, paper: value('--paper') === 'letter' ? 'letter' : 'a4' }
}

function electronPrinter(preload: string): PdfPrinter {
  const win = createHardenedWindow(preload, { show: false })
  let loaded = false
  return {
    description: "Electron's printToPDF",
    async print(baseUrl, handout) {
      // The app loads once; every later handout is a change of route in the same window.
      await showHandout(
        {
          loaded,
          load: async (url) => {
            await win.loadURL(url)
            loaded = true
          },
          run: (script) => win.webContents.executeJavaScript(script),
        },
        baseUrl,
        handout,
      )
      const selector = JSON.stringify(handoutReadySelector(handout))
      const url = `${baseUrl} (${handout.kind} ${handout.id}, ${handout.lang})`
      for (
        let waited = 0;
        !(await win.webContents.executeJavaScript(`!!document.querySelector(${selector})`));
        waited += 100
      ) {
        if (waited > 20_000) throw new Error(`The handout at ${url} did not finish loading.`)
        await new Promise((r) => setTimeout(r, 100))
      }
      return win.webContents.printToPDF({
        pageSize: handout.paper === 'a4' ? 'A4' : 'Letter',
        printBackground: true,
      })
    },
    async close() {
      win.destroy()
    },
  }
}

export async function runExport(
  request: ExportRequest,
  handlers: Handlers,
  appOrigin: string,
  preload: string,
): Promise<void> {
  await exportHandoutsAndReport({
    baseUrl: appOrigin,
    items: binderItems(handlers),
    langs: request.langs ?? handlers.contentInfo({}).locales,
    paper: request.paper,
    outDir: request.outDir,
    printer: electronPrinter(preload),
  })
}
