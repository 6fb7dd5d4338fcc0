import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { checkLibrary, copiedRun, sourceRuns } from '../../src/core/content/check.ts'
import { loadContent } from '../../src/core/content/load.ts'
import { fernandezHuerta, fleschKincaidGrade, spanishSyllables } from '../../src/core/content/readability.ts'
import { stampTranslations } from '../../src/core/content/stamp.ts'
import { FREQUENCY_BANDS, FREQUENCY_SCALE, type FrequencyBandId } from '../../src/shared/vocabulary.ts'
import { copyFixtureContent, editFile, tempDir, type TempDir } from '../fixtures/library.ts'
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

let dir: TempDir
let content: string
beforeEach(() => {
  dir = tempDir()
  content = copyFixtureContent(dir.path)
})
afterEach(() => dir.remove())

const LOCALES_DIR = join(import.meta.dirname, '../../src/renderer/src/locales')
type BandWords = Record<FrequencyBandId, { heading: string; words: string; sentence: string }>

const problemsFor = (id: string, locale = 'en', options: { sourcesDir?: string } = {}) =>
  checkLibrary(loadContent(content), {
    sourcesDir: options.sourcesDir,
  }).items.find((i) => i.id === id && i.locale === locale)?.problems ?? []

/** What loading the content copy refuses, with file, item and field; none when it loads. */
function loadProblems(): { file: string; item: string; field: string; message: string }[] {
  try {
    loadContent(content)
    return []
  } catch (err) {
    return (err as { problems: ReturnType<typeof loadProblems> }).problems
  }
}

describe('readability measures', () => {
  it('scores plain sentences low and dense medical prose high', () => {
    expect(fleschKincaidGrade('You lie on a bed. The nurse cleans your skin.')).toBeLessThan(4)
    expect(
      fleschKincaidGrade(
        'Intra-articular corticosteroid administration demonstrates considerable variability regarding symptomatic amelioration.',
      ),
    ).toBeGreaterThan(14)
  })

  it('counts Spanish syllables, with diphthongs and accents', () => {
    expect(spanishSyllables('cadera')).toBe(3)
    expect(spanishSyllables('inyección')).toBe(3)
    expect(spanishSyllables('día')).toBe(2)
    expect(spanishSyllables('cuidado')).toBe(3)
    expect(fernandezHuerta('Usted se acuesta. La enfermera limpia la piel.')).toBeGreaterThan(60)
  })
})

