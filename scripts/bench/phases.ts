/** The bench's phases, and `--only`'s choice among them. */
export const PHASES = [
  'build',
  'queries',
  'initial',
  'cold',
  'nav',
  'speech',
  'pdf',
  'soak',
  'feed200',
] as const
export type Phase = (typeof PHASES)[number]

/** Names that stand for several phases. */
export const GROUPS: Readonly<Record<string, readonly Phase[]>> = {
  node: ['build', 'queries'],
  browser: ['initial', 'cold', 'nav', 'speech', 'pdf', 'soak'],
}

/**
 * Phases a plain run leaves out: the soak (5,000 sessions) and feed200 (200
 * kiosks each importing a pack) take far more than a few minutes, so they run
 * only when asked for (`--only soak`, `--only feed200`).
 */
export const ON_REQUEST: readonly Phase[] = ['soak', 'feed200']

/** The phases to run: all but ON_REQUEST unless `only` (comma-separated phases or groups) names some. */
export function selectedPhases(only: string | undefined): Set<Phase> {
  if (!only) return new Set(PHASES.filter((phase) => !ON_REQUEST.includes(phase)))
  const out = new Set<Phase>()
  for (const name of only.split(',').map((n) => n.trim())) {
    const group = GROUPS[name] ?? ((PHASES as readonly string[]).includes(name) ? [name as Phase] : null)
    if (!group) {
      throw new Error(
        `--only: unknown phase "${name}"; use ${[...PHASES, ...Object.keys(GROUPS)].join(', ')}`,
      )
    }
    for (const phase of group) out.add(phase)
  }
  return out
}
