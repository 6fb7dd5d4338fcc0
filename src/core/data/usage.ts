/**
 * Anonymous usage counts: one counter per day, metric and key. The event
 * vocabulary is closed (UsageEvent in the contract) and item ids must name
 * real content, so nothing a patient typed can ever be stored.
 *
 * recordUsage needs no staff session (the patient screens call it), and the
 * kiosk cannot tell one visitor from another, so a script could make any
 * count it liked. UsageCounter caps what one minute can add instead.
 */
import type { Database } from 'better-sqlite3'
import type { UsageEvent, UsageRow } from '../../shared/contract.ts'

/** No person taps one screen 30 times a minute; a script can, and then it counts for 30. */
export const USAGE_CAP_PER_EVENT_PER_MINUTE = 30
/** All events together: a busy waiting room's kiosk makes a few a minute. */
export const USAGE_CAP_PER_MINUTE = 600
/**
 * Counts wait in memory and are written together at most this often, and at
 * the end of every patient session: a tap never waits for the disk, and a
 * killed kiosk loses at most the last minute of anonymous counts.
 */
export const USAGE_FLUSH_MS = 60_000

/**
 * The one way counts enter the database while the kiosk runs: at most
 * USAGE_CAP_PER_EVENT_PER_MINUTE of one metric and key and USAGE_CAP_PER_MINUTE
 * of all together in each clock minute; the rest are dropped without a word
 * (`record` returns false). The counts themselves are held in memory and
 * written in one transaction at most once a minute, at the end of a session
 * (its session-length count), before a report, and when the kiosk closes.
 */
export class UsageCounter {
  readonly #db: Database
  readonly #now: () => number
  #minute = Number.NaN
  #total = 0
  readonly #perEvent = new Map<string, number>()
  /** Counts not yet written: day, metric and key, and how many. */
  readonly #pending = new Map<string, number>()
  #flushedAt: number

  constructor(db: Database, now: () => number = Date.now) {
    this.#db = db
    this.#now = now
    this.#flushedAt = now()
  }

  /** Counts `event` for today; false when this minute's cap drops it. */
  record(event: UsageEvent): boolean {
    const now = this.#now()
    const minute = Math.floor(now / 60_000)
    if (minute !== this.#minute) {
      this.#minute = minute
      this.#total = 0
      this.#perEvent.clear()
    }
    const lang = event.metric === 'handout' ? (event.lang ?? '') : ''
    const id = `${event.metric}\n${event.key}`
    const seen = this.#perEvent.get(id) ?? 0
    if (seen >= USAGE_CAP_PER_EVENT_PER_MINUTE || this.#total >= USAGE_CAP_PER_MINUTE) return false
    this.#perEvent.set(id, seen + 1)
    this.#total++
    const count = `${localDay(now)}\n${event.metric}\n${event.key}\n${lang}`
    this.#pending.set(count, (this.#pending.get(count) ?? 0) + 1)
    if (event.metric === 'session-length' || now - this.#flushedAt >= USAGE_FLUSH_MS) this.flush()
    return true
  }

  /**
   * Writes the counts held in memory, in one transaction. A write that fails
   * (a full disk) throws and loses them: counts are best effort.
   */
  flush(): void {
    this.#flushedAt = this.#now()
    if (this.#pending.size === 0) return
    const counts = [...this.#pending]
    this.#pending.clear()
    this.#db.transaction(() => {
      for (const [count, n] of counts) {
        const [day = '', metric = '', key = '', lang = ''] = count.split('\n')
        addUsage(this.#db, day, { metric, key, ...(lang ? { lang } : {}) } as UsageEvent, n)
      }
    })()
  }
}

/** Adds `n` to one day's count of an event (a handout's under its language). */
export function addUsage(db: Database, day: string, event: UsageEvent, n = 1): void {
  const lang = event.metric === 'handout' ? (event.lang ?? '') : ''
  db.prepare(
    `INSERT INTO usage (day, metric, key, lang, count) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (day, metric, key, lang) DO UPDATE SET count = count + excluded.count`,
  ).run(day, event.metric, event.key, lang, n)
}

export function usageSince(db: Database, firstDay: string): UsageRow[] {
  return db
    .prepare<[string], UsageRow & { lang: string }>(
      'SELECT day, metric, key, lang, count FROM usage WHERE day >= ? ORDER BY day DESC, metric, count DESC, key, lang',
    )
    .all(firstDay)
    .map(({ lang, ...row }) => (lang ? { ...row, lang } : row))
}

/**
 * CSV for staff spreadsheets; every value comes from the closed vocabulary or a
 * date. The language comes last, so the columns before it stay where they were.
 */
export function usageCsv(rows: UsageRow[]): string {
  return (
    [
      'day,metric,key,count,language',
      ...rows.map((r) => `${r.day},${r.metric},${r.key},${r.count},${r.lang ?? ''}`),
    ].join('\n') + '\n'
  )
}

/** The local calendar day, YYYY-MM-DD: counts are kept per day, never finer. */
export function localDay(now: number): string {
  const d = new Date(now)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

export function daysBefore(day: string, days: number): string {
  const d = new Date(`${day}T12:00:00`)
  d.setDate(d.getDate() - days + 1)
  return localDay(d.getTime())
}
