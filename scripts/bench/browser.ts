/**
 * The figures measured in real Chromium against the production build served by
 * the kiosk's own server: cold load against a static copy of the home screen,
 * tap-to-paint in the walkthrough, handout PDF against a static copy, the heap
 * after many sessions, and what the home screen downloads.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { HANDOUT_READY_SELECTOR, handoutPath } from '../../src/core/handouts/export.ts'
import { installProbe, snapshotPage, walkAndReset } from './in-page.ts'
import type { PageProbe } from './in-page.ts'
import { median, percentile } from './stats.ts'

export const BROWSER_ARGS = [
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

export async function launchChromium(executablePath: string): Promise<Browser> {
  const { chromium } = await import('playwright-core')
  return chromium.launch({ executablePath, args: BROWSER_ARGS })
}

/** A fresh kiosk-sized touchscreen context: no cache, no storage. */
async function freshContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, hasTouch: true })
  await context.addInitScript(installProbe)
  return context
}

function probe(page: Page): Promise<PageProbe> {
  return page.evaluate(() => (window as unknown as { __bench: PageProbe }).__bench)
}

declare const window: unknown

/** Where the bench writes its static copies: inside the served renderer folder, so the same server sends them. */
export interface StaticPages {
  dir: string
  baseUrl: string
}

/** Loads `url` in a fresh context; ms from navigation to the doors painted with the main thread free. */
async function timeColdLoad(browser: Browser, url: string, checkTap: boolean): Promise<number> {
  const context = await freshContext(browser)
  try {
    const page = await context.newPage()
    await page.goto(url, { waitUntil: 'commit' })
    await page.waitForFunction(
      () => (window as { __bench?: PageProbe }).__bench?.interactiveAt != null,
      undefined,
      { timeout: 30_000, polling: 50 },
    )
    const at = (await probe(page)).interactiveAt ?? Number.NaN
    if (checkTap) {
      // Interactive means a tap works: the first door must take the patient on.
      await page.locator('.door').first().tap()
      await page.waitForURL(/#\/conditions$/, { timeout: 10_000 })
    }
    return at
  } finally {
    await context.close()
  }
}

/** Saves the home screen as a static page (same HTML, pictures and styles, no scripts). */
export async function writeStaticHome(browser: Browser, pages: StaticPages): Promise<string> {
  const context = await freshContext(browser)
  try {
    const page = await context.newPage()
    await page.goto(`${pages.baseUrl}/#/home`)
    await page.locator('.door').first().waitFor()
    const { html, css } = await page.evaluate(snapshotPage, 'bench-home.css')
    writeFileSync(join(pages.dir, 'bench-home.css'), css)
    writeFileSync(join(pages.dir, 'bench-home.html'), html)
    return `${pages.baseUrl}/bench-home.html`
  } finally {
    await context.close()
  }
}

export interface PairedRuns {
  subject: number[]
  baseline: number[]
  ratios: number[]
}

/** Cold loads of the app's home screen and of its static copy, alternating, `pairs` times. */
export async function measureColdLoad(
  browser: Browser,
  baseUrl: string,
  staticUrl: string,
  pairs: number,
): Promise<PairedRuns> {
  // One of each to warm the browser and the server; not counted.
  await timeColdLoad(browser, `${baseUrl}/#/home`, true)
  await timeColdLoad(browser, staticUrl, true)
  const out: PairedRuns = { subject: [], baseline: [], ratios: [] }
  for (let i = 0; i < pairs; i++) {
    // Alternate which goes first, so neither always meets a busier machine.
    const order = i % 2 ? (['baseline', 'subject'] as const) : (['subject', 'baseline'] as const)
    const pair: Record<string, number> = {}
    for (const which of order) {
      pair[which] = await timeColdLoad(
        browser,
        which === 'subject' ? `${baseUrl}/#/home` : staticUrl,
        i === 0,
      )
    }
    out.subject.push(pair.subject!)
    out.baseline.push(pair.baseline!)
    out.ratios.push(pair.subject! / pair.baseline!)
  }
  return out
}

/** Taps Next through a procedure's walkthrough; returns each tap-to-painted time (ms). */
export async function measureNavigation(
  browser: Browser,
  baseUrl: string,
  procedureId: string,
  taps: number,
): Promise<number[]> {
  const context = await freshContext(browser)
  try {
    const page = await context.newPage()
    const first = `#/procedures/${procedureId}/steps/1`
    await page.goto(`${baseUrl}/${first}`)
    const next = page.locator('.step__next')
    await next.waitFor()
    let counted = 0
    while (counted < taps) {
      const href = (await next.getAttribute('href')) ?? ''
      if (href.endsWith('/risks')) {
        // The last step: back to the first without a tap (not a step-to-step move).
        await page.evaluate(
          (hash) => ((window as { location: { hash: string } }).location.hash = hash),
          first,
        )
        await page.waitForURL(/\/steps\/1$/)
        await next.waitFor()
        continue
      }
      await next.tap()
      await page.waitForFunction(
        (n) => ((window as { __bench: PageProbe }).__bench.taps.length ?? 0) > n,
        counted,
        { polling: 'raf', timeout: 10_000 },
      )
      counted++
    }
    return (await probe(page)).taps.slice(0, taps)
  } finally {
    await context.close()
  }
}

export interface HeapRun {
  firstBytes: number
  lastBytes: number
  growthPct: number
  cycles: number
  /** Heap after GC at each checkpoint, for the trend. */
  checkpoints: { cycles: number; bytes: number; domNodes: number; listeners: number }[]
  /**
   * What the heap holds after the first cycle and after the last, by kind of
   * node in a heap snapshot: `code` is V8's compiled code (it grows as functions
   * get hot and are optimised), `native` the browser's own objects; the rest is
   * what the app's JavaScript keeps (objects, arrays, closures, strings, shapes).
   */
  byKind: { first: Record<string, number>; last: Record<string, number> }
  /** Growth of what the app's JavaScript keeps: every kind but code and native. */
  appGrowthPct: number
}

interface SnapshotJson {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } }
  nodes: number[]
}

