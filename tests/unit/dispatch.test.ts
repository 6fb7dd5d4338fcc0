import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { createKioskCore } from '../../src/core/services/handlers.ts'
import type { Handlers } from '../../src/core/services/handlers.ts'
import { dispatch } from '../../src/core/services/dispatch.ts'
import { buildFixtureDb, tempDir } from '../fixtures/library.ts'

const dir = tempDir()
let handlers: Handlers
beforeAll(() => {
  handlers = createKioskCore({ bundledContent: buildFixtureDb(dir.path), dataDir: null }).handlers
})
afterAll(() => dir.remove())

describe('dispatch validates every call against the contract', () => {
  it('answers a good request with ok and the value', async () => {
    const r = await dispatch(handlers, 'getProcedure', { locale: 'en', id: 'test-injection' })
    expect(r.ok).toBe(true)
  })

  const bad: [string, string, unknown, string[]][] = [
    ['a locale we do not have', 'listTopics', { locale: 'fr' }, ['locale']],
    ['a missing field', 'getProcedure', { locale: 'en' }, ['id']],
    ['an unexpected extra field', 'listTopics', { locale: 'en', admin: true }, ['(input)']],
    ['an id with path characters', 'getCondition', { locale: 'en', id: '../../etc/passwd' }, ['id']],
    ['a search that is far too long', 'search', { locale: 'en', query: 'x'.repeat(201) }, ['query']],
    ['no object at all', 'getGlossary', 'en', ['(input)']],
    ['null', 'contentInfo', null, ['(input)']],
  ]
  for (const [name, method, input, fields] of bad) {
    it(`refuses ${name} with a typed bad-input error naming the field`, async () => {
      const r = await dispatch(handlers, method, input)
      expect(r).toEqual({
        ok: false,
        error: {
          code: 'bad-input',
          message: expect.stringContaining(method),
          fields,
          // The same fields again, each with its own reason, for a screen to show by the field.
          fieldErrors: fields.map((field) => ({ field, message: expect.stringMatching(/\w/) })),
        },
      })
    })
  }

  it('refuses a method that is not in the contract, including inherited names', async () => {
    for (const method of ['dropTables', 'constructor', '__proto__', 'toString', 42, undefined]) {
      const r = await dispatch(handlers, method, {})
      expect(r.ok ? null : r.error.code).toBe('unknown-method')
    }
  })

  it('turns a not-found failure into a typed error', async () => {
    const r = await dispatch(handlers, 'getCondition', { locale: 'en', id: 'no-such-thing' })
    expect(r).toEqual({
      ok: false,
      error: { code: 'not-found', message: expect.stringContaining('no-such-thing') },
    })
  })

  it('turns a crash inside a handler into an internal error, logging no request content', async () => {
    const logged: string[] = []
    const crashing: Handlers = {
      ...handlers,
      search: () => {
        throw new Error('SQL failed near "my private words"')
      },
    }
    const r = await dispatch(crashing, 'search', { locale: 'en', query: 'my private words' }, (m) =>
      logged.push(m),
    )
    expect(r).toEqual({ ok: false, error: { code: 'internal', message: expect.any(String) } })
    expect(logged).toHaveLength(1)
    expect(logged[0]).toContain('internal error in search')
    expect(logged.join('\n')).not.toContain('private')
  })

  it('still answers the kiosk config when the content is unavailable, so the idle reset keeps working', async () => {
    const logged: string[] = []
    const core = createKioskCore({
      bundledContent: join(dir.path, 'missing.sqlite'),
      dataDir: null,
      idle: { timeoutSeconds: 5, warningSeconds: 3 },
      log: (m) => logged.push(m),
    })
    expect(await dispatch(core.handlers, 'getKioskConfig', {})).toMatchObject({
      ok: true,
      value: { idleTimeoutSeconds: 5, idleWarningSeconds: 3, defaultLocale: 'en' },
    })
    expect(await dispatch(core.handlers, 'listTopics', { locale: 'en' })).toEqual({
      ok: false,
      error: { code: 'unavailable', message: 'The content is unavailable. Please ask at the desk.' },
    })
    // Staff see the real reason; the patient sees the calm one.
    expect(core.contentProblem()).toMatch(/does not exist/)
    expect(logged.join('\n')).toMatch(/content unavailable: .*does not exist/)
    core.close()
  })
})

describe('dispatch checks every answer against the contract outside production builds', () => {
  it('turns an answer that drifted from the contract into an internal error, and logs the fields, not the values', async () => {
    const logged: string[] = []
    const drifted: Handlers = {
      ...handlers,
      // A handler that forgot a field and typed another wrongly.
      contentInfo: () => ({ contentHash: 42 }) as never,
    }
    const r = await dispatch(drifted, 'contentInfo', {}, (m) => logged.push(m))
    expect(r).toMatchObject({ ok: false, error: { code: 'internal' } })
    expect(logged).toHaveLength(1)
    expect(logged[0]).toMatch(/contentInfo does not match the contract: contentHash: .*schemaVersion/)
    expect(logged[0]).not.toContain('42')
  })
})
