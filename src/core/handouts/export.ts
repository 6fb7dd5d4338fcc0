/**
 * Batch export of every handout as a PDF, for the front-desk binder. The
 * handouts are the renderer's own print views, served by the loopback preview
 * server and printed by a real browser engine: Electron's printToPDF inside the
 * app (src/main/export.ts), or a Chromium found on this machine, driven by
 * playwright-core, from the command line. No personal fields: binder copies
 * are blank where staff would write.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { ItemKind, Locale } from '../../shared/contract.ts'

export type Paper = 'a4' | 'letter'

/** Anything that turns a page into a PDF. */
export interface PdfPrinter {
  /** Said to the user: which engine printed. */
  readonly description: string
  print(url: string, paper: Paper): Promise<Buffer>
  close(): Promise<void>
}

/** The print view's address; the view marks itself ready with data-handout-ready="true". */
export function handoutPath(kind: ItemKind, id: string, lang: Locale | 'both', paper: Paper): string {
  return `/index.html#/handouts/${kind}s/${id}?lang=${lang}&paper=${paper}`
}

export const HANDOUT_READY_SELECTOR = '[data-handout-ready="true"]'

/** A Chromium on this machine: CHROMIUM_PATH, then the usual names on the PATH. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.CHROMIUM_PATH) return existsSync(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : null
  for (const name of ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']) {
    try {
      const path = execFileSync('which', [name], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }).trim()
      if (path) return path
    } catch {
      // not installed under this name
    }
  }
  return null
}

export async function chromiumPrinter(executablePath: string): Promise<PdfPrinter> {
  const { chromium } = await import('playwright-core')
  const browser = await chromium.launch({
    executablePath,
    args: [
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  })
  const context = await browser.newContext()
  return {
    description: `Chromium at ${executablePath} (through playwright-core)`,
    async print(url, paper) {
      const page = await context.newPage()
      try {
        await page.goto(url)
        await page.waitForSelector(HANDOUT_READY_SELECTOR, { timeout: 20_000 })
        await page.emulateMedia({ media: 'print' })
        return await page.pdf({
          format: paper === 'a4' ? 'A4' : 'Letter',
          printBackground: true,
          preferCSSPageSize: false,
        })
      } finally {
        await page.close()
      }
    },
    async close() {
      await browser.close()
    },
  }
}

export interface ExportOptions {
  /** Where the kiosk is served, e.g. http://127.0.0.1:4780. */
  baseUrl: string
  items: { kind: ItemKind; id: string }[]
  langs: Locale[]
  paper: Paper
  outDir: string
  printer: PdfPrinter
  onFile?: (file: string) => void
}

/** Prints each item in each language; one file per item and language. */
export async function exportHandouts(options: ExportOptions): Promise<string[]> {
  mkdirSync(options.outDir, { recursive: true })
  const files: string[] = []
  for (const item of options.items) {
    for (const lang of options.langs) {
      const pdf = await options.printer.print(
        `${options.baseUrl}${handoutPath(item.kind, item.id, lang, options.paper)}`,
        options.paper,
      )
      const file = join(options.outDir, `${item.kind}-${item.id}.${lang}.pdf`)
      writeFileSync(file, pdf)
      files.push(file)
      options.onFile?.(file)
    }
  }
  return files
}
