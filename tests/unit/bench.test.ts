/**
 * Guards the benchmark code (scripts/bench) on tiny inputs, so `npm run bench`
 * cannot rot between the times someone runs it. No browser: the Chromium
 * measurements are exercised by the bench itself (`npm run bench -- --quick`).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { appBytes, appGroups, groupChanges, sizesByKind } from '../../scripts/bench/browser.ts'
import { buildSynthetic, measureQueriesIn, measureUsageTaps, timeBuild } from '../../scripts/bench/content.ts'
import { PHASES, selectedPhases } from '../../scripts/bench/phases.ts'
import { FIGURE_KEYS, buildReport, formatTable, writeReport } from '../../scripts/bench/report.ts'
import { median, percentile, summarize } from '../../scripts/bench/stats.ts'
import { copyItemYaml } from '../../scripts/bench/synthetic.ts'
import { CONTENT_DIR } from '../../src/core/paths.ts'
import { measureFeedUpdate } from '../../scripts/bench/feed.ts'
import { buildContentDb } from '../../src/core/content/build.ts'
import { buildFixtureDb, copyFixtureContent, editFile } from '../fixtures/library.ts'

const work = mkdtempSync(join(tmpdir(), 'bench-test-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

describe('the benchmark arithmetic', () => {
  it('takes percentiles by interpolating between ranks', () => {
    const samples = [5, 1, 4, 2, 3]
    expect(percentile(samples, 0)).toBe(1)
    expect(percentile(samples, 100)).toBe(5)
    expect(median(samples)).toBe(3)
    expect(percentile([1, 2, 3, 4], 50)).toBe(2.5)
    expect(
      percentile(
        Array.from({ length: 101 }, (_, i) => i),
        95,
      ),
    ).toBe(95)
    expect(percentile([], 95)).toBeNaN()
    expect(() => percentile([1], 101)).toThrow(RangeError)
  })

  it('summarises runs as a median with their spread', () => {
    expect(summarize([10, 12, 8])).toEqual({
      median: 10,
      min: 8,
      max: 12,
      relativeSpread: 0.4,
      runs: [10, 12, 8],
    })
  })
})

describe('choosing phases', () => {
  it('runs every phase but the soak by default, and the named phases or groups with --only', () => {
    // The soak and feed200 take far longer than a few minutes: only when asked for.
    expect([...selectedPhases(undefined)]).toEqual(PHASES.filter((p) => p !== 'soak' && p !== 'feed200'))
    expect([...selectedPhases('feed200')]).toEqual(['feed200'])
    expect([...selectedPhases('soak')]).toEqual(['soak'])
    expect([...selectedPhases('queries')]).toEqual(['queries'])
    expect([...selectedPhases('node')]).toEqual(['build', 'queries'])
    expect([...selectedPhases('soak, nav')]).toEqual(['soak', 'nav'])
    expect(selectedPhases('browser').has('build')).toBe(false)
  })

  it('refuses a phase it does not know, naming the ones it does', () => {
    expect(() => selectedPhases('soak,speed')).toThrow(/unknown phase "speed".*build, queries/)
  })
})

describe('the heap breakdown', () => {
  it('sums a heap snapshot by kind, and counts compiled code and browser objects apart from the app', () => {
    // Three nodes of [type, name, id, self_size]: an object, V8 code, a string.
    const snapshot = {
      snapshot: {
        meta: {
          node_fields: ['type', 'name', 'id', 'self_size'],
          node_types: [['hidden', 'object', 'code', 'string', 'concatenated string', 'native']] as [string[]],
        },
      },
      nodes: [1, 0, 1, 100, 2, 0, 2, 400, 3, 0, 3, 30, 4, 0, 4, 20, 5, 0, 5, 1000],
    }
    const kinds = sizesByKind(snapshot)
    expect(kinds).toEqual({ object: 100, code: 400, string: 50, native: 1000 })
    expect(appBytes(kinds)).toBe(150)
  })

  it('sums what the app keeps by constructor, so a step between checkpoints can be traced to what holds it', () => {
    // [type, name, id, self_size]: two Maps, a closure, a string, V8 code, a native node, and
    // two scopes V8 names after their node ids (a new id in every snapshot: one group).
    const snapshot = {
      snapshot: {
        meta: {
          node_fields: ['type', 'name', 'id', 'self_size'],
          node_types: [['object', 'closure', 'string', 'code', 'native']] as [string[]],
        },
      },
      strings: [
        'Map',
        'onTap',
        'some text',
        'bytecode',
        'HTMLDivElement',
        'system / Context / scope @81',
        'system / Context / scope @93',
      ],
      nodes: [
        0, 0, 1, 3000, 0, 0, 2, 2000, 1, 1, 3, 1200, 2, 2, 4, 900, 3, 3, 5, 9000, 4, 4, 6, 5000, 0, 5, 81,
        600, 0, 6, 93, 600,
      ],
    }
    // Groups under 1 KB are left out: they cannot explain a step worth tracing.
    expect(appGroups(snapshot)).toEqual({
      'object Map': 5000,
      'closure onTap': 1200,
      'object system / Context / scope': 1200,
    })
    const before = { 'object Map': 5000, 'closure onTap': 1200, 'object Gone': 2048 }
    const after = { 'object Map': 9000, 'closure onTap': 1100, 'array (object elements)': 4096 }
    // The largest changes either way, largest first: new groups count in full, gone ones as negative.
    expect(groupChanges(before, after, 3)).toEqual([
      { group: 'array (object elements)', bytes: 4096 },
      { group: 'object Map', bytes: 4000 },
      { group: 'object Gone', bytes: -2048 },
    ])
  })
})

describe('the synthetic content', () => {
  it('gives each copy a new id and a title that names the copy', () => {
    const text = "kind: procedure\nid: hip-shot\ntitle: 'Hip shot: what happens'\nsummary: x\n"
    const copy = copyItemYaml(text, 'hip-shot', 3)
    expect(copy).toContain('id: hip-shot-copy-3\n')
    expect(copy).toContain("title: 'Hip shot: what happens (3)'\n")
    expect(copyItemYaml('id: a\ntitle: Plain\n', 'a', 2)).toBe('id: a-copy-2\ntitle: Plain (2)\n')
  })

  it('builds a 2× library with twice the items, and answers queries against it', () => {
    const one = timeBuild(CONTENT_DIR, join(work, 'one.sqlite'))
    const two = buildSynthetic(CONTENT_DIR, work, 2)
    const items = (s: typeof one.summary) => s.counts.conditions + s.counts.procedures
    expect(items(two.summary)).toBe(2 * items(one.summary))
    expect(two.seconds).toBeGreaterThan(0)
    const figures = measureQueriesIn(two.db, 20)
    expect(figures.queryP95Ms).toBeGreaterThan(0)
    expect(figures.searchP95Ms).toBeGreaterThan(0)
  })
})

describe('the report', () => {
  it('measures the time a tap spends on its usage count through the core', () => {
    const p95 = measureUsageTaps(buildFixtureDb(work), 120)
    expect(p95).toBeGreaterThan(0)
    expect(p95).toBeLessThan(1000)
  })

  it('writes every key the issue names, null for a figure not measured', () => {
    const file = join(work, 'out', 'bench.json')
    writeReport(file, buildReport({ navP95Ms: summarize([30, 40, 35]) }, { plan: 'tiny' }))
    const json = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>
    for (const key of [
      'coldLoadRatio',
      'navP95Ms',
      'queryP95Ms',
      'searchP95Ms',
      'queryP95MsAt100x',
      'searchP95MsAt100x',
      'handoutPdfRatio',
      'handoutBatchRatio',
      'soakAppGrowthPct',
      'soakDomDrift',
      'soakRendererGrowthPct',
      'initialJsKbGz',
      'initialCssKbGz',
      'contentBuildSecondsAt100x',
      'usageTapP95Ms',
      'feed200Seconds',
      'feed200Failures',
      'feed200MetadataKb',
      'feed200IdleKb',
      'readAloudFirstSentenceMs',
      'readAloudFirstSentenceEspeakMs',
    ]) {
      expect(json).toHaveProperty(key)
    }
    expect(FIGURE_KEYS).toHaveLength(21)
    expect(json.navP95Ms).toBe(35)
    expect(json.coldLoadRatio).toBeNull()
    expect(json.plan).toBe('tiny')
  })

  it('prints each figure against its goal', () => {
    const table = formatTable({ navP95Ms: summarize([30, 40, 35]), soakAppGrowthPct: summarize([12]) })
    expect(table).toMatch(/navP95Ms\s+35\.0\s+30\.0–40\.0\s+±14%\s+3\s+≤ 50 ms\s+met/)
    expect(table).toMatch(/soakAppGrowthPct\s+12\.0.*MISSED/)
    expect(table).toMatch(/coldLoadRatio.*not measured/)
  })
})

describe('the feed200 phase, on three kiosks', () => {
  it('counts what each kiosk fetched from nginx: the pack and a few KB of metadata, then under 2 KB with nothing new', async () => {
    const packA = buildFixtureDb(work)
    const content = copyFixtureContent(join(work, 'b'))
    editFile(content, 'conditions/sore-hip.en.yaml', (t) => t.replace(/^summary: .*$/m, 'summary: Reworded.'))
    const packB = join(work, 'b.sqlite')
    buildContentDb(content, packB)
    const result = await measureFeedUpdate({
      work: join(work, 'feed'),
      packs: [packA, packB],
      kiosks: 3,
      concurrency: 2,
    })
    expect(result.failures).toEqual([])
    expect(result.updated).toBe(3)
    for (const bytes of result.updateBytesPerKiosk) {
      expect(bytes).toBeGreaterThan(result.packBytes)
      expect(bytes - result.packBytes).toBeLessThan(16 * 1024)
    }
    for (const bytes of result.idleBytesPerKiosk) expect(bytes).toBeLessThan(2048)
    expect(result.requestsPerIdleCheck).toBe(2)
  }, 30_000)
})
