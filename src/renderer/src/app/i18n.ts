import { createI18n } from 'vue-i18n'
import type { Locale } from '@shared/contract'
import { SOURCE_LOCALE, type LanguageData } from '@shared/vocabulary'
import type english from '@renderer/locales/en.json'

/**
 * The messages are data: one file per language, src/renderer/src/locales/<code>.json,
 * found here at build time (a new file is a new language; no code changes) and
 * precompiled by scripts/vite/precompile-messages.ts. A key missing in a
 * language falls back to English, the source language.
 */
const files = import.meta.glob<LanguageFile>('../locales/*.json', { eager: true, import: 'default' })

type LanguageFile = { language: LanguageData } & Record<string, unknown>
export type MessageSchema = Omit<typeof english, 'language'>

/** A language the screens can speak: its code and its own data (name in itself, date locale, keyboard). */
export interface UiLanguage extends LanguageData {
  code: Locale
}

/** Every language with a messages file, English first. */
export const UI_LANGUAGES: readonly UiLanguage[] = Object.entries(files)
  .map(([path, file]) => ({ code: /([a-z]{2})\.json$/.exec(path)![1]!, ...file.language }))
  // Codes are two ASCII letters: compared as plain strings (localeCompare would start
  // the ICU collator, some 10 ms of the first screen, to order "es" and "fr").
  .sort(
    (a, b) =>
      Number(b.code === SOURCE_LOCALE) - Number(a.code === SOURCE_LOCALE) ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  )

/** A language's own data; English's for a code without a messages file. */
export function uiLanguage(code: Locale): UiLanguage {
  return UI_LANGUAGES.find((l) => l.code === code) ?? UI_LANGUAGES.find((l) => l.code === SOURCE_LOCALE)!
}

/** A language's name in itself ("Español"), or its code where the kiosk has no messages for it. */
export function languageName(code: Locale): string {
  return UI_LANGUAGES.find((l) => l.code === code)?.name ?? code
}

/**
 * A language's name as a reader of another language says it, inside a sentence
 * ("Spanish" to an English reader, "español" to a Spanish one), from the
 * browser's own data (Intl.DisplayNames); its name in itself where that has none.
 */
export function languageNameIn(code: Locale, readerLocale: Locale): string {
  try {
    const name = new Intl.DisplayNames([readerLocale], { type: 'language', fallback: 'none' }).of(code)
    if (name) return name
  } catch {
    // no display names for this locale: fall through
  }
  return languageName(code)
}

function messagesOf(file: LanguageFile): MessageSchema {
  const { language: _language, ...messages } = file
  return messages as unknown as MessageSchema
}

/** Review dates are calendar dates: format them in UTC so no time zone shifts the day. */
const dateFormats = {
  long: { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' },
} as const

export function createKioskI18n(locale: Locale = SOURCE_LOCALE) {
  return createI18n<[MessageSchema], Locale, false>({
    legacy: false,
    locale,
    fallbackLocale: SOURCE_LOCALE,
    // Falling back to English for a message not yet translated is by design, not a fault to warn about.
    fallbackWarn: false,
    messages: Object.fromEntries(
      Object.entries(files).map(([path, file]) => {
        const code = /([a-z]{2})\.json$/.exec(path)![1]!
        return [code, messagesOf(file)]
      }),
    ),
    datetimeFormats: Object.fromEntries(UI_LANGUAGES.map((l) => [l.code, dateFormats])),
  })
}

/** "2025-03-01" -> a Date at midnight UTC, for `d(date, 'long')`. */
export function calendarDate(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`)
}
