import { createI18n } from 'vue-i18n'
import { describe, expect, it } from 'vitest'
import { compileMessage, LOCALE_MODULE } from '../../scripts/vite/precompile-messages.ts'

type Messages = Record<string, object>

/** The renderer's own locale modules, as written (the node project does not run the plugin). */
async function localeModule(name: 'en' | 'es'): Promise<Messages> {
  const path = `../../src/renderer/src/locales/${name}.ts`
  return ((await import(/* @vite-ignore */ path)) as Record<string, Messages>)[name]!
}

/** Every message of a locale object, precompiled as the build does, back into an object. */
function precompiled(messages: unknown, plainText: boolean): unknown {
  if (typeof messages === 'string') return JSON.parse(compileMessage(messages, plainText))
  return Object.fromEntries(
    Object.entries(messages as Record<string, unknown>).map(([k, v]) => [k, precompiled(v, plainText)]),
  )
}

describe('precompiled messages', () => {
  it('keeps plain text a string and compiles syntax to an AST', () => {
    expect(compileMessage('Home')).toBe('"Home"')
    expect(JSON.parse(compileMessage('Step {n} of {total}'))).toMatchObject({ t: 0 })
    expect(JSON.parse(compileMessage('Home', false))).toMatchObject({ t: 0 })
  })

  it('refuses a message that does not compile', () => {
    expect(() => compileMessage('write to user@example.com')).toThrow(/user@example\.com/)
  })

  it('says every message of the app as the uncompiled messages do', async () => {
    const en = await localeModule('en')
    const es = await localeModule('es')
    for (const plainText of [true, false]) {
      const plain = createI18n({ legacy: false, locale: 'en', messages: { en, es } })
      const built = createI18n({
        legacy: false,
        locale: 'en',
        // The same shape as the source, its leaves strings or message ASTs.
        messages: { en: precompiled(en, plainText), es: precompiled(es, plainText) } as {
          en: typeof en
          es: typeof es
        },
      })
      const args = { n: 3, m: 10, total: 7, term: 'bursa', query: 'hip', part: 'labrum', name: 'Ana' }
      const keys = (o: unknown, prefix = ''): string[] =>
        typeof o === 'string'
          ? [prefix]
          : Object.entries(o as object).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k))
      for (const locale of ['en', 'es'] as const) {
        plain.global.locale.value = locale
        built.global.locale.value = locale
        for (const key of keys(locale === 'en' ? en : es)) {
          for (const n of [1, 3]) {
            expect(built.global.t(key, { ...args, n }, n), key).toBe(plain.global.t(key, { ...args, n }, n))
          }
        }
      }
    }
  })

  it('finds the locale modules', () => {
    expect(LOCALE_MODULE.test('/x/src/renderer/src/locales/handout-es.ts')).toBe(true)
    expect(LOCALE_MODULE.test('/x/src/renderer/src/app/i18n.ts')).toBe(false)
  })
})
