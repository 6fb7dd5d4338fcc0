import type { UsageRow } from '@shared/contract'

/**
 * The usage counts as CSV, exactly as `npm run kiosk -- usage-export` writes
 * them (src/core/data/usage.ts usageCsv): a header, one line per row, a final
 * newline. Every value is a date, a word of the closed vocabulary, an item id
 * or a number, so nothing needs quoting; anything else is quoted anyway.
 */
export function usageCsv(rows: readonly UsageRow[]): string {
  const cell = (value: string | number) => {
    const text = String(value)
    return /^[\w.-]*$/.test(text) ? text : `"${text.replace(/"/g, '""')}"`
  }
  const lines = rows.map((row) => [row.day, row.metric, row.key, row.count].map(cell).join(','))
  return ['day,metric,key,count', ...lines].join('\n') + '\n'
}

/** The local calendar day, YYYY-MM-DD, as the core counts days. */
export function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

/** The last `days` calendar days up to `today`, oldest first. */
export function lastDays(days: number, today: Date = new Date()): string[] {
  const out: string[] = []
  for (let back = days - 1; back >= 0; back--) {
    // Noon, so a daylight-saving change cannot land on the wrong day.
    const day = new Date(today.getFullYear(), today.getMonth(), today.getDate() - back, 12)
    out.push(localDay(day))
  }
  return out
}

export interface DayCount {
  day: string
  count: number
}

/** Screens viewed on each of the days, 0 where nothing was counted. */
export function screensPerDay(rows: readonly UsageRow[], days: readonly string[]): DayCount[] {
  const totals = new Map<string, number>(days.map((day) => [day, 0]))
  for (const row of rows) {
    if (row.metric === 'screen' && totals.has(row.day)) totals.set(row.day, totals.get(row.day)! + row.count)
  }
  return days.map((day) => ({ day, count: totals.get(day) ?? 0 }))
}

/** A file name for the download: which days it covers, nothing else. */
export function csvFileName(days: number, today: Date = new Date()): string {
  return `kiosk-usage-${localDay(today)}-last-${days}-days.csv`
}
