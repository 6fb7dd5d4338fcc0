/**
 * The printable handouts as the print view renders them (the real app, router,
 * stores and i18n over a fake bridge): what is on the paper, what comes from
 * the clinic's settings, the personal fields staff type (in memory only), and
 * printing with its feedback and failures.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { enableAutoUnmount, flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createMemoryHistory } from 'vue-router'
import type { Condition, KioskConfig, Procedure } from '@shared/contract'
import type { KioskPrintBridge, PrintOutcome } from '@shared/print'
import type { Result } from '@shared/result'
import App from '@renderer/app/App.vue'
import { bridgeTransport } from '@renderer/api/client'
import { createKiosk } from '@renderer/app/kiosk'
import { printHostKey, type PrintHost } from '@renderer/features/handouts/usePrinter'
import { useHandoutDetailsStore } from '@renderer/features/handouts/handoutDetailsStore'
import { useStaffStore } from '@renderer/features/staff/staffStore'
import {
  KIOSK_CONFIG,
  answeringCondition,
  conditionEn,
  fakeBridge,
  procedureEn,
  procedureEs,
  redFlag,
  type FakeBridge,
} from './fixtures'
import { confirmPrint, mountKiosk } from './helpers'
import { WRITE_IN } from '@renderer/ui/whereToGo'
import {
  FOOT_TITLE_MAX,
  PAGE_COUNT,
  PAGE_NUMBER,
  footTitle,
  localIsoDate,
  pageName,
  runningFootCss,
} from '@renderer/features/handouts/runningFoot'

enableAutoUnmount(afterEach)

/** Rendering a whole handout takes a while on a slow, busy machine. */
const PATIENCE = { timeout: 10_000 }

const BENEFITS = {
  key: 'benefits',
  heading: 'What can it do for you?',
  citations: [],
  paragraphs: ['It can ease pain for weeks.'],
}
const steroid: Procedure = { ...procedureEn, sections: [...procedureEn.sections, BENEFITS] }
const steroidEs: Procedure = { ...procedureEs, sections: [...procedureEs.sections, BENEFITS] }
const diagnostic: Procedure = { ...steroid, id: 'diagnostic-hip-injection', title: 'A test injection' }
const condition: Condition = {
  ...conditionEn,
  sections: [
    { key: 'what-is-it', heading: 'What is it?', citations: [], paragraphs: ['Wear in the joint.'] },
    {
      key: 'how-it-feels',
      heading: 'How does it feel?',
      citations: [],
      paragraphs: ['Stiff in the morning.'],
    },
    {
      key: 'what-helps',
      heading: 'What helps?',
      citations: [],
      paragraphs: ['Exercise helps most.', 'Lose weight if you can.'],
    },
    {
      key: 'when-to-get-help',
      heading: 'When should I get help?',
      citations: [],
      paragraphs: ['A hot, swollen hip.'],
    },
  ],
}

/** The fixtures' bridge with handout content, the clinic settings asked for, and an optional hold on answers. */
function handoutBridge(options: { config?: Partial<KioskConfig>; hold?: Promise<void> } = {}): FakeBridge {
  const bridge = fakeBridge()
  const procedures: Record<string, Procedure[]> = { en: [steroid, diagnostic], es: [steroidEs] }
  bridge.getProcedure = async (input) => {
    bridge.calls.push({ method: 'getProcedure', input })
    await options.hold
    const found = procedures[input.locale]?.find((item) => item.id === input.id)
    return found
      ? { ok: true, value: found }
      : { ok: false, error: { code: 'not-found', message: 'no such procedure' } }
  }
  bridge.getCondition = async (input) => {
    bridge.calls.push({ method: 'getCondition', input })
    return { ok: true, value: condition }
  }
  bridge.getKioskConfig = async (input) => {
    bridge.calls.push({ method: 'getKioskConfig', input })
    return { ok: true, value: { ...KIOSK_CONFIG, ...options.config } }
  }
  return bridge
}

/** A printer that answers what the test says, as Electron's bridge would. */
function fakePrinter(...outcomes: PrintOutcome[]) {
  const requests: unknown[] = []
  const kioskPrint: KioskPrintBridge = {
    print: vi.fn(async (request): Promise<Result<PrintOutcome>> => {
      requests.push(request)
      return { ok: true, value: outcomes.shift() ?? { done: true } }
    }),
  }
  const host: PrintHost = { kioskPrint, print: vi.fn() }
  return { host, requests }
}

async function mountHandout(path: string, bridge: FakeBridge = handoutBridge(), host?: PrintHost) {
  const kiosk = createKiosk({ transport: bridgeTransport(bridge), history: createMemoryHistory() })
  await kiosk.router.push(path)
  const provide = host ? { [printHostKey as symbol]: host } : {}
  const wrapper = mount(App, { global: { plugins: [kiosk.plugin], provide }, attachTo: document.body })
  if (path.startsWith('/handouts/')) await settle(wrapper)
  else await flushPromises()
  return { wrapper, router: kiosk.router, pinia: kiosk.pinia, bridge }
}

