/**
 * Anonymous usage counts: one counter per day, metric and key. The event
 * vocabulary is closed (UsageEvent in the contract) and item ids must name
 * real content, so nothing a patient typed can ever be stored.
 */
import type { Database } from 'better-sqlite3'
import type { UsageEvent, UsageRow } from '../../shared/contract.ts'

export function recordUsage(db: Database, event: UsageEvent, day: string): void {
  db.prepare(
    `INSERT INTO usage (day, metric, key, count) VALUES (?, ?, ?, 1)
     ON CONFLICT (day, metric, key) DO UPDATE SET count = count + 1`,
  ).run(day, event.metric, event.key)
}

export function usageSince(db: Database, firstDay: string): UsageRow[] {
  return db
    .prepare<[string], UsageRow>(
      'SELECT day, metric, key, count FROM usage WHERE day >= ? ORDER BY day DESC, metric, count DESC, key',
    )
    .all(firstDay)
}

/** CSV for staff spreadsheets; every value comes from the closed vocabulary or a date. */
export function usageCsv(rows: UsageRow[]): string {
  return (
    ['day,metric,key,count', ...rows.map((r) => `${r.day},${r.metric},${r.key},${r.count}`)].join('\n') + '\n'
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
