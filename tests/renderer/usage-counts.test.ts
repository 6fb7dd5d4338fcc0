/**
 * The anonymous usage counts a patient session sends: screens, items opened,
 * languages, display modes, quizzes and the session's length, all from the
 * contract's closed vocabulary, fire and forget, and nothing in staff mode.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { enableAutoUnmount, flushPromises } from '@vue/test-utils'
import { UsageEvent } from '@shared/contract'
import { sessionLengthBucket } from '@renderer/app/useUsageCounts'
import { getButton, getLink, mountKiosk, tap } from './helpers'
import { KIOSK_CONFIG, fakeBridge, procedureEn, type FakeBridge } from './fixtures'
import { learningBridge } from './learning-fixtures'
import { removeKiosk, runKiosk, type RunningKiosk } from './kiosk-session'
import { mountAsStaff } from './staff-helpers'

enableAutoUnmount(afterEach)
let running: RunningKiosk | null = null
afterEach(() => {
  if (running) removeKiosk(running)
  running = null
  vi.useRealTimers()
})

/** The events sent so far, checked against the contract's schema on the way. */
function counted(bridge: FakeBridge): UsageEvent[] {
  return bridge.calls
    .filter((call) => call.method === 'recordUsage')
    .map((call) => UsageEvent.parse((call.input as { event: unknown }).event))
}

const screens = (bridge: FakeBridge) =>
  counted(bridge)
    .filter((event) => event.metric === 'screen')
    .map((event) => event.key)