/** Lets the API answer, the QR code be made and the ready flag be set. */
async function settle(wrapper: VueWrapper): Promise<void> {
  await vi.waitFor(async () => {
    await flushPromises()
    expect(wrapper.find('[data-handout-ready="true"]').exists()).toBe(true)
  }, PATIENCE)
}

const text = (wrapper: VueWrapper, selector: string) =>
  (wrapper.find(selector).text() ?? '').replace(/\s+/g, ' ').trim()
const section = (wrapper: VueWrapper, name: string) => text(wrapper, `[data-handout-section="${name}"]`)

/** "Your appointment" as label → what is written there, for one language's part. */
function appointment(wrapper: VueWrapper, part = 0): Record<string, string> {
  const box = wrapper.findAll('[data-handout-section="details"]')[part]!
  return Object.fromEntries(
    box.findAll('.ho-field').map((field) => [
      field.get('dt').text(),
      field
        .findAll('dd')
        .map((dd) => dd.text())
        .join(' ')
        .replace(/\s+/g, ' ')
        .trim(),
    ]),
  )
}

/** The anonymous "a handout was printed" counts sent (screen counts are another matter). */
const handoutCounts = (bridge: FakeBridge) =>
  bridge.calls
    .filter((call) => call.method === 'recordUsage')
    .map((call) => call.input as { event: { metric: string } })
    .filter((input) => input.event.metric === 'handout')

const PROCEDURE = `/handouts/procedures/${steroid.id}`

