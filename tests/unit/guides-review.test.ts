/**
 * A reviewer's read of the guides ("Looking after your hip"), 7 December 2026,
 * held against the BUILT content: the real content/ compiled into a content
 * database and read through the content service, as a screen gets it. Each test
 * is one finding that was fixed: the new meaning must be there, the old wording
 * gone, and the claim must cite the sources that say it.
 */
import { describe, expect, it } from 'vitest'
import type { Guide, Locale } from '../../src/shared/contract.ts'
import { realContentForFile } from '../fixtures/library.ts'

const service = realContentForFile()

const flat = (text: string): string => text.replace(/\s+/g, ' ').trim()
const guide = (id: string, locale: Locale): Guide => service.getGuide({ id, locale })
/** Every word of a served guide, as one line of text. */
const words = (g: Guide): string => flat(JSON.stringify(g))

/** The first paragraph of a guide that matches, with the sources it cites. */
function paragraph(g: Guide, pattern: RegExp): { text: string; sources: string[] } {
  for (const section of g.sections)
    for (const [i, text] of section.paragraphs.entries())
      if (pattern.test(flat(text))) return { text: flat(text), sources: section.citations[i] ?? [] }
  throw new Error(`${g.id} (${g.locale}): no paragraph matches ${String(pattern)}`)
}

