/**
 * The figures measured in real Chromium against the production build served by
 * the kiosk's own server: cold load against a static copy of the home screen,
 * tap-to-paint in the walkthrough, handout PDF against a static copy, the heap
 * after many sessions, and what the home screen downloads.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import {
  exportHandouts,
  handoutKey,
  handoutPath,
  handoutReadySelector,
  pagePrinter,
  type HandoutPage,
  type PdfPrinter,
} from '../../src/core/handouts/export.ts'
import type { Locale } from '../../src/shared/contract.ts'
import { launchBarePage } from './cdp.ts'
import { installProbe, interactiveTime, snapshotPage, walkAndReset } from './in-page.ts'
import type { PageProbe, SoakFailure } from './in-page.ts'
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
    const at = await page.evaluate(interactiveTime, 30_000)
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

export interface SoakCheckpoint {
  sessions: number
  /** Used JS heap after two forced collections. */
  heapBytes: number
  /** What the app's JavaScript keeps (heap snapshot, every kind but compiled code and native). */
  appBytes: number
  /** V8's compiled code, reported apart: it grows as functions get hot, whatever the app does. */
  codeBytes: number
  /** Every DOM node alive in the renderer (in the page or detached but still held), and their JS listeners. */
  domNodes: number
  listeners: number
  /** Nodes in the page itself: domNodes minus these is what is detached but still held. */
  documentNodes: number
  /** The renderer process's private memory (RssAnon from /proc), in KB; null where /proc cannot tell. */
  rendererKb: number | null
  /** What the app keeps by kind and constructor (groups of 1 KB or more), to trace a step afterwards. */
  appGroups: Record<string, number>
  /** The groups that changed most since the checkpoint before (none at the first). */
  changedMost: { group: string; bytes: number }[]
}

export interface SoakRun {
  /** Who drove the page: 'bare' (no Network domain) or 'playwright'. */
  driver: SoakDriver
  /** The protocol domains the bare driver used, in order of first use; null for Playwright (it enables its own). */
  protocolDomains: string[] | null
  sessions: number
  /** The session from which the app must stay flat (the first 1,000 warm it up). */
  steadyFrom: number
  seconds: number
  checkpoints: SoakCheckpoint[]
  /** What the app keeps, steadyFrom → last, in %. */
  appGrowthPct: number
  /** Largest change in DOM nodes plus listeners between the steady checkpoints (0 = equal at every one). */
  domDrift: number
  /** Renderer private memory, steadyFrom → last, in %; null where it could not be read. */
  rendererGrowthPct: number | null
  /** Sessions that could not finish (numbered from the soak's start), with where each stuck. */
  failures: SoakFailure[]
}

/** Nodes in the page's document (the DOM counters also count detached ones still held). In the page. */
function countDocumentNodes(): number {
  const doc = (
    globalThis as unknown as {
      document: { createTreeWalker(root: unknown, show: number): { nextNode(): unknown } }
    }
  ).document
  const walker = doc.createTreeWalker(doc, 0xffffffff)
  let n = 1
  while (walker.nextNode()) n++
  return n
}

interface SnapshotJson {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } }
  nodes: number[]
  strings?: string[]
}

/** Kinds that are not the app's: V8's compiled code and the browser's own objects. */
const NOT_THE_APPS = new Set(['code', 'native', 'synthetic'])

/**
 * What the app keeps, summed by kind and constructor ("object Map", "closure
 * onTap", strings together), groups of 1 KB or more: enough to tell what a step
 * between two checkpoints is made of. A name V8 ends with a node id ("scope
 * @8123") is grouped without it: the ids change from one snapshot to the next.
 */
export function appGroups(snapshot: SnapshotJson): Record<string, number> {
  const fields = snapshot.snapshot.meta.node_fields
  const types = snapshot.snapshot.meta.node_types[0]
  const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f)) as [
    number,
    number,
    number,
  ]
  const all: Record<string, number> = {}
  for (let i = 0; i < snapshot.nodes.length; i += fields.length) {
    const type = types[snapshot.nodes[i + typeAt]!] ?? 'unknown'
    if (NOT_THE_APPS.has(type)) continue
    const group = type.endsWith('string')
      ? 'string'
      : `${type} ${(snapshot.strings?.[snapshot.nodes[i + nameAt]!] ?? '').replace(/ @\d+$/, '')}`
    all[group] = (all[group] ?? 0) + snapshot.nodes[i + sizeAt]!
  }
  return Object.fromEntries(Object.entries(all).filter(([, bytes]) => bytes >= 1024))
}