describe('a procedure handout', () => {
  it('has every part a patient takes home, in order, with the clinic at the top', async () => {
    const { wrapper } = await mountHandout(`${PROCEDURE}?lang=en&paper=a4`)
    const part = wrapper.get('[data-handout-lang="en"]')
    expect(part.attributes('lang')).toBe('en')
    expect(part.get('h1').text()).toBe(steroid.title)
    expect(text(wrapper, '.ho-brand')).toContain('Riverside Clinic')
    expect(text(wrapper, '.ho-lead')).toBe(steroid.summary)
    expect(section(wrapper, 'why')).toBe('What it can do for you: It can ease pain for weeks.')
    // How long it takes, and that there are other choices, waiting among them (HP-12): what a
    // patient deciding at home needs beside the benefit and the risks.
    expect(section(wrapper, 'duration')).toBe('How long it takes: About 20 minutes')
    expect(section(wrapper, 'choices')).toBe('Other choices: You can wait, or try physio first.')
    expect(
      wrapper.findAll('[data-handout-section]').map((element) => element.attributes('data-handout-section')),
    ).toEqual([
      'why',
      'duration',
      'choices',
      'details',
      'get-ready',
      'what-happens',
      'aftercare',
      'risks',
      'red-flags',
      'pain-diary',
    ])
    // The preparation list as tick boxes, the steps with their pictures, the recovery in day order.
    expect(wrapper.findAll('.ho-tick')).toHaveLength(steroid.preparation.length)
    expect(wrapper.findAll('.ho-tick .ho-box')).toHaveLength(steroid.preparation.length)
    expect(wrapper.findAll('.ho-step').map((step) => step.find('.ho-step__title').text())).toEqual(
      steroid.steps.map((step) => step.title),
    )
    expect(wrapper.findAll('.ho-step svg[aria-hidden="true"]')).toHaveLength(steroid.steps.length)
    expect(wrapper.findAll('.ho-timeline__period').map((cell) => cell.text())).toEqual([
      'The day of the injection',
      'Days 1 and 2',
      'Days 3 to 7',
      'Weeks 2 to 6',
      'The months after',
    ])
    expect(text(wrapper, '.ho-foot')).toContain(
      'Where this information comes from: Steroid injections (https://example.org/steroid).',
    )
    expect(text(wrapper, '.ho-foot__version')).toBe(
      'Version 3. Not yet checked by a clinician at this clinic.',
    )
  })

  it('puts the clinic’s phone number in large type in the red-flag box, the signs grouped by level with the number beside each', async () => {
    const { wrapper } = await mountHandout(`${PROCEDURE}?lang=en`)
    const help = wrapper.get('[data-handout-section="red-flags"]')
    expect(help.get('.ho-phone').text().replace(/\s+/g, ' ')).toBe(
      'In opening hours, call us on 020 7946 0000',
    )
    expect(help.get('.ho-phone__number').text()).toBe('020 7946 0000')
    // No same-day level here: the out-of-hours advice goes under the heading; 999 is in its box.
    expect(help.get('[data-handout-where]').text()).toContain('NHS 111')
    expect(help.findAll('[data-level]').map((box) => box.attributes('data-level'))).toEqual([
      'emergency',
      'call-clinic',
    ])
    const emergency = help.get('.ho-help__box--emergency').text()
    // Each box is headed by the level's own wording from the triage policy.
    expect(help.get('.ho-help__box--emergency h3').text()).toBe(
      'Emergency: call an ambulance or go to the emergency department now.',
    )
    expect(emergency).toContain('Call 999')
    expect(emergency).toContain('You have a fever and a hot, swollen hip.')
    const call = help.get('.ho-help__box--call-clinic').text()
    expect(call).toContain('Call Riverside Clinic on 020 7946 0000')
    expect(call).toContain('The bruise keeps getting bigger.')
  })

  it('never says "call the clinic" without a number: with no phone set, a line to write it on, and the boxes say to ask at the desk', async () => {
    const { wrapper } = await mountHandout(
      `${PROCEDURE}?lang=en`,
      handoutBridge({ config: { clinicPhone: null } }),
    )
    expect(text(wrapper, '.ho-phone')).toBe(
      `Ask at the desk for our phone number, and write it here: ${WRITE_IN}`,
    )
    expect(section(wrapper, 'red-flags')).toContain(
      'Ask at the desk for the phone number of Riverside Clinic.',
    )
    expect(section(wrapper, 'red-flags')).not.toMatch(/Call (the|Riverside) clinic on/i)
    expect(section(wrapper, 'red-flags')).not.toMatch(/\d{4}/)
  })

  it('leaves a line to write on, never nothing, where no region is set: the emergency number and where to go outside opening hours', async () => {
    // A patient at home has only the paper: "call an ambulance" with no number, or no
    // word of where to go at night, leaves them to guess (review doc, HP-1).
    const unset = { emergencyNumber: null, outOfHours: { en: null, es: null } }
    const { wrapper } = await mountHandout(`${PROCEDURE}?lang=en`, handoutBridge({ config: unset }))
    const help = wrapper.get('[data-handout-section="red-flags"]')
    expect(help.get('.ho-help__box--emergency').text()).toContain(`Call ${WRITE_IN}`)
    expect(help.get('[data-handout-where]').text()).toContain(`Outside opening hours, call: ${WRITE_IN}`)
    // The screen never shows a line to write on: it shows nothing it does not have.
    const screen = await mountKiosk(`/procedures/${procedureEn.id}/risks`, handoutBridge({ config: unset }))
    expect(screen.wrapper.text()).not.toContain(WRITE_IN)
  })

  it('gives thoughts of self-harm a line for a crisis number on paper when the clinic has set none', async () => {
    const bridge = handoutBridge({ config: { crisisLine: { en: null, es: null } } })
    const crisis = { ...redFlag('call-clinic', 'You have thoughts of harming yourself.'), crisisLine: true }
    bridge.getCondition = async () => ({ ok: true, value: { ...condition, redFlags: [crisis] } })
    const { wrapper } = await mountHandout(`/handouts/conditions/${condition.id}?lang=en`, bridge)
    expect(wrapper.get('[data-handout-red-flag]').text()).toContain(
      `To talk to someone now, day or night, ask at the desk for a free line and write it here: ${WRITE_IN}`,
    )
  })

  it('marks on paper a risk that is an emergency, where the risks are only names (review doc, HP-4)', async () => {
    const { wrapper } = await mountHandout(`${PROCEDURE}?lang=en`)
    const risks = section(wrapper, 'risks')
    expect(risks).toContain('Joint infection (an emergency: see “When to get help”)')
    // A risk whose sign asks for a call, not an ambulance, is named as it is.
    expect(risks).toContain('Bleeding or bruising.')
  })

  it('says "these" of several risks of unknown frequency, "this" of one (review doc, HP-25)', async () => {
    const unknown = (name: string) => ({
      name,
      description: '',
      band: 'unknown' as const,
      sources: [],
      about: undefined,
    })
    const bridge = handoutBridge()
    for (const [count, expected] of [
      [2, 'How often these happen is not known: Tendon damage; Bone damage.'],
      [1, 'How often this happens is not known: Tendon damage.'],
    ] as const) {
      const risks = [unknown('Tendon damage'), unknown('Bone damage')].slice(0, count)
      bridge.getProcedure = async () => ({ ok: true, value: { ...steroid, risks } })
      const { wrapper } = await mountHandout(`${PROCEDURE}?lang=en`, bridge)
      expect(wrapper.get('[data-band="unknown"]').text()).toBe(expected)
      wrapper.unmount()
    }
  })

  it('has a diary for the first hours after a diagnostic injection', async () => {
    const { wrapper } = await mountHandout(`/handouts/procedures/${diagnostic.id}?lang=en`)
    const diary = wrapper.get('[data-handout-section="pain-diary"]')
    expect(diary.findAll('tbody th').map((cell) => cell.text())).toEqual([
      'Before',
      '30 min',
      '1 hour',
      '2 hours',
      '4 hours',
    ])
    expect(diary.text()).toContain('Activity tried')
    // 0 to 10 on every row, to circle.
    expect(
      diary
        .findAll('tbody tr')[0]!
        .findAll('.ho-scale__score')
        .map((box) => box.text()),
    ).toEqual(Array.from({ length: 11 }, (_, score) => String(score)))
  })

  it('has a line for the patient’s name on every diary, so one brought or sent back says whose it is (HP-6)', async () => {
    for (const [path, heading] of [
      [`/handouts/procedures/${diagnostic.id}?lang=en`, ['Your pain diary', 'Your name:']],
      [`${PROCEDURE}?lang=es`, ['Su diario del dolor', 'Su nombre:']],
    ] as const) {
      const { wrapper } = await mountHandout(path)
      const head = wrapper.get('[data-handout-section="pain-diary"] .ho-diary__head')
      expect([head.get('h2').text(), head.get('.ho-diary__name').text()]).toEqual(heading)
      // A line to write on, not a field: nothing is typed on the kiosk about the patient.
      expect(head.find('.ho-diary__name-line').exists()).toBe(true)
      expect(head.find('input').exists()).toBe(false)
    }
  })

  it('has a weekly diary for about 6 weeks after the other injections', async () => {
    const { wrapper } = await mountHandout(`${PROCEDURE}?lang=en`)
    const diary = wrapper.get('[data-handout-section="pain-diary"]')
    expect(diary.findAll('thead th').map((cell) => cell.text())).toEqual([
      'Week 1',
      'Week 2',
      'Week 3',
      'Week 4',
      'Week 5',
      'Week 6',
    ])
    expect(diary.text()).not.toContain('Activity tried')
  })

  it('shows a QR code only when the clinic has a website', async () => {
    const without = await mountHandout(`${PROCEDURE}?lang=en`)
    expect(without.wrapper.find('img.ho-qr').exists()).toBe(false)
    expect(text(without.wrapper, '.ho-foot')).not.toContain('More information')
    without.wrapper.unmount()

    const website = 'https://riverside.example/hips'
    const withSite = await mountHandout(
      `${PROCEDURE}?lang=en`,
      handoutBridge({ config: { clinicWebsite: website } }),
    )
    const qr = withSite.wrapper.get('img.ho-qr')
    expect(qr.attributes('src')).toMatch(/^data:image\/svg\+xml;charset=utf-8,/)
    expect(decodeURIComponent(qr.attributes('src')!)).toContain('<svg')
    expect(qr.attributes('alt')).toBe(`More information: ${website}`)
    expect(text(withSite.wrapper, '.ho-foot__website')).toBe('More information: riverside.example/hips')
  })

  it('shows the clinic’s logo beside its name', async () => {
    const logo = 'data:image/png;base64,iVBORw0KGgo='
    const { wrapper } = await mountHandout(
      `${PROCEDURE}?lang=en`,
      handoutBridge({ config: { clinicLogo: logo } }),
    )
    expect(wrapper.get('img.ho-brand__logo').attributes('src')).toBe(logo)
  })

  it('leaves lines and boxes to write on when nobody filled anything in (the binder copy)', async () => {
    const { wrapper } = await mountHandout(`${PROCEDURE}?lang=en`)
    const details = wrapper.get('[data-handout-section="details"]')
    expect(details.findAll('.ho-field__blank').length).toBeGreaterThanOrEqual(5)
    expect(details.findAll('.ho-choice').map((choice) => choice.text())).toEqual(['Left', 'Right', 'Both'])
    expect(
      details.findAll('dd').every((dd) => dd.text().trim() === '' || dd.classes('ho-field__choices')),
    ).toBe(true)
  })

  it('prints the personal fields staff typed, for that handout only', async () => {
    const { wrapper, router, pinia } = await mountHandout('/home')
    const store = useHandoutDetailsStore(pinia)
    store.prepare('procedure', steroid.id)
    Object.assign(store.details, {
      date: '2026-03-03',
      time: '10:30',
      hip: 'left',
      medicines: 'Triamcinolone 40 mg and lidocaine',
      clinician: 'Dr Quentin Zebedee',
      followUp: '2026-04-14',
      instructions: 'Keep the plaster dry for 24 hours.',
    })
    await router.push(`${PROCEDURE}?lang=en`)
    await settle(wrapper)
    const details = appointment(wrapper)
    expect(details['Date and time']).toMatch(/^Tuesday,? 3 March 2026, 10:30$/)
    expect(details['Which hip']).toBe('Left')
    expect(details['Medicine(s) injected']).toBe('Triamcinolone 40 mg and lidocaine')
    expect(details['Your clinician']).toBe('Dr Quentin Zebedee')
    expect(details['Follow-up appointment']).toMatch(/^Tuesday,? 14 April 2026$/)
    expect(details['Instructions for you']).toBe('Keep the plaster dry for 24 hours.')
    // Never in the address.
    expect(router.currentRoute.value.fullPath).not.toMatch(/Zebedee|plaster|Triamcinolone/)

    // Another handout gets none of them.
    await router.push(`/handouts/procedures/${diagnostic.id}?lang=en`)
    await settle(wrapper)
    expect(section(wrapper, 'details')).not.toContain('Zebedee')
  })

  it('is ready only once its content and settings are on the page', async () => {
    let release: () => void = () => {}
    const hold = new Promise<void>((resolve) => (release = resolve))
    const kiosk = createKiosk({
      transport: bridgeTransport(handoutBridge({ hold })),
      history: createMemoryHistory(),
    })
    await kiosk.router.push(`${PROCEDURE}?lang=en`)
    const wrapper = mount(App, { global: { plugins: [kiosk.plugin] }, attachTo: document.body })
    await flushPromises()
    expect(wrapper.find('[data-handout-ready="true"]').exists()).toBe(false)
    expect(wrapper.find('.ho-part').exists()).toBe(false)
    release()
    await settle(wrapper)
    expect(wrapper.get('.handout').attributes('data-handout-ready')).toBe('true')
    expect(wrapper.findAll('.handout[data-handout-ready]')).toHaveLength(1)
  })

  it('puts English and Spanish one after the other when asked for both', async () => {
    const { wrapper } = await mountHandout(`${PROCEDURE}?lang=both&paper=letter`)
    const parts = wrapper.findAll('.ho-part')
    expect(parts.map((part) => part.attributes('lang'))).toEqual(['en', 'es'])
    expect(parts[1]!.get('h1').text()).toBe(procedureEs.title)
    expect(parts[1]!.text()).toContain('Cuándo pedir ayuda')
    expect(parts[1]!.text()).toContain('En horario de atención, llámenos al 020 7946 0000')
    expect(parts[1]!.get('.ho-foot__version').text()).toContain(
      'Versión 3. Ningún profesional sanitario de esta clínica lo ha revisado todavía.',
    )
    expect(wrapper.get('.handout').classes()).toContain('handout--letter')
  })
})