describe('the guides read as a clinician would (7 December 2026)', () => {
  it.each([
    [
      'en',
      /Then call your diabetes team now\. If it is closed, follow the advice for outside opening hours, below\. If you have a ketone test kit, check your ketones when your sugar is high\. High ketones are an emergency\./,
      /Then get medical advice today/,
    ],
    [
      'es',
      /Entonces llame ahora mismo a su equipo de diabetes\. Si está cerrado, siga el consejo para fuera del horario de atención, más abajo\. Si tiene medidor de cetonas, mídalas con el azúcar alto\. Tener las cetonas altas es una urgencia grave\./,
      /Entonces pida atención médica hoy mismo/,
    ],
  ] as const)(
    'G1 steroid-injections-and-diabetes (%s): sugar that stays high means the diabetes team now, and high ketones are an emergency',
    (locale, must, old) => {
      const g = guide('steroid-injections-and-diabetes', locale)
      const high = paragraph(g, /diabetes team now|equipo de diabetes\. Si está cerrado/)
      expect(high.text).toMatch(must)
      expect(words(g)).not.toMatch(old)
      expect(high.sources).toEqual(expect.arrayContaining(['nhs-dka', 'dgft-steroid-diabetes']))
      // Still a one-page handout.
      expect(g.handoutPages).toBe(1)
    },
  )

  it.each([
    [
      'en',
      /Get help at once if your hip turns hot, red or swollen\. Do the same if you have a fever or feel very unwell\. It can be a joint infection, which is an emergency\./,
    ],
    [
      'es',
      /Pida ayuda enseguida si la cadera se pone caliente, roja o hinchada\. Haga lo mismo si tiene fiebre o se encuentra muy mal\. Puede ser una infección de la articulación, que es una urgencia grave\./,
    ],
  ] as const)(
    'G2 hip-exercises (%s): a hot, red or swollen hip, a fever or feeling very unwell is a joint infection and an emergency',
    (locale, must) => {
      const g = guide('hip-exercises', locale)
      const infection = paragraph(g, /joint infection|infección de la articulación/)
      expect(infection.text).toMatch(must)
      expect(infection.sources).toEqual(
        expect.arrayContaining(['glos-hip-red-flags', 'versus-arthritis-septic-arthritis']),
      )
      const flags = g.redFlags.map((f) => ({ sign: f.sign, context: f.context, level: f.level }))
      expect(flags).toEqual(
        expect.arrayContaining([
          { sign: 'hip-infection-signs', context: 'any-time', level: 'emergency' },
          { sign: 'fall-cannot-stand', context: 'any-time', level: 'emergency' },
        ]),
      )
    },
  )

  it.each([
    [
      'en',
      /This happens after about 3 in 100 hip replacements\. It is most likely in the first few months after the operation, while the hip heals\./,
      /This is rare|in the first weeks/,
    ],
    [
      'es',
      /Le pasa a unas 3 de cada 100 personas con prótesis de cadera\. Es más probable en los primeros meses tras la operación, mientras la cadera se cura\./,
      /poco frecuente|primeras semanas/,
    ],
  ] as const)(
    'G4 when-the-clinic-is-closed (%s): a hip replacement comes out of place after about 3 in 100, most likely in the first few months',
    (locale, must, old) => {
      const g = guide('when-the-clinic-is-closed', locale)
      const dislocation = paragraph(g, /3 (in|de cada) 100/)
      expect(dislocation.text).toMatch(must)
      expect(words(g)).not.toMatch(old)
      expect(dislocation.sources).toEqual([
        'glos-hip-red-flags',
        'msd-manual-hip-dislocation',
        'healthwords-hip-dislocation',
        'hse-hip-replacement-risks',
        'nhs-hip-replacement-risks',
      ])
    },
  )

  it.each([
    [
      'en',
      /So is a bad allergic reaction\. So are signs of a stroke, passing out, a fit that does not stop, or a bad head injury\./,
      /a bad allergic reaction\.$/,
    ],
    [
      'es',
      /También lo es una reacción alérgica grave\. También lo son las señales de un ictus y perder el conocimiento\. Y también una convulsión que no se para, o un golpe fuerte en la cabeza\./,
      /una reacción alérgica grave\.$/,
    ],
  ] as const)(
    'G5 when-the-clinic-is-closed (%s): a stroke, passing out, a fit that does not stop and a bad head injury are emergencies too',
    (locale, must, old) => {
      const emergencies = paragraph(guide('when-the-clinic-is-closed', locale), /ictus|stroke/)
      expect(emergencies.text).toMatch(must)
      expect(emergencies.text).not.toMatch(old)
      expect(emergencies.sources).toContain('swast-when-to-call-999')
    },
  )

  it.each([
    [
      'en',
      /Ask first if you have liver or kidney problems\. Ask too if you often drink more than 14 units of alcohol a week\. Do the same if a medicine ever gave you an allergic reaction\./,
      /drink a lot of alcohol/,
      /Taking two of them together can mean too much, which can harm your liver\./,
    ],
    [
      'es',
      /Consulte antes si tiene problemas de hígado o de riñón\. Consulte también si suele beber más alcohol del máximo recomendado, o si algún medicamento le dio alergia\./,
      /bebe mucho alcohol|unidades|y eso daña el hígado/,
      /Si toma dos a la vez, puede pasarse de la cantidad, y eso puede dañar el hígado\./,
    ],
  ] as const)(
    'G6 pain-relief-medicines (%s): paracetamol: ask first above 14 units a week, or after an allergic reaction to a medicine; too much "can" harm the liver',
    (locale, must, old, harm) => {
      const g = guide('pain-relief-medicines', locale)
      const caution = paragraph(g, /hígado o de riñón|liver or kidney problems\./)
      expect(caution.text).toMatch(must)
      expect(words(g)).not.toMatch(old)
      expect(caution.sources).toContain('nhs-paracetamol-adults')
      // The Spanish says what the English says: too much paracetamol "can" harm the liver.
      expect(paragraph(g, /antigripales|cold and flu/).text).toMatch(harm)
    },
  )

  it.each([
    [
      'en',
      /For pain on the outside of the hip, strengthening helps\. So does avoiding positions that press on that side\. It can take 8 to 10 weeks to work\./,
      /after 4 to 6 weeks of exercise\? Ask the clinic for advice\. Full benefit can take longer\./,
      /helps most people|no better after 4 to 6 weeks/,
    ],
    [
      'es',
      /Cuando duele la parte de fuera de la cadera, fortalecer los músculos ayuda\. También ayuda evitar las posturas que aprietan ese lado\. Puede tardar de 8 a 10 semanas en hacer efecto\./,
      /tras 4 a 6 semanas de ejercicio\? Pida consejo en la clínica\. El efecto completo puede tardar más\./,
      /ayuda a la mayoría|Sigue igual el dolor/,
    ],
  ] as const)(
    'G8 hip-exercises (%s): outer hip pain: strengthening and avoiding pressure on that side, over 8 to 10 weeks; ask after 4 to 6 with no change',
    (locale, must, faq, old) => {
      const g = guide('hip-exercises', locale)
      const outer = paragraph(g, /8 (to|a) 10/)
      expect(outer.text).toMatch(must)
      expect(outer.sources).toContain('dynamichealth-gtps')
      const answer = g.faqs.find((f) => /4 (to|a) 6/.test(f.answer))!
      expect(flat(answer.answer)).toMatch(faq)
      expect(answer.answerSources).toEqual(expect.arrayContaining(['merseycare-gtps', 'dynamichealth-gtps']))
      expect(words(g)).not.toMatch(old)
    },
  )

  it.each([
    ['en', /Ask first, too, if you have liver or bowel problems, or take other medicines\./],
    ['es', /Consulte también si tiene problemas de hígado o de intestino, o si toma otros medicamentos\./],
  ] as const)(
    'G9 pain-relief-medicines (%s): anti-inflammatories: ask first with liver or bowel problems, or other medicines',
    (locale, must) => {
      const g = guide('pain-relief-medicines', locale)
      const caution = paragraph(g, /bowel problems|de intestino/)
      expect(caution.text).toMatch(must)
      // A secondary source (the NHS text a pharmacy republishes) is cited beside NHS Fife, never alone.
      expect(caution.sources).toEqual(
        expect.arrayContaining(['lissonwell-nsaids-nhs-text', 'nhs-fife-oral-nsaids']),
      )
      const thinners = paragraph(g, /clopidogrel/i).text
      expect(thinners).toMatch(
        locale === 'en'
          ? /Warfarin is a blood thinner\. So are apixaban and rivaroxaban\./
          : /acenocumarol, warfarina, apixabán, rivaroxabán, clopidogrel y ácido acetilsalicílico\./,
      )
    },
  )
})
