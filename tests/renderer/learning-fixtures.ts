/**
 * Content for the learning screens (glossary, anatomy, search, quiz), on top of
 * the shared fake bridge: same fixtures, plus the methods those screens call.
 * Typed with the contract, so a contract change breaks them at compile time.
 */
import type {
  AnatomyPart,
  GlossaryTerm,
  Locale,
  Procedure,
  QuizQuestion,
  SearchHit,
  SearchResult,
} from '@shared/contract'
import { conditionEn, fakeBridge, procedureEn, procedureEs, type FakeBridge } from './fixtures'

export const glossaryEn: GlossaryTerm[] = [
  {
    id: 'joint',
    term: 'joint',
    definition: 'A place where two bones meet and move.',
    forms: ['joints'],
    sources: [],
  },
  {
    id: 'joint-injection',
    term: 'joint injection',
    definition: 'Medicine put inside a joint with a thin needle.',
    forms: ['joint injections'],
    sources: [],
  },
  {
    id: 'blood-thinner',
    term: 'blood thinner',
    definition: 'A medicine that stops your blood from clotting so easily.',
    forms: ['blood thinners'],
    sources: [
      {
        id: 'mayo-blood-thinners',
        title: 'Blood thinners and joint injections',
        publisher: 'Mayo Clinic',
        accessed: '2026-12-06',
      },
    ],
  },
  { id: 'clinician', term: 'clinician', definition: 'A doctor, nurse or therapist.', forms: [], sources: [] },
]

export const glossaryEs: GlossaryTerm[] = [
  {
    id: 'joint',
    term: 'articulación',
    definition: 'El lugar donde dos huesos se unen y se mueven.',
    forms: ['articulaciones'],
    sources: [],
  },
]

export const quizEn: QuizQuestion[] = [
  {
    question: 'How long does the injection take?',
    options: ['About 20 minutes', 'All day'],
    answer: 0,
    explanation: 'It takes about 20 minutes, and you go home the same day.',
  },
  {
    question: 'What should you tell us first?',
    options: ['Your favourite colour', 'That you take blood thinners'],
    answer: 1,
    explanation: 'A blood thinner can change how we do the injection.',
  },
]

export const procedureWithQuizEn: Procedure = { ...procedureEn, quiz: quizEn }
export const procedureWithQuizEs: Procedure = {
  ...procedureEs,
  quiz: quizEn.map((question) => ({ ...question, question: `ES ${question.question}` })),
}

export const anatomyEn: AnatomyPart[] = [
  { id: 'ball', name: 'The ball', description: 'The round top of your thigh bone.' },
  { id: 'socket', name: 'The socket', description: 'A cup in your pelvis.' },
  { id: 'cartilage', name: 'Cartilage', description: 'A smooth layer on the ends of the bones.' },
  { id: 'labrum', name: 'Labrum', description: 'A ring of tough tissue around the socket.' },
  { id: 'synovial-fluid', name: 'Joint fluid', description: 'Slippery fluid inside the joint.' },
  { id: 'capsule', name: 'Joint capsule', description: 'A strong bag around the joint.' },
  { id: 'bursae', name: 'Bursae', description: 'Small cushions of fluid outside the joint.' },
  { id: 'tendons', name: 'Tendons', description: 'Strong cords that join muscles to bone.' },
]

export const anatomyEs: AnatomyPart[] = anatomyEn.map((part) => ({
  ...part,
  name: `ES ${part.name}`,
  description: `ES ${part.description}`,
}))

const injectionHits: SearchHit[] = [
  {
    id: procedureEn.id,
    kind: 'procedure',
    locale: 'en',
    title: procedureEn.title,
    snippet: [
      { text: 'A small ', match: false },
      { text: 'injection', match: true },
      { text: ' into your hip joint.', match: false },
    ],
  },
  {
    id: conditionEn.id,
    kind: 'condition',
    locale: 'en',
    title: conditionEn.title,
    snippet: [
      { text: '…a steroid ', match: false },
      { text: 'injection', match: true },
      { text: ' may help…', match: false },
    ],
  },
]

/**
 * Finds the injection for any word starting "inj" (as the real index does, by
 * prefix) and, corrected, for "injeciton"; nothing else in English, where
 * "inyección" finds nothing but 2 results in Spanish.
 */
export function searchFixture(locale: Locale, query: string, asTyped?: boolean): SearchResult {
  const none: SearchResult = { hits: [], correctedTo: null, elsewhere: [] }
  if (locale !== 'en') return none
  if (/\binj/i.test(query) && !(/injeciton/i.test(query) && asTyped))
    return { ...none, hits: injectionHits, correctedTo: /injeciton/i.test(query) ? 'injection' : null }
  if (/inyecci/i.test(query)) return { ...none, elsewhere: [{ locale: 'es', count: 2 }] }
  return none
}

export function learningBridge(
  options: { broken?: Array<'getGlossary' | 'getAnatomy' | 'search'> } = {},
): FakeBridge {
  const bridge = fakeBridge()
  const broken = new Set(options.broken ?? [])
  function answer<T>(
    method: 'getGlossary' | 'getAnatomy' | 'search' | 'getProcedure',
    input: unknown,
    value: T,
  ) {
    bridge.calls.push({ method, input })
    if (broken.has(method as 'search'))
      return Promise.resolve({
        ok: false as const,
        error: { code: 'unavailable' as const, message: 'broken' },
      })
    return Promise.resolve({ ok: true as const, value })
  }
  return {
    ...bridge,
    getGlossary: (input) => answer('getGlossary', input, input.locale === 'en' ? glossaryEn : glossaryEs),
    getAnatomy: (input) => answer('getAnatomy', input, input.locale === 'en' ? anatomyEn : anatomyEs),
    search: (input) => answer('search', input, searchFixture(input.locale, input.query, input.asTyped)),
    getProcedure: (input) =>
      input.id === procedureEn.id
        ? answer('getProcedure', input, input.locale === 'en' ? procedureWithQuizEn : procedureWithQuizEs)
        : bridge.getProcedure(input),
  }
}
