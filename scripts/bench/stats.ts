/**
 * The arithmetic of the benchmark: percentiles, medians and the spread of a
 * figure over repeated runs. Kept apart from the measuring so a test can check it.
 */

/** The p-th percentile (0..100) by linear interpolation between closest ranks; NaN for no samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (!samples.length) return Number.NaN
  if (p < 0 || p > 100) throw new RangeError(`a percentile is from 0 to 100, not ${p}`)
  const sorted = [...samples].sort((a, b) => a - b)
  const rank = (p / 100) * (sorted.length - 1)
  const low = Math.floor(rank)
  const high = Math.ceil(rank)
  const a = sorted[low] ?? Number.NaN
  const b = sorted[high] ?? Number.NaN
  return a + (b - a) * (rank - low)
}

export function median(samples: readonly number[]): number {
  return percentile(samples, 50)
}

/** One figure over several runs: the median is the figure, the rest says how far to trust it. */
export interface Summary {
  median: number
  min: number
  max: number
  /** (max - min) / median: 0.1 means the runs were within 10% of each other. */
  relativeSpread: number
  runs: number[]
}

export function summarize(runs: readonly number[]): Summary {
  const m = median(runs)
  const min = runs.length ? Math.min(...runs) : Number.NaN
  const max = runs.length ? Math.max(...runs) : Number.NaN
  return { median: m, min, max, relativeSpread: m ? (max - min) / Math.abs(m) : 0, runs: [...runs] }
}

/** Milliseconds since `start` (a performance.now() reading). */
export function since(start: number): number {
  return performance.now() - start
}

/** Times `fn` once per call, `count` times; returns each duration in milliseconds. */
export function timeEach(count: number, fn: (i: number) => void): number[] {
  const out: number[] = []
  for (let i = 0; i < count; i++) {
    const t = performance.now()
    fn(i)
    out.push(performance.now() - t)
  }
  return out
}
