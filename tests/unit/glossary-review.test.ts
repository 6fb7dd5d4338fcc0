/**
 * The glossary read as a clinician would (7 December 2026), held against the
 * BUILT content: the real content/ compiled into a content database and read
 * through the content service, as a screen gets it. A definition shows when a
 * patient taps its word on ANY page that uses it, so each must fit every such
 * page. Each test is one finding that was fixed: the new meaning must be there
 * and the old, wrong wording must be gone. The findings are recorded in
 * docs/clinical/review-2026-12-06.md.
 */
import { describe, expect, it } from 'vitest'
import type { Locale } from '../../src/shared/contract.ts'
import { realContentForFile } from '../fixtures/library.ts'

const service = realContentForFile()

const LOCALES = ['en', 'es'] as const
/** A glossary definition as served, on one line. */
const definition = (id: string, locale: Locale): string => {
  const term = service.getGlossary({ locale }).find((t) => t.id === id)
  expect(term, `${id} (${locale})`).toBeDefined()
  return term!.definition.replace(/\s+/g, ' ')
}

describe('the glossary read as a clinician would (7 December 2026)', () => {
  it.each(LOCALES)(
    'pain flare (%s): within 2 days after most hip injections, such as a steroid, but up to about a week after PRP, as the PRP page says',
    (locale) => {
      const en = locale === 'en'
      const said = definition('pain-flare', locale)
      expect(said).toMatch(
        en
          ? /^A time when your pain is worse than usual\..* within 2 days\. After PRP, pain and stiffness can last up to about a week\.$/
          : /^Un periodo en que el dolor es peor de lo normal\..* en 2 días\. Tras el PRP, el dolor y la rigidez pueden durar hasta una semana, más o menos\.$/,
      )
      expect(said).toMatch(en ? /steroid injection/ : /corticoide/)
      // Not "short" (a fibromyalgia flare can last longer), and not "a day or two" after any injection.
      expect(said).not.toMatch(
        en
          ? /A short time|After an injection, a flare usually settles in a day or two/
          : /periodo corto|Tras una inyección, suele calmarse en uno o dos días/,
      )
    },
  )

  it('decompression sickness (es): it is "urgencia grave", the emergency level, as in English, not "atención urgente"', () => {
    const said = definition('decompression-sickness', 'es')
    expect(said).toMatch(/Es una urgencia grave: necesita atención médica ahora mismo\.$/)
    expect(said).not.toMatch(/atención urgente|\burgente\b|\burgencia\b(?! grave)/)
    expect(definition('decompression-sickness', 'en')).toMatch(/It needs emergency care\./)
  })

  it.each(LOCALES)(
    'bursitis (%s): outer hip pain usually comes from sore tendons; only sometimes is the bursa swollen',
    (locale) => {
      const said = definition('bursitis', locale)
      expect(said).toMatch(
        locale === 'en'
          ? /Trochanteric bursitis is a common name for pain on the outside of the hip\. This pain usually comes from sore tendons\. Only sometimes is the bursa swollen\./
          : /«Bursitis trocantérea» es un nombre frecuente para el dolor en la parte externa de la cadera\. Ese dolor suele venir de los tendones\. Solo a veces está inflamada la bursa\./,
      )
      expect(said).not.toMatch(
        /affects the bursa on the outside of the hip|afecta a la bursa de la parte externa de la cadera/,
      )
    },
  )

  it.each(LOCALES)(
    'local anaesthetic (%s): not "one small area": after a hip injection the leg may be numb, heavy or weak for a few hours',
    (locale) => {
      const said = definition('local-anaesthetic', locale)
      expect(said).toMatch(
        locale === 'en'
          ? /After a hip injection, your leg may feel numb, heavy or weak for a few hours\./
          : /Tras una inyección en la cadera, la pierna puede notarse dormida, pesada o débil unas horas\./,
      )
      expect(said).not.toMatch(/one small area|una parte pequeña del cuerpo/)
    },
  )

  it.each(LOCALES)(
    'contrast dye (%s): shows on an X-ray or an MRI scan, as the labral tear page uses it before an MRI',
    (locale) => {
      const said = definition('contrast-dye', locale)
      expect(said).toMatch(
        locale === 'en'
          ? /^A liquid that shows up clearly on an X-ray or MRI scan\. It can check where a needle is, or make a picture clearer\.$/
          : /^Un líquido que se ve muy bien en los rayos X o en la resonancia\. Sirve para comprobar dónde está la aguja o para ver mejor la imagen\.$/,
      )
      expect(said).not.toMatch(
        /A little is used to check that a needle is in the right place|Se usa un poco para comprobar que la aguja está en su sitio/,
      )
    },
  )

  it('blood thinner (es): names rivaroxabán, as the English and every procedure page do', () => {
    const said = definition('blood-thinner', 'es')
    expect(said).toMatch(
      /Por ejemplo, acenocumarol, warfarina, apixabán, rivaroxabán, clopidogrel o ácido acetilsalicílico\./,
    )
    expect(said).not.toMatch(/apixabán, clopidogrel/)
    expect(definition('blood-thinner', 'en')).toMatch(/rivaroxaban/)
  })

  it('hyaluronic acid (es): the studies found it worked no better, as strong as the English, and guidance advises against it', () => {
    const said = definition('hyaluronic-acid', 'es')
    expect(said).toMatch(
      /En la cadera, los estudios vieron que no funciona mejor que una inyección sin medicamento, y las guías lo desaconsejan\./,
    )
    expect(said).not.toMatch(/no muestran que funcione mejor/)
  })

  it.each(LOCALES)(
    'joint replacement (%s): the damaged ball and socket, not "worn" (osteonecrosis and joint infection damage a hip too)',
    (locale) => {
      const said = definition('joint-replacement', locale)
      expect(said).toMatch(
        locale === 'en'
          ? /^An operation to put in a new, man-made joint\. In a hip replacement, the damaged ball and socket are replaced\.$/
          : /^Una articulación nueva, artificial, que se pone en una operación\. En la prótesis de cadera se cambian la bola y la cavidad dañadas\.$/,
      )
      expect(said).not.toMatch(/\bworn\b|desgastad/)
    },
  )

  it.each(LOCALES)(
    'gluteal tendons (%s): the tendons of two buttock muscles fix onto the bony bump, not all of them',
    (locale) => {
      const said = definition('gluteal-tendons', locale)
      expect(said).toMatch(
        locale === 'en'
          ? /^The tendons of two buttock muscles at the side of your hip\. They fix onto the bony bump there\.$/
          : /^Los tendones de dos músculos de la nalga, en el lado de la cadera\. Se sujetan al bulto de hueso de esa zona\.$/,
      )
      expect(said).not.toMatch(/tendons of your buttock muscles|tendones de los músculos de la nalga/)
      // The gluteal tendinopathy page says the same, where it explains the word.
      const page = JSON.stringify(service.getCondition({ id: 'gluteal-tendinopathy', locale }).sections)
      expect(page).toMatch(
        locale === 'en'
          ? /Two of your buttock muscles have tendons that fix onto the bony bump/
          : /Dos de los músculos del glúteo tienen tendones/,
      )
    },
  )

  /** The terms whose meaning says what a treatment does, risks or how often: each cites the pages that say it (GL-8). */
  const CLAIMS: Record<string, string[]> = {
    'hyaluronic-acid': ['aaos-hip-oa-cpg-ha'],
    prp: ['nice-ipg637-prp'],
    'pain-flare': ['gstt-steroid-injections', 'jointandspine-prp-side-effects'],
    'local-anaesthetic': ['gstt-steroid-injections', 'nvcpc-hip-injection'],
    bursitis: ['dynamichealth-gtps'],
    chiropractic: ['001_2117ac603130045a'],
    pregabalin: ['sps-ng193', 'mims-gabapentinoids'],
    acupuncture: ['bacc-ng226-acupuncture'],
  }

  it.each(LOCALES)(
    'a meaning that makes a clinical claim cites its sources, served looked up with title and publisher (%s) (GL-8)',
    (locale) => {
      const terms = service.getGlossary({ locale })
      for (const [id, ids] of Object.entries(CLAIMS)) {
        const term = terms.find((t) => t.id === id)!
        expect(
          term.sources.map((s) => s.id),
          id,
        ).toEqual(expect.arrayContaining(ids))
        for (const s of term.sources) expect(s.title, `${id}: ${s.id}`).not.toBe(s.id)
      }
      // A word's plain meaning cites nothing.
      expect(terms.find((t) => t.id === 'pelvis')!.sources).toEqual([])
    },
  )
})
