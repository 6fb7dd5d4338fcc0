/**
 * The printed handouts read as a patient at home would, with only the paper in
 * hand (docs/clinical/review-2026-12-06.md, "A seventh pass", HP rows), held
 * against the BUILT content: the real content/ compiled into a content database
 * and read through the content service, as a screen and a handout get it.
 */
import { describe, expect, it } from 'vitest'
import type { Locale, RedFlag } from '../../src/shared/contract.ts'
import { realContentForFile } from '../fixtures/library.ts'

const service = realContentForFile()

const LOCALES = ['en', 'es'] as const

/** Every page's warning signs in one language, named by the page. */
function everyWarning(locale: Locale): [string, RedFlag][] {
  const { conditions, procedures, guides } = service.listTopics({ locale })
  return [
    ...conditions.map((t) => [t.id, service.getCondition({ id: t.id, locale }).redFlags] as const),
    ...procedures.map((t) => [t.id, service.getProcedure({ id: t.id, locale }).redFlags] as const),
    ...guides.map((t) => [t.id, service.getGuide({ id: t.id, locale }).redFlags] as const),
  ].flatMap(([id, flags]) => flags.map((flag) => [id, flag] as [string, RedFlag]))
}

describe('a warning sign with a time limit', () => {
  it.each(LOCALES)(
    '(%s) says the time limit first, so it never sticks to the end of the sign’s last sentence',
    (locale) => {
      // Before: "… But it is not hot or swollen, and you have no fever, if it lasts longer
      // than the first 2 days, or starts after them." The limit read as part of "no fever".
      const timed = everyWarning(locale).filter(([, flag]) => flag.context !== 'any-time')
      expect(timed.length).toBeGreaterThan(20)
      for (const [id, flag] of timed) {
        const lead = flag.contextText.charAt(0).toLocaleUpperCase(locale) + flag.contextText.slice(1)
        expect(flag.text.startsWith(`${lead}: `), `${id}: ${flag.text}`).toBe(true)
        // The sign itself follows whole: its last sentence ends the warning, as written
        // (but for its first letter, which may now be lower case).
        const lastSentence = flag.signText.split(/(?<=[.?!])\s+/).at(-1)!
        expect(flag.text.endsWith(lastSentence.slice(1)), `${id}: ${flag.text}`).toBe(true)
      }
    },
  )

  it('keeps a sign’s first word lower case after the lead-in, and its capitals where a word needs them', () => {
    const flare = everyWarning('en').find(
      ([, f]) => f.sign === 'pain-flare' && f.context === 'beyond-first-days',
    )
    expect(flare?.[1].text).toBe(
      'If it lasts longer than the first 2 days, or starts after them: more pain in your hip or at the needle spot. It is not hot or swollen, and you have no fever.',
    )
    const flareEs = everyWarning('es').find(
      ([, f]) => f.sign === 'pain-flare' && f.context === 'beyond-first-days',
    )
    expect(flareEs?.[1].text).toMatch(/^Si dura más de los 2 primeros días o empieza después: más dolor/)
  })
})
