import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createI18n } from 'vue-i18n'
import { describe, expect, it } from 'vitest'
import {
  compileLanguageFile,
  compileMessage,
  compileMessages,
  languageData,
  LOCALE_MODULE,
} from '../../scripts/vite/precompile-messages.ts'

type Messages = Record<string, object>
const LOCALES_DIR = join(import.meta.dirname, '../../src/renderer/src/locales')

/** A language's messages file, as written (the node project does not run the plugin). */
function messagesFile(code: string): { language: unknown } & Messages {
  return JSON.parse(readFileSync(join(LOCALES_DIR, `${code}.json`), 'utf8')) as {
    language: unknown
  } & Messages
}
const CODES = readdirSync(LOCALES_DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.slice(0, -'.json'.length))

describe('precompiled messages', () => {
  it('keeps plain text a string and compiles syntax to an AST', () => {
    expect(compileMessage('Home')).toBe('"Home"')
    expect(JSON.parse(compileMessage('Step {n} of {total}'))).toMatchObject({ t: 0 })
    expect(JSON.parse(compileMessage('Home', false))).toMatchObject({ t: 0 })
  })

  it('refuses a message that does not compile', () => {
    expect(() => compileMessage('write to user@example.com')).toThrow(/user@example\.com/)
  })

  it('says every message of the app as the uncompiled messages do', () => {
    const { language: _en, ...en } = messagesFile('en')
    const { language: _es, ...es } = messagesFile('es')
    for (const plainText of [true, false]) {
      const plain = createI18n({ legacy: false, locale: 'en', messages: { en, es } })
      const built = createI18n({
        legacy: false,
        locale: 'en',
        // The same shape as the source, its leaves strings or message ASTs.
        messages: { en: compileMessages(en, plainText), es: compileMessages(es, plainText) } as {
          en: typeof en
          es: typeof es
        },
      })
      const args = {
        n: 3,
        m: 10,
        total: 7,
        term: 'bursa',
        query: 'hip',
        part: 'labrum',
        name: 'Ana',
        language: 'X',
      }
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

  it('finds the messages files, one per language', () => {
    expect(LOCALE_MODULE.test('/x/src/renderer/src/locales/es.json')).toBe(true)
    expect(LOCALE_MODULE.test('/x/src/renderer/src/app/i18n.ts')).toBe(false)
  })

  it("carries each language's own data, checked, in its file", () => {
    for (const code of CODES) expect(languageData(messagesFile(code).language).direction, code).toBe('ltr')
    expect(languageData(messagesFile('es').language)).toEqual({
      name: 'Español',
      direction: 'ltr',
      dateLocale: 'es-ES',
      keyboard: 'es',
    })
    const file = (language: object) => JSON.stringify({ language, app: { title: 'T' } })
    const good = { name: 'Français', direction: 'ltr', dateLocale: 'fr-FR', keyboard: null }
    expect(JSON.parse(compileLanguageFile(file(good)))).toEqual({ language: good, app: { title: 'T' } })
    // Right-to-left scripts are out of scope for now: the build says so.
    expect(() => compileLanguageFile(file({ ...good, direction: 'rtl' }))).toThrow(/right-to-left/)
    expect(() => compileLanguageFile(file({ ...good, name: '' }))).toThrow(/language\.name/)
    expect(() => compileLanguageFile(JSON.stringify({ app: { title: 'T' } }))).toThrow(/language\.name/)
  })
})
