/**
 * The printed handouts read as a patient at home would, with only the paper in
 * hand (docs/clinical/review-2026-12-06.md, "A seventh pass", HP rows), held
 * against the BUILT content: the real content/ compiled into a content database
 * and read through the content service, as a screen and a handout get it.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Locale, RedFlag } from '../../src/shared/contract.ts'
import { PROJECT_ROOT } from '../../src/core/paths.ts'
import { realContentForFile } from '../fixtures/library.ts'

const service = realContentForFile()

const LOCALES = ['en', 'es'] as const

/** Every page in one language, as a screen and a handout get it: its kind, its id and all its words. */
function everyPage(locale: Locale): { kind: string; id: string; words: string }[] {
  const { conditions, procedures, guides } = service.listTopics({ locale })
  const words = (page: unknown) => JSON.stringify(page).replace(/\s+/g, ' ')
  return [
    ...conditions.map((t) => ({
      kind: 'condition',
      id: t.id,
      words: words(service.getCondition({ id: t.id, locale })),
    })),
    ...procedures.map((t) => ({
      kind: 'procedure',
      id: t.id,
      words: words(service.getProcedure({ id: t.id, locale })),
    })),
    ...guides.map((t) => ({ kind: 'guide', id: t.id, words: words(service.getGuide({ id: t.id, locale })) })),
  ]
}

/** The interface's own words in one language (src/renderer/src/locales). */
function message(locale: Locale, path: string): string {
  const messages: unknown = JSON.parse(
    readFileSync(join(PROJECT_ROOT, `src/renderer/src/locales/${locale}.json`), 'utf8'),
  )
  return path.split('.').reduce((node, key) => (node as Record<string, unknown>)[key], messages) as string
}

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

describe('a page that sends the reader to its warning signs (HP-17)', () => {
  // Before: "That is an emergency. See the warning signs." The screen's box and the
  // paper head them "When to get help", and nothing on either is called "warning signs".
  const HEADING = { en: '"When to get help"', es: '«Cuándo pedir ayuda»' } as const
  const NOWHERE = {
    en: /See the warning signs\.|in the warning signs|the warning signs on your handout/,
    es: /Mire las señales de alarma\.|en las señales de alarma|las señales de alarma de su hoja/,
  } as const

  it.each(LOCALES)('(%s) names the heading they sit under, or where on the page they are', (locale) => {
    // The quoted heading is the one the screen's box and the paper print.
    expect(HEADING[locale]).toContain(message(locale, 'redFlags.title'))
    expect(HEADING[locale]).toContain(message(locale, 'handout.paper.redFlags'))
    const pages = everyPage(locale)
    for (const page of pages) {
      expect(page.words.match(NOWHERE[locale])?.[0], `${page.kind} ${page.id}`).toBeUndefined()
    }
    const naming = pages.filter((p) => p.words.includes(HEADING[locale].replace(/"/g, '\\"')))
    // Every procedure says it (its fainting risk and its last recovery step)…
    expect(naming.filter((p) => p.kind === 'procedure')).toHaveLength(
      pages.filter((p) => p.kind === 'procedure').length,
    )
    // …but no condition: its paper heads the signs with its own section ("When should I
    // get help?"), so it says they are below, which is true on the screen and the paper.
    expect(naming.filter((p) => p.kind === 'condition')).toEqual([])
    const below = { en: 'See the warning signs below.', es: 'Mire las señales de alarma, más abajo.' }[locale]
    expect(pages.filter((p) => p.words.includes(below)).map((p) => p.id)).toEqual([
      'myofascial-pain',
      'pain-from-elsewhere',
    ])
  })
})
