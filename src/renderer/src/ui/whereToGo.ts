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
