/**
 * The real library, held to every content check: what `npm run kiosk --
 * check-content` prints, as a test. A failure lists each problem with its file.
 */
import { describe, expect, it } from 'vitest'
import { checkLibrary } from '../../src/core/content/check.ts'
import { loadContent } from '../../src/core/content/load.ts'
import { CONTENT_DIR, SOURCES_DIR } from '../../src/core/paths.ts'

const library = loadContent(CONTENT_DIR)
const report = checkLibrary(library, {
  sourcesDir: SOURCES_DIR,
})

const CONDITIONS = [
  'hip-osteoarthritis',
  'trochanteric-bursitis',
  'iliopsoas-and-ischial-bursitis',
  'gluteal-tendinopathy',
  'labral-tear',
  'hip-impingement',
  'osteonecrosis',
  'inflammatory-arthritis',
  'septic-arthritis',
  'myofascial-pain',
  'meralgia-paresthetica',
  'fibromyalgia',
  'hip-pain-at-night',
  'pain-from-elsewhere',
]
const PROCEDURES = [
  'ultrasound-guided-hip-injection',
  'fluoroscopy-guided-hip-injection',
  'trochanteric-bursa-injection',
  'hyaluronic-acid-injection',
  'prp-injection',
  'diagnostic-hip-injection',
]

describe('the content library', () => {
  it('has every condition and procedure, in every language', () => {
    expect(library.locales).toEqual(['en', 'es'])
    for (const locale of library.locales) {
      const ids = (kind: string) =>
        library.items.filter((i) => i.locale === locale && i.item.kind === kind).map((i) => i.item.id)
      expect(ids('condition')).toEqual(expect.arrayContaining(CONDITIONS))
      expect(ids('procedure')).toEqual(expect.arrayContaining(PROCEDURES))
    }
  })

  for (const item of report.items) {
    it(`${item.id} (${item.locale}) passes every content check`, () => {
      expect(item.problems.map((p) => `${item.file}: ${p}`)).toEqual([])
    })
  }

  it('reads at a mean grade of 6.5 or lower, and the glossary is complete in both languages', () => {
    expect(report.library).toEqual([])
    expect(report.meanGrade).toBeLessThanOrEqual(6.5)
  })

  it('calls joint infection an emergency on the septic arthritis page, in both languages', () => {
    const en = library.items.find((i) => i.item.id === 'septic-arthritis' && i.locale === 'en')
    const es = library.items.find((i) => i.item.id === 'septic-arthritis' && i.locale === 'es')
    expect(JSON.stringify(en?.item)).toMatch(/emergency/i)
    expect(JSON.stringify(es?.item)).toMatch(/urgencia/i)
  })

  it("explains diving risk as decompression sickness (nitrogen), not the articles' helium story", () => {
    const text = JSON.stringify(
      library.items.find((i) => i.item.id === 'osteonecrosis' && i.locale === 'en')?.item,
    )
    expect(text).toMatch(/nitrogen/i)
    expect(text).not.toMatch(/helium/i)
  })

  it('says plainly that guidance advises against hyaluronic acid in the hip, and that how well PRP works there is uncertain', () => {
    const text = (id: string) =>
      JSON.stringify(library.items.find((i) => i.item.id === id && i.locale === 'en')?.item)
    expect(text('hyaluronic-acid-injection')).toMatch(/advises against/)
    expect(text('hyaluronic-acid-injection')).not.toMatch(/evidence[^.]*mixed|mixed (results|evidence)/i)
    expect(text('prp-injection')).toMatch(/How well it works for the hip is uncertain/)
  })

  it('never gives a dose', () => {
    for (const { item, file } of library.items) {
      expect(JSON.stringify(item), file).not.toMatch(
        /\b\d+(\.\d+)?\s?(mg|ml|mcg|µg|milligrams?|millilitres?|cc)\b/i,
      )
    }
  })
})
