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
 * - us: the 988 Suicide & Crisis Lifeline, call or text 988, free, 24/7; a call
 *   offers Spanish by pressing 2, a text the word AYUDA (988 Lifeline, "What to
 *   expect", https://988lifeline.org/get-help/what-to-expect, read 2026-12-07).
 * - uk: Samaritans, 116 123, free, 24 hours a day (North West Boroughs
 *   Healthcare NHS FT, http://www.nwbh.nhs.uk/contactus/Pages/Help-in-a-crisis.aspx?help=yes).
 *   No page read says Samaritans answers in Spanish: the Spanish line says what
 *   Samaritans is, and the clinic should check (review doc, RG-C3).
 * - es: 024, the Ministry of Health's line for suicidal behaviour, free,
 *   confidential, 24 hours (RTVE, https://www.rtve.es/noticias/20220509/sanidad-presenta-telefono-prevencion-suicidio/2347183.shtml).
 *
 * Outside opening hours, as read on 2026-12-07 in the stored pages. Every
 * sentence starts "Outside opening hours," so that it reads as the other half
 * of the line above it ("In opening hours, call the clinic on ...").
 * - us: most urgent care centers are not open all night, emergency rooms are
 *   (Rose Regional Medical Center, https://www.rrmc.org/news-media/healthy-together/health-wellness/when-to-go-to-the-er-or-urgent-care/;
 *   https://healthandyou.org/health-care-services/urgent-care-vs-emergency-room-how-to-decide-where-to-go-and-when).
 * - uk: NHS 111, free, day or night; in Scotland the service is NHS 24, also on
 *   111 (NHS Ayrshire & Arran, http://nhsaaa.net/right-care-right-place; NHS
 *   Lothian, https://services.nhslothian.scot/rightcare/emergencies). Each 111
 *   provider arranges interpreters (https://parallelparliament.co.uk/question/28407/nhs-111-translation-services),
 *   and the word "interpreter" is understood (Lewisham and Greenwich NHS Trust,
 *   https://www.lewishamandgreenwich.nhs.uk/interpreting). Northern Ireland has
 *   GP out-of-hours services instead (https://gpoutofhours.hscni.net/service-standards-for-gp-out-of-hours/):
 *   a clinic there writes its own sentence.
 * - es: many centros de salud close at 15:00 or 20:00, and urgent primary care
 *   after that is often at another site, with a name of its region's (SUAP, PAC,
 *   PAS ...): Aragón, https://www.elperiodicodearagon.com/aragon/2025/06/11/aragon-aprueba-nuevos-horarios-centros-118497699.html;
 *   Huelva, https://www.huelvainformacion.es/huelva/Urgencias-medicas-Huelva-Horarios-centros_0_1699030530.html;
 *   Jerez, https://www.diariodejerez.es/jerez/centros-salud-jerez-recuperan-horario-habitual-septiembre_0_2004749201.html.
 *   A clinic should write its own service's name and number.
 */

export const REGION_PRESETS: Readonly<Record<Region, RegionPreset>> = {
  us: {
    emergencyNumber: '911',
    outOfHours: {
      en: 'Outside opening hours, go to an urgent care center that is open now. If none is open, go to the emergency room (ER).',
      es: 'Fuera del horario de atención, vaya a un centro de urgencias (urgent care) abierto. Si no hay ninguno abierto, vaya a la sala de emergencias.',
    },
    crisisLine: {
      en: 'To talk to someone now, call or text 988 (Suicide & Crisis Lifeline), free, day or night.',
      es: 'Para hablar con alguien ahora, llame al 988 y marque 2 para español. O envíe un mensaje de texto con la palabra AYUDA al 988. Es gratis, de día o de noche.',
    },
    dateFormat: 'month-day-year',
  },
  uk: {
    emergencyNumber: '999',
    outOfHours: {
      en: 'Outside opening hours, call NHS 111 (NHS 24 in Scotland), free, day or night.',
      es: 'Fuera del horario de atención, llame gratis al NHS 111 (NHS 24 en Escocia), de día o de noche. Si necesita intérprete, diga «Interpreter, Spanish».',
    },
    crisisLine: {
      en: 'To talk to someone now, call Samaritans on 116 123, free, day or night.',
      es: 'Para hablar con alguien ahora, llame a Samaritans, un servicio de escucha, al 116 123. Es gratis, de día o de noche.',
    },
    dateFormat: 'day-month-year',
  },
  es: {
    emergencyNumber: '112',
    outOfHours: {
      en: 'Outside opening hours, go to the out-of-hours primary care service (urgencias de atención primaria). It is not always at your health centre.',
      es: 'Fuera del horario de atención, vaya al servicio de urgencias de atención primaria de su zona. No siempre está en su centro de salud.',
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

/**
 * "2026-11-20" as a reader of this language and region writes it, with its
 * weekday when asked, or short ("20 Nov 2026", "Nov 20, 2026") where room is scarce.
 */
export function formatCalendarDate(
  iso: string,
  locale: Locale,
  format: DateFormat,
  options: { weekday?: boolean; short?: boolean } = {},
): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso
  return new Intl.DateTimeFormat(dateLocale(locale, format), {
    ...(options.weekday ? { weekday: 'long' } : {}),
    day: 'numeric',
    month: options.short ? 'short' : 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${iso}T00:00:00Z`))
}