describe('a condition handout', () => {
  it('sums the condition up: what it is, what helps, when to get help with the phone, sources and review', async () => {
    const { wrapper } = await mountHandout(`/handouts/conditions/${condition.id}?lang=en&paper=letter`)
    expect(wrapper.get('h1').text()).toBe(condition.title)
    expect(
      wrapper.findAll('[data-handout-section]').map((element) => element.attributes('data-handout-section')),
    ).toEqual(['what-it-is', 'what-helps', 'red-flags'])
    expect(wrapper.findAll('[data-handout-section="what-helps"] li').map((item) => item.text())).toEqual([
      'Exercise helps most.',
      'Lose weight if you can.',
    ])
    expect(section(wrapper, 'red-flags')).toContain('In opening hours, call us on 020 7946 0000')
    expect(section(wrapper, 'red-flags')).toContain('A hot, swollen hip.')
    expect(wrapper.text()).not.toContain('Stiff in the morning.')
    expect(text(wrapper, '.ho-foot__version')).toBe(
      'Version 3. Not yet checked by a clinician at this clinic.',
    )
  })

  it("prints the triage policy's warning signs under their level's words, said once a level, after the page's own advice", async () => {
    // Septic arthritis printed "call an ambulance" after each of its five signs (review doc, HP-14).
    const bridge = answeringCondition(handoutBridge(), {
      ok: true,
      value: {
        ...condition,
        redFlags: [
          redFlag('emergency', 'You fall and cannot get up or stand.'),
          redFlag('emergency', 'You have a fever and a hot hip.'),
          redFlag('call-clinic', 'The pain keeps you awake.'),
        ],
      },
    })
    const { wrapper } = await mountHandout(
      `/handouts/conditions/${condition.id}?lang=en&paper=letter`,
      bridge,
    )
    const help = wrapper.get('[data-handout-section="red-flags"]')
    expect(help.findAll('li').map((item) => item.text())).toEqual([
      'A hot, swollen hip.',
      'You fall and cannot get up or stand.',
      'You have a fever and a hot hip.',
      'The pain keeps you awake.',
    ])
    expect(help.findAll('[data-handout-level]').map((level) => level.text())).toEqual([
      'Emergency: call an ambulance or go to the emergency department now.',
      'Call the clinic soon, in opening hours.',
    ])
    expect(help.text().match(/call an ambulance/g)).toHaveLength(1)
  })
})