describe('content checks', () => {
  it('flags a paragraph above reading grade 8, quoting it', () => {
    editFile(content, 'conditions/sore-hip.en.yaml', (t) =>
      t.replace(
        'It can ache at night.',
        'Degenerative osteoarthritic deterioration characteristically necessitates multidisciplinary management.',
      ),
    )
    expect(problemsFor('sore-hip')).toContainEqual(
      expect.stringMatching(/sections\[0\]\.paragraphs\[1\]: reading grade \d+/),
    )
  })

  it('flags a sentence longer than 20 words', () => {
    const long =
      'You can walk and sit and stand and rest and stretch and bend and turn and lift and carry and climb and swim today.'
    editFile(content, 'conditions/sore-hip.en.yaml', (t) => t.replace('It can ache at night.', long))
    expect(problemsFor('sore-hip')).toContainEqual(
      expect.stringMatching(/a sentence of 24 words \(20 at most\)/),
    )
  })

  it('flags 10 words in a row copied from a source article', () => {
    const sources = join(dir.path, 'sources')
    mkdirSync(sources)
    writeFileSync(
      join(sources, 'a.txt'),
      'Long ago the smooth lining of the hip joint wears away slowly over many years in most people.',
    )
    expect(copiedRun('the lining of the hip', sourceRuns(sources))).toBeNull()
    editFile(content, 'conditions/sore-hip.en.yaml', (t) =>
      t.replace(
        'It can ache at night.',
        'The smooth lining of the hip joint wears away slowly over many years.',
      ),
    )
    expect(problemsFor('sore-hip', 'en', { sourcesDir: sources })).toContainEqual(
      expect.stringContaining('copies 10 words in a row'),
    )
  })

  it.each([
    ['Divers get it from helium bubbles.', 'helium'],
    ['Patting your hips opens the meridians.', 'not medicine'],
    ['X-rays are an invasive test.', 'not invasive'],
    ['This revolutionary injection helps.', 'marketing'],
  ])('flags a known error of the sources: %s', (sentence, why) => {
    editFile(content, 'conditions/sore-hip.en.yaml', (t) => t.replace('It can ache at night.', sentence))
    expect(problemsFor('sore-hip')).toContainEqual(expect.stringContaining(why))
  })

  it('flags a medical word that is not in the glossary', () => {
    editFile(content, 'conditions/sore-hip.en.yaml', (t) =>
      t.replace('It can ache at night.', 'The labrum can tear.'),
    )
    expect(problemsFor('sore-hip')).toContainEqual(
      'glossary: "labrum" is used but not defined in the glossary',
    )
  })

  it('flags joint infection mentioned without calling it an emergency', () => {
    editFile(content, 'conditions/sore-hip.en.yaml', (t) =>
      t.replace('It can ache at night.', 'A joint infection is possible.'),
    )
    expect(problemsFor('sore-hip')).toContainEqual(expect.stringContaining('not called an emergency'))
    editFile(content, 'conditions/sore-hip.en.yaml', (t) =>
      t.replace('A joint infection is possible.', 'A joint infection is an emergency.'),
    )
    expect(problemsFor('sore-hip')).not.toContainEqual(expect.stringContaining('not called an emergency'))
  })

  it('flags a procedure missing recovery milestones, red flags or quiz questions', () => {
    const problems = problemsFor('test-injection')
    expect(problems).toContainEqual('recovery: no milestone for day-1-2, days-3-7, months')
    expect(problems).toContainEqual('quiz: has 1 questions; write 3 to 5')
  })

  it('flags a missing translation, and a translation whose structure differs from the English', () => {
    expect(problemsFor('test-injection')).toContainEqual('missing translation: no es version')
    expect(problemsFor('sore-hip', 'es')).toContainEqual('faqs: the English has 1, this translation has 0')
  })

  it('flags a translation whose pictures or risk bands differ from the English', () => {
    writeFileSync(
      join(content, 'procedures/test-injection.es.yaml'),
      readFileSync(join(content, 'procedures/test-injection.en.yaml'), 'utf8')
        .replace('picture: skin-cleaning', 'picture: numbing')
        .replace('band: rare', 'band: uncommon'),
    )
    const problems = problemsFor('test-injection', 'es')
    expect(problems).toContainEqual(
      'steps[1].picture: the English has "skin-cleaning", this translation has "numbing"',
    )
    expect(problems).toContainEqual('risks[1].band: the English has "rare", this translation has "uncommon"')
  })

  it('reports a stale translation until it is re-stamped with the English hash', () => {
    expect(problemsFor('sore-hip', 'es')).toContainEqual(expect.stringContaining('stale translation'))
    const hash = loadContent(content).items.find(
      (i) => i.item.id === 'sore-hip' && i.locale === 'en',
    )?.textHash
    editFile(content, 'conditions/sore-hip.es.yaml', (t) => t.replace("'000000000000'", `'${hash}'`))
    expect(problemsFor('sore-hip', 'es')).not.toContainEqual(expect.stringContaining('stale'))
  })

  it('reports every item as not yet reviewed by a clinician', () => {
    const report = checkLibrary(loadContent(content), {})
    expect(new Set(report.items.map((i) => i.review))).toEqual(new Set(['not-reviewed']))
  })

  it.each([
    ['review:\n  reviewedOn: 2026-11-20\n', 'review'],
    ['reviewerRole: Clinical content editor\n', 'reviewerRole'],
    ['reviewedOn: 2026-11-20\n', 'reviewedOn'],
    ['nextReviewDue: 2029-11-20\n', 'nextReviewDue'],
  ])('review honesty: refuses a review claim written into content (%s)', (claim, field) => {
    editFile(content, 'conditions/sore-hip.en.yaml', (t) =>
      t.replace(/^version: 2\n/m, `version: 2\n${claim}`),
    )
    let problems: { field: string; message: string }[] = []
    try {
      loadContent(content)
    } catch (err) {
      problems = (err as { problems: { field: string; message: string }[] }).problems
    }
    expect(problems).toContainEqual(
      expect.objectContaining({ field, message: expect.stringContaining('not yet reviewed by a clinician') }),
    )
  })

  it('review honesty: flags patient text that claims a clinical review', () => {
    editFile(content, 'conditions/sore-hip.en.yaml', (t) =>
      t.replace('summary: ', 'summary: This page was reviewed by a consultant. '),
    )
    expect(problemsFor('sore-hip')).toContainEqual(
      expect.stringContaining('review honesty: claims a clinical review'),
    )
  })

  it('refuses a glossary term that cites a source the library does not have, naming file, term and field', () => {
    editFile(content, 'glossary/core.en.yaml', (t) =>
      t.replace(
        '    definition: Smooth tissue that covers the ends of bones.\n',
        '    definition: Smooth tissue that covers the ends of bones.\n    sources: [src-a, src-gone]\n',
      ),
    )
    expect(loadProblems()).toContainEqual(
      expect.objectContaining({
        file: expect.stringMatching(/content\/glossary\/core\.en\.yaml$/),
        item: 'cartilage',
        field: 'terms[0].sources[1]',
        message: expect.stringContaining('unknown source "src-gone"'),
      }),
    )
  })

  it('holds a glossary meaning to the sentence length of patient text, and its translation to the English sources', () => {
    editFile(content, 'glossary/core.en.yaml', (t) =>
      t.replace(
        '    definition: Smooth tissue that covers the ends of bones.\n',
        '    definition: Smooth tissue that covers the ends of the bones in a joint so that they glide over each other without rubbing or catching at all.\n    sources: [src-a]\n',
      ),
    )
    const report = checkLibrary(loadContent(content), {})
    expect(report.library).toContainEqual(
      expect.stringMatching(
        /^glossary: the definition of "cartilage" \(en\): a sentence of 2\d words \(20 at most\)/,
      ),
    )
    expect(report.library).toContainEqual(
      'glossary: "cartilage" in es cites other sources than its English (en: src-a; es: none)',
    )
  })

  it('holds a part of the hip diagram to the sentence length of patient text, in each language', () => {
    editFile(content, 'anatomy.en.yaml', (t) =>
      t.replace(
        'description: Small cushions of fluid near the bones. }',
        'description: Small cushions of fluid near the bones that sit one on the outside of your hip and one at the front and one over the bone you sit on. }',
      ),
    )
    const report = checkLibrary(loadContent(content), {})
    expect(report.library).toContainEqual(
      expect.stringMatching(
        /^anatomy: the description of "bursae" \(en\): a sentence of 2\d words \(20 at most\)/,
      ),
    )
  })

  it('flags a glossary term with no Spanish definition', () => {
    const report = checkLibrary(loadContent(content), {})
    expect(report.library).toContainEqual('glossary: "joint" has no es definition')
    expect(report.library).toContainEqual(expect.stringContaining('anatomy: no es descriptions'))
    expect(report.ok).toBe(false)
  })
})

