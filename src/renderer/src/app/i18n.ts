import { createI18n } from 'vue-i18n'
import type { Locale } from '@shared/contract'
import { en, type MessageSchema } from '@renderer/locales/en'
import { es } from '@renderer/locales/es'

/** Review dates are calendar dates: format them in UTC so no time zone shifts the day. */
const dateFormats = {
  long: { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' },
} as const

export function createKioskI18n(locale: Locale = 'en') {
  return createI18n<[MessageSchema], Locale, false>({
    legacy: false,
    locale,
    fallbackLocale: 'en',
    messages: { en, es },
    datetimeFormats: { en: dateFormats, es: dateFormats },
  })
}

/** "2025-03-01" -> a Date at midnight UTC, for `d(date, 'long')`. */
export function calendarDate(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`)
}
