/**
 * Phone numbers as clinics write them: "(555) 010-0123", "+44 20 7946 0000",
 * "020 7946 0000 x12". libphonenumber-js reads the national and international
 * forms and extensions; the number is kept as typed (trimmed), since staff
 * chose how their patients see it.
 */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js'
import type { Region } from './regions.ts'

const REGION_COUNTRY: Readonly<Record<Region, CountryCode>> = { us: 'US', uk: 'GB', es: 'ES' }

/** Whether someone could dial this from the region (without one: from any region the kiosk knows). */
export function isDialable(text: string, region: Region | null): boolean {
  const countries = region ? [REGION_COUNTRY[region]] : [undefined, ...Object.values(REGION_COUNTRY)]
  // isPossible, not isValid: the length and shape are checked, not whether the
  // exchange is in use today (the 555-01xx numbers in examples are not).
  return countries.some((country) => parsePhoneNumberFromString(text, country)?.isPossible() ?? false)
}

/** A short emergency or helpline number such as 911, 999, 112 or 111. */
export const SHORT_NUMBER = /^[0-9]{2,6}$/