describe('stamping translations', () => {
  it('records the English hash in the translation, editing only that line, and clears the stale flag', () => {
    const file = join(content, 'conditions/sore-hip.es.yaml')
    const before = readFileSync(file, 'utf8')
    const [stamped] = stampTranslations(content, loadContent(content), ['sore-hip'])
    const after = readFileSync(file, 'utf8')
    expect(after.replace(/^translatedFrom:.*\n/m, '')).toBe(before.replace(/^translatedFrom:.*\n/m, ''))
    expect(after).toContain(`translatedFrom: '${stamped?.hash}'`)
    expect(problemsFor('sore-hip', 'es')).not.toContainEqual(expect.stringContaining('stale'))
    expect(() => stampTranslations(content, loadContent(content), ['no-such-item'])).toThrow(
      /No English item/,
    )
  })
})

describe('risk bands', () => {
  it('defines each band once, on the EU leaflet scale, most often first, worded in every language with screens', () => {
    expect(FREQUENCY_BANDS).toEqual(['very-common', 'common', 'uncommon', 'rare', 'very-rare', 'unknown'])
    expect(FREQUENCY_BANDS.map((b) => FREQUENCY_SCALE[b].bound)).toEqual([
      { relation: 'more-than', n: 1, m: 10 },
      { relation: 'up-to', n: 1, m: 10 },
      { relation: 'up-to', n: 1, m: 100 },
      { relation: 'up-to', n: 1, m: 1000 },
      { relation: 'up-to', n: 1, m: 10000 },
      null,
    ])
    // The words are each language's own, in its messages file, numbers written as it writes them.
    const bandsIn = (code: string) =>
      (JSON.parse(readFileSync(join(LOCALES_DIR, `${code}.json`), 'utf8')) as { bands: BandWords }).bands
    expect(FREQUENCY_BANDS.map((b) => bandsIn('en')[b].sentence)).toEqual([
      'Very common: more than 1 in 10 people',
      'Common: up to 1 in 10 people',
      'Uncommon: up to 1 in 100 people',
      'Rare: up to 1 in 1,000 people',
      'Very rare: up to 1 in 10,000 people',
      'How often this happens is not known.',
    ])
    expect(bandsIn('es').rare.sentence).toBe('Raro: hasta 1 de cada 1000 personas')
    for (const code of readdirSync(LOCALES_DIR).flatMap((f) => /^([a-z]{2})\.json$/.exec(f)?.[1] ?? []))
      for (const b of FREQUENCY_BANDS)
        for (const form of ['heading', 'words', 'sentence'] as const)
          expect(bandsIn(code)[b][form], `${code}: bands.${b}.${form}`).toBeTruthy()
  })

  it('band-source check: refuses a banded risk that cites no source', () => {
    editFile(content, 'procedures/test-injection.en.yaml', (t) =>
      t.replace('    band: common\n    sources: [src-b]\n', '    band: common\n'),
    )
    expect(loadProblems()).toContainEqual(
      expect.objectContaining({
        field: 'risks[0].sources',
        message: expect.stringContaining('band-source check'),
      }),
    )
  })

  it('band-source check: accepts "unknown" with no source, but not with a number', () => {
    editFile(content, 'procedures/test-injection.en.yaml', (t) =>
      t.replace('    band: common\n    sources: [src-b]\n', '    band: unknown\n'),
    )
    expect(loadProblems()).toEqual([])
    editFile(content, 'procedures/test-injection.en.yaml', (t) =>
      t.replace('    band: unknown\n', '    band: unknown\n    about: { n: 1, m: 10 }\n'),
    )
    expect(loadProblems()).toContainEqual(expect.objectContaining({ field: 'risks[0].about' }))
  })

  it('takes a range ("about 1 to 3 in 10,000") only from low to high, within its whole', () => {
    const about = (range: string) =>
      editFile(content, 'procedures/test-injection.en.yaml', (t) =>
        t.replace(/about: \{ n: 1,(?: to: \d+,)? m: 10000 \}/, `about: { ${range} }`),
      )
    about('n: 1, to: 3, m: 10000')
    expect(loadProblems()).toEqual([])
    for (const wrong of ['n: 3, to: 1, m: 10000', 'n: 1, to: 1, m: 10000', 'n: 1, to: 20000, m: 10000']) {
      about(wrong)
      expect(loadProblems(), wrong).toContainEqual(
        expect.objectContaining({ field: 'risks[1].about', message: expect.stringContaining('range') }),
      )
    }
  })

  it('refuses a risk that cites a source the library does not have', () => {
    editFile(content, 'procedures/test-injection.en.yaml', (t) =>
      t.replace('band: common\n    sources: [src-b]', 'band: common\n    sources: [src-gone]'),
    )
    expect(loadProblems()).toContainEqual(
      expect.objectContaining({
        field: 'risks[0].sources[0]',
        message: expect.stringContaining('unknown source'),
      }),
    )
  })
})

