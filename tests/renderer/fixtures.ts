/**
 * Small content for renderer tests, typed with the contract so a contract change
 * breaks the fixtures at compile time rather than silently.
 */
import type { KioskBridge } from '@shared/bridge'
import type { ApiClient } from '@renderer/api/client'
import type { Condition, KioskConfig, Locale, MethodName, Procedure, TopicSummary } from '@shared/contract'
import type { Result } from '@shared/result'

const review = { version: 3, checkedOn: null }

const LEVEL_TEXT = {
  emergency: 'Emergency: call an ambulance or go to the emergency department now.',
  'call-clinic': 'Call the clinic soon, in opening hours.',
}

/** A warning sign as the content service resolves it through the triage policy. */
export function redFlag(level: 'emergency' | 'call-clinic', text: string) {
  return {
    sign: 'sign',
    context: 'any-time',
    level,
    urgency: level === 'emergency' ? ('emergency' as const) : ('call' as const),
    text,
    signText: text,
    contextText: 'at any time',
    levelText: LEVEL_TEXT[level],
    expected: false,
    crisisLine: false,
  }
}

export const procedureEn: Procedure = {
  id: 'ultrasound-guided-hip-injection',
  kind: 'procedure',
  locale: 'en',
  anatomy: 'capsule',
  title: 'Ultrasound-guided hip injection',
  summary: 'A small injection into your hip joint, guided by an ultrasound picture.',
  picture: 'needle-injection',
  duration: 'About 20 minutes',
  durationSources: [],
  sections: [
    {
      key: 'why',
      heading: 'Why you might have it',
      citations: [],
      paragraphs: ['It can ease pain so you can move more.'],
    },
    {
      key: 'alternatives',
      heading: 'Other choices',
      citations: [],
      paragraphs: ['You can wait, or try physio first.'],
    },
  ],
  preparation: ['You take blood thinners.', 'You have a fever.'],
  steps: [
    {
      title: 'We talk first',
      body: 'A clinician explains the injection.',
      feel: 'Nothing.',
      picture: 'talk-clinician',
      anatomy: undefined,
    },
    {
      title: 'You lie down',
      body: 'You lie on your back.',
      feel: 'A firm couch.',
      picture: 'lying-on-back',
      anatomy: undefined,
    },
    {
      title: 'The injection',
      body: 'A thin needle goes into the joint.',
      feel: 'Some pressure.',
      picture: 'needle-injection',
      anatomy: 'capsule',
    },
  ],
  // Deliberately out of band order: the screen must sort them.
  risks: [
    {
      name: 'Joint infection',
      description: 'Germs get into the joint.',
      band: 'very-rare',
      sources: ['nhs-steroid'],
      about: undefined,
      warning: redFlag('emergency', 'You have a fever and a hot, swollen hip.'),
    },
    {
      name: 'Sore hip for a day or two',
      description: 'The hip aches after.',
      band: 'common',
      sources: ['nhs-steroid'],
      about: { n: 1, m: 10 },
    },
    {
      name: 'Flushed face',
      description: 'Your face feels warm.',
      band: 'uncommon',
      sources: ['nhs-steroid'],
      about: undefined,
    },
    {
      name: 'Bleeding or bruising',
      description: 'A bruise where the needle went in.',
      band: 'common',
      sources: ['nhs-steroid'],
      // Two studies' figures: a range.
      about: { n: 2, to: 5, m: 100 },
      warning: redFlag('call-clinic', 'The bruise keeps getting bigger.'),
    },
  ],
  // Deliberately out of period order.
  recovery: [
    { period: 'weeks-2-6', expect: 'The injection works best now.', todo: 'Keep up your exercises.' },
    { period: 'same-day', expect: 'Your hip may feel numb.', todo: 'Rest and get a lift home.' },
    {
      period: 'months',
      expect: 'The effect may wear off.',
      todo: 'Talk to your clinician about next steps.',
    },
    { period: 'day-1-2', expect: 'Your hip may ache.', todo: 'Use an ice pack wrapped in a cloth.' },
    { period: 'days-3-7', expect: 'The pain starts to ease.', todo: 'Go back to gentle walking.' },
  ],
  redFlags: [
    redFlag('call-clinic', 'The bruise keeps getting bigger.'),
    redFlag('emergency', 'You have a fever and a hot, swollen hip.'),
  ],
  questionsToAsk: ['How long will it last?'],
  quiz: [],
  review,
  sources: [{ id: 'nhs-steroid', title: 'Steroid injections', url: 'https://example.org/steroid' }],
  faqs: [{ answerSources: [], question: 'Will it hurt?', answer: 'Most people feel only pressure.' }],
  citedSources: [],
  stale: false,
}

