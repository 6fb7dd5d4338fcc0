import { useI18n } from 'vue-i18n'
import type { Locale } from '@shared/contract'
import { calendarDate } from '@renderer/i18n'

/** Month names as Intl writes them in en-GB and es-ES long dates. */
const MONTHS: Record<Locale, readonly string[]> = {
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
  es: [
    'enero',
    'febrero',
    'marzo',
    'abril',
    'mayo',
    'junio',
    'julio',
    'agosto',
    'septiembre',
    'octubre',
    'noviembre',
    'diciembre',
  ],
}

/**
 * A calendar date (yyyy-mm-dd) written out in full, exactly as
 * `Intl.DateTimeFormat('en-GB' | 'es-ES', { day: 'numeric', month: 'long', year: 'numeric' })`
 * writes it (a test compares every day of many years). Not Intl itself: the
 * first Intl formatter a fresh page makes loads the locale data, 15 to 50 ms,
 * and every handout the exporter prints is a fresh page.
 */
export function longCalendarDate(iso: string, locale: Locale): string {
  const date = calendarDate(iso)
  if (Number.isNaN(date.getTime())) throw new RangeError(`Invalid time value: ${iso}`)
  const day = date.getUTCDate()
  const month = MONTHS[locale][date.getUTCMonth()]!
  const year = date.getUTCFullYear()
  return locale === 'en' ? `${day} ${month} ${year}` : `${day} de ${month} de ${year}`
}

/**
 * The handout's own words, in the handout's language, whatever language the
 * kiosk screen is in (a bilingual handout has an English and a Spanish part).
 * Dates are written out in full ("20 November 2026", "20 de noviembre de 2026"):
 * day before month reads the same to English readers on both sides of the Atlantic.
 */
export function useHandoutText(locale: () => Locale) {
  const { t } = useI18n()

  /** A string from `handout.paper`. */
  function tp(key: string, named: Record<string, unknown> = {}): string {
    return t(`handout.paper.${key}`, named, { locale: locale() })
  }

  function intlLocale(): string {
    return locale() === 'en' ? 'en-GB' : 'es-ES'
  }

  /** A calendar date from the content or a date input (yyyy-mm-dd). */
  function longDate(iso: string): string {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso
    return longCalendarDate(iso, locale())
  }

  /** A date with its weekday, for appointments ("Tuesday 3 March 2026"). */
  function appointmentDate(iso: string): string {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso
    return new Intl.DateTimeFormat(intlLocale(), {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(calendarDate(iso))
  }

  return { tp, longDate, appointmentDate }
}