/** The `n` groups that changed most between two checkpoints, either way, largest first. */
export function groupChanges(
  before: Record<string, number>,
  after: Record<string, number>,
  n: number,
): { group: string; bytes: number }[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .map((group) => ({ group, bytes: (after[group] ?? 0) - (before[group] ?? 0) }))
    .filter((change) => change.bytes !== 0)
    .sort((a, b) => Math.abs(b.bytes) - Math.abs(a.bytes))
    .slice(0, n)
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
    .filter(([kind]) => !NOT_THE_APPS.has(kind))
    .reduce((sum, [, bytes]) => sum + bytes, 0)
}

/** Private memory (RssAnon) of every Chromium renderer process below `browserPid`, in KB. */
function rendererMemoryKb(browserPid: number | undefined): number | null {
  if (!browserPid || !existsSync('/proc/self/status')) return null
  const parents = new Map<number, number>()
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8')
      parents.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]))
    } catch {
      // gone meanwhile
    }
  }
  const below = (pid: number): boolean => {
    for (let p = parents.get(pid); p !== undefined && p > 1; p = parents.get(p))
      if (p === browserPid) return true
    return false
  }
  let kb = 0
  let found = 0
  for (const pid of parents.keys()) {
    try {
      if (!below(pid) || !readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer')) continue
      const anon = /^RssAnon:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
      if (anon) {
        kb += Number(anon[1])
        found++
      }
    } catch {
      // gone meanwhile
    }
  }
  return found ? kb : null
}

/** How the soak's page is driven: by hand over the protocol with no Network domain, or by Playwright. */
export type SoakDriver = 'bare' | 'playwright'

/** What the soak needs of its page, whoever drives it. */
interface SoakPage {
  pid: number | undefined
  /** Every method sent, where the driver keeps them (the bare one does). */
  sent?: string[]
  send<T = Record<string, unknown>>(method: string, params?: Record<string, unknown>): Promise<T>
  on(event: string, listener: (params: Record<string, unknown>) => void): () => void
  evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>
  close(): Promise<void>
}

/** A Playwright page (which enables the Network domain, and with it DevTools' buffer of answers). */
async function playwrightSoakPage(executablePath: string): Promise<SoakPage> {
  const { chromium } = await import('playwright-core')
  const server = await chromium.launchServer({ executablePath, args: BROWSER_ARGS })
  const browser = await chromium.connect(server.wsEndpoint())
  const context = await freshContext(browser)
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  return {
    pid: server.process().pid,
    send: (method, params) => cdp.send(method as 'Runtime.evaluate', params as never) as never,
    on(event, listener) {
      cdp.on(event as 'Runtime.consoleAPICalled', listener as never)
      return () => cdp.off(event as 'Runtime.consoleAPICalled', listener as never)
    },
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    async close() {
      await browser.close()
      await server.close()
    },
  }
}

/** Waits in the page until `selector` is there. */
function waitForSelector(selector: string): Promise<void> {
  const doc = (globalThis as unknown as { document: { querySelector(s: string): unknown } }).document
  return new Promise((resolve, reject) => {
    const deadline = performance.now() + 30_000
    const look = () => {
      if (doc.querySelector(selector)) resolve()
      else if (performance.now() > deadline) reject(new Error(`${selector} did not appear in 30 s`))
      else setTimeout(look, 50)
    }
    look()
  })
}

/**
 * The soak: `sessions` walkthrough-and-reset sessions in one page (each ends
 * through the idle countdown's own endSession, which rebuilds the app), with a
 * checkpoint every `every` sessions. From `steadyFrom` on, the app must keep
 * what it keeps, the DOM and its listeners must not change, and the renderer
 * process must stay flat. A browser of its own, so its renderer can be found;
 * driven by hand with no Network domain unless `driver` says 'playwright'.
 */