describe('claims with sources', () => {
  it('claim-source check: refuses a paragraph without sources in a benefits section', () => {
    editFile(content, 'procedures/test-injection.en.yaml', (t) =>
      t.replace(
        '      - text: Relief often lasts a few weeks.\n        sources: [src-b]\n',
        '      - Relief often lasts a few weeks.\n',
      ),
    )
    expect(loadProblems()).toContainEqual(
      expect.objectContaining({
        field: 'sections[1].paragraphs[0]',
        message: expect.stringContaining('claim-source check'),
      }),
    )
  })

  it.each(['evidence', 'how-well-it-works'])('claim-source check: holds for a "%s" section too', (key) => {
    editFile(content, 'procedures/test-injection.en.yaml', (t) =>
      t
        .replace('  - key: benefits\n', `  - key: ${key}\n`)
        .replace(
          '      - text: Relief often lasts a few weeks.\n        sources: [src-b]\n',
          '      - Relief often lasts a few weeks.\n',
        ),
    )
    expect(loadProblems()).toContainEqual(
      expect.objectContaining({ message: expect.stringContaining('claim-source check') }),
    )
  })

  it('lets other sections write plain paragraphs, and checks every cited id', () => {
    expect(loadProblems()).toEqual([])
    editFile(content, 'procedures/test-injection.en.yaml', (t) =>
      t.replace('        sources: [src-b]\n', '        sources: [src-gone]\n'),
    )
    expect(loadProblems()).toContainEqual(
      expect.objectContaining({
        field: 'sections[1].paragraphs[0].sources[0]',
        message: expect.stringContaining('unknown source'),
      }),
    )
  })

  it('checks cited words for plain language like any other', () => {
    editFile(content, 'procedures/test-injection.en.yaml', (t) =>
      t.replace(
        'Relief often lasts a few weeks.',
        'Intra-articular corticosteroid administration demonstrates considerable variability regarding symptomatic amelioration.',
      ),
    )
    expect(problemsFor('test-injection')).toContainEqual(
      expect.stringContaining('sections[1].paragraphs[0].text: reading grade'),
    )
  })
})

