/**
 * Search that forgives, over the real library built into a real content
 * database: typos corrected against the index's own words, everyday words and
 * synonyms from content/search/, the item about the word first, and a pointer
 * to the other language when this one finds nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { buildContentDb } from '../../src/core/content/build.ts'
import { ContentError, loadContent } from '../../src/core/content/load.ts'
import { openContentDb } from '../../src/core/db/open.ts'
import { CONTENT_DIR } from '../../src/core/paths.ts'
import { createContentService } from '../../src/core/services/content-service.ts'
import type { ContentHandlers } from '../../src/core/services/content-service.ts'
import { contract } from '../../src/shared/contract.ts'
import type { Locale } from '../../src/shared/contract.ts'
import { copyFixtureContent, tempDir } from '../fixtures/library.ts'

const STEROID_INJECTIONS = [
  'ultrasound-guided-hip-injection',
  'fluoroscopy-guided-hip-injection',
  'trochanteric-bursa-injection',
]
/** What a search for steroid should lead with: an injection, or the guide about steroid injections. */
const ABOUT_STEROID_INJECTIONS = [...STEROID_INJECTIONS, 'steroid-injections-and-diabetes']

const dir = tempDir()
let service: ContentHandlers
let close: () => void
beforeAll(() => {
  const file = join(dir.path, 'content.sqlite')
  buildContentDb(CONTENT_DIR, file)
  const db = openContentDb(file)
  service = createContentService(db)
  close = () => db.close()
})
afterAll(() => {
  close()
  dir.remove()
})

function search(locale: Locale, query: string, asTyped?: boolean) {
  const result = service.search({ locale, query, ...(asTyped ? { asTyped } : {}) })
  expect(contract.search.output.parse(result)).toEqual(result)
  return result
}
const ids = (locale: Locale, query: string) => search(locale, query).hits.map((h) => h.id)