export async function measureSoak(
  executablePath: string,
  baseUrl: string,
  procedureId: string,
  plan: { sessions: number; steadyFrom: number; every: number; driver?: SoakDriver },
  onCheckpoint: (checkpoint: SoakCheckpoint) => void = () => {},
  onFailure: (failure: SoakFailure) => void = () => {},
): Promise<SoakRun> {
  const driver = plan.driver ?? 'bare'
  const page =
    driver === 'bare'
      ? await launchBarePage(executablePath, BROWSER_ARGS)
      : await playwrightSoakPage(executablePath)
  const started = performance.now()
  try {
    await page.send('Page.navigate', { url: `${baseUrl}/#/` })
    await page.evaluate(waitForSelector, '.attract').catch(async () => {
      // The navigation may not have committed yet: the old document has no .attract.
      await new Promise((resolve) => setTimeout(resolve, 1_000))
      await page.evaluate(waitForSelector, '.attract')
    })
    const snapshotKinds = async () => {
      const chunks: string[] = []
      const off = page.on('HeapProfiler.addHeapSnapshotChunk', (event) => chunks.push(event.chunk as string))
      await page.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false })
      off()
      const snapshot = JSON.parse(chunks.join('')) as SnapshotJson
      return { kinds: sizesByKind(snapshot), groups: appGroups(snapshot) }
    }
    const checkpoints: SoakCheckpoint[] = []
    const checkpoint = async (sessions: number): Promise<SoakCheckpoint> => {
      // Let the last session's leftovers run out first (a closing keyboard's 400 ms
      // fallback, a request in flight): they hold the old app for a moment, and a
      // checkpoint taken inside that moment counts it as kept.
      await new Promise((resolve) => setTimeout(resolve, 1_000))
      await page.send('HeapProfiler.collectGarbage')
      await page.send('HeapProfiler.collectGarbage')
      const usage = await page.send<{ usedSize: number }>('Runtime.getHeapUsage')
      const dom = await page.send<{ nodes: number; jsEventListeners: number }>('Memory.getDOMCounters')
      const { kinds, groups } = await snapshotKinds()
      const documentNodes = await page.evaluate(countDocumentNodes, undefined)
      return {
        sessions,
        heapBytes: usage.usedSize,
        appBytes: appBytes(kinds),
        codeBytes: kinds.code ?? 0,
        domNodes: dom.nodes,
        listeners: dom.jsEventListeners,
        documentNodes,
        rendererKb: rendererMemoryKb(page.pid),
        appGroups: groups,
        changedMost: groupChanges(checkpoints.at(-1)?.appGroups ?? groups, groups, 5),
      }
    }
    const failures: SoakFailure[] = []
    let done = 0
    while (done < plan.sessions) {
      const n = Math.min(plan.every - (done % plan.every), plan.sessions - done)
      const run = await page.evaluate(walkAndReset, { procedureId, cycles: n })
      if (run.rebuilt !== n) throw new Error(`only ${run.rebuilt} of ${n} sessions were rebuilt`)
      for (const failure of run.failures) {
        const numbered = { ...failure, session: done + failure.session }
        failures.push(numbered)
        onFailure(numbered)
      }
      done += n
      if (done >= plan.steadyFrom || done === plan.every) {
        const point = await checkpoint(done)
        checkpoints.push(point)
        onCheckpoint(point)
      }
    }
    const steady = checkpoints.filter((c) => c.sessions >= plan.steadyFrom)
    const first = steady[0]!
    const last = steady.at(-1)!
    const domDrift = Math.max(
      ...steady.map((c) => Math.abs(c.domNodes - first.domNodes) + Math.abs(c.listeners - first.listeners)),
    )
    return {
      driver,
      protocolDomains: page.sent ? [...new Set(page.sent.map((method) => method.split('.')[0]!))] : null,
      sessions: plan.sessions,
      steadyFrom: plan.steadyFrom,
      seconds: (performance.now() - started) / 1000,
      checkpoints,
      appGrowthPct: ((last.appBytes - first.appBytes) / first.appBytes) * 100,
      domDrift,
      rendererGrowthPct:
        first.rendererKb && last.rendererKb
          ? ((last.rendererKb - first.rendererKb) / first.rendererKb) * 100
          : null,
      failures,
    }
  } finally {
    await page.close()
  }
}