export const procedureEs: Procedure = {
  ...procedureEn,
  locale: 'es',
  title: 'Inyección de cadera guiada por ecografía',
  summary: 'Una pequeña inyección en la articulación de la cadera.',
  steps: procedureEn.steps.map((step, index) => ({ ...step, title: `Paso en español ${index + 1}` })),
  stale: true,
}

export const conditionEn: Condition = {
  id: 'hip-osteoarthritis',
  kind: 'condition',
  locale: 'en',
  anatomy: 'cartilage',
  title: 'Hip osteoarthritis',
  summary: 'Wear in the hip joint that can cause pain and stiffness.',
  picture: 'hip-joint',
  sections: [
    {
      key: 'what',
      heading: 'What is it?',
      citations: [],
      paragraphs: ['The smooth lining of the joint gets thinner.'],
    },
  ],
  review,
  sources: [{ id: 'nice-oa', title: 'Osteoarthritis in over 16s' }],
  faqs: [{ answerSources: [], question: 'Is it my fault?', answer: 'No.' }],
  citedSources: [],
  stale: false,
  redFlags: [],
}

function summary(item: Procedure | Condition): TopicSummary {
  const { id, kind, locale, title, summary, picture } = item
  return { id, kind, locale, title, summary, picture }
}

/**
 * Spanish has the procedure but not the condition, as a partly translated library
 * would; the content service then sends the condition whole in English (its locale says so).
 */
const library: Record<Locale, { procedures: Procedure[]; conditions: Condition[] }> = {
  en: { procedures: [procedureEn], conditions: [conditionEn] },
  es: { procedures: [procedureEs], conditions: [conditionEn] },
}
const inLibrary = (locale: Locale) => library[locale] ?? { procedures: [], conditions: [] }

const notFound = (what: string) => ({
  ok: false as const,
  error: { code: 'not-found' as const, message: `${what} not found` },
})

/** What getKioskConfig answers in these fixtures. */
export const KIOSK_CONFIG: KioskConfig = {
  idleTimeoutSeconds: 90,
  idleWarningSeconds: 20,
  staffIdleSeconds: 60,
  explainIdleSeconds: 600,
  defaultLocale: 'en',
  staffLanguage: 'en',
  clinicName: 'Riverside Clinic',
  clinicPhone: '020 7946 0000',
  emergencyNumber: '999',
  outOfHours: {
    en: 'Outside opening hours, call NHS 111 (NHS 24 in Scotland), free, day or night.',
    es: 'Fuera del horario de atención, llame gratis al NHS 111 (NHS 24 en Escocia), de día o de noche. Si necesita intérprete, diga «Interpreter, Spanish».',
  },
  crisisLine: {
    en: 'To talk to someone now, call Samaritans on 116 123, free, day or night.',
    es: 'Para hablar con alguien ahora, llame a Samaritans, un servicio de escucha, al 116 123. Es gratis, de día o de noche.',
  },
  dateFormat: 'day-month-year',
  clinicWebsite: null,
  clinicLogo: null,
  paperSize: 'a4',
  kioskLock: true,
  patientPrinting: true,
  onScreenKeyboard: 'automatic',
}

const staffOnly = {
  ok: false as const,
  error: { code: 'unauthorized' as const, message: 'Staff mode has ended. Please enter the PIN again.' },
}

export interface FakeBridge extends KioskBridge, ApiClient {
  /** Every call, in order: which method, with which input. */
  calls: Array<{ method: MethodName; input: unknown }>
}

/**
 * The preload's one function, as a stand-in for the main process: it answers
 * with the bridge's own method of that name, which a test may replace.
 */
function callByName(this: ApiClient, method: string, input: unknown) {
  const answer = (this as unknown as Record<string, ((input: unknown) => unknown) | undefined>)[method]
  return answer
    ? answer.call(this, input)
    : Promise.resolve({ ok: false, error: { code: 'unknown-method', message: `no ${method} here` } })
}