describe('the crisis line on paper', () => {
  it("prints the clinic's crisis line after a sign that asks for it", async () => {
    const thoughts = { ...redFlag('call-clinic', 'Tiene pensamientos de hacerse daño.'), crisisLine: true }
    const bridge = answeringCondition(handoutBridge(), {
      ok: true,
      value: { ...condition, locale: 'es', redFlags: [thoughts] },
    })
    const { wrapper } = await mountHandout(`/handouts/conditions/${condition.id}?lang=es&paper=a4`, bridge)
    const printed = wrapper.get('[data-handout-red-flag]').text()
    expect(printed).toContain('Tiene pensamientos de hacerse daño.')
    expect(printed).toContain(KIOSK_CONFIG.crisisLine.es!)
  })
})

describe('printing a handout', () => {
  it('prints straight to the kiosk’s printer for a patient, says so, and counts it', async () => {
    const printer = fakePrinter({ done: true })
    const { wrapper, bridge } = await mountHandout(
      `${PROCEDURE}?lang=en&paper=letter`,
      handoutBridge(),
      printer.host,
    )
    await wrapper.get('.print-action .button--primary').trigger('click')
    await confirmPrint(wrapper)
    await vi.waitFor(async () => {
      await flushPromises()
      expect(text(wrapper, '.print-action [role="status"]')).toBe(
        'Sent to the printer. Please collect it from the printer, or ask at the desk.',
      )
    }, PATIENCE)
    expect(printer.requests).toEqual([{ paper: 'letter', mode: 'silent' }])
    expect(handoutCounts(bridge)).toEqual([{ event: { metric: 'handout', key: steroid.id, lang: 'en' } }])
  })

  it('shows the print dialog instead at a kiosk that is not locked (a desk computer)', async () => {
    const printer = fakePrinter({ done: true })
    const { wrapper } = await mountHandout(
      `${PROCEDURE}?lang=en&paper=a4`,
      handoutBridge({ config: { kioskLock: false } }),
      printer.host,
    )
    await wrapper.get('.print-action .button--primary').trigger('click')
    await confirmPrint(wrapper)
    await vi.waitFor(() => expect(printer.requests).toEqual([{ paper: 'a4', mode: 'dialog' }]), PATIENCE)
  })

  it('shows "Printing…" while it prints', async () => {
    let finish: (outcome: Result<PrintOutcome>) => void = () => {}
    const print = vi.fn(() => new Promise<Result<PrintOutcome>>((resolve) => (finish = resolve)))
    const host: PrintHost = { kioskPrint: { print }, print: vi.fn() }
    const { wrapper } = await mountHandout(`${PROCEDURE}?lang=en`, handoutBridge(), host)
    await wrapper.get('.print-action .button--primary').trigger('click')
    await confirmPrint(wrapper)
    await vi.waitFor(async () => {
      await flushPromises()
      expect(text(wrapper, '.print-action [role="status"]')).toBe('Printing…')
    }, PATIENCE)
    expect(wrapper.get('.print-action .button--primary').attributes('disabled')).toBeDefined()
    await vi.waitFor(() => expect(print).toHaveBeenCalledOnce(), PATIENCE)
    expect(text(wrapper, '.print-action [role="status"]')).toBe('Printing…')
    finish({ ok: true, value: { done: true } })
    await vi.waitFor(async () => {
      await flushPromises()
      expect(text(wrapper, '.print-action [role="status"]')).toMatch(/^Sent to the printer/)
    }, PATIENCE)
  })

  it.each([
    ['no-printer', 'No printer is set up. Please ask at the desk.'],
    [
      'printer-offline',
      'The printer is not answering. It may be off or out of paper. Please ask at the desk.',
    ],
    ['cancelled', 'Printing was cancelled.'],
    ['failed', 'The page did not print. Please try again, or ask at the desk.'],
  ] as const)('explains a failure (%s) and offers Try again', async (failure, message) => {
    const printer = fakePrinter({ done: false, failure }, { done: true })
    const { wrapper, bridge } = await mountHandout(`${PROCEDURE}?lang=en`, handoutBridge(), printer.host)
    await wrapper.get('.print-action .button--primary').trigger('click')
    await confirmPrint(wrapper)
    await vi.waitFor(async () => {
      await flushPromises()
      expect(text(wrapper, '.print-action [role="status"]')).toBe(message)
    }, PATIENCE)
    expect(handoutCounts(bridge)).toEqual([])
    const retry = wrapper.findAll('.print-action button').find((button) => button.text() === 'Try again')
    expect(retry).toBeDefined()
    await retry!.trigger('click')
    await vi.waitFor(async () => {
      await flushPromises()
      expect(text(wrapper, '.print-action [role="status"]')).toMatch(/^Sent to the printer/)
    }, PATIENCE)
    expect(printer.requests).toHaveLength(2)
  })

  it('uses the browser’s own print outside Electron', async () => {
    const host: PrintHost = { print: vi.fn() }
    const { wrapper } = await mountHandout(`${PROCEDURE}?lang=en`, handoutBridge(), host)
    expect(wrapper.findAll('.print-action button').map((button) => button.text())).toEqual(['Print'])
    await wrapper.get('.print-action .button--primary').trigger('click')
    await confirmPrint(wrapper)
    await vi.waitFor(async () => {
      await flushPromises()
      expect(host.print).toHaveBeenCalledOnce()
    }, PATIENCE)
  })

  it('asks once ready when a patient tapped "Print a handout", prints on Print, then forgets the request', async () => {
    const printer = fakePrinter({ done: true })
    const { wrapper, router } = await mountHandout(`/procedures/${steroid.id}`, handoutBridge(), printer.host)
    const link = wrapper.findAll('a').find((a) => a.text() === 'Print a handout')
    expect(link?.attributes('href')).toBe(`/handouts/procedures/${steroid.id}?lang=en&print=1`)
    await link!.trigger('click')
    await settle(wrapper)
    expect(printer.requests).toEqual([])
    await confirmPrint(wrapper)
    await vi.waitFor(
      async () => {
        await flushPromises()
        expect(printer.requests).toEqual([{ paper: 'a4', mode: 'silent' }])
      },
      { timeout: 10_000 },
    )
    await vi.waitFor(
      async () => {
        await flushPromises()
        expect(router.currentRoute.value.query).toEqual({ lang: 'en' })
      },
      { timeout: 10_000 },
    )
  })

  it('asks for the item once and the settings once, from the procedure screen to the printed handout', async () => {
    const printer = fakePrinter({ done: true })
    const { wrapper, bridge } = await mountHandout(`/procedures/${steroid.id}`, handoutBridge(), printer.host)
    await wrapper
      .findAll('a')
      .find((a) => a.text() === 'Print a handout')!
      .trigger('click')
    await settle(wrapper)
    await confirmPrint(wrapper)
    await vi.waitFor(
      async () => {
        await flushPromises()
        expect(printer.requests).toHaveLength(1)
      },
      { timeout: 10_000 },
    )
    const asked = (method: string) => bridge.calls.filter((call) => call.method === method)
    expect(asked('getProcedure')).toEqual([
      { method: 'getProcedure', input: { locale: 'en', id: steroid.id } },
    ])
    expect(asked('getKioskConfig')).toHaveLength(1)
  })

  it('asks for the settings once and each language of the item once when the handout is opened directly', async () => {
    const { bridge } = await mountHandout(`${PROCEDURE}?lang=both`)
    const asked = (method: string) => bridge.calls.filter((call) => call.method === method)
    expect(asked('getProcedure').map((call) => call.input)).toEqual([
      { locale: 'en', id: steroid.id },
      { locale: 'es', id: steroid.id },
    ])
    expect(asked('getKioskConfig')).toHaveLength(1)
  })

  it('gives staff at a locked kiosk only the silent print to its own printer', async () => {
    const printer = fakePrinter({ done: true })
    const { wrapper, router, pinia } = await mountHandout('/home', handoutBridge(), printer.host)
    useHandoutDetailsStore(pinia).prepare('procedure', steroid.id)
    await router.push(`${PROCEDURE}?lang=en`)
    await settle(wrapper)
    expect(wrapper.findAll('.print-action button').map((button) => button.text())).toEqual(['Print'])
    await wrapper.get('.print-action .button--primary').trigger('click')
    await vi.waitFor(() => expect(printer.requests).toEqual([{ paper: 'a4', mode: 'silent' }]), PATIENCE)
  })

  it('gives staff at an unlocked kiosk the print dialog and Save as PDF, and clears the personal fields once printed', async () => {
    const printer = fakePrinter({ done: true })
    const { wrapper, router, pinia } = await mountHandout(
      '/home',
      handoutBridge({ config: { kioskLock: false } }),
      printer.host,
    )
    const store = useHandoutDetailsStore(pinia)
    store.prepare('procedure', steroid.id)
    store.details.clinician = 'Dr Quentin Zebedee'
    await router.push(`${PROCEDURE}?lang=en`)
    await settle(wrapper)
    expect(wrapper.findAll('.print-action button').map((button) => button.text())).toEqual([
      'Print…',
      'Save as PDF',
    ])
    expect(section(wrapper, 'details')).toContain('Dr Quentin Zebedee')
    const pdf = wrapper.findAll('.print-action button').find((button) => button.text() === 'Save as PDF')!
    await pdf.trigger('click')
    await vi.waitFor(async () => {
      await flushPromises()
      expect(text(wrapper, '.print-action [role="status"]')).toBe('Saved as a PDF.')
    }, PATIENCE)
    expect(printer.requests).toEqual([{ paper: 'a4', mode: 'pdf' }])
    expect(store.details.clinician).toBe('')
    expect(section(wrapper, 'details')).not.toContain('Zebedee')
  })
})