describe('patient text that is really YAML', () => {
  it('refuses an answer whose text and sources were folded into one string, naming file, item and field', () => {
    // "answer: >-" followed by "text:" and "sources:" makes YAML read the whole block as words to show.
    editFile(content, 'conditions/sore-hip.en.yaml', (t) =>
      t.replace(
        '    answer: Exercise often helps.',
        '    answer: >-\n      text: >-\n        Exercise often helps.\n      sources: [src-a]',
      ),
    )
    expect(loadProblems()).toContainEqual(
      expect.objectContaining({
        file: expect.stringContaining('sore-hip.en.yaml'),
        item: 'sore-hip',
        field: 'faqs[0].answer',
        message: expect.stringContaining('looks like YAML'),
      }),
    )
  })
})

describe('the triage policy', () => {
  const PROCEDURE = 'procedures/test-injection.en.yaml'

  // The warning signs are the text a frightened patient reads first: held to the same
  // sentence length and reading grade as every other patient text, in every language.
  it.each([
    [
      'en',
      "{ id: fever, text: 'You have a fever, or chills, or you feel hot and then cold, or you shake, or you feel very unwell and cannot get warm at all.' }",
      /^triage\.en: sign "fever": a sentence of 2\d words \(20 at most\)/,
    ],
    [
      'es',
      "{ id: fever, text: 'Tiene fiebre, o escalofríos, o nota calor y luego frío, o tiembla, o se encuentra muy mal y no consigue entrar en calor de ninguna manera.' }",
      /^triage\.es: sign "fever": a sentence of 2\d words \(20 at most\)/,
    ],
  ] as const)(
    'a warning sign of more than 20 words in one sentence is refused (%s)',
    (locale, long, message) => {
      editFile(content, `triage.${locale}.yaml`, (t) => t.replace(/\{ id: fever, text: '[^']*' \}/, long))
      const report = checkLibrary(loadContent(content), {})
      expect(report.library).toContainEqual(expect.stringMatching(message))
      expect(report.ok).toBe(false)
    },
  )

  it('a warning sign worded above the reading grade is refused (en)', () => {
    editFile(content, 'triage.en.yaml', (t) =>
      t.replace(
        "'You have a fever.'",
        "'Pyrexia, rigors or systemic deterioration necessitate immediate evaluation.'",
      ),
    )
    expect(checkLibrary(loadContent(content), {}).library).toContainEqual(
      expect.stringMatching(/^triage\.en: sign "fever": reading grade \d+\.\d \(8 at most\)/),
    )
  })

  it('accepts warning signs whose (sign, context) pairs the policy defines', () => {
    expect(loadProblems()).toEqual([])
  })

  it('triage check: refuses an unknown sign', () => {
    editFile(content, PROCEDURE, (t) => t.replace('- { sign: fever,', '- { sign: fevers,'))
    expect(loadProblems()).toContainEqual(
      expect.objectContaining({
        field: 'redFlags[1].sign',
        message: expect.stringContaining('triage check: unknown sign'),
      }),
    )
  })

  it('triage check: refuses a context the policy has no rule for with this sign', () => {
    editFile(content, PROCEDURE, (t) =>
      t.replace('- { sign: fever, context: any-time', '- { sign: fever, context: beyond-first-days'),
    )
    expect(loadProblems()).toContainEqual(
      expect.objectContaining({
        field: 'redFlags[1].context',
        message: expect.stringContaining('the policy has no rule'),
      }),
    )
  })

  it("triage check: a risk's warning is one of the policy's signs, so the risk says what the warning box says", () => {
    editFile(content, PROCEDURE, (t) =>
      t.replace(
        'warning: { sign: fever, context: any-time }',
        'warning: { sign: fever, context: beyond-first-days }',
      ),
    )
    expect(loadProblems()).toContainEqual(
      expect.objectContaining({
        file: expect.stringContaining('test-injection.en.yaml'),
        item: 'test-injection',
        field: 'risks[1].warning.context',
        message: expect.stringContaining('the policy has no rule'),
      }),
    )
    editFile(content, PROCEDURE, (t) => t.replace('warning: { sign: fever,', 'warning: { sign: call-us,'))
    expect(loadProblems()).toContainEqual(
      expect.objectContaining({
        field: 'risks[1].warning.sign',
        message: expect.stringContaining('unknown sign "call-us"'),
      }),
    )
  })

  it("triage check: a condition names the policy's signs too, and an unknown one is refused where it is written", () => {
    editFile(content, 'conditions/sore-hip.en.yaml', (t) => t.replace('{ sign: fever,', '{ sign: fevr,'))
    expect(loadProblems()).toContainEqual(
      expect.objectContaining({
        file: expect.stringContaining('sore-hip.en.yaml'),
        item: 'sore-hip',
        field: 'redFlags[0].sign',
        message: expect.stringContaining('triage check: unknown sign "fevr"'),
      }),
    )
  })

  it('triage check: a translation that leaves out a warning sign of its English is refused', () => {
    editFile(content, 'conditions/sore-hip.es.yaml', (t) => t.replace(/^redFlags:\n.*\n/m, ''))
    expect(loadProblems()).toContainEqual(
      expect.objectContaining({
        file: expect.stringContaining('sore-hip.es.yaml'),
        item: 'sore-hip',
        field: 'redFlags',
        message: expect.stringContaining('missing: fever--any-time'),
      }),
    )
    editFile(
      content,
      'conditions/sore-hip.es.yaml',
      (t) => `${t}redFlags:\n  - { sign: fever, context: any-time }\n`,
    )
    expect(loadProblems()).toEqual([])
  })

  it('triage check: refuses a second rule for one sign and context (one sign, one action)', () => {
    editFile(
      content,
      'triage-policy.yaml',
      (t) => `${t}  - { sign: fever, context: any-time, level: next-visit, sources: [src-b] }\n`,
    )
    expect(loadProblems()).toContainEqual(
      expect.objectContaining({ message: expect.stringContaining('one sign, one action') }),
    )
  })

  it('triage check: needs an emergency among a procedure’s warning signs', () => {
    editFile(content, PROCEDURE, (t) => t.replace('  - { sign: fever, context: any-time }\n', ''))
    expect(loadProblems()).toContainEqual(
      expect.objectContaining({
        field: 'redFlags',
        message: expect.stringContaining('when it is an emergency'),
      }),
    )
  })

  it('triage check: a translation of the triage words must word the same signs', () => {
    editFile(content, 'triage.es.yaml', (t) => t.replace(/ {2}- \{ id: fever, .*\n/, ''))
    expect(loadProblems()).toContainEqual(
      expect.objectContaining({ field: 'signs', message: expect.stringContaining('missing: fever') }),
    )
  })
})
