import { useI18n } from 'vue-i18n'
import type { Locale } from '@shared/contract'
import { calendarDate } from '@renderer/app/i18n'

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
    return new Intl.DateTimeFormat(intlLocale(), {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(calendarDate(iso))
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