describe('search that forgives', () => {
  it('puts a steroid injection first for "steroid"', () => {
    expect(ABOUT_STEROID_INJECTIONS).toContain(ids('en', 'steroid')[0])
    expect(ids('en', 'steroid').indexOf('osteonecrosis')).toBeGreaterThanOrEqual(3)
  })

  it('corrects "steriod" to "steroid" and says so, with the literal search a tap away', () => {
    const result = search('en', 'steriod')
    expect(result.correctedTo).toBe('steroid')
    expect(ABOUT_STEROID_INJECTIONS).toContain(result.hits[0]?.id)
    const literal = search('en', 'steriod', true)
    expect(literal).toMatchObject({ hits: [], correctedTo: null })
  })

  it('corrects only the word that finds nothing', () => {
    const result = search('en', 'injecton night')
    expect(result.correctedTo).toBe('injection night')
    expect(search('en', 'injection').correctedTo).toBeNull()
  })

  it('does not correct a short word, nor a word another language knows', () => {
    expect(search('en', 'hpi')).toMatchObject({ hits: [], correctedTo: null })
    expect(search('en', 'dolor nocturno').correctedTo).toBeNull()
  })

  it('finds the steroid injections for everyday words: cortisone first, shot and jab among the injections', () => {
    expect(ABOUT_STEROID_INJECTIONS).toContain(ids('en', 'cortisone')[0])
    for (const word of ['cortisone', 'shot', 'jab', 'needle']) {
      const found = ids('en', word)
      expect(found[0], word).toMatch(/-injection$|^steroid-injections-/)
      expect(found, word).toEqual(expect.arrayContaining(STEROID_INJECTIONS))
    }
  })

  it('finds the injections in Spanish for esteroide, cortisona and pinchazo', () => {
    for (const word of ['esteroide', 'cortisona'])
      expect(ABOUT_STEROID_INJECTIONS, word).toContain(ids('es', word)[0])
    for (const word of ['esteroide', 'cortisona', 'pinchazo', 'infiltración']) {
      const found = ids('es', word)
      expect(found[0], word).toMatch(/-injection$|^steroid-injections-/)
      expect(found, word).toEqual(expect.arrayContaining(STEROID_INJECTIONS))
    }
  })

  it('finds a synonym beside other words, first or last, in both languages: "cortisone injection", "hip jab", "infiltración cadera"', () => {
    // A synonym's group beside another word was an FTS5 syntax error: the patient was told search was not working.
    for (const [locale, query] of [
      ['en', 'cortisone injection'],
      ['en', 'hip jab'],
      ['en', 'jab in hip'],
      ['es', 'infiltración cadera'],
      ['es', 'cortisona en la cadera'],
    ] as const) {
      const found = ids(locale, query)
      expect(found[0], query).toMatch(/-injection$|^steroid-injections-/)
      expect(found, query).toEqual(expect.arrayContaining(STEROID_INJECTIONS))
    }
  })

  it('finds the broken-hip guide first for "rotura de cadera", the everyday Spanish for a broken hip (an emergency), not the labral tear', () => {
    expect(ids('es', 'rotura de cadera')[0]).toBe('broken-hip-and-osteoporosis')
    expect(ids('es', 'rotura del labrum')).toEqual(['labral-tear'])
  })

  it('leads "clunk" (with a hip replacement, a sign it has come out of place: an emergency) to the guide that says so, not to the harmless click', () => {
    for (const query of ['clunk', 'hip clunking', 'dislocated hip']) {
      const found = ids('en', query)
      expect(found.slice(0, 3), query).toContain('when-the-clinic-is-closed')
      expect(found[0], query).not.toMatch(/^(labral-tear|hip-impingement)$/)
    }
  })

  it('puts osteoarthritis, what an older patient means by "arthritis", before septic arthritis', () => {
    const found = ids('en', 'arthritis')
    expect(found.indexOf('hip-osteoarthritis')).toBeGreaterThanOrEqual(0)
    expect(found.indexOf('hip-osteoarthritis')).toBeLessThan(found.indexOf('septic-arthritis'))
  })

  it('finds a page for the words patients and their letters use that the pages do not: medicine names, other spellings, Spain’s and Latin America’s words', () => {
    for (const [query, id] of [
      ['kenalog', 'ultrasound-guided-hip-injection'],
      ['lidocaine', 'ultrasound-guided-hip-injection'],
      ['tendinitis', 'gluteal-tendinopathy'],
      ['pinched nerve', 'meralgia-paresthetica'],
      ['psoas', 'iliopsoas-and-ischial-bursitis'],
      ['acetaminophen', 'pain-relief-medicines'],
    ] as const)
      expect(ids('en', query), query).toContain(id)
    for (const [query, id] of [
      ['coxartrosis', 'hip-osteoarthritis'],
      ['trocanteritis', 'trochanteric-bursitis'],
      ['lumbociática', 'pain-from-elsewhere'],
      ['muslo acorchado', 'meralgia-paresthetica'],
      ['ultrasonido', 'ultrasound-guided-hip-injection'],
      ['acetaminofén', 'pain-relief-medicines'],
    ] as const)
      expect(ids('es', query), query).toContain(id)
  })

  it('corrects a misspelt everyday word to the everyday word', () => {
    const result = search('en', 'cortizone')
    expect(result.correctedTo).toBe('cortisone')
    expect(ABOUT_STEROID_INJECTIONS).toContain(result.hits[0]?.id)
  })

  it('marks the synonym found in the snippet', () => {
    const hit = search('en', 'cortisone').hits[0]
    expect(hit?.snippet.some((p) => p.match && /steroid/i.test(p.text))).toBe(true)
  })

  it('points to Spanish, with a count, when English finds nothing for Spanish words', () => {
    const result = search('en', 'dolor nocturno')
    expect(result.hits).toEqual([])
    expect(result.elsewhere).toEqual([{ locale: 'es', count: ids('es', 'dolor nocturno').length }])
    expect(ids('es', 'dolor nocturno')[0]).toBe('hip-pain-at-night')
  })

  it('says nothing of other languages when this one finds something', () => {
    expect(search('en', 'night').elsewhere).toEqual([])
  })

  it('refuses a synonym that finds a word the language’s content never uses, naming its file and field', () => {
    const content = copyFixtureContent(dir.path)
    mkdirSync(join(content, 'search'))
    writeFileSync(
      join(content, 'search', 'synonyms.en.yaml'),
      'groups:\n  - words: [jab]\n    finds: [injection]\n  - words: [zebra]\n    finds: [stripes]\n',
    )
    const err = (() => {
      try {
        loadContent(content)
      } catch (e) {
        return e
      }
    })()
    expect(err).toBeInstanceOf(ContentError)
    expect((err as ContentError).problems).toEqual([
      expect.objectContaining({
        file: expect.stringMatching(/search\/synonyms\.en\.yaml$/),
        field: 'groups[1].finds[0]',
        message: expect.stringContaining('"stripes" is not a word of the en content'),
      }),
    ])
  })
})