/** Self sizes in a heap snapshot, summed by node type (string kinds together). */
export function sizesByKind(snapshot: SnapshotJson): Record<string, number> {
  const fields = snapshot.snapshot.meta.node_fields
  const types = snapshot.snapshot.meta.node_types[0]
  const typeAt = fields.indexOf('type')
  const sizeAt = fields.indexOf('self_size')
  const out: Record<string, number> = {}
  for (let i = 0; i < snapshot.nodes.length; i += fields.length) {
    const type = types[snapshot.nodes[i + typeAt]!] ?? 'unknown'
    const kind = type.endsWith('string') ? 'string' : type
    out[kind] = (out[kind] ?? 0) + snapshot.nodes[i + sizeAt]!
  }
  return out
}

/** Everything but V8's compiled code and the browser's own objects. */
export function appBytes(kinds: Record<string, number>): number {
  return Object.entries(kinds)
    .filter(([kind]) => kind !== 'code' && kind !== 'native' && kind !== 'synthetic')
    .reduce((sum, [, bytes]) => sum + bytes, 0)
}

/** Heap after GC after the first walkthrough-and-reset cycle, and after `cycles` of them. */
export async function measureHeap(
  browser: Browser,
  baseUrl: string,
  procedureId: string,
  cycles: number,
  checkpointEvery = 100,
): Promise<HeapRun> {
  const context = await freshContext(browser)
  try {
    const page = await context.newPage()
    await page.goto(`${baseUrl}/#/`)
    await page.locator('.attract').waitFor()
    const cdp = await context.newCDPSession(page)
    const measure = async (done: number) => {
      await cdp.send('HeapProfiler.collectGarbage')
      await cdp.send('HeapProfiler.collectGarbage')
      const usage = await cdp.send('Runtime.getHeapUsage')
      const dom = (await cdp.send('Memory.getDOMCounters')) as { nodes: number; jsEventListeners: number }
      return { cycles: done, bytes: usage.usedSize, domNodes: dom.nodes, listeners: dom.jsEventListeners }
    }
    const snapshotKinds = async () => {
      await cdp.send('HeapProfiler.collectGarbage')
      const chunks: string[] = []
      const onChunk = (event: { chunk: string }) => chunks.push(event.chunk)
      cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk)
      await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false })
      cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk)
      return sizesByKind(JSON.parse(chunks.join('')) as SnapshotJson)
    }
    const checkpoints: HeapRun['checkpoints'] = []
    let done = 0
    const run = async (n: number) => {
      const rebuilt = await page.evaluate(walkAndReset, { procedureId, cycles: n })
      if (rebuilt !== n) throw new Error(`only ${rebuilt} of ${n} sessions were rebuilt`)
      done += n
    }
    await run(1)
    checkpoints.push(await measure(done))
    const first = await snapshotKinds()
    while (done < cycles) {
      await run(Math.min(checkpointEvery - (done % checkpointEvery), cycles - done))
      if (done % checkpointEvery === 0 || done === cycles) checkpoints.push(await measure(done))
    }
    const last = await snapshotKinds()
    const firstBytes = checkpoints[0]!.bytes
    const lastBytes = checkpoints.at(-1)!.bytes
    return {
      firstBytes,
      lastBytes,
      growthPct: ((lastBytes - firstBytes) / firstBytes) * 100,
      cycles,
      checkpoints,
      byKind: { first, last },
      appGrowthPct: ((appBytes(last) - appBytes(first)) / appBytes(first)) * 100,
    }
  } finally {
    await context.close()
  }
}

