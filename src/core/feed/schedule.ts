/**
 * Daily jobs at a time of day on the kiosk's own clock (the feed check at the
 * time staff set, the counts written out): plain Node, started by the shell
 * that runs the kiosk (the Electron main process, `kiosk serve`), and run on
 * a Clock it is given, so tests move time by hand instead of waiting.
 *
 * A job that was due while the kiosk was off (or asleep) runs as soon as the
 * kiosk is back: what counts is whether it ran since its last due time.
 */

/** Time and timers; the system's by default, a hand-moved one in tests. */
export interface Clock {
  now(): number
  setTimeout(run: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

export const systemClock: Clock = {
  now: () => Date.now(),
  // Unreferenced: a pending daily job never keeps a process alive on its own.
  setTimeout: (run, ms) => setTimeout(run, ms).unref(),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
}

/**
 * The longest single wait: a time staff change, a clock set forward or a
 * machine waking from sleep is noticed within this, not a day later.
 */
export const LONGEST_WAIT_MS = 10 * 60_000

/** The moment `hhmm` ("07:00", local time) last came at or before `now`. */
export function lastDueAt(now: number, hhmm: string): number {
  const [hours = 0, minutes = 0] = hhmm.split(':').map(Number)
  const due = new Date(now)
  due.setHours(hours, minutes, 0, 0)
  if (due.getTime() > now) due.setDate(due.getDate() - 1)
  return due.getTime()
}

/** The next moment `hhmm` comes after `now` (a calendar day on, so a daylight-saving change keeps the hour). */
export function nextDueAt(now: number, hhmm: string): number {
  const due = new Date(lastDueAt(now, hhmm))
  due.setDate(due.getDate() + 1)
  return due.getTime()
}

export interface DailyJob {
  /** "HH:MM" on the kiosk's clock, or null while the job is off (read afresh each time: settings change). */
  at(): string | null
  /** When it last ran (ms), or null for never: a due time after it makes the job run. */
  lastRunAt(): number | null
  run(): Promise<void>
  /** Told of a failure the job did not handle itself; the schedule carries on. */
  onError?(err: unknown): void
}

export interface DailySchedule {
  stop(): void
  /** Looks again now (its time or what it depends on changed), unless it is running. */
  poke(): void
  /** When the job is next due, or null while it is off. */
  nextAt(): number | null
}

/** Runs `job` each day at its time, and at once when a due time passed without a run. */
export function startDaily(job: DailyJob, clock: Clock = systemClock): DailySchedule {
  let timer: unknown = null
  let stopped = false
  let running = false
  let next: number | null = null

  const wait = (ms: number) => {
    timer = clock.setTimeout(() => void tick(), Math.max(0, Math.min(ms, LONGEST_WAIT_MS)))
  }

  async function tick(): Promise<void> {
    timer = null
    if (stopped) return
    const at = job.at()
    const now = clock.now()
    if (!at) {
      next = null
      wait(LONGEST_WAIT_MS)
      return
    }
    const last = job.lastRunAt()
    if (last === null || last < lastDueAt(now, at)) {
      next = now
      running = true
      try {
        await job.run()
      } catch (err) {
        job.onError?.(err)
      } finally {
        running = false
      }
      if (stopped) return
    }
    next = nextDueAt(clock.now(), at)
    wait(next - clock.now())
  }

  void tick()
  return {
    stop() {
      stopped = true
      if (timer !== null) clock.clearTimeout(timer)
    },
    poke() {
      if (stopped || running) return
      if (timer !== null) clock.clearTimeout(timer)
      void tick()
    },
    nextAt: () => next,
  }
}
