/**
 * `npm run bench [-- --json FILE] [--renderer DIR] [--quick] [--only PHASES] [--soak-sessions N] [--soak-driver bare|playwright] [--cold-against DIR]`
 *
 * PHASES is a comma-separated list of build, queries, initial, cold, nav, speech,
 * pdf, soak, feed200; `node` stands for build,queries and `browser` for initial to
 * soak. A plain run leaves the soak and feed200 out (they take long): `--only
 * soak` or `--only feed200` runs them.
 *
 * Builds the kiosk for production into a temporary folder (or uses --renderer),
 * builds the content database from content/, serves both with the kiosk's own
 * server on 127.0.0.1, and measures every figure of issue 8 several times in
 * real Chromium and in Node, each against its limit in the same run. Prints a
 * table and writes the JSON report. Not part of `npm test`.
 */
import { execFileSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import type { Browser } from 'playwright-core'
import { binderItems, findChromium, type HandoutPage } from '../../src/core/handouts/export.ts'
import { CONTENT_DIR, PROJECT_ROOT } from '../../src/core/paths.ts'
import { createServer } from '../../src/core/server/server.ts'
import { createKioskCore } from '../../src/core/services/handlers.ts'
import {
  launchChromium,
  measureColdLoad,
  measureHandoutPdf,
  measureInitialLoad,
  measureNavigation,
  measureReadAloudStart,
  measureSoak,
  measureBatchExport,
  writeStaticHandouts,
  writeStaticHome,
} from './browser.ts'
import type { SoakDriver, StaticPages } from './browser.ts'
import { buildSynthetic, measureQueriesIn, measureUsageTaps, timeBuild } from './content.ts'
import { measureFeedUpdate } from './feed.ts'
import { buildReport, formatTable, writeReport } from './report.ts'
import type { Figures } from './report.ts'
import { GROUPS, selectedPhases } from './phases.ts'
import { percentile, summarize } from './stats.ts'

const { values: args } = parseArgs({
  options: {
    json: { type: 'string' },
    renderer: { type: 'string' },
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    keep: { type: 'boolean', default: false },
    // Fewer soak sessions than the plan's, e.g. on a machine that cannot spare an hour.
    'soak-sessions': { type: 'string' },
    // Who drives the soak's page: 'bare' (by hand, no Network domain; the default) or 'playwright'.
    'soak-driver': { type: 'string', default: 'bare' },
    // Another production renderer: the cold phase also times this build's home screen against that one's.
    'cold-against': { type: 'string' },
  },
})

const phases = selectedPhases(args.only)

/** How much of each measurement; --quick is for trying the bench itself. */
const PLAN = args.quick
  ? {
      buildRuns: 1,
      queryRuns: 2,
      queryCalls: 200,
      bigQueryCalls: 24,
      coldPairs: 3,
      navRuns: 1,
      navTaps: 30,
      speechRuns: 2,
      pdfPairs: 2,
      batchRuns: 1,
      soak: { sessions: 150, steadyFrom: 50, every: 25 },
      feedKiosks: 20,
    }
  : {
      buildRuns: 2,
      queryRuns: 5,
      queryCalls: 1000,
      // A slow search at 100× would otherwise take minutes: 10 calls per term and language.
      bigQueryCalls: 240,
      coldPairs: 10,
      navRuns: 3,
      navTaps: 200,
      speechRuns: 5,
      pdfPairs: 6,
      batchRuns: 2,
      soak: { sessions: 5000, steadyFrom: 1000, every: 500 },
      feedKiosks: 200,
    }

if (args['soak-sessions']) {
  const sessions = Number(args['soak-sessions'])
  if (!Number.isInteger(sessions) || sessions < PLAN.soak.steadyFrom + PLAN.soak.every)
    throw new Error(`--soak-sessions: a whole number of at least ${PLAN.soak.steadyFrom + PLAN.soak.every}`)
  PLAN.soak.sessions = sessions
}

if (args['soak-driver'] !== 'bare' && args['soak-driver'] !== 'playwright')
  throw new Error(`--soak-driver: 'bare' or 'playwright', not "${args['soak-driver']}"`)
const soakDriver: SoakDriver = args['soak-driver']

const coldAgainstDir = args['cold-against']
if (coldAgainstDir !== undefined) {
  if (!phases.has('cold'))
    throw new Error('--cold-against goes with the cold phase (--only cold, or a plain run)')
  if (!existsSync(join(coldAgainstDir, 'index.html')))
    throw new Error(`--cold-against: no index.html in ${coldAgainstDir} (a production renderer folder)`)
}

const started = performance.now()
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(0)} s`
const log = (message: string) => console.log(`[bench ${elapsed()}] ${message}`)

const work = mkdtempSync(join(tmpdir(), 'kiosk-bench-'))
const figures: Partial<Figures> = {}
const extra: Record<string, unknown> = { plan: PLAN, startedAt: new Date().toISOString() }

/** The production renderer, in a folder of the bench's own (the static copies are written beside it). */
function productionRenderer(): string {
  const renderer = join(work, 'renderer')
  if (args.renderer) {
    cpSync(args.renderer, renderer, { recursive: true })
    extra.renderer = { source: args.renderer }
    return renderer
  }
  log('building the app for production (electron-vite build)…')
  const t = performance.now()
  const outDir = join(work, 'build')
  try {
    execFileSync(
      process.execPath,
      [
        join(PROJECT_ROOT, 'node_modules/electron-vite/bin/electron-vite.js'),
        'build',
        '--outDir',
        outDir,
        '--logLevel',
        'warn',
      ],
      { cwd: PROJECT_ROOT, stdio: ['ignore', 'inherit', 'inherit'] },
    )
  } catch {
    throw new Error(
      'The production build failed (see above). Fix it, or measure an existing build with --renderer out/renderer.',
    )
  }
  extra.renderer = { source: 'built from the working tree', buildSeconds: (performance.now() - t) / 1000 }
  cpSync(join(outDir, 'renderer'), renderer, { recursive: true })
  return renderer
}

function nodeFigures(realDb: string): void {
  let db100 = ''
  if (phases.has('build')) db100 = buildFigures()
  if (!phases.has('queries')) return
  if (!db100) {
    log('building the 100× library for the queries (not timed)…')
    db100 = buildSynthetic(CONTENT_DIR, work, 100).db
  }
  queryFigures(realDb, db100)
}

/** Content build times at 1×, 10× and 100×; returns the 100× database. */
function buildFigures(): string {
  log('content build: 1×, 10×, 100× the real library…')
  const seconds: Record<string, number[]> = { '1': [], '10': [], '100': [] }
  let db100 = ''
  const counts: Record<string, number> = {}
  for (let run = 0; run < PLAN.buildRuns; run++) {
    seconds['1']!.push(timeBuild(CONTENT_DIR, join(work, `content-1x-${run}.sqlite`)).seconds)
    for (const factor of [10, 100]) {
      const b = buildSynthetic(CONTENT_DIR, work, factor)
      seconds[String(factor)]!.push(b.seconds)
      counts[`${factor}x`] = b.summary.counts.conditions + b.summary.counts.procedures
      if (factor === 100) db100 = b.db
    }
  }
  figures.contentBuildSecondsAt100x = summarize(seconds['100']!)
  const m = (f: string) => summarize(seconds[f]!).median
  extra.contentBuild = {
    seconds: {
      '1x': summarize(seconds['1']!),
      '10x': summarize(seconds['10']!),
      '100x': summarize(seconds['100']!),
    },
    items: counts,
    // Linear in size means 100× takes about 10 times as long as 10×.
    ratio100xTo10x: m('100') / m('10'),
  }
  log(
    `content build 100×: ${m('100').toFixed(2)} s (10×: ${m('10').toFixed(2)} s, ratio ${(m('100') / m('10')).toFixed(1)})`,
  )
  return db100
}

function queryFigures(realDb: string, db100: string): void {
  log('core service queries…')
  const real = { q: [] as number[], s: [] as number[] }
  const big = { q: [] as number[], s: [] as number[] }
  for (let run = 0; run < PLAN.queryRuns; run++) {
    const r = measureQueriesIn(realDb, PLAN.queryCalls)
    real.q.push(r.queryP95Ms)
    real.s.push(r.searchP95Ms)
    const b = measureQueriesIn(db100, PLAN.bigQueryCalls)
    big.q.push(b.queryP95Ms)
    big.s.push(b.searchP95Ms)
  }
  const taps: number[] = []
  for (let run = 0; run < PLAN.queryRuns; run++) taps.push(measureUsageTaps(realDb, PLAN.queryCalls))
  figures.usageTapP95Ms = summarize(taps)
  figures.queryP95Ms = summarize(real.q)
  figures.searchP95Ms = summarize(real.s)
  figures.queryP95MsAt100x = summarize(big.q)
  figures.searchP95MsAt100x = summarize(big.s)
}

async function browserFigures(realDb: string): Promise<void> {
  const chromiumPath = findChromium() ?? '/usr/bin/chromium'
  if (!existsSync(chromiumPath)) throw new Error('No Chromium found: install it or set CHROMIUM_PATH.')
  const renderer = productionRenderer()
  const core = createKioskCore({ bundledContent: realDb, dataDir: null })
  const problem = core.contentProblem()
  if (problem) throw new Error(`the content database is unusable: ${problem}`)
  const server = await createServer({ handlers: core.handlers, rendererDir: renderer })
  const baseUrl = await server.listen({ port: 0, host: '127.0.0.1' })
  const browser = await launchChromium(chromiumPath)
  extra.chromium = { path: chromiumPath, version: browser.version() }
  try {
    const procedureId =
      core.handlers.listTopics({ locale: 'en' }).procedures[0]?.id ?? 'ultrasound-guided-hip-injection'
    const pages = { dir: renderer, baseUrl }

    if (phases.has('initial')) {
      log('initial JS and CSS of the home screen…')
      const initial = await measureInitialLoad(browser, baseUrl)
      figures.initialJsKbGz = summarize([initial.jsKbGz])
      figures.initialCssKbGz = summarize([initial.cssKbGz])
      extra.laterJsKbGz = initial.laterJsKbGz
      log(
        `initial JS ${initial.jsKbGz.toFixed(1)} KB gz before the home screen is interactive, ` +
          `${initial.laterJsKbGz.toFixed(1)} KB after it`,
      )
      extra.initialFiles = initial.files
    }

    if (phases.has('cold')) {
      log('cold load: app home screen against its static copy…')
      const staticHome = await writeStaticHome(browser, pages)
      const cold = await measureColdLoad(browser, baseUrl, staticHome, PLAN.coldPairs)
      figures.coldLoadRatio = summarize(cold.ratios)
      extra.coldLoadMs = { app: summarize(cold.subject), static: summarize(cold.baseline) }
      if (coldAgainstDir) extra.coldAgainst = await coldAgainst(browser, core, baseUrl, coldAgainstDir)
    }

    if (phases.has('nav')) {
      log(`walkthrough: ${PLAN.navRuns} × ${PLAN.navTaps} taps on Next…`)
      const navRuns: number[][] = []
      for (let run = 0; run < PLAN.navRuns; run++) {
        navRuns.push(await measureNavigation(browser, baseUrl, procedureId, PLAN.navTaps))
      }
      figures.navP95Ms = summarize(navRuns.map((r) => percentile(r, 95)))
      extra.navMedianMs = summarize(navRuns.map((r) => percentile(r, 50)))
    }

    if (phases.has('speech')) {
      log(`read aloud: tap to the first sentence, ${PLAN.speechRuns}× per voice…`)
      const speech = await measureReadAloudStart(browser, baseUrl, procedureId, PLAN.speechRuns)
      figures.readAloudFirstSentenceMs = summarize(speech.systemMs)
      figures.readAloudFirstSentenceEspeakMs = summarize(speech.espeakMs)
      extra.readAloudFirstSentenceEspeakColdMs = summarize(speech.espeakColdMs)
    }

    if (phases.has('pdf')) {
      // The binder: every handout in both languages, procedures first (the first two are the per-PDF pair).
      const handouts = binderItems(core.handlers).flatMap((t) =>
        (['en', 'es'] as const).map((lang): HandoutPage => ({ kind: t.kind, id: t.id, lang, paper: 'a4' })),
      )
      await pdfFigures(browser, pages, baseUrl, handouts)
    }
    if (phases.has('soak')) {
      const { sessions, steadyFrom } = PLAN.soak
      log(
        `soak: ${sessions} walkthrough-and-reset sessions in one page driven by ${soakDriver}, flat from session ${steadyFrom}…`,
      )
      const soakSoFar: unknown[] = []
      const soak = await measureSoak(
        chromiumPath,
        baseUrl,
        procedureId,
        { ...PLAN.soak, driver: soakDriver },
        (c) => {
          log(
            `soak: session ${c.sessions}: app keeps ${(c.appBytes / 1024).toFixed(0)} KB, compiled code ` +
              `${(c.codeBytes / 1024).toFixed(0)} KB, ${c.domNodes} DOM nodes (${c.documentNodes} in the page), ` +
              `${c.listeners} listeners, renderer ` +
              `${c.rendererKb === null ? 'not readable' : `${(c.rendererKb / 1024).toFixed(1)} MB`}`,
          )
          if (c.changedMost.length)
            log(
              `soak: changed most since the last checkpoint: ${c.changedMost
                .map((g) => `${g.group} ${g.bytes > 0 ? '+' : ''}${(g.bytes / 1024).toFixed(1)} KB`)
                .join(', ')}`,
            )
          // A soak outlives many a shared machine's patience: what it has so far is on disk at every checkpoint.
          soakSoFar.push(c)
          if (args.json)
            writeReport(args.json, buildReport(figures, { ...extra, soakCheckpointsSoFar: soakSoFar }))
        },
        (f) => log(`soak: session ${f.session} stuck waiting for ${f.what} at ${f.hash} ("${f.onScreen}")`),
      )
      figures.soakAppGrowthPct = summarize([soak.appGrowthPct])
      figures.soakDomDrift = summarize([soak.domDrift])
      if (soak.rendererGrowthPct !== null) figures.soakRendererGrowthPct = summarize([soak.rendererGrowthPct])
      extra.soak = soak
      log(
        `soak: ${sessions} sessions in ${soak.seconds.toFixed(0)} s ` +
          `(${((soak.seconds / sessions) * 1000).toFixed(0)} ms a session with its checkpoints), ` +
          `${soak.failures.length} could not finish`,
      )
    }
  } finally {
    await browser.close()
    await server.close()
    core.close()
  }
}

/**
 * Two builds timed against each other directly: each pair loads this build's home screen and the
 * other build's, alternating which goes first, in fresh contexts of one browser. Their ratio does
 * not move with the static copy, so it tells two builds apart where the cold-load ratio cannot
 * (one build against itself: 0.98 to 1.03 in a set of 30 pairs on the 2-core machine).
 */
async function coldAgainst(
  browser: Browser,
  core: ReturnType<typeof createKioskCore>,
  baseUrl: string,
  other: string,
) {
  const pairs = PLAN.coldPairs * 3
  log(`cold load: this build's home screen against ${other}'s, ${pairs} pairs…`)
  const server = await createServer({ handlers: core.handlers, rendererDir: other })
  try {
    const otherUrl = await server.listen({ port: 0, host: '127.0.0.1' })
    const direct = await measureColdLoad(browser, baseUrl, `${otherUrl}/#/home`, pairs)
    const faster = direct.ratios.filter((ratio) => ratio < 1).length
    const ratio = summarize(direct.ratios)
    log(`cold load: this build ÷ the other ${ratio.median.toFixed(3)}, faster in ${faster} of ${pairs} pairs`)
    return {
      renderer: other,
      ratio,
      thisMs: summarize(direct.subject),
      otherMs: summarize(direct.baseline),
      fasterInPairs: faster,
      pairs,
    }
  } finally {
    await server.close()
  }
}

