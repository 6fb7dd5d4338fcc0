import type { KioskConfig } from '@shared/contract'
import { REGION_PRESETS } from '@shared/regions'

/**
 * Phone numbers said as a patient dials them. A voice reads "999" as "nine
 * hundred and ninety-nine" and "020 7946 0000" as "zero two zero, seven
 * thousand nine hundred and forty-six …"; a patient about to call needs
 * "nine nine nine" and "zero two zero, seven nine four six, zero zero zero
 * zero". Only the numbers the settings hold are read this way (the emergency
 * number, the clinic's phone, and the numbers to dial in the out-of-hours and
 * crisis-line sentences): "1 in 1,000" or "15 to 20 minutes" in the content,
 * and "365 days a year" in a clinic's own sentence, stay numbers. What the
 * screen shows is not changed.
 */

/** A run of 3 digits or more, its groups apart by a space or a hyphen ("116 123", "1-800-222-1222"). */
const NUMBER_RUN = /\d(?:[ -]?\d){2,}/g

/** A number's groups of digits, as written apart ("020 7946 0000": 020, 7946, 0000). */
const groupsOf = (number: string): string[] => number.split(/[^\d]+/).filter((group) => group !== '')

/** The digits of a number, without its spaces or hyphens. */
const digitsOf = (number: string): string => groupsOf(number).join('')

/** The runs of digits in the out-of-hours and crisis-line sentences, of the settings or of a preset, in every language. */
function numberRuns(holder: {
  outOfHours: Record<string, string | null | undefined>
  crisisLine: Record<string, string | null | undefined>
}): string[] {
  return [...Object.values(holder.outOfHours), ...Object.values(holder.crisisLine)].flatMap(
    (sentence) => sentence?.match(NUMBER_RUN) ?? [],
  )
}

/** The short numbers each region's presets give a patient to dial: "911", "988", "999", "111", "112", "024". */
const SERVICE_NUMBERS = new Set(
  Object.values(REGION_PRESETS).flatMap((preset) =>
    [preset.emergencyNumber, ...numberRuns(preset)].map(digitsOf),
  ),
)

/**
 * Whether a run of digits in a sentence the settings hold is a number to dial: 5 digits or more
 * (no count or year is that long), a leading 0 ("061", "0800 …": a count never has one), a
 * three-digit service number ending in 11 ("111", "211"), or a service number of a region's
 * presets ("988", "112"). "365 days a year" and "since 2019" are not.
 */
function isDialled(run: string): boolean {
  const digits = digitsOf(run)
  return digits.length >= 5 || digits.startsWith('0') || /^\d11$/.test(digits) || SERVICE_NUMBERS.has(digits)
}

/** The numbers the settings hold, each as written there. */
export function settingsNumbers(
  config: Pick<KioskConfig, 'emergencyNumber' | 'clinicPhone' | 'outOfHours' | 'crisisLine'> | null,
): string[] {
  if (!config) return []
  const numbers = [
    config.emergencyNumber,
    config.clinicPhone,
    ...numberRuns(config).filter(isDialled),
  ].filter((number): number is string => !!number && /\d/.test(number))
  // The longest first, so a short number never cuts into a longer one that holds it.
  return [...new Set(numbers.map((number) => number.trim()))].sort((a, b) => b.length - a.length)
}

/** One number as it is said: its digits one by one, its groups apart ("0 2 0, 7 9 4 6, 0 0 0 0"). */
export function digitByDigit(number: string): string {
  return groupsOf(number)
    .map((group) => group.split('').join(' '))
    .join(', ')
}

/** A sentence as it is said: each of `numbers` in it digit by digit, the rest as it is. */
export function sayNumbers(text: string, numbers: readonly string[]): string {
  return numbers.reduce((said, number) => {
    const groups = groupsOf(number)
    if (groups.length === 0) return said
    // As written, or with its groups apart by other white space or hyphens; never inside a longer number.
    const pattern = new RegExp(`(?<!\\d)${groups.join('[\\s-]*')}(?!\\d)`, 'g')
    return said.replace(pattern, digitByDigit(number))
  }, text)
}
