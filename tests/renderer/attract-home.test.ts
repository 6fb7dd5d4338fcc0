/**
 * The attract screen (where the kiosk waits), home with its two picture doors,
 * and the two topic lists in the core's clinical order.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { TopicSummary } from '@shared/contract'
import { fakeBridge } from './fixtures'
import { removeKiosk, runKiosk, type RunningKiosk } from './kiosk-session'

let kiosk: RunningKiosk | null = null

afterEach(() => {
  if (kiosk) removeKiosk(kiosk)
  kiosk = null
})

describe('the attract screen', () => {
  it('invites a touch in both languages, with the language as the first choice', async () => {
    const k = (kiosk = await runKiosk('/'))
    expect(k.heading()).toBe('Hip pain: information for you')
    expect(k.container.querySelector('main [lang="es"]')?.textContent?.trim()).toBe(
      'Dolor de cadera: información para usted',
    )
    const english = k.button('English Touch to start')
    const spanish = k.button('Español Toque para empezar')
    expect(english.getAttribute('lang')).toBe('en')
    expect(spanish.getAttribute('lang')).toBe('es')
  })

  it('starts the session in Spanish from "Español"', async () => {
    const k = (kiosk = await runKiosk('/'))
    await k.tap(k.button('Español Toque para empezar'))
    expect(k.session.router.currentRoute.value.path).toBe('/home')
    expect(document.documentElement.lang).toBe('es')
    expect(k.heading()).toBe('¿Qué le gustaría saber?')
    expect(k.button('Español').getAttribute('aria-pressed')).toBe('true')
  })

  it('starts the session in English from "English"', async () => {
    const k = (kiosk = await runKiosk('/'))
    await k.tap(k.button('Español Toque para empezar'))
    await k.session.router.push('/')
    expect(k.heading()).toBe('Dolor de cadera: información para usted')
    await k.tap(k.button('English Touch to start'))
    expect(k.session.router.currentRoute.value.path).toBe('/home')
    expect(document.documentElement.lang).toBe('en')
    expect(k.heading()).toBe('What would you like to know?')
  })

  it('starts the session in its language from a tap anywhere, and has no top bar', async () => {
    const k = (kiosk = await runKiosk('/'))
    expect(k.container.querySelector('header')).toBeNull()
    await k.tap(k.container.querySelector<HTMLElement>('.attract__lead')!)
    expect(k.session.router.currentRoute.value.path).toBe('/home')
    expect(document.documentElement.lang).toBe('en')
    expect(k.container.querySelector('header')).not.toBeNull()
  })
})

describe('the topic lists, asked for once', () => {
  it('are on their way as the session starts: home, the attract loop and the lists behind its doors use that one answer', async () => {
    const bridge = fakeBridge()
    const k = (kiosk = await runKiosk('/', bridge))
    const asked = () => bridge.calls.filter((c) => c.method === 'listTopics')
    // On their way while the patient is still at the attract screen (home's guides need them first).
    expect(asked()).toEqual([{ method: 'listTopics', input: { locale: 'en' } }])
    await k.tap(k.button('English Touch to start'))
    expect(k.heading()).toBe('What would you like to know?')
    await k.tap(k.link(/^Why does my hip hurt\?/))
    expect(k.heading()).toBe('Why does my hip hurt?')
    await k.tap(k.link(/^Home$/))
    await k.tap(k.link(/^Your hip injection/))
    expect(k.heading()).toBe('Your hip injection')
    expect(asked()).toHaveLength(1)
  })
})

describe('home', () => {
  it('has two picture doors and a search entry, each one big link', async () => {
    const k = (kiosk = await runKiosk('/home'))
    const doors = [
      k.link(/^Why does my hip hurt\?\s*The common causes of hip pain, and what helps$/),
      k.link(/^Your hip injection\s*What happens, step by step, and how you recover$/),
    ]
    expect(doors.map((door) => door.getAttribute('href'))).toEqual(['/conditions', '/procedures'])
    for (const door of doors) expect(door.querySelector('svg')?.getAttribute('aria-hidden')).toBe('true')
    expect(k.link(/^Search/).getAttribute('href')).toBe('/search')
  })

  it('is where the top bar’s Home button goes, from any screen', async () => {
    const k = (kiosk = await runKiosk('/procedures'))
    const home = k.container.querySelector('header a')!
    expect(home.textContent?.trim()).toBe('Home')
    await k.tap(home as HTMLElement)
    expect(k.session.router.currentRoute.value.path).toBe('/home')
  })
})

describe('the topic lists', () => {
  const topic = (id: string, kind: TopicSummary['kind'], title: string): TopicSummary => ({
    id,
    kind,
    locale: 'en',
    title,
    summary: `About ${title}.`,
    picture: 'hip-joint',
  })
  // Clinical order, most common first: deliberately not alphabetical.
  const conditions = [
    topic('osteoarthritis', 'condition', 'Osteoarthritis'),
    topic('bursitis', 'condition', 'Bursitis'),
    topic('labral-tear', 'condition', 'A labral tear'),
  ]
  const procedures = [
    topic('steroid', 'procedure', 'Steroid injection'),
    topic('bursa', 'procedure', 'Bursa injection'),
  ]
  const bridge = () => ({
    ...fakeBridge(),
    listTopics: () => Promise.resolve({ ok: true as const, value: { conditions, procedures, guides: [] } }),
  })

  function titles(k: RunningKiosk): string[] {
    return Array.from(k.container.querySelectorAll('main li a'), (a) =>
      (a.querySelector('.topic-card__title')?.textContent ?? '').trim(),
    )
  }

  it('lists the conditions in the order the core gives them', async () => {
    const k = (kiosk = await runKiosk('/conditions', bridge()))
    expect(k.heading()).toBe('Why does my hip hurt?')
    expect(titles(k)).toEqual(['Osteoarthritis', 'Bursitis', 'A labral tear'])
    expect(k.link(/^Bursitis/).getAttribute('href')).toBe('/conditions/bursitis')
  })

  it('lists the procedures in the order the core gives them', async () => {
    const k = (kiosk = await runKiosk('/procedures', bridge()))
    expect(k.heading()).toBe('Your hip injection')
    expect(titles(k)).toEqual(['Steroid injection', 'Bursa injection'])
    expect(k.link(/^Steroid injection/).getAttribute('href')).toBe('/procedures/steroid')
  })

  it('says so calmly when there is nothing to list', async () => {
    const empty = {
      ...fakeBridge(),
      listTopics: () =>
        Promise.resolve({ ok: true as const, value: { conditions: [], procedures: [], guides: [] } }),
    }
    const k = (kiosk = await runKiosk('/procedures', empty))
    expect(k.text()).toContain('There is nothing here yet. Please ask at the desk.')
  })
})
