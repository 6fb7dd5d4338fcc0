import type { UsageRow } from '@shared/contract'

/**
 * The usage counts as CSV, exactly as the kiosk's own usage export writes
 * them (src/core/data/usage.ts usageCsv): a header, one line per row (a
 * handout's language last), a final newline. Every value is a date, a word of the closed vocabulary, an item id
 * or a number, so nothing needs quoting; anything else is quoted anyway.
 */
export function usageCsv(rows: readonly UsageRow[]): string {
  const cell = (value: string | number) => {
    const text = String(value)
    return /^[\w.+-]*$/.test(text) ? text : `"${text.replace(/"/g, '""')}"`
  }
  const lines = rows.map((row) =>
    [row.day, row.metric, row.key, row.count, row.lang ?? ''].map(cell).join(','),
  )
  return ['day,metric,key,count,language', ...lines].join('\n') + '\n'
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

/** What staff can ask to see: the last n days up to today, or the last whole calendar week or month. */
export type UsageSpan = 7 | 30 | 90 | 'week' | 'month'
export const USAGE_SPANS: readonly UsageSpan[] = [7, 30, 90, 'week', 'month']

/**
 * The calendar days a span covers, oldest first. A week runs Monday to Sunday
 * (ISO 8601, as in the UK and Spain); the last one is the one before this week.
 */
export function spanDays(span: UsageSpan, today: Date = new Date()): string[] {
  if (typeof span === 'number') return lastDays(span, today)
  const [year, month, date] = [today.getFullYear(), today.getMonth(), today.getDate()]
  const sinceMonday = (today.getDay() + 6) % 7
  // Noon, so a daylight-saving change cannot land on the wrong day.
  const first =
    span === 'week' ? new Date(year, month, date - sinceMonday - 7, 12) : new Date(year, month - 1, 1, 12)
  const last =
    span === 'week' ? new Date(year, month, date - sinceMonday - 1, 12) : new Date(year, month, 0, 12)
  const out: string[] = []
  for (const day = first; day <= last; day.setDate(day.getDate() + 1)) out.push(localDay(day))
  return out
}

/** How many days back from today (today included) the core must report to cover `days`. */
export function daysToAsk(days: readonly string[], today: Date = new Date()): number {
  const [year = 0, month = 1, date = 1] = (days[0] ?? localDay(today)).split('-').map(Number)
  const first = new Date(year, month - 1, date, 12)
  const noon = new Date(today.getFullYear(), today.getMonth(), today.getDate(), 12)
  return Math.round((noon.getTime() - first.getTime()) / 86_400_000) + 1
}

export interface UsageTotals {
  sessions: number
  screens: number
  handouts: number
}

/** The figures staff ask for first: every session ends with one session-length count. */
export function usageTotals(rows: readonly UsageRow[]): UsageTotals {
  const sum = (metric: string) => rows.reduce((n, row) => (row.metric === metric ? n + row.count : n), 0)
  return { sessions: sum('session-length'), screens: sum('screen'), handouts: sum('handout') }
}

export interface LanguageCount {
  /** A language code, two joined by "+" ("en+es"), or '' for handouts counted before languages were. */
  lang: string
  count: number
}

/** Handouts printed in each language (a two-language handout is its own line), the most printed first. */
export function handoutsByLanguage(rows: readonly UsageRow[]): LanguageCount[] {
  const totals = new Map<string, number>()
  for (const row of rows) {
    if (row.metric !== 'handout') continue
    const lang = row.lang ?? ''
    totals.set(lang, (totals.get(lang) ?? 0) + row.count)
  }
  return [...totals]
    .map(([lang, count]) => ({ lang, count }))
    .sort(
      (a, b) => b.count - a.count || (a.lang === '' ? 1 : b.lang === '' ? -1 : a.lang.localeCompare(b.lang)),
    )
}

/** A file name for the download: which days it covers, nothing else. */
export function csvFileName(span: UsageSpan, today: Date = new Date()): string {
  if (typeof span === 'number') return `kiosk-usage-${localDay(today)}-last-${span}-days.csv`
  const days = spanDays(span, today)
  return `kiosk-usage-${days[0]}-to-${days.at(-1)}.csv`
}