describe('printing a checklist slip', () => {
  it('prints "My questions" and "Before my injection" on the kiosk’s paper, and counts no handout', async () => {
    const printer = fakePrinter({ done: true })
    const { wrapper, bridge } = await mountHandout(
      `/procedures/${steroid.id}/checklist`,
      handoutBridge({ config: { paperSize: 'letter' } }),
      printer.host,
    )
    const button = wrapper.findAll('button').find((candidate) => candidate.text() === 'Print this list')
    expect(button?.element.closest('.print-slip .print-hide')).not.toBeNull()
    await button!.trigger('click')
    await confirmPrint(wrapper)
    await vi.waitFor(() => expect(printer.requests).toEqual([{ paper: 'letter', mode: 'silent' }]), PATIENCE)
    expect(handoutCounts(bridge)).toEqual([])
  })
})

describe('the staff preparation form', () => {
  async function openForm() {
    const mounted = await mountHandout('/home')
    useStaffStore(mounted.pinia).begin('a'.repeat(64), 600)
    await mounted.router.push(`/staff/handout/procedure/${steroid.id}`)
    await flushPromises()
    return mounted
  }

  it('warns staff of each thing the paper will leave a line for: the phone, the emergency number, the advice outside opening hours, a crisis line', async () => {
    const mounted = await mountHandout(
      '/home',
      handoutBridge({
        config: {
          clinicPhone: null,
          emergencyNumber: null,
          outOfHours: { en: null, es: null },
          crisisLine: { en: null, es: null },
        },
      }),
    )
    useStaffStore(mounted.pinia).begin('a'.repeat(64), 600)
    await mounted.router.push(`/staff/handout/procedure/${steroid.id}`)
    await flushPromises()
    const warning = mounted.wrapper.get('[data-phone-warning]').text()
    expect(warning).toContain('phone number is not set')
    expect(warning).toContain('emergency number is not set')
    expect(warning).toContain('advice for outside opening hours is not set')
    expect(warning).toContain('No crisis line is set')
  })

  it('takes the fields into memory only and previews the handout with only language and paper in the address', async () => {
    localStorage.clear()
    sessionStorage.clear()
    const { wrapper, router, pinia } = await openForm()
    expect(wrapper.get('h1').text()).toBe('Prepare a handout')
    for (const input of wrapper.findAll('input[type="text"], textarea')) {
      expect(input.attributes('autocomplete')).toBe('off')
      expect(input.attributes('spellcheck')).toBe('false')
    }
    await wrapper.get('input[name="clinician"]').setValue('Dr Quentin Zebedee')
    await wrapper.get('textarea[name="instructions"]').setValue('No swimming for 2 days.')
    await wrapper.get('input[name="hip"][value="right"]').setValue(true)
    await wrapper.get('input[name="lang"][value="both"]').setValue(true)
    await wrapper.get('form').trigger('submit')
    await settle(wrapper)

    expect(router.currentRoute.value.fullPath).toBe(`${PROCEDURE}?lang=both&paper=a4`)
    expect(appointment(wrapper)['Your clinician']).toBe('Dr Quentin Zebedee')
    expect(appointment(wrapper, 1)['Indicaciones para usted']).toBe('No swimming for 2 days.')
    expect(appointment(wrapper, 1)['Qué cadera']).toBe('Derecha')
    expect(localStorage.length + sessionStorage.length).toBe(0)
    expect(document.cookie).toBe('')

    // Back to the form keeps them; leaving for a patient screen clears them.
    await router.push(`/staff/handout/procedure/${steroid.id}`)
    await flushPromises()
    expect((wrapper.get('input[name="clinician"]').element as HTMLInputElement).value).toBe(
      'Dr Quentin Zebedee',
    )
    await router.push('/home')
    await flushPromises()
    expect(useHandoutDetailsStore(pinia).filled).toBe(false)
  })
})

