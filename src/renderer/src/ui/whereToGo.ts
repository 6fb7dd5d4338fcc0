import { TRIAGE_LEVELS, type TriageLevelId } from '@shared/vocabulary'
import type { RedFlag } from '@shared/contract'

/** Who a patient calls, from the staff settings, in the reader's language. */
export interface WhereToGo {
  /** The clinic's name, or "the clinic" when staff have not named it. */
  clinic: string
  phone: string | null
  emergencyNumber: string | null
  /** The advice for when the clinic is closed, in the reader's language. */
  outOfHours: string | null
  /** Someone to talk to now, day or night, in the reader's language (beside the signs that ask for it). */
  crisisLine: string | null
}

export interface LevelGroup {
  level: TriageLevelId
  /** The level's one wording from the triage policy ("Emergency: call an ambulance…"). */
  levelText: string
  flags: RedFlag[]
}

/** The warning signs by the triage policy's level, most urgent first; empty levels are left out. */
export function groupByLevel(redFlags: RedFlag[]): LevelGroup[] {
  return TRIAGE_LEVELS.map((level) => {
    const flags = redFlags.filter((flag) => flag.level === level)
    return { level, levelText: flags[0]?.levelText ?? '', flags }
  }).filter((group) => group.flags.length > 0)
}

type Say = (key: string, named?: Record<string, unknown>) => string

/** A line to write a number on, on paper: the front desk can fill it in. */
export const WRITE_IN = '____________'

/**
 * Where to go, on paper: a number or an instruction the settings lack is a line
 * to write on, never nothing. At home the paper is all a patient has, and
 * "call an ambulance" with no number, or no word of where to go at night,
 * leaves them to guess. (The clinic's own phone has its write-in line in
 * large type at the head of the warning signs; the boxes say to ask at the desk.)
 * The screen never shows these lines: it shows nothing it does not have.
 */
export function onPaper(where: WhereToGo, say: Say): WhereToGo {
  return {
    ...where,
    emergencyNumber: where.emergencyNumber ?? WRITE_IN,
    outOfHours: where.outOfHours ?? say('help.writeIn.outOfHours', { line: WRITE_IN }),
    crisisLine: where.crisisLine ?? say('help.writeIn.crisisLine', { line: WRITE_IN }),
  }
}

/**
 * The number beside a level: the emergency number for an emergency; the
 * clinic's phone and the out-of-hours advice the same day; the clinic's phone
 * otherwise; nothing for the next visit. Never "call the clinic" without a
 * number: without one, ask at the desk.
 */
export function levelCalls(level: TriageLevelId, where: WhereToGo, say: Say): string[] {
  const clinic = where.clinic
  const phoneLine = (key: string) =>
    where.phone ? say(key, { clinic, phone: where.phone }) : say('help.noPhone', { clinic })
  switch (level) {
    case 'emergency':
      return where.emergencyNumber ? [say('help.callEmergency', { number: where.emergencyNumber })] : []
    case 'urgent-same-day':
      return [phoneLine('help.inOpeningHours'), ...(where.outOfHours ? [where.outOfHours] : [])]
    case 'call-clinic':
      return [phoneLine('help.callClinicOn')]
    default:
      return []
  }
}

/** A box's numbers: its level's, then the crisis line when one of its signs asks for it and the clinic has one. */
export function boxCalls(group: LevelGroup, where: WhereToGo, say: Say): string[] {
  const crisis = where.crisisLine && group.flags.some((flag) => flag.crisisLine) ? [where.crisisLine] : []
  return [...levelCalls(group.level, where, say), ...crisis]
}