async function pdfFigures(browser: Browser, pages: StaticPages, baseUrl: string, handouts: HandoutPage[]) {
  log(`handout PDFs: ${handouts.length} static copies…`)
  try {
    const staticUrls = await writeStaticHandouts(browser, pages, handouts)
    log('handout PDF: one handout by route in the loaded app, against its static copy…')
    const pdf = await measureHandoutPdf(
      browser,
      baseUrl,
      [handouts[0]!, handouts[1]!],
      [staticUrls[0]!, staticUrls[1]!],
      PLAN.pdfPairs,
    )
    figures.handoutPdfRatio = summarize(pdf.ratios)
    extra.handoutPdfMs = { app: summarize(pdf.subject), static: summarize(pdf.baseline) }
    log(
      `handout PDF: the whole batch (${handouts.length} PDFs) against its static copies, ${PLAN.batchRuns}×…`,
    )
    const batch = await measureBatchExport(
      browser,
      baseUrl,
      handouts,
      staticUrls,
      join(work, 'binder'),
      PLAN.batchRuns,
    )
    figures.handoutBatchRatio = summarize(batch.ratios)
    extra.handoutBatchSeconds = {
      batch: summarize(batch.subject.map((ms) => ms / 1000)),
      static: summarize(batch.baseline.map((ms) => ms / 1000)),
    }
  } catch (err) {
    extra.handoutPdfError = (err as Error).message
    log(`handout PDF not measured: ${(err as Error).message.split('\n')[0]}`)
  }
}

