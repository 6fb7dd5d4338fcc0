/**
 * The Node-side figures: building the content database, and the core services'
 * answer times for a procedure and for a full-text search, at the real size and
 * at synthetic sizes. No browser is needed.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildContentDb } from '../../src/core/content/build.ts'
import type { BuildSummary } from '../../src/core/content/build.ts'
import { openContentDb } from '../../src/core/db/open.ts'
import { createContentService } from '../../src/core/services/content-service.ts'
import type { ContentHandlers } from '../../src/core/services/content-service.ts'
import { createKioskCore } from '../../src/core/services/handlers.ts'
import { percentile } from './stats.ts'
import { writeSyntheticContent } from './synthetic.ts'

/**
 * What a patient types: whole words, words being typed (prefixes), both
 * languages, misspelt and everyday words (corrected or widened by synonyms),
 * and words that find nothing in one language (the other languages counted).
 */
export const SEARCH_TERMS = [
  'hip',
  'injection',
  'pain',
  'needle',
  'bursitis',
  'steroid',
  'in',
  'inj',
  'ultrasound guided',
  'how long will it hurt',
  'cadera',
  'inyeccion',
  'steriod',
  'cortisone',
  'dolor nocturno',
] as const

export interface BuildTiming {
  seconds: number
  summary: BuildSummary
}

export function timeBuild(contentDir: string, outFile: string): BuildTiming {
  const t = performance.now()
  const summary = buildContentDb(contentDir, outFile)
  return { seconds: (performance.now() - t) / 1000, summary }
}

/** Builds `factor` times the real library in `workDir`; returns the database file and the build time. */
export function buildSynthetic(
  contentDir: string,
  workDir: string,
  factor: number,
): BuildTiming & { db: string } {
  const { dir } = writeSyntheticContent(contentDir, join(workDir, `content-${factor}x`), factor)
  const db = join(workDir, `content-${factor}x.sqlite`)
  return { ...timeBuild(dir, db), db }
}

export interface QueryFigures {
  queryP95Ms: number
  searchP95Ms: number
  /** Calls timed for each figure. */
  calls: number
}

/**
 * p95 of getProcedure (every procedure, both languages, round robin) and of
 * search (SEARCH_TERMS, both languages), through the same service the app uses.
 */
export function measureQueries(service: ContentHandlers, calls: number): QueryFigures {
  const topics = service.listTopics({ locale: 'en' })
  const keys = topics.procedures.flatMap((p) =>
    (['en', 'es'] as const).map((locale) => ({ id: p.id, locale })),
  )
  if (!keys.length) throw new Error('the library has no procedures to query')
  const searches = SEARCH_TERMS.flatMap((query) =>
    (['en', 'es'] as const).map((locale) => ({ query, locale })),
  )
  const time = (fn: (i: number) => unknown): number[] => {
    for (let i = 0; i < Math.min(50, calls); i++) fn(i) // warm the statement cache and the JIT
    const out: number[] = []
    for (let i = 0; i < calls; i++) {
      const t = performance.now()
      fn(i)
      out.push(performance.now() - t)
    }
    return out
  }
  const query = time((i) => service.getProcedure(keys[i % keys.length]!))
  const search = time((i) => service.search(searches[i % searches.length]!))
  return { queryP95Ms: percentile(query, 95), searchP95Ms: percentile(search, 95), calls }
}

/** Opens a content database read-only, as the app does, and measures it. */
export function measureQueriesIn(dbFile: string, calls: number): QueryFigures {
  const db = openContentDb(dbFile)
  try {
    return measureQueries(createContentService(db), calls)
  } finally {
    db.close()
  }
}

/**
 * The time a patient's tap spends on the thread that answers the contract for
 * its usage count (recordUsage through the core, with a real kiosk.sqlite in
 * a temporary data folder): sessions of a few dozen taps two seconds apart,
 * each ending with its session-length count, as the screens send them. Counts
 * wait in memory and are written at most once a minute and at a session's end,
 * so most taps never touch the disk.
 */
export function measureUsageTaps(bundledContent: string, taps: number): number {
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-bench-usage-'))
  let clock = Date.parse('2026-11-23T09:00:00')
  const core = createKioskCore({ bundledContent, dataDir, now: () => clock, log: () => {} })
  const screens = ['home', 'procedures', 'procedure', 'step', 'risks', 'recovery', 'quiz'] as const
  const times: number[] = []
  try {
    for (let i = 0; i < taps; i++) {
      clock += 2_000
      const event =
        i % 40 === 39
          ? ({ metric: 'session-length', key: '1-to-3-min' } as const)
          : ({ metric: 'screen', key: screens[i % screens.length]! } as const)
      const t = performance.now()
      core.handlers.recordUsage({ event })
      times.push(performance.now() - t)
    }
  } finally {
    core.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
  return percentile(times, 95)
}