/** A preload bridge over the fixtures; `broken` answers every call 'unavailable'. */
/** The bridge answers every condition asked for with `answer`, and records the call as the fake does. */
export function answeringCondition(
  bridge: FakeBridge,
  answer: Awaited<ReturnType<FakeBridge['getCondition']>>,
): FakeBridge {
  bridge.getCondition = async (input) => {
    bridge.calls.push({ method: 'getCondition', input })
    return answer
  }
  return bridge
}

export function fakeBridge(options: { broken?: boolean } = {}): FakeBridge {
  const calls: FakeBridge['calls'] = []
  function answer<T>(method: MethodName, input: unknown, value: () => Result<T>): Promise<Result<T>> {
    calls.push({ method, input })
    if (options.broken)
      return Promise.resolve({
        ok: false,
        error: { code: 'unavailable', message: 'database could not be opened' },
      })
    return Promise.resolve(value())
  }
  return {
    calls,
    call: callByName as KioskBridge['call'],
    listTopics: (input) =>
      answer('listTopics', input, () => ({
        ok: true,
        value: {
          conditions: inLibrary(input.locale).conditions.map(summary),
          procedures: inLibrary(input.locale).procedures.map(summary),
          guides: [],
        },
      })),
    getCondition: (input) =>
      answer('getCondition', input, () => {
        const found = inLibrary(input.locale).conditions.find((item) => item.id === input.id)
        return found ? { ok: true, value: found } : notFound(`condition ${input.id}`)
      }),
    getProcedure: (input) =>
      answer('getProcedure', input, () => {
        const found = inLibrary(input.locale).procedures.find((item) => item.id === input.id)
        return found ? { ok: true, value: found } : notFound(`procedure ${input.id}`)
      }),
    getGuide: (input) => answer('getGuide', input, () => notFound(`guide ${input.id}`)),
    search: (input) =>
      answer('search', input, () => ({ ok: true, value: { hits: [], correctedTo: null, elsewhere: [] } })),
    getGlossary: (input) => answer('getGlossary', input, () => ({ ok: true, value: [] })),
    getAnatomy: (input) => answer('getAnatomy', input, () => ({ ok: true, value: [] })),
    getKioskConfig: (input) =>
      answer('getKioskConfig', input, () => ({
        ok: true,
        value: { ...KIOSK_CONFIG },
      })),
    recordUsage: (input) => answer('recordUsage', input, () => ({ ok: true, value: { recorded: true } })),
    // Staff mode is not part of these fixtures: every staff call is refused.
    staffStatus: (input) =>
      answer('staffStatus', input, () => ({ ok: true, value: { pinSet: false, lockedForSeconds: 0 } })),
    staffSetPin: (input) => answer('staffSetPin', input, () => staffOnly),
    staffLogin: (input) => answer('staffLogin', input, () => staffOnly),
    staffLogout: (input) => answer('staffLogout', input, () => ({ ok: true, value: {} })),
    getSettings: (input) => answer('getSettings', input, () => staffOnly),
    updateSettings: (input) => answer('updateSettings', input, () => staffOnly),
    usageReport: (input) => answer('usageReport', input, () => staffOnly),
    reviewItem: (input) => answer('reviewItem', input, () => staffOnly),
    reviewItems: (input) => answer('reviewItems', input, () => staffOnly),
    signOffItem: (input) => answer('signOffItem', input, () => staffOnly),
    exportSignoffs: (input) => answer('exportSignoffs', input, () => staffOnly),
    importSignoffs: (input) => answer('importSignoffs', input, () => staffOnly),
    packStatus: (input) => answer('packStatus', input, () => staffOnly),
    rollbackContent: (input) => answer('rollbackContent', input, () => staffOnly),
    feedStatus: (input) => answer('feedStatus', input, () => staffOnly),
    feedCheckNow: (input) => answer('feedCheckNow', input, () => staffOnly),
    feedTrustRoot: (input) => answer('feedTrustRoot', input, () => staffOnly),
    feedReleaseHold: (input) => answer('feedReleaseHold', input, () => staffOnly),
    importPack: (input) => answer('importPack', input, () => staffOnly),
    staffKeepAlive: (input) => answer('staffKeepAlive', input, () => staffOnly),
    contentInfo: (input) =>
      answer('contentInfo', input, () => ({
        ok: true,
        value: {
          contentHash: 'abc',
          schemaVersion: 1,
          locales: ['en', 'es'],
          counts: { conditions: 1, procedures: 1, glossary: 0 },
        },
      })),
  }
}