export interface InitialLoad {
  /** Scripts and stylesheets asked for before the home screen was interactive, gzipped. */
  jsKbGz: number
  cssKbGz: number
  /** Scripts asked for after it: the patient screens' chunks the app reads once it is idle. */
  laterJsKbGz: number
  files: { url: string; type: string; bytes: number; gzBytes: number; beforeInteractive: boolean }[]
}

/**
 * The JS and CSS the home screen loads (every script and stylesheet response, gzipped with
 * zlib), split at the moment it was interactive (the cold load's mark): what the first paint
 * waited for, and what the app read afterwards.
 */
export async function measureInitialLoad(browser: Browser, baseUrl: string): Promise<InitialLoad> {
  const context = await freshContext(browser)
  try {
    const page = await context.newPage()
    const bodies: Promise<Omit<InitialLoad['files'][number], 'beforeInteractive'> | null>[] = []
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
    await page.waitForFunction(() => (window as { __bench?: PageProbe }).__bench?.interactiveAt != null)
    // When each file was asked for, on the page's own clock (the probe's).
    const startedBefore = await page.evaluate((base) => {
      const at = (window as { __bench: PageProbe }).__bench.interactiveAt ?? 0
      return performance
        .getEntriesByType('resource')
        .filter((entry) => entry.startTime < at)
        .map((entry) => entry.name.replace(base, ''))
    }, baseUrl)
    const files = (await Promise.all(bodies))
      .filter((f) => f !== null)
      .map((f) => ({ ...f, beforeInteractive: startedBefore.includes(f.url) }))
    const kb = (type: string, before: boolean) =>
      files
        .filter((f) => f.type === type && f.beforeInteractive === before)
        .reduce((s, f) => s + f.gzBytes, 0) / 1024
    return {
      jsKbGz: kb('script', true),
      cssKbGz: kb('stylesheet', true),
      laterJsKbGz: kb('script', false),
      files,
    }
  } finally {
    await context.close()
  }
}

/** Loads a static copy in `page` and prints it: the limit a handout is held against. */
async function printStatic(page: Page, url: string): Promise<number> {
  const t = performance.now()
  await page.goto(url)
  await page.emulateMedia({ media: 'print' })
  const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: false })
  const ms = performance.now() - t
  if (pdf.length < 1000) throw new Error(`the PDF of ${url} is too small to be a handout`)
  return ms
}

/** Prints one handout with the exporter's own printer (one loaded page, moved by route). */
async function printThroughApp(printer: PdfPrinter, baseUrl: string, handout: HandoutPage): Promise<number> {
  const t = performance.now()
  const pdf = await printer.print(baseUrl, handout)
  const ms = performance.now() - t
  if (pdf.length < 1000) throw new Error(`the PDF of ${handoutKey(handout)} is too small to be a handout`)
  return ms
}

/** Static copies of the rendered handouts (same HTML, pictures and styles, no scripts), one file each. */
export async function writeStaticHandouts(
  browser: Browser,
  pages: StaticPages,
  handouts: HandoutPage[],
): Promise<string[]> {
  const context = await browser.newContext()
  try {
    const page = await context.newPage()
    const urls: string[] = []
    for (const [i, handout] of handouts.entries()) {
      const { kind, id, lang, paper } = handout
      await page.goto(`${pages.baseUrl}${handoutPath(kind, id, lang, paper)}`)
      await page.waitForSelector(handoutReadySelector(handout), { timeout: 20_000 })
      const { html, css } = await page.evaluate(snapshotPage, `bench-handout-${i}.css`)
      writeFileSync(join(pages.dir, `bench-handout-${i}.css`), css)
      writeFileSync(join(pages.dir, `bench-handout-${i}.html`), html)
      urls.push(`${pages.baseUrl}/bench-handout-${i}.html`)
    }
    return urls
  } finally {
    await context.close()
  }
}

