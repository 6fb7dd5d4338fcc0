import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createKioskCore } from '../../src/core/services/handlers.ts'
import type { Handlers } from '../../src/core/services/handlers.ts'
import { dispatch } from '../../src/core/services/dispatch.ts'
import { loadContent } from '../../src/core/content/load.ts'
import { buildFrenchFixture, tempDir } from '../fixtures/library.ts'
import { join } from 'node:path'

/**
 * Languages are data: the fixture library plus French content files (one
 * procedure, the triage words) and nothing else is a kiosk that speaks French,
 * through the build and the contract.
 */
const dir = tempDir()
let handlers: Handlers
let close: () => void
beforeAll(() => {
  const core = createKioskCore({ bundledContent: buildFrenchFixture(dir.path), dataDir: null })
  handlers = core.handlers
  close = () => core.close()
})
afterAll(() => {
  close()
  dir.remove()
})

const ok = async (method: string, input: unknown) => {
  const r = await dispatch(handlers, method, input)
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`)
  return r.value as never
}

describe('a language added as content files only (French)', () => {
  it('is a language of the content, from its files', () => {
    expect(loadContent(join(dir.path, 'content-fr')).locales).toEqual(['en', 'es', 'fr'])
    expect(handlers.contentInfo({}).locales).toEqual(['en', 'es', 'fr'])
  })

  it('serves the translated procedure in French, warning signs included', async () => {
    const p = await ok('getProcedure', { locale: 'fr', id: 'test-injection' })
    expect(p).toMatchObject({ locale: 'fr', title: "Injection d'essai" })
    expect((p as { redFlags: { text: string }[] }).redFlags.map((f) => f.text)).toContain(
      'Vous avez de la fièvre.',
    )
  })

  it('serves an item not yet in French whole in English, and lists and finds it so', async () => {
    expect(await ok('getCondition', { locale: 'fr', id: 'sore-hip' })).toMatchObject({
      locale: 'en',
      title: 'Sore hip',
    })
    const topics = await ok('listTopics', { locale: 'fr' })
    expect(topics).toEqual({
      conditions: [expect.objectContaining({ id: 'sore-hip', locale: 'en' })],
      procedures: [expect.objectContaining({ id: 'test-injection', locale: 'fr' })],
      guides: [],
    })
    expect(((await ok('search', { locale: 'fr', query: 'microbes' })) as { hits: unknown[] }).hits).toEqual([
      expect.objectContaining({ id: 'test-injection', locale: 'fr' }),
    ])
    expect(((await ok('search', { locale: 'fr', query: 'sore' })) as { hits: unknown[] }).hits).toEqual([
      expect.objectContaining({ id: 'sore-hip', locale: 'en' }),
    ])
  })

  it('refuses a language the content does not have, with a typed error, and keeps serving', async () => {
    const r = await dispatch(handlers, 'getProcedure', { locale: 'de', id: 'test-injection' })
    expect(r).toMatchObject({ ok: false, error: { code: 'bad-input', fields: ['locale'] } })
    expect((await dispatch(handlers, 'getProcedure', { locale: 'fr', id: 'test-injection' })).ok).toBe(true)
  })
})
