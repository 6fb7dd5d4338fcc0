/**
 * Precompiles the kiosk's vue-i18n messages at build time, so the renderer
 * ships without vue-i18n's message compiler (`__INTLIFY_DROP_MESSAGE_COMPILER__`)
 * and never parses a message in the page.
 *
 * The messages are data: one JSON file per language,
 * src/renderer/src/locales/<code>.json, its `language` block the language's own
 * data (name, direction, date locale, keyboard) and everything else messages.
 * Before Vite's JSON plugin reads a file, every message in it is compiled with
 * @intlify/message-compiler: a message with syntax ({n}, plurals with |, @:
 * links) becomes the message AST that vue-i18n's runtime formats without eval
 * (the page's CSP forbids it). In a production build plain text stays a string,
 * which the runtime returns as it is (smaller than its AST); in development and
 * tests it becomes an AST too, as vue-i18n warns about every string it cannot
 * compile there. A message that does not compile, or a file without its
 * language block, fails the build, naming the file and the text.
 */
import { baseCompile } from '@intlify/message-compiler'
import type { Plugin } from 'vite'
import type { LanguageData } from '../../src/shared/vocabulary.ts'

export const LOCALE_MODULE = /[\\/]src[\\/]renderer[\\/]src[\\/]locales[\\/][a-z]{2}\.json$/

/** `define` entries for vue-i18n's feature flags: no message compiler, no devtools in production. */
export const I18N_FLAGS = {
  __INTLIFY_DROP_MESSAGE_COMPILER__: 'true',
  __INTLIFY_PROD_DEVTOOLS__: 'false',
  __VUE_I18N_FULL_INSTALL__: 'true',
  __VUE_I18N_LEGACY_API__: 'false',
}

/** The message as the runtime should get it, as JavaScript: its AST, or the text itself when `plainText` allows. */
export function compileMessage(message: string, plainText = true): string {
  const errors: string[] = []
  const { ast } = baseCompile(message, {
    jit: true,
    minify: true,
    location: false,
    onError: (error) => errors.push(error.message),
  })
  if (errors.length > 0) throw new Error(`${errors.join('; ')} in the message ${JSON.stringify(message)}`)
  // Plain text: after optimising, the AST is one static string equal to the message.
  const body = (ast as unknown as { b?: { s?: string; i?: { t: number }[] } }).b
  if (plainText && body?.s === message && body.i?.length === 1 && body.i[0]!.t === 3) {
    return JSON.stringify(message)
  }
  return JSON.stringify(ast)
}

/** Checks a language file's own data; throws a message naming what is wrong. */
export function languageData(value: unknown): LanguageData {
  const data = (value ?? {}) as Partial<Record<keyof LanguageData, unknown>>
  if (typeof data.name !== 'string' || !data.name)
    throw new Error('"language.name" must be the language\'s name')
  if (data.direction !== 'ltr')
    throw new Error('"language.direction" must be "ltr": right-to-left scripts are not supported yet')
  if (typeof data.dateLocale !== 'string' || !Intl.DateTimeFormat.supportedLocalesOf(data.dateLocale).length)
    throw new Error('"language.dateLocale" must be a date locale such as "en-GB"')
  if (data.keyboard !== null && typeof data.keyboard !== 'string')
    throw new Error('"language.keyboard" must be a layout name or null')
  return { name: data.name, direction: 'ltr', dateLocale: data.dateLocale, keyboard: data.keyboard }
}

/** Every message of a messages tree compiled as the runtime should get it, as a JSON value. */
export function compileMessages(messages: unknown, plainText = true, at = ''): unknown {
  if (typeof messages === 'string') return JSON.parse(compileMessage(messages, plainText))
  if (!messages || typeof messages !== 'object' || Array.isArray(messages))
    throw new Error(`"${at}" must be a message or a group of messages`)
  return Object.fromEntries(
    Object.entries(messages).map(([k, v]) => [k, compileMessages(v, plainText, at ? `${at}.${k}` : k)]),
  )
}

/** A language file's text, its messages compiled, as JSON for Vite's JSON plugin. */
export function compileLanguageFile(text: string, plainText = true): string {
  const { language, ...messages } = JSON.parse(text) as Record<string, unknown>
  return JSON.stringify({
    language: languageData(language),
    ...(compileMessages(messages, plainText) as object),
  })
}

export function precompileMessages(): Plugin {
  let production = false
  return {
    name: 'kiosk-precompile-messages',
    // Before Vite's JSON plugin turns the file into a module: it gets JSON back.
    enforce: 'pre',
    configResolved(config) {
      production = config.isProduction
    },
    transform(code, id) {
      if (!LOCALE_MODULE.test(id.replace(/\?.*$/, ''))) return null
      try {
        return { code: compileLanguageFile(code, production), map: null }
      } catch (error) {
        this.error(`${id}: ${(error as Error).message}`)
      }
    },
  }
}