describe('usage counts', () => {
  it('counts a screen on each route change, by the screen vocabulary', async () => {
    const bridge = fakeBridge()
    const { router } = await mountKiosk('/', bridge)
    await router.push('/home')
    await router.push('/conditions')
    await router.push('/conditions/hip-osteoarthritis')
    await router.push(`/procedures/${procedureEn.id}`)
    await router.push(`/procedures/${procedureEn.id}/steps/1`)
    await router.push(`/procedures/${procedureEn.id}/steps/2`)
    await router.push(`/procedures/${procedureEn.id}/risks`)
    await router.push('/search')
    await flushPromises()
    expect(screens(bridge)).toEqual([
      'attract',
      'home',
      'conditions',
      'condition',
      'procedure',
      'step',
      'step',
      'risks',
      'search',
    ])
  })

  it('does not count screens outside the vocabulary', async () => {
    const bridge = fakeBridge()
    const { router } = await mountKiosk('/no-such-screen', bridge)
    await router.push('/staff')
    await flushPromises()
    expect(counted(bridge)).toEqual([])
  })

  it('counts an item when it is opened, not on every screen inside it', async () => {
    const bridge = fakeBridge()
    const { router } = await mountKiosk('/conditions/hip-osteoarthritis', bridge)
    await router.push(`/procedures/${procedureEn.id}`)
    await router.push(`/procedures/${procedureEn.id}/steps/1`)
    await router.push(`/procedures/${procedureEn.id}/risks`)
    await flushPromises()
    expect(counted(bridge).filter((event) => event.metric === 'item')).toEqual([
      { metric: 'item', key: 'hip-osteoarthritis' },
      { metric: 'item', key: procedureEn.id },
    ])
  })

  it('does not count an item that is not there', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    const bridge = fakeBridge()
    await mountKiosk('/conditions/no-such-thing', bridge)
    expect(counted(bridge)).toEqual([{ metric: 'screen', key: 'condition' }])
    vi.restoreAllMocks()
  })

  it('counts each language chosen and each display mode turned on, once a session', async () => {
    const bridge = fakeBridge()
    const { wrapper } = await mountKiosk('/', bridge)
    await tap(
      wrapper
        .get('main')
        .findAll('button')
        .find((b) => b.text().startsWith('Español'))!,
    )
    await tap(getButton(wrapper, 'English'))
    await tap(getButton(wrapper, 'Español'))
    await tap(getButton(wrapper, 'English'))
    await tap(getButton(wrapper, 'Large text'))
    await tap(getButton(wrapper, 'Large text'))
    await tap(getButton(wrapper, 'Large text'))
    await tap(getButton(wrapper, 'High contrast'))
    const rest = counted(bridge).filter((event) => event.metric !== 'screen')
    expect(rest).toEqual([
      { metric: 'language', key: 'es' },
      { metric: 'language', key: 'en' },
      { metric: 'display-mode', key: 'large-text' },
      { metric: 'display-mode', key: 'high-contrast' },
    ])
  })

  it('counts a quiz started and completed, and never the answers', async () => {
    const bridge = learningBridge()
    const { wrapper } = await mountKiosk(`/procedures/${procedureEn.id}/quiz`, bridge)
    await tap(getButton(wrapper, /^All day/))
    await tap(getButton(wrapper, /^Next question/))
    await tap(getButton(wrapper, /^That you take blood thinners/))
    await tap(getButton(wrapper, /^See how you did/))
    expect(counted(bridge).filter((event) => event.metric === 'quiz')).toEqual([
      { metric: 'quiz', key: 'started' },
      { metric: 'quiz', key: 'completed' },
    ])
    expect(JSON.stringify(bridge.calls)).not.toMatch(/All day|blood thinners/)
    await tap(getButton(wrapper, 'Try the questions again'))
    expect(counted(bridge).filter((event) => event.metric === 'quiz')).toHaveLength(3)
  })

  it('counts read aloud once it starts reading', async () => {
    const bridge = fakeBridge()
    running = await runKiosk('/home', bridge)
    await running.tap(running.button('Read aloud'))
    expect(counted(bridge)).toContainEqual({ metric: 'display-mode', key: 'read-aloud' })
  })

  it('counts the session’s length in a bucket when the idle reset ends it: first touch to last', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] })
    const bridge = fakeBridge()
    running = await runKiosk('/home', bridge)
    window.dispatchEvent(new Event('pointerdown'))
    await vi.advanceTimersByTimeAsync(70_000)
    window.dispatchEvent(new Event('pointerdown'))
    expect(counted(bridge).filter((event) => event.metric === 'session-length')).toEqual([])
    await vi.advanceTimersByTimeAsync((90 + 20) * 1000)
    await flushPromises()
    expect(counted(bridge).filter((event) => event.metric === 'session-length')).toEqual([
      { metric: 'session-length', key: '1-to-3-min' },
    ])
    expect(running.session.router.currentRoute.value.path).toBe('/')
  })

  it('puts session lengths in the contract’s buckets', () => {
    expect(sessionLengthBucket(0)).toBe('under-1-min')
    expect(sessionLengthBucket(59_999)).toBe('under-1-min')
    expect(sessionLengthBucket(60_000)).toBe('1-to-3-min')
    expect(sessionLengthBucket(180_000)).toBe('3-to-10-min')
    expect(sessionLengthBucket(600_000)).toBe('over-10-min')
  })

  it('counts nothing once staff mode is on, patient screens included', async () => {
    const { bridge, router } = await mountAsStaff('/staff/home')
    const before = counted(bridge).length
    await router.push('/home')
    await router.push(`/procedures/${procedureEn.id}`)
    await flushPromises()
    expect(counted(bridge).length).toBe(before)
  })

  it('never holds up the screen: a count that is never answered changes nothing', async () => {
    const bridge: FakeBridge = { ...fakeBridge(), recordUsage: () => new Promise(() => {}) }
    const { wrapper, router } = await mountKiosk('/home', bridge)
    await tap(getLink(wrapper, /^Why does my hip hurt/))
    expect(router.currentRoute.value.path).toBe('/conditions')
    expect(wrapper.find('h1').text()).toBe('Why does my hip hurt?')
  })
})

describe('the default language setting', () => {
  it('starts a session in the language staff chose, not counted as a patient’s choice', async () => {
    const base = fakeBridge()
    const bridge: FakeBridge = {
      ...base,
      getKioskConfig: async (input) => {
        base.calls.push({ method: 'getKioskConfig', input })
        return { ok: true, value: { ...KIOSK_CONFIG, defaultLocale: 'es' } }
      },
    }
    const { wrapper } = await mountKiosk('/', bridge)
    expect(document.documentElement.lang).toBe('es')
    expect(wrapper.get('h1').text()).toBe('Dolor de cadera: información para usted')
    expect(counted(bridge).filter((event) => event.metric === 'language')).toEqual([])
  })
})
