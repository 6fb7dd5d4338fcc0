/**
 * Where a patient goes for help, by region: the emergency number, the advice
 * for when the clinic is closed, a crisis line, and how dates are written. A
 * preset fills the staff settings once; staff may then change any of them (a
 * clinic knows its own out-of-hours service better than a table can). No schema library here: the
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
  /**
   * Someone to talk to now, day or night, free: shown beside thoughts of
   * self-harm (the triage policy's `crisisLine` signs), in English and Spanish.
   */
  crisisLine: { en: string; es: string }
  dateFormat: DateFormat
}

/*
 * The crisis lines, as read on 2026-12-06 in the stored pages (staff should
 * check their own region's line before the kiosk goes live):
 * - us: the 988 Suicide & Crisis Lifeline, call or text 988, 24/7, free,
 *   Spanish by pressing 2 (Wyoming Department of Health,
 *   https://health.wyo.gov/publichealth/prevention/wivpp/suicide-prevention/988-suicide-crisis-lifeline;
 *   MCPHS, https://www.mcphs.edu/student-life/counseling-services/emergency-services/988-suicide-and-crisis-lifeline).
 *   Pressing 2 is for a call; in Spanish by text, the word AYUDA to 988 (Washington
 *   State Department of Health, https://medium.com/wadepthealth/the-spanish-subnetwork-crisis-support-for-people-who-speak-spanish-3ef49f22004f,
 *   read 2026-12-07).
 * - uk: Samaritans, 116 123, free, 24 hours a day (North West Boroughs
 *   Healthcare NHS FT, http://www.nwbh.nhs.uk/contactus/Pages/Help-in-a-crisis.aspx?help=yes).
 * - es: 024, the Ministry of Health's line for suicidal behaviour, free,
 *   confidential, 24 hours (RTVE, https://www.rtve.es/noticias/20220509/sanidad-presenta-telefono-prevencion-suicidio/2347183.shtml).
 */

export const REGION_PRESETS: Readonly<Record<Region, RegionPreset>> = {
  us: {
    emergencyNumber: '911',
    outOfHours: {
      en: 'When the clinic is closed, go to an urgent care center.',
      es: 'Si la clínica está cerrada, vaya a un centro de atención urgente (urgent care).',
    },
    crisisLine: {
      en: 'To talk to someone now, call or text 988 (Suicide & Crisis Lifeline), free, day or night.',
      es: 'Para hablar con alguien ahora, llame al 988 y marque 2 para español. O envíe AYUDA por mensaje de texto al 988. Es gratis, de día o de noche.',
    },
    dateFormat: 'month-day-year',
  },
  uk: {
    emergencyNumber: '999',
    outOfHours: {
      en: 'When the clinic is closed, call NHS 111.',
      es: 'Si la clínica está cerrada, llame al NHS 111.',
    },
    crisisLine: {
      en: 'To talk to someone now, call Samaritans on 116 123, free, day or night.',
      es: 'Para hablar con alguien ahora, llame a Samaritans al 116 123. Es gratis, de día o de noche.',
    },
    dateFormat: 'day-month-year',
  },
  es: {
    emergencyNumber: '112',
    outOfHours: {
      en: 'When the clinic is closed, go to the urgent care service (urgencias) of your health centre.',
      es: 'Si la clínica está cerrada, acuda a urgencias de su centro de salud.',
    },
    crisisLine: {
      en: 'To talk to someone now, call 024, the free line for thoughts of suicide, day or night.',
      es: 'Para hablar con alguien ahora, llame al 024, la línea de ayuda si piensa en el suicidio. Es gratis, de día o de noche.',
    },
    dateFormat: 'day-month-year',
  },
}

/** The settings a preset fills, named as the settings name them. */
export function presetSettings(region: Region): {
  emergencyNumber: string
  outOfHoursEn: string
  outOfHoursEs: string
  crisisLineEn: string
  crisisLineEs: string
  dateFormat: DateFormat
} {
  const preset = REGION_PRESETS[region]
  return {
    emergencyNumber: preset.emergencyNumber,
    outOfHoursEn: preset.outOfHours.en,
    outOfHoursEs: preset.outOfHours.es,
    crisisLineEn: preset.crisisLine.en,
    crisisLineEs: preset.crisisLine.es,
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