/**
 * One handout PDF as the exporter makes it (the app already loaded, the next
 * handout reached by route), against printing its static copy, alternating.
 * The subject alternates between two handouts so every print changes route.
 */
export async function measureHandoutPdf(
  browser: Browser,
  baseUrl: string,
  handouts: [HandoutPage, HandoutPage],
  staticUrls: [string, string],
  pairs: number,
): Promise<PairedRuns> {
  const context = await browser.newContext()
  const printer = pagePrinter(await context.newPage(), 'bench')
  const staticPage = await context.newPage()
  try {
    for (const which of [0, 1] as const) {
      await printThroughApp(printer, baseUrl, handouts[which])
      await printStatic(staticPage, staticUrls[which])
    }
    const out: PairedRuns = { subject: [], baseline: [], ratios: [] }
    for (let i = 0; i < pairs; i++) {
      const which = i % 2
      const subjectFirst = Math.floor(i / 2) % 2 === 0
      const runSubject = () => printThroughApp(printer, baseUrl, handouts[which]!)
      const runBaseline = () => printStatic(staticPage, staticUrls[which]!)
      const a = await (subjectFirst ? runSubject() : runBaseline())
      const b = await (subjectFirst ? runBaseline() : runSubject())
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

/**
 * The whole binder: every handout through the real batch exporter (one page),
 * against printing every static copy in one page, alternating `runs` times.
 */
export async function measureBatchExport(
  browser: Browser,
  baseUrl: string,
  handouts: HandoutPage[],
  staticUrls: string[],
  outDir: string,
  runs: number,
): Promise<PairedRuns> {
  const items = [...new Map(handouts.map((h) => [`${h.kind}/${h.id}`, { kind: h.kind, id: h.id }])).values()]
  const langs = [...new Set(handouts.map((h) => h.lang))].filter((l): l is Locale => l !== 'both')
  const out: PairedRuns = { subject: [], baseline: [], ratios: [] }
  const batch = async () => {
    const context = await browser.newContext()
    try {
      const t = performance.now()
      const printer = pagePrinter(await context.newPage(), 'bench')
      const files = await exportHandouts({ baseUrl, items, langs, paper: 'a4', outDir, printer })
      if (files.length !== handouts.length)
        throw new Error(`the batch wrote ${files.length} of ${handouts.length} PDFs`)
      return performance.now() - t
    } finally {
      await context.close()
    }
  }
  const statics = async () => {
    const context = await browser.newContext()
    try {
      const t = performance.now()
      const page = await context.newPage()
      for (const url of staticUrls) await printStatic(page, url)
      return performance.now() - t
    } finally {
      await context.close()
    }
  }
  for (let i = 0; i < runs; i++) {
    const subjectFirst = i % 2 === 0
    const a = await (subjectFirst ? batch() : statics())
    const b = await (subjectFirst ? statics() : batch())
    const [subject, baseline] = subjectFirst ? [a, b] : [b, a]
    out.subject.push(subject)
    out.baseline.push(baseline)
    out.ratios.push(subject / baseline)
  }
  return out
}

/** p95 of each run of taps, and the median tap, for the report. */
export function tapFigures(runs: number[][]): { p95s: number[]; medians: number[] } {
  return { p95s: runs.map((r) => percentile(r, 95)), medians: runs.map((r) => median(r)) }
}

/** What the page recorded of one "Read aloud" tap (performance.now() times in the page). */
interface SpeechTimes {
  tapAt: number | null
  spokeAt: number | null
}

/**
 * A system voice for the page, installed before the app starts: Debian's
 * Chromium has no voices, so speechSynthesis is wrapped with one local English
 * voice whose speak() notes the time it is called (the utterance would start
 * there). Runs in the page.
 */
function installStandInVoice(): void {
  const times = { tapAt: null as number | null, spokeAt: null as number | null }
  class StandInUtterance {
    text: string
    rate = 1
    voice: unknown = null
    lang = ''
    constructor(text: string) {
      this.text = text
    }
  }
  const voice = { name: 'Stand-in', lang: 'en-GB', localService: true, default: true, voiceURI: 'stand-in' }
  const synth = {
    speaking: false,
    pending: false,
    paused: false,
    getVoices: () => [voice],
    speak() {
      times.spokeAt ??= performance.now()
    },
    cancel() {},
    pause() {},
    resume() {},
    addEventListener() {},
    removeEventListener() {},
  }
  const page = globalThis as unknown as Record<string, unknown>
  Object.defineProperty(page, 'speechSynthesis', { value: synth, configurable: true })
  Object.defineProperty(page, 'SpeechSynthesisUtterance', { value: StandInUtterance, configurable: true })
  page.__speech = times
}

/** The bundled eSpeak voice: notes when the first sentence's audio is handed to the <audio> element. Runs in the page. */
function watchBundledVoice(): void {
  const times = { tapAt: null as number | null, spokeAt: null as number | null }
  const play = HTMLMediaElement.prototype.play
  HTMLMediaElement.prototype.play = function (this: HTMLMediaElement) {
    times.spokeAt ??= performance.now()
    return play.call(this)
  }
  ;(globalThis as unknown as Record<string, unknown>).__speech = times
}

export interface ReadAloudStart {
  /** A system voice (stand-in speechSynthesis): tap to speak(), ms. */
  systemMs: number[]
  /** The bundled eSpeak NG voice: tap to the first sentence's audio play(), ms. */
  espeakMs: number[]
  /** eSpeak with no session start before the tap (a deep link, tapped at once): the cold case. */
  espeakColdMs: number[]
}

/**
 * Tap to the first sentence of read-aloud, in a fresh context each time, as a
 * patient meets it: the attract screen, a tap to start (which readies the
 * voice), the walkthrough's first step, a moment to look at it, then "Read
 * aloud". Timed in the page, from the tap's click to the voice being asked to
 * speak: speak() for a system voice, the <audio> element's play() for eSpeak.
 */
export async function measureReadAloudStart(
  browser: Browser,
  baseUrl: string,
  procedureId: string,
  runs: number,
  lookMs = 3000,
): Promise<ReadAloudStart> {
  const once = async (voice: 'system' | 'espeak', fromStart: boolean): Promise<number> => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, hasTouch: true })
    try {
      await context.addInitScript(voice === 'system' ? installStandInVoice : watchBundledVoice)
      const page = await context.newPage()
      const step = `#/procedures/${procedureId}/steps/1`
      if (fromStart) {
        await page.goto(`${baseUrl}/#/`)
        await page.locator('.attract').tap({ position: { x: 20, y: 700 } })
        await page.waitForURL(/#\/home$/)
        await page.evaluate((hash) => ((window as { location: { hash: string } }).location.hash = hash), step)
      } else {
        await page.goto(`${baseUrl}/${step}`)
      }
      await page.locator('h1').waitFor()
      if (fromStart) await page.waitForTimeout(lookMs)
      const button = page.getByRole('button', { name: 'Read aloud' })
      await button.waitFor()
      await page.evaluate(() => {
        const times = (window as unknown as { __speech: SpeechTimes }).__speech
        document.addEventListener('click', () => (times.tapAt ??= performance.now()), { capture: true })
      })
      await button.tap()
      await page.waitForFunction(
        () => (window as unknown as { __speech: SpeechTimes }).__speech.spokeAt !== null,
        undefined,
        { timeout: 30_000, polling: 10 },
      )
      const times = await page.evaluate(() => (window as unknown as { __speech: SpeechTimes }).__speech)
      return times.spokeAt! - times.tapAt!
    } finally {
      await context.close()
    }
  }
  const out: ReadAloudStart = { systemMs: [], espeakMs: [], espeakColdMs: [] }
  // One of each to warm the browser and the server; not counted.
  await once('system', true)
  await once('espeak', true)
  for (let i = 0; i < runs; i++) {
    out.systemMs.push(await once('system', true))
    out.espeakMs.push(await once('espeak', true))
    out.espeakColdMs.push(await once('espeak', false))
  }
  return out
}
