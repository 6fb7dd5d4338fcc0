/**
 * Where a patient goes for help, by region: the emergency number, the advice
 * for when the clinic is closed, and how dates are written. A preset fills the
 * staff settings once; staff may then change any of them (a clinic knows its own
 * out-of-hours service better than a table can). No schema library here: the
 * renderer uses it too.
 */
import type { Locale } from './vocabulary.ts'

export const REGIONS = ['us', 'uk', 'es'] as const
export type Region = (typeof REGIONS)[number]

/** Day before month ("20 November 2026"), or month first as in the US ("November 20, 2026"). */
export const DATE_FORMATS = ['day-month-year', 'month-day-year'] as const
export type DateFormat = (typeof DATE_FORMATS)[number]

export interface RegionPreset {
  emergencyNumber: string
  /**
   * What to do when the clinic is closed and it cannot wait, in English and
   * Spanish: the settings hold one sentence per language for these two (other
   * languages show the English one until the settings take a sentence per language).
   */
  outOfHours: { en: string; es: string }
  dateFormat: DateFormat
}

export const REGION_PRESETS: Readonly<Record<Region, RegionPreset>> = {
  us: {
    emergencyNumber: '911',
    outOfHours: {
      en: 'When the clinic is closed, go to an urgent care center.',
      es: 'Si la clínica está cerrada, vaya a un centro de atención urgente (urgent care).',
    },
    dateFormat: 'month-day-year',
  },
  uk: {
    emergencyNumber: '999',
    outOfHours: {
      en: 'When the clinic is closed, call NHS 111.',
      es: 'Si la clínica está cerrada, llame al NHS 111.',
    },
    dateFormat: 'day-month-year',
  },
  es: {
    emergencyNumber: '112',
    outOfHours: {
      en: 'When the clinic is closed, go to the urgent care service (urgencias) of your health centre.',
      es: 'Si la clínica está cerrada, acuda a urgencias de su centro de salud.',
    },
    dateFormat: 'day-month-year',
  },
}

/** The settings a preset fills, named as the settings name them. */
export function presetSettings(region: Region): {
  emergencyNumber: string
  outOfHoursEn: string
  outOfHoursEs: string
  dateFormat: DateFormat
} {
  const preset = REGION_PRESETS[region]
  return {
    emergencyNumber: preset.emergencyNumber,
    outOfHoursEn: preset.outOfHours.en,
    outOfHoursEs: preset.outOfHours.es,
    dateFormat: preset.dateFormat,
  }
}

/**
 * The Intl locale that writes a date for this reader in this format: English
 * follows the region (en-GB or en-US); Spanish writes the day first everywhere
 * ("20 de noviembre de 2026").
 */
export function dateLocale(locale: Locale, format: DateFormat): string {
  if (locale === 'es') return 'es-ES'
  return format === 'month-day-year' ? 'en-US' : 'en-GB'
}

/** "2026-11-20" as a reader of this language and region writes it, with its weekday when asked. */
export function formatCalendarDate(
  iso: string,
  locale: Locale,
  format: DateFormat,
  options: { weekday?: boolean } = {},
): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso
  return new Intl.DateTimeFormat(dateLocale(locale, format), {
    ...(options.weekday ? { weekday: 'long' } : {}),
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${iso}T00:00:00Z`))
}
