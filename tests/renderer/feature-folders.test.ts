/**
 * The renderer's layout rule (README, "Feature folders"): a feature uses ui/,
 * app/ and the API client, and another feature only through that feature's
 * index.ts; ui/ uses no feature at all. app/ wires the features together and
 * may reach into any of them.
 */
import { describe, expect, it } from 'vitest'

const sources = import.meta.glob<string>('../../src/renderer/src/**/*.{vue,ts}', {
  query: '?raw',
  import: 'default',
  eager: true,
})

const ROOT = '../../src/renderer/src/'
const IMPORT = /(?:from|import)\s*\(?\s*'@renderer\/features\/([^'/]+)(\/[^']*)?'/g

/** The feature imports in one file that break the rule, as "file -> specifier". */
function crossings(file: string, text: string): string[] {
  const [top, feature] = file.slice(ROOT.length).split('/')
  if (top === 'app') return []
  const found: string[] = []
  for (const match of text.matchAll(IMPORT)) {
    const [specifier, target, inside] = match
    const allowed = top === 'features' && (target === feature || !inside)
    if (!allowed) found.push(`${file} -> ${specifier}`)
  }
  return found
}

describe('the renderer’s feature folders', () => {
  it('catch a feature reaching into another feature’s insides (the check itself works)', () => {
    const into = "import X from '@renderer/features/anatomy/AnatomyDiagram.vue'"
    const index = "import { X } from '@renderer/features/anatomy'"
    expect(crossings(`${ROOT}features/staff/ExplainView.vue`, into)).toHaveLength(1)
    expect(crossings(`${ROOT}features/staff/ExplainView.vue`, index)).toHaveLength(0)
    expect(crossings(`${ROOT}features/anatomy/AnatomyView.vue`, into)).toHaveLength(0)
    expect(crossings(`${ROOT}ui/Thing.vue`, index)).toHaveLength(1)
  })

  it('keep features apart: another feature only through its index.ts, and none from ui/', () => {
    const files = Object.entries(sources)
    expect(files.some(([file]) => file.includes('/features/'))).toBe(true)
    expect(files.flatMap(([file, text]) => crossings(file, text))).toEqual([])
  })
})
