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
import type { Page as PlaywrightPage } from 'playwright-core'
import type { ItemKind, Locale } from '../../shared/contract.ts'
import { SOURCE_LOCALE } from '../../shared/vocabulary.ts'
import type { Handlers } from '../services/handlers.ts'

export type Paper = 'a4' | 'letter'

/** One handout as the exporter prints it. */
export interface HandoutPage {
  kind: ItemKind
  id: string
  lang: Locale | 'both'
  paper: Paper
}

/**
 * Anything that turns handouts into PDFs. A printer loads the app once, on its
 * first handout, and reaches every later one by changing the route in that same
 * page: booting the whole app for each PDF was most of an export's time.
 */
export interface PdfPrinter {
  /** Said to the user: which engine printed. */
  readonly description: string
  /** Prints one handout of the app served at baseUrl. */
  print(baseUrl: string, handout: HandoutPage): Promise<Buffer>
  close(): Promise<void>
}

/**
 * What goes in the front-desk binder, in the order staff file it: every
 * procedure, condition and guide the content lists. The command line and the
 * app's export both print this one list.
 */
export function binderItems(handlers: Pick<Handlers, 'listTopics'>): { kind: ItemKind; id: string }[] {
  const topics = handlers.listTopics({ locale: SOURCE_LOCALE })
  return [...topics.procedures, ...topics.conditions, ...topics.guides].map((t) => ({
    kind: t.kind,
    id: t.id,
  }))
}

/** The print view's route inside the app (after the #). */
export function handoutRoute(kind: ItemKind, id: string, lang: Locale | 'both', paper: Paper): string {
  return `/handouts/${kind}s/${id}?lang=${lang}&paper=${paper}`
}

/** The print view's address; the view marks itself ready with data-handout-ready="true". */
export function handoutPath(kind: ItemKind, id: string, lang: Locale | 'both', paper: Paper): string {
  return `/index.html#${handoutRoute(kind, id, lang, paper)}`
}

/** Any handout, once complete on the page. */
export const HANDOUT_READY_SELECTOR = '[data-handout-ready="true"]'

/** What the print view writes in data-handout-ready-for once this handout is complete. */
export function handoutKey(handout: HandoutPage): string {
  return `${handout.kind}/${handout.id}/${handout.lang}/${handout.paper}`
}

/** This handout, complete: never the one the page showed before. */
export function handoutReadySelector(handout: HandoutPage): string {
  return `[data-handout-ready-for="${handoutKey(handout)}"]`
}

/**
 * Shows a handout in a page that may already hold the app: the first call
 * loads it, later ones change the route (hash history) in place. `page` is
 * whatever the engine offers: Playwright's Page or Electron's webContents.
 */
export async function showHandout(
  page: { loaded: boolean; load(url: string): Promise<void>; run(script: string): Promise<unknown> },
  baseUrl: string,
  handout: HandoutPage,
): Promise<void> {
  const route = handoutRoute(handout.kind, handout.id, handout.lang, handout.paper)
  if (!page.loaded)
    await page.load(`${baseUrl}${handoutPath(handout.kind, handout.id, handout.lang, handout.paper)}`)
  else await page.run(`location.hash = ${JSON.stringify(route)}`)
}

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
  const printer = pagePrinter(
    await context.newPage(),
    `Chromium at ${executablePath} (through playwright-core)`,
  )
  return {
    ...printer,
    async close() {
      await browser.close()
    },
  }
}

/** The exporter's printing in one Playwright page (also what the bench measures). */
export function pagePrinter(page: PlaywrightPage, description: string): PdfPrinter {
  let loaded = false
  return {
    description,
    async print(baseUrl, handout) {
      // The view lays itself out and fits its pages on screen media, as it does for a person.
      await page.emulateMedia({ media: 'screen' })
      await showHandout(
        {
          loaded,
          load: async (url) => {
            await page.goto(url)
            loaded = true
          },
          run: (script) => page.evaluate(script),
        },
        baseUrl,
        handout,
      )
      await page.waitForSelector(handoutReadySelector(handout), { timeout: 20_000 })
      await page.emulateMedia({ media: 'print' })
      return await page.pdf({
        format: handout.paper === 'a4' ? 'A4' : 'Letter',
        printBackground: true,
        preferCSSPageSize: false,
      })
    },
    async close() {
      await page.close()
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

/**
 * Exports the handouts as a person running it wants to see: which printer
 * prints, each file as it is written, and how many; the printer is closed after.
 * (The `export-handouts` command and the app's own export both run this.)
 */
export async function exportHandoutsAndReport(options: Omit<ExportOptions, 'onFile'>): Promise<string[]> {
  console.log(`Printing with ${options.printer.description}`)
  try {
    const files = await exportHandouts({ ...options, onFile: (file) => console.log(`  ${file}`) })
    console.log(`Exported ${files.length} handouts to ${options.outDir}`)
    return files
  } finally {
    await options.printer.close()
  }
}

/** Prints each item in each language, in one loaded page; one file per item and language. */
export async function exportHandouts(options: ExportOptions): Promise<string[]> {
  mkdirSync(options.outDir, { recursive: true })
  const files: string[] = []
  for (const item of options.items) {
    for (const lang of options.langs) {
      const pdf = await options.printer.print(options.baseUrl, { ...item, lang, paper: options.paper })
      const file = join(options.outDir, `${item.kind}-${item.id}.${lang}.pdf`)
      writeFileSync(file, pdf)
      files.push(file)
      options.onFile?.(file)
    }
  }
  return files
}