describe('the foot of every handout sheet (HP-16, HP-19)', () => {
  const part = {
    kind: 'condition' as const,
    id: 'hip-pain-at-night',
    locale: 'en',
    title: 'Hip pain "at night" \\ in bed',
    printed: 'Printed 7 Dec 2026',
    pageOf: `Page ${PAGE_NUMBER} of ${PAGE_COUNT}`,
  }

  it('prints the title, the print date and "Page n of m" from the page counters, on the part’s own named page', () => {
    const css = runningFootCss([
      part,
      {
        ...part,
        locale: 'es',
        title: 'Dolor',
        printed: 'Impresa el 7 dic 2026',
        pageOf: `Página ${PAGE_NUMBER} de ${PAGE_COUNT}`,
      },
    ])
    expect(css).toContain('@page handout-condition-hip-pain-at-night-en {')
    // A quote or a backslash in a title cannot end the CSS string early.
    expect(css).toContain('@bottom-left { content: "Hip pain \\"at night\\" \\\\ in bed"; }')
    expect(css).toContain(
      '@bottom-right { content: "Printed 7 Dec 2026 · Page " counter(page) " of " counter(pages); }',
    )
    expect(css).toContain('@page handout-condition-hip-pain-at-night-es {')
    expect(css).toContain(
      '@bottom-right { content: "Impresa el 7 dic 2026 · Página " counter(page) " de " counter(pages); }',
    )
  })

  it('numbers no sheet of a batch, whose counters would count the whole pile, but dates each one', () => {
    const css = runningFootCss([{ ...part, pageOf: null }])
    expect(css).toContain('@bottom-right { content: "Printed 7 Dec 2026"; }')
    expect(css).not.toContain('counter(')
  })

  it('shortens a long title at a word, so the foot stays on one line clear of the sheet’s edge', () => {
    // The library's longest title prints whole.
    const longest = 'Ejercicios para la artrosis de cadera y el dolor en la parte de fuera de la cadera'
    expect(footTitle(longest)).toBe(longest)
    const longer = `${longest}, y otros dolores de la pierna que vienen de la espalda`
    expect(footTitle(longer)).toBe(
      'Ejercicios para la artrosis de cadera y el dolor en la parte de fuera de la cadera, y…',
    )
    expect(footTitle(longer).length).toBeLessThanOrEqual(FOOT_TITLE_MAX)
  })

  it('dates the sheet by the kiosk’s own calendar, not UTC’s', () => {
    expect(localIsoDate(new Date(2026, 11, 7, 23, 59))).toBe('2026-12-07')
    expect(localIsoDate(new Date(2027, 0, 1, 0, 1))).toBe('2027-01-01')
  })

  it('puts each language’s part on its named page', async () => {
    const { wrapper } = await mountHandout(`${PROCEDURE}?lang=both&paper=a4`)
    const parts = wrapper.findAll('[data-handout-lang]')
    expect(parts.map((p) => (p.element as HTMLElement).style.getPropertyValue('page'))).toEqual([
      pageName('procedure', steroid.id, 'en'),
      pageName('procedure', steroid.id, 'es'),
    ])
  })
})