export interface InitialLoad {
  jsKbGz: number
  cssKbGz: number
  files: { url: string; type: string; bytes: number; gzBytes: number }[]
}

/** The JS and CSS the home screen loads (every script and stylesheet response), gzipped with zlib. */
export async function measureInitialLoad(browser: Browser, baseUrl: string): Promise<InitialLoad> {
  const context = await freshContext(browser)
  try {
    const page = await context.newPage()
    const bodies: Promise<InitialLoad['files'][number] | null>[] = []
    page.on('response', (response) => {
      const type = response.request().resourceType()
      if (type !== 'script' && type !== 'stylesheet') return
      bodies.push(
        response
          .body()
          .then((body) => ({
            url: response.url().replace(baseUrl, ''),
            type,
            bytes: body.length,
            gzBytes: gzipSync(body, { level: 9 }).length,
          }))
          .catch(() => null),
      )
    })
    await page.goto(`${baseUrl}/#/home`, { waitUntil: 'networkidle' })
    await page.locator('.door').first().waitFor()
    const files = (await Promise.all(bodies)).filter((f) => f !== null)
    const kb = (t: string) => files.filter((f) => f.type === t).reduce((s, f) => s + f.gzBytes, 0) / 1024
    return { jsKbGz: kb('script'), cssKbGz: kb('stylesheet'), files }
  } finally {
    await context.close()
  }
}

async function printPdf(context: BrowserContext, url: string, waitForReady: boolean): Promise<number> {
  const page = await context.newPage()
  try {
    const t = performance.now()
    await page.goto(url)
    if (waitForReady) await page.waitForSelector(HANDOUT_READY_SELECTOR, { timeout: 20_000 })
    await page.emulateMedia({ media: 'print' })
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: false })
    const ms = performance.now() - t
    if (pdf.length < 1000) throw new Error(`the PDF of ${url} is too small to be a handout`)
    return ms
  } finally {
    await page.close()
  }
}

/** A static copy of the rendered handout, printed by the same browser as the limit. */
export async function writeStaticHandout(
  browser: Browser,
  pages: StaticPages,
  procedureId: string,
): Promise<string> {
  const context = await freshContext(browser)
  try {
    const page = await context.newPage()
    await page.goto(`${pages.baseUrl}${handoutPath('procedure', procedureId, 'en', 'a4')}`)
    await page.waitForSelector(HANDOUT_READY_SELECTOR, { timeout: 20_000 })
    const { html, css } = await page.evaluate(snapshotPage, 'bench-handout.css')
    writeFileSync(join(pages.dir, 'bench-handout.css'), css)
    writeFileSync(join(pages.dir, 'bench-handout.html'), html)
    return `${pages.baseUrl}/bench-handout.html`
  } finally {
    await context.close()
  }
}

/** The handout PDF through the print view, against printing its static copy, alternating. */
export async function measureHandoutPdf(
  browser: Browser,
  baseUrl: string,
  staticUrl: string,
  procedureId: string,
  pairs: number,
): Promise<PairedRuns> {
  const context = await freshContext(browser)
  const url = `${baseUrl}${handoutPath('procedure', procedureId, 'en', 'a4')}`
  try {
    await printPdf(context, url, true)
    await printPdf(context, staticUrl, false)
    const out: PairedRuns = { subject: [], baseline: [], ratios: [] }
    for (let i = 0; i < pairs; i++) {
      const subjectFirst = i % 2 === 0
      const a = await printPdf(context, subjectFirst ? url : staticUrl, subjectFirst)
      const b = await printPdf(context, subjectFirst ? staticUrl : url, !subjectFirst)
      const [subject, baseline] = subjectFirst ? [a, b] : [b, a]
      out.subject.push(subject)
      out.baseline.push(baseline)
      out.ratios.push(subject / baseline)
    }
    return out
  } finally {
    await context.close()
  }
}

/** p95 of each run of taps, and the median tap, for the report. */
export function tapFigures(runs: number[][]): { p95s: number[]; medians: number[] } {
  return { p95s: runs.map((r) => percentile(r, 95)), medians: runs.map((r) => median(r)) }
}
