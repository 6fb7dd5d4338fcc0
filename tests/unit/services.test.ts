import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CONTENT_FORMAT } from '../../src/core/db/format.ts'
import { openContentDb } from '../../src/core/db/open.ts'
import { createContentService, ftsQuery } from '../../src/core/services/content-service.ts'
import type { ContentHandlers } from '../../src/core/services/content-service.ts'
import { ApiFailure } from '../../src/shared/result.ts'
import { contract } from '../../src/shared/contract.ts'
import { buildFixtureDb, tempDir } from '../fixtures/library.ts'

const dir = tempDir()
let service: ContentHandlers
let close: () => void
beforeAll(() => {
  const db = openContentDb(buildFixtureDb(dir.path))
  service = createContentService(db)
  close = () => db.close()
})
afterAll(() => {
  close()
  dir.remove()
})

/** The fixture's emergency sign, resolved through the triage policy in English. */
const FEVER = {
  sign: 'fever',
  context: 'any-time',
  level: 'emergency',
  urgency: 'emergency',
  text: 'You have a fever.',
  signText: 'You have a fever.',
  contextText: 'at any time',
  levelText: 'Emergency: call an ambulance now.',
  expected: false,
  crisisLine: false,
}
describe('content service', () => {
  it('lists conditions and procedures for a language', () => {
    const en = service.listTopics({ locale: 'en' })
    expect(en.conditions.map((t) => t.title)).toEqual(['Sore hip'])
    expect(en.procedures.map((t) => t.id)).toEqual(['test-injection'])
    const es = service.listTopics({ locale: 'es' })
    expect(es.conditions.map((t) => [t.title, t.locale])).toEqual([['Cadera dolorida', 'es']])
    // Not yet translated: listed all the same, in English, and says so.
    expect(es.procedures.map((t) => [t.title, t.locale])).toEqual([['Test injection', 'en']])
  })

  it('shows a topic not yet translated whole in English, saying so, never half-translated', () => {
    const p = service.getProcedure({ locale: 'es', id: 'test-injection' })
    expect(contract.getProcedure.output.parse(p)).toEqual(p)
    expect(p.locale).toBe('en')
    expect(p).toEqual(service.getProcedure({ locale: 'en', id: 'test-injection' }))
    expect(service.getCondition({ locale: 'es', id: 'sore-hip' }).locale).toBe('es')
  })

  it('refuses a language the content does not offer, naming the field, and keeps serving', () => {
    for (const call of [
      () => service.getProcedure({ locale: 'fr', id: 'test-injection' }),
      () => service.listTopics({ locale: 'fr' }),
      () => service.search({ locale: 'fr', query: 'hip' }),
      () => service.getGlossary({ locale: 'fr' }),
    ]) {
      expect(call).toThrow(/not valid: there is no content in "fr": this content offers en, es/)
      try {
        call()
      } catch (err) {
        expect(err).toBeInstanceOf(ApiFailure)
        expect((err as ApiFailure).toError()).toMatchObject({ code: 'bad-input', fields: ['locale'] })
      }
    }
    expect(service.listTopics({ locale: 'en' }).procedures).toHaveLength(1)
  })

  it('returns a procedure with its steps in order, risks, recovery and red flags, matching the contract', () => {
    const p = service.getProcedure({ locale: 'en', id: 'test-injection' })
    expect(contract.getProcedure.output.parse(p)).toEqual(p)
    expect(p.steps.map((s) => s.title)).toEqual(['Lie down', 'Clean the skin', 'The injection'])
    expect(p.steps.map((s) => s.anatomy)).toEqual([undefined, undefined, 'capsule'])
    expect(p.risks).toContainEqual({
      name: 'Infection',
      description: 'Germs get into the joint.',
      band: 'rare',
      about: { n: 1, m: 10000 },
      sources: ['src-a', 'src-b'],
      // What to do, resolved through the triage policy as the warning box's signs are.
      warning: FEVER,
    })
    // A cited paragraph reaches the screen as its words, with its source ids beside it.
    expect(p.sections.find((s) => s.key === 'benefits')).toEqual({
      key: 'benefits',
      heading: 'What can it do?',
      paragraphs: ['Relief often lasts a few weeks.'],
      citations: [['src-b']],
    })
    expect(p.sections.find((s) => s.key === 'why')?.citations).toEqual([[]])
    expect(p.durationSources).toEqual([])
    const bruising = p.risks.find((r) => r.name === 'Bruising')
    expect(bruising).toBeDefined()
    expect(bruising?.about).toBeUndefined()
    expect(p.recovery.map((m) => m.period)).toEqual(['same-day', 'weeks-2-6'])
    expect(p.redFlags).toEqual([
      FEVER,
      {
        sign: 'pain-flare',
        context: 'beyond-first-days',
        level: 'call-clinic',
        urgency: 'call',
        text: 'After the first 2 days: the pain does not settle.',
        signText: 'The pain does not settle.',
        contextText: 'after the first 2 days',
        levelText: 'Call the clinic soon.',
        expected: false,
        crisisLine: false,
      },
    ])
    expect(p.quiz[0]).toEqual({
      question: 'Is infection common?',
      options: ['Yes', 'No'],
      answer: 1,
      explanation: 'It is rare, but it is an emergency.',
    })
    // No clinician has reviewed the content: the screens say so, with the version.
    expect(p.review).toEqual({ version: 1, checkedOn: null })
    expect(p.sources.map((s) => s.id)).toEqual(['src-a', 'src-b'])
    expect(p.stale).toBe(false)
  })

  it('returns a condition with its sections split into paragraphs', () => {
    const c = service.getCondition({ locale: 'en', id: 'sore-hip' })
    expect(c.sections[0]?.paragraphs).toEqual([
      'The cartilage in your hip wears thin.',
      'It can ache at night.',
    ])
    expect(contract.getCondition.output.parse(c)).toEqual(c)
  })

  it("gives a condition its warning signs through the triage policy, in the page's language", () => {
    expect(service.getCondition({ locale: 'en', id: 'sore-hip' }).redFlags).toEqual([FEVER])
    expect(service.getCondition({ locale: 'es', id: 'sore-hip' }).redFlags).toEqual([
      expect.objectContaining({
        sign: 'fever',
        level: 'emergency',
        signText: 'Tiene fiebre.',
        levelText: 'Urgencia grave: llame a una ambulancia ahora.',
      }),
    ])
  })

  it('says which part of the hip an item is about, when the content names one', () => {
    expect(service.getCondition({ locale: 'en', id: 'sore-hip' }).anatomy).toBe('cartilage')
    expect(service.getProcedure({ locale: 'en', id: 'test-injection' }).anatomy).toBeUndefined()
  })

  it('flags a Spanish page whose translation is stale', () => {
    expect(service.getCondition({ locale: 'es', id: 'sore-hip' }).stale).toBe(true)
  })

  it('answers not-found for an unknown id or the wrong kind', () => {
    for (const call of [
      () => service.getProcedure({ locale: 'en', id: 'nothing-here' }),
      () => service.getProcedure({ locale: 'en', id: 'sore-hip' }),
      () => service.getProcedure({ locale: 'es', id: 'nothing-here' }),
    ]) {
      expect(call).toThrow(ApiFailure)
      expect(call).toThrow(/There is no procedure/)
    }
  })

  it('searches all patient text, best item first, with the matching words marked', () => {
    const { hits } = service.search({ locale: 'en', query: 'germs' })
    expect(hits.map((h) => h.id)).toEqual(['test-injection'])
    expect(hits[0]?.snippet).toContainEqual({ text: 'Germs', match: true })
  })

  it('finds words as they are typed (prefix) and ignores accents', () => {
    expect(service.search({ locale: 'en', query: 'cartil' }).hits.map((h) => h.id)).toEqual(['sore-hip'])
    expect(service.search({ locale: 'es', query: 'cartilago' }).hits.map((h) => h.id)).toEqual(['sore-hip'])
  })

  it('ranks an item named after the word above one that only mentions it', () => {
    expect(service.search({ locale: 'en', query: 'hip' }).hits.map((h) => h.id)).toEqual([
      'sore-hip',
      'test-injection',
    ])
  })

  it('finds an item whose words are in different parts of it', () => {
    // "skin" is in a step, "germs" in a risk.
    expect(service.search({ locale: 'en', query: 'skin germs' }).hits.map((h) => h.id)).toEqual([
      'test-injection',
    ])
  })

  it('searches the chosen language, and English only for topics not yet translated', () => {
    // "Sore hip" is translated: its English words are not searched in Spanish.
    expect(service.search({ locale: 'es', query: 'sore' }).hits).toEqual([])
    expect(service.search({ locale: 'es', query: 'germs' }).hits.map((h) => [h.id, h.locale])).toEqual([
      ['test-injection', 'en'],
    ])
    expect(service.search({ locale: 'en', query: 'germs' }).hits.map((h) => h.locale)).toEqual(['en'])
  })

  it('treats search syntax as plain words, never as a query language', () => {
    for (const query of [
      '"',
      'fever"',
      'NEAR(fever bruise)',
      'fever OR',
      '*',
      '-fever',
      'col:fever',
      "'; DROP TABLE items; --",
      '^fever',
    ]) {
      expect(() => service.search({ locale: 'en', query })).not.toThrow()
    }
    expect(service.search({ locale: 'en', query: '   ' }).hits).toEqual([])
    expect(ftsQuery('hip "pain')).toBe('"hip" AND "pain"*')
  })

  it('lists the glossary with every form of each word, and the sources of any claim (none here)', () => {
    expect(service.getGlossary({ locale: 'en' })).toEqual([
      {
        id: 'cartilage',
        term: 'cartilage',
        definition: 'Smooth tissue that covers the ends of bones.',
        forms: [],
        sources: [],
      },
      { id: 'joint', term: 'joint', definition: 'Where two bones meet.', forms: ['joints'], sources: [] },
    ])
  })

  it('describes every part of the hip for the anatomy diagram, in order', () => {
    const parts = service.getAnatomy({ locale: 'en' })
    expect(parts.map((p) => p.id)).toEqual([
      'ball',
      'socket',
      'cartilage',
      'labrum',
      'synovial-fluid',
      'capsule',
      'bursae',
      'tendons',
    ])
    expect(parts[3]).toEqual({
      id: 'labrum',
      name: 'Labrum',
      description: 'A rim of tough tissue around the socket.',
    })
    // No Spanish descriptions in the fixture: the parts come in English, whole.
    expect(service.getAnatomy({ locale: 'es' })).toEqual(parts)
  })

  it('reports the content hash, schema version, languages and counts', () => {
    const info = service.contentInfo({})
    expect(info.contentHash).toMatch(/^[0-9a-f]{64}$/)
    expect(info.schemaVersion).toBe(CONTENT_FORMAT)
    expect(info.locales).toEqual(['en', 'es'])
    expect(info.counts).toEqual({ conditions: 1, procedures: 1, glossary: 2 })
  })
})
