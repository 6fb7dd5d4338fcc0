/**
 * Every link and navigation in the renderer names its route ({ name, params }):
 * a path built by hand breaks silently when a route's path changes, and only
 * the route table (app/router.ts, features/staff/routes.ts) may spell paths.
 */
import { describe, expect, it } from 'vitest'

const sources = import.meta.glob<string>('../../src/renderer/src/**/*.{vue,ts}', {
  query: '?raw',
  import: 'default',
  eager: true,
})

const ROUTE_TABLES = ['/app/router.ts', '/features/staff/routes.ts']

/** A hand-built route: a literal `to="/…"`, a path pushed as a string, a path template, a `path:` location. */
const HAND_BUILT = [
  /\bto="\//,
  /\bto='\//,
  /\.(push|replace)\(\s*['"`]\//,
  /`\/[\w-]*[^`]*\$\{/,
  /\bpath:\s*['"`]\//,
]

function handBuiltRoutes(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => HAND_BUILT.some((pattern) => pattern.test(line)))
    .map((line) => line.trim())
}

describe('links and navigation in the renderer', () => {
  it('finds a hand-built route when there is one (the check itself works)', () => {
    expect(handBuiltRoutes('<RouterLink to="/home">')).toHaveLength(1)
    expect(handBuiltRoutes(':to="`/procedures/${procedure.id}/quiz`"')).toHaveLength(1)
    expect(handBuiltRoutes("void router.push('/home')")).toHaveLength(1)
    expect(handBuiltRoutes('path: `/handouts/${kind}/${id}`,')).toHaveLength(1)
    expect(handBuiltRoutes(`:to="{ name: 'quiz', params: { id: procedure.id } }"`)).toHaveLength(0)
  })

  it('go by route name only, outside the route tables', () => {
    const files = Object.entries(sources).filter(
      ([file]) => !ROUTE_TABLES.some((table) => file.endsWith(table)),
    )
    expect(files.length).toBeGreaterThan(50)
    const found = files.flatMap(([file, text]) => handBuiltRoutes(text).map((line) => `${file}: ${line}`))
    expect(found).toEqual([])
  })
})
