import { useI18n } from 'vue-i18n'
import type { Locale } from '@shared/contract'
import { formatCalendarDate } from '@shared/regions'
import { useConfigStore } from '@renderer/app/stores/config'

/**
 * The handout's own words, in the handout's language, whatever language the
 * kiosk screen is in (a bilingual handout has an English and a Spanish part).
 * Dates are written out in full, as the clinic's region writes them (the
 * date format setting): "20 November 2026", or "November 20, 2026" in the US;
 * "20 de noviembre de 2026" in Spanish everywhere.
 */
export function useHandoutText(locale: () => Locale) {
  const { t: translate } = useI18n()
  const configStore = useConfigStore()

  /** Any message, in the handout's language (`plural`: the count that picks its plural form). */
  function t(key: string, named: Record<string, unknown> = {}, plural?: number): string {
    return translate(key, named, plural === undefined ? { locale: locale() } : { locale: locale(), plural })
  }

  /** A string from `handout.paper`. */
  function tp(key: string, named: Record<string, unknown> = {}): string {
    return t(`handout.paper.${key}`, named)
  }

  /** A calendar date from the content or a date input (yyyy-mm-dd). */
  function longDate(iso: string): string {
    return formatCalendarDate(iso, locale(), configStore.dateFormat)
  }

  /** A date with its weekday, for appointments ("Tuesday 3 March 2026"). */
  function appointmentDate(iso: string): string {
    return formatCalendarDate(iso, locale(), configStore.dateFormat, { weekday: true })
  }

  return { t, tp, longDate, appointmentDate }
}
