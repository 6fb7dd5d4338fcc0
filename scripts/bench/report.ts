/**
 * The benchmark's output: the goals from issue 8, a printed table (median and
 * spread of every figure, against its goal) and the JSON file with exactly the
 * keys the issue names, plus details under other keys.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import type { Summary } from './stats.ts'

export const GOALS = {
  coldLoadRatio: { max: 1.5, unit: '×', what: 'home interactive ÷ static copy' },
  navP95Ms: { max: 50, unit: 'ms', what: 'tap to next step painted, p95' },
  queryP95Ms: { max: 1, unit: 'ms', what: 'getProcedure p95, real library' },
  searchP95Ms: { max: 5, unit: 'ms', what: 'search p95, real library' },
  queryP95MsAt100x: { max: 1, unit: 'ms', what: 'getProcedure p95, 100× library' },
  searchP95MsAt100x: { max: 5, unit: 'ms', what: 'search p95, 100× library' },
  handoutPdfRatio: {
    max: 1.3,
    unit: '×',
    what: 'one handout PDF by route in the loaded app ÷ its static copy',
  },
  handoutBatchRatio: { max: 1.3, unit: '×', what: 'every handout, both languages, batch ÷ static copies' },
  soakAppGrowthPct: { max: 2, unit: '%', what: 'heap the app keeps, soak session 1,000 → 5,000' },
  soakDomDrift: { max: 0, unit: '', what: 'DOM nodes + listeners changed, soak checkpoints after 1,000' },
  soakRendererGrowthPct: { max: 5, unit: '%', what: 'renderer process memory, soak session 1,000 → 5,000' },
  initialJsKbGz: { max: 150, unit: 'KB', what: 'JS the home screen loads, gzip' },
  initialCssKbGz: { max: 30, unit: 'KB', what: 'CSS the home screen loads, gzip' },
  contentBuildSecondsAt100x: { max: 5, unit: 's', what: 'content build, 100× library' },
  usageTapP95Ms: { max: 0.2, unit: 'ms', what: "a tap's usage count on the contract thread, p95" },
  // Issue 23: 200 kiosks, each its own data folder and tuf-js client, from one loopback nginx.
  feed200Seconds: {
    max: 600,
    unit: 's',
    what: '200 kiosks each take a new pack from one nginx, until all have',
  },
  feed200Failures: { max: 0, unit: '', what: 'refused checks among the 200 (the update and the next check)' },
  feed200MetadataKb: { max: 16, unit: 'KB', what: 'what one kiosk fetches for an update besides the pack' },
  feed200IdleKb: { max: 2, unit: 'KB', what: 'what one kiosk fetches for a daily check with nothing new' },
  readAloudFirstSentenceMs: {
    max: 1000,
    unit: 'ms',
    what: 'tap on Read aloud to the first speak(), a system voice',
  },
  readAloudFirstSentenceEspeakMs: {
    max: 1000,
    unit: 'ms',
    what: 'tap on Read aloud to the first sentence playing, bundled eSpeak voice',
  },
} as const

export type FigureKey = keyof typeof GOALS
export const FIGURE_KEYS = Object.keys(GOALS) as FigureKey[]

export type Figures = Record<FigureKey, Summary>

export interface BenchReport extends Record<FigureKey, number | null> {
  /** Per figure: median, min, max, relative spread, every run, the goal and whether it is met. */
  details: Record<FigureKey, (Summary & { goal: number; met: boolean }) | null>
  [extra: string]: unknown
}

export function met(key: FigureKey, value: number): boolean {
  return Number.isFinite(value) && value <= GOALS[key].max
}

/** The JSON report: every required key (null when a figure could not be measured), then the details. */
export function buildReport(figures: Partial<Figures>, extra: Record<string, unknown> = {}): BenchReport {
  const report = { details: {} } as BenchReport
  for (const key of FIGURE_KEYS) {
    const s = figures[key]
    report[key] = s && Number.isFinite(s.median) ? round(s.median) : null
    report.details[key] = s ? { ...s, goal: GOALS[key].max, met: met(key, s.median) } : null
  }
  return Object.assign(report, extra)
}

export function writeReport(file: string, report: BenchReport): void {
  mkdirSync(dirname(file), { recursive: true })
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`)
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000
}

function fmt(n: number): string {
  if (!Number.isFinite(n)) return '-'
  return Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 10 ? n.toFixed(1) : n.toFixed(2)
}

/** The printed table: one line per figure. */
export function formatTable(figures: Partial<Figures>): string {
  const rows = [['figure', 'median', 'min–max', 'spread', 'runs', 'goal', '', 'what']]
  for (const key of FIGURE_KEYS) {
    const s = figures[key]
    const g = GOALS[key]
    rows.push(
      s
        ? [
            key,
            fmt(s.median),
            `${fmt(s.min)}–${fmt(s.max)}`,
            `±${Math.round((s.relativeSpread * 100) / 2)}%`,
            String(s.runs.length),
            `≤ ${g.max} ${g.unit}`,
            met(key, s.median) ? 'met' : 'MISSED',
            g.what,
          ]
        : [key, '-', '-', '-', '0', `≤ ${g.max} ${g.unit}`, 'not measured', g.what],
    )
  }
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)))
  return rows
    .map((r) =>
      r
        .map((cell, c) => cell.padEnd(widths[c]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n')
}