/** 200 kiosks take a new pack from one nginx on loopback (issue 23). */
async function feedFigures(realDb: string): Promise<void> {
  // Pack B: the real library with one summary changed, so every kiosk has something to fetch.
  const content = join(work, 'content-b')
  cpSync(CONTENT_DIR, content, { recursive: true })
  const file = join(content, 'conditions', 'hip-osteoarthritis.en.yaml')
  writeFileSync(file, readFileSync(file, 'utf8').replace(/^summary: (.*)$/m, 'summary: $1 (reworded)'))
  const packB = join(work, 'content-b.sqlite')
  timeBuild(content, packB)
  const feedWork = join(work, 'feed200')
  const result = await measureFeedUpdate({
    work: feedWork,
    packs: [realDb, packB],
    kiosks: PLAN.feedKiosks,
    concurrency: 8,
    log,
  })
  figures.feed200Seconds = summarize([result.secondsUntilAllUpdated])
  figures.feed200Failures = summarize([result.failures.length])
  figures.feed200MetadataKb = summarize(result.updateBytesPerKiosk.map((b) => (b - result.packBytes) / 1024))
  figures.feed200IdleKb = summarize(result.idleBytesPerKiosk.map((b) => b / 1024))
  extra.feed200 = {
    kiosks: result.kiosks,
    updated: result.updated,
    packBytes: result.packBytes,
    // Medians and ranges only: 200 runs each would fill the report.
    updateBytesPerKiosk: { ...summarize(result.updateBytesPerKiosk), runs: undefined },
    idleBytesPerKiosk: { ...summarize(result.idleBytesPerKiosk), runs: undefined },
    requestsPerIdleCheck: result.requestsPerIdleCheck,
    failures: result.failures.slice(0, 10),
  }
  log(
    `feed200: ${result.updated}/${result.kiosks} updated in ${result.secondsUntilAllUpdated.toFixed(1)} s, ` +
      `${result.failures.length} failures; each fetched the ${(result.packBytes / 1024).toFixed(0)} KB pack and ` +
      `${summarize(result.updateBytesPerKiosk.map((b) => b - result.packBytes)).median.toFixed(0)} bytes more; ` +
      `a check with nothing new: ${summarize(result.idleBytesPerKiosk).median.toFixed(0)} bytes in ${result.requestsPerIdleCheck} requests`,
  )
}

try {
  const realDb = join(work, 'content.sqlite')
  timeBuild(CONTENT_DIR, realDb)
  if (phases.has('build') || phases.has('queries')) nodeFigures(realDb)
  if (GROUPS.browser!.some((phase) => phases.has(phase))) await browserFigures(realDb)
  if (phases.has('feed200')) await feedFigures(realDb)
  extra.totalSeconds = (performance.now() - started) / 1000
  console.log(`\n${formatTable(figures)}\n`)
  console.log(`(spread: half the min–max range, as a share of the median; total ${elapsed()})`)
  if (args.json) {
    writeReport(args.json, buildReport(figures, extra))
    console.log(`Wrote ${args.json}`)
  }
} finally {
  if (args.keep) console.log(`Kept ${work}`)
  else rmSync(work, { recursive: true, force: true })
}
