/**
 * Staff mode as a whole: no staff screen without the PIN (the handout form
 * included), the hidden ways in, the badge and its Exit, and the ends of staff
 * mode (an 'unauthorized' answer, the idle reset), each closing the session in
 * the core.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { enableAutoUnmount, flushPromises } from '@vue/test-utils'
import { getButton, headings, mountKiosk, tap } from './helpers'
import { KIOSK_CONFIG, procedureEn } from './fixtures'
import { STAFF_PIN, staffBridge } from './staff-fixtures'
import { badge, mountAsStaff } from './staff-helpers'
import { removeKiosk, runKiosk, type RunningKiosk } from './kiosk-session'

enableAutoUnmount(afterEach)
let running: RunningKiosk | null = null
afterEach(() => {
  if (running) removeKiosk(running)
  running = null
  vi.useRealTimers()
})

const STAFF_SCREENS = [
  '/staff/home',
  '/staff/settings',
  '/staff/usage',
  '/staff/review',
  '/staff/content',
  '/staff/explain',
  `/staff/explain/${procedureEn.id}`,
  `/staff/handout/procedure/${procedureEn.id}`,
  '/staff/anything-added-later',
]

const STAFF_DATA = [
  'getSettings',
  'updateSettings',
  'usageReport',
  'reviewItems',
  'packStatus',
  'rollbackContent',
]

describe('the staff guard', () => {
  it.each(STAFF_SCREENS)(
    'sends %s to the PIN screen without a staff session, asking the core nothing',
    async (path) => {
      const bridge = staffBridge()
      const { wrapper, router } = await mountKiosk(path, bridge)
      expect(router.currentRoute.value.name).toBe('staff-pin')
      expect(router.currentRoute.value.query.next).toBe(path)
      expect(headings(wrapper, 'h1')).toEqual(['Staff'])
      expect(bridge.calls.filter((call) => STAFF_DATA.includes(call.method))).toEqual([])
      expect(badge(wrapper).exists()).toBe(false)
    },
  )

  it('goes on to the screen that was asked for once the PIN is right', async () => {
    const { router, wrapper } = await mountAsStaff('/staff/review')
    expect(router.currentRoute.value.path).toBe('/staff/review')
    expect(headings(wrapper, 'h1')).toEqual(['Clinical review'])
  })

  it('never goes on to a screen outside staff mode after the PIN', async () => {
    const { router } = await mountAsStaff('/staff?next=/procedures')
    expect(router.currentRoute.value.path).toBe('/staff/home')
  })

  it('sends the PIN screen on to the staff menu while staff mode is on', async () => {
    const { router } = await mountAsStaff('/staff/home')
    await router.push('/staff')
    expect(router.currentRoute.value.path).toBe('/staff/home')
  })

  it('goes back to the PIN screen when the core answers "unauthorized", and staff mode ends', async () => {
    const { router, wrapper, bridge } = await mountAsStaff('/staff/home')
    bridge.expireSessions()
    await router.push('/staff/usage')
    await flushPromises()
    expect(router.currentRoute.value.name).toBe('staff-pin')
    expect(router.currentRoute.value.query.next).toBe('/staff/usage')
    expect(badge(wrapper).exists()).toBe(false)
    await router.push('/staff/settings')
    expect(router.currentRoute.value.name).toBe('staff-pin')
  })

  it('leaves the patient screens alone', async () => {
    const { router } = await mountKiosk(`/procedures/${procedureEn.id}`, staffBridge())
    expect(router.currentRoute.value.path).toBe(`/procedures/${procedureEn.id}`)
  })
})

describe('the staff badge', () => {
  it('shows on every screen in staff mode, patient screens too', async () => {
    const { wrapper, router } = await mountAsStaff('/staff/home')
    expect(badge(wrapper).attributes('aria-label')).toBe('Staff mode')
    await router.push(`/procedures/${procedureEn.id}`)
    await flushPromises()
    expect(badge(wrapper).text()).toContain('Staff mode')
    expect(badge(wrapper).text()).toContain('Exit staff mode')
  })

  it('Exit closes the session in the core and goes back to the attract screen', async () => {
    const { wrapper, router, bridge } = await mountAsStaff('/staff/settings')
    const token = bridge.calls.find((call) => call.method === 'getSettings')!.input as { token: string }
    await tap(getButton(wrapper, 'Exit staff mode'))
    expect(bridge.calls.filter((call) => call.method === 'staffLogout')).toEqual([
      { method: 'staffLogout', input: { token: token.token } },
    ])
    expect(bridge.state.tokens.size).toBe(0)
    expect(router.currentRoute.value.path).toBe('/')
    expect(badge(wrapper).exists()).toBe(false)
    await router.push('/staff/settings')
    expect(router.currentRoute.value.name).toBe('staff-pin')
  })
})

describe('the way in', () => {
  const pointer = (type: string, x: number, y: number) =>
    window.dispatchEvent(
      new PointerEvent(type, { clientX: x, clientY: y, pointerId: 1, isPrimary: true, bubbles: true }),
    )

  it('has no visible button, link or label for staff on the patient screens', async () => {
    const { wrapper } = await mountKiosk('/home', staffBridge())
    expect(wrapper.text()).not.toMatch(/\b(staff|admin|PIN)\b/i)
    expect(wrapper.findAll('a').filter((link) => link.attributes('href')?.startsWith('/staff'))).toEqual([])
  })

  it('opens the PIN screen on Ctrl+Alt+S', async () => {
    const { router } = await mountKiosk('/home', staffBridge())
    window.dispatchEvent(
      new KeyboardEvent('keydown', { key: 's', code: 'KeyS', ctrlKey: true, altKey: true }),
    )
    await flushPromises()
    expect(router.currentRoute.value.name).toBe('staff-pin')
  })

  it('opens the PIN screen after a 3-second press in the top-left corner, and not after a short one', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] })
    const { router } = await mountKiosk('/home', staffBridge())

    pointer('pointerdown', 10, 10)
    await vi.advanceTimersByTimeAsync(2_000)
    pointer('pointerup', 10, 10)
    await vi.advanceTimersByTimeAsync(2_000)
    expect(router.currentRoute.value.path).toBe('/home')

    pointer('pointerdown', 300, 300)
    await vi.advanceTimersByTimeAsync(3_500)
    pointer('pointerup', 300, 300)
    expect(router.currentRoute.value.path).toBe('/home')

    pointer('pointerdown', 10, 10)
    pointer('pointermove', 80, 80)
    await vi.advanceTimersByTimeAsync(3_500)
    expect(router.currentRoute.value.path).toBe('/home')
    pointer('pointerup', 80, 80)

    pointer('pointerdown', 6, 8)
    await vi.advanceTimersByTimeAsync(3_000)
    await flushPromises()
    expect(router.currentRoute.value.name).toBe('staff-pin')
    // The click that ends the press does not also press what is under the finger.
    const click = new MouseEvent('click', { bubbles: true, cancelable: true })
    pointer('pointerup', 6, 8)
    window.dispatchEvent(click)
    expect(click.defaultPrevented).toBe(true)
  })

  it('shows a ring filling in the corner while the press lasts, and nothing once it ends', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] })
    const { wrapper } = await mountKiosk('/home', staffBridge())
    const ring = () => wrapper.find('.staff-hold')
    expect(ring().exists()).toBe(false)

    pointer('pointerdown', 10, 10)
    await vi.advanceTimersByTimeAsync(500)
    expect(ring().exists()).toBe(true)
    // It fills over the same 3 s the press needs, and is a picture only: no words for a patient to read.
    expect(ring().attributes('style')).toContain('--staff-hold-ms: 3000ms')
    expect(ring().attributes('aria-hidden')).toBe('true')
    pointer('pointerup', 10, 10)
    await vi.advanceTimersByTimeAsync(0)
    expect(ring().exists()).toBe(false)

    pointer('pointerdown', 300, 300)
    await vi.advanceTimersByTimeAsync(500)
    expect(ring().exists()).toBe(false)
    pointer('pointerup', 300, 300)
  })
})

describe('the end of a session', () => {
  it('ends staff mode when left alone, closes the session in the core, and then resets as for a patient', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] })
    const bridge = staffBridge()
    running = await runKiosk('/staff/home', bridge)
    for (const digit of STAFF_PIN) await running.tap(running.button(digit))
    await running.tap(running.button('Enter'))
    expect(running.heading()).toBe('Staff menu')
    expect(running.text()).toContain('Staff mode')
    expect(bridge.state.tokens.size).toBe(1)

    window.dispatchEvent(new Event('pointerdown'))
    await vi.advanceTimersByTimeAsync(61 * 1000)
    await flushPromises()
    expect(bridge.calls.filter((call) => call.method === 'staffLogout')).toHaveLength(1)
    expect(bridge.state.tokens.size).toBe(0)
    expect(running.session.router.currentRoute.value.name).toBe('staff-pin')

    // The PIN screen waits the patient idle time and its countdown for staff to come back, then resets.
    await vi.advanceTimersByTimeAsync((90 + 20) * 1000)
    await flushPromises()
    expect(running.session.router.currentRoute.value.path).toBe('/')
    expect(running.text()).not.toContain('Staff mode')
    await running.session.router.push('/staff/home')
    expect(running.session.router.currentRoute.value.name).toBe('staff-pin')
  })
})

const FAKE_TIME: Parameters<typeof vi.useFakeTimers>[0] = {
  toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
}

/** Enters the PIN on the PIN screen of a running kiosk. */
async function enterPin(kiosk: RunningKiosk): Promise<void> {
  for (const digit of STAFF_PIN) await kiosk.tap(kiosk.button(digit))
  await kiosk.tap(kiosk.button('Enter'))
}

describe('the staff idle lock', () => {
  it('locks staff mode after its own 60 s untouched, before the patient idle time, and the PIN returns to the same screen', async () => {
    vi.useFakeTimers(FAKE_TIME)
    const bridge = staffBridge()
    running = await runKiosk('/staff/usage', bridge)
    await enterPin(running)
    expect(running.heading()).toBe('Usage counts')
    await vi.advanceTimersByTimeAsync(55_000)
    expect(running.heading()).toBe('Usage counts')
    await vi.advanceTimersByTimeAsync(6_000)
    await flushPromises()
    expect(running.session.router.currentRoute.value.name).toBe('staff-pin')
    expect(running.session.router.currentRoute.value.query.next).toBe('/staff/usage')
    expect(running.text()).not.toContain('Staff mode')
    expect(bridge.state.tokens.size).toBe(0)
    await enterPin(running)
    expect(running.heading()).toBe('Usage counts')
  })

  it('is not kept open by a patient answering "Are you still there?"', async () => {
    vi.useFakeTimers(FAKE_TIME)
    const bridge = staffBridge()
    // The shortest patient idle time: its warning would come before the staff lock.
    bridge.getKioskConfig = async () => ({ ok: true, value: { ...KIOSK_CONFIG, idleTimeoutSeconds: 30 } })
    running = await runKiosk('/staff/settings', bridge)
    await enterPin(running)
    expect(running.heading()).toBe('Settings')
    for (let second = 0; second < 60; second += 5) {
      await vi.advanceTimersByTimeAsync(5_000)
      const stillHere = Array.from(document.querySelectorAll('button')).find((b) =>
        /still here/i.test(b.textContent ?? ''),
      )
      if (stillHere && running.text().includes('Staff mode')) await running.tap(stillHere)
    }
    await vi.advanceTimersByTimeAsync(1_000)
    await flushPromises()
    expect(running.session.router.currentRoute.value.name).toBe('staff-pin')
    expect(running.text()).not.toContain('Staff mode')
  })

  it('gives explain mode its own, longer time, and the PIN returns to the same slide', async () => {
    vi.useFakeTimers(FAKE_TIME)
    const bridge = staffBridge()
    const explain = `/staff/explain/${procedureEn.id}`
    running = await runKiosk(explain, bridge)
    await enterPin(running)
    await running.tap(running.button(/^Next/))
    await running.tap(running.button(/^Next/))
    expect(running.container.querySelector('[data-staff-explain-progress]')?.textContent).toMatch(
      /^Slide 3 of/,
    )
    // The clinician talks for nine minutes without touching anything: no warning, no lock.
    await vi.advanceTimersByTimeAsync(9 * 60_000)
    expect(running.text()).not.toMatch(/still there/i)
    expect(running.text()).toContain('Staff mode')
    await vi.advanceTimersByTimeAsync(61_000)
    await flushPromises()
    expect(running.session.router.currentRoute.value.name).toBe('staff-pin')
    expect(running.session.router.currentRoute.value.query.next).toBe(`${explain}?slide=3`)
    await enterPin(running)
    expect(running.container.querySelector('[data-staff-explain-progress]')?.textContent).toMatch(
      /^Slide 3 of/,
    )
  })
})

describe('explain mode at the chairside', () => {
  it('stays in staff mode while the clinician keeps presenting past the 10-minute session, with one keep-alive a minute at most', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] })
    const bridge = staffBridge()
    const explain = `/staff/explain/${procedureEn.id}`
    running = await runKiosk(explain, bridge)
    for (const digit of STAFF_PIN) await running.tap(running.button(digit))
    await running.tap(running.button('Enter'))
    expect(running.session.router.currentRoute.value.path).toBe(explain)
    const keepAlives = () => bridge.calls.filter((call) => call.method === 'staffKeepAlive').length

    // 25 minutes of presenting: a clicker press every 20 seconds, forward and back.
    for (let second = 0; second < 25 * 60; second += 20) {
      const key = (second / 20) % 2 === 0 ? 'PageDown' : 'PageUp'
      window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }))
      await vi.advanceTimersByTimeAsync(20_000)
    }
    await flushPromises()
    expect(running.session.router.currentRoute.value.path).toBe(explain)
    expect(running.text()).toContain('Staff mode')
    expect(bridge.state.tokens.size).toBe(1)
    // 75 presses in 25 minutes, but at most one keep-alive a minute.
    expect(keepAlives()).toBeGreaterThanOrEqual(24)
    expect(keepAlives()).toBeLessThanOrEqual(26)

    // They stop presenting: after explain mode's idle time staff mode locks, and after the
    // patient idle time and its countdown on the PIN screen, the kiosk resets as always.
    // (Explain mode's 600 s and the session's 10 minutes end together here: whichever comes first.)
    await vi.advanceTimersByTimeAsync(600 * 1000)
    await flushPromises()
    expect(running.session.router.currentRoute.value.name).toBe('staff-pin')
    expect(running.text()).not.toContain('Staff mode')
    await vi.advanceTimersByTimeAsync((90 + 20) * 1000)
    await flushPromises()
    expect(running.session.router.currentRoute.value.path).toBe('/')
    expect(running.text()).not.toContain('Staff mode')
    // 75 slides drawn with their pictures: more than the default 5 s on a busy 2-core machine.
  }, 20_000)

  it('sends no keep-alive on the other staff screens, where the session ends after 10 minutes unused', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] })
    const bridge = staffBridge()
    running = await runKiosk('/staff/home', bridge)
    for (const digit of STAFF_PIN) await running.tap(running.button(digit))
    await running.tap(running.button('Enter'))
    for (let second = 0; second < 11 * 60; second += 20) {
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Shift', bubbles: true }))
      await vi.advanceTimersByTimeAsync(20_000)
    }
    await flushPromises()
    expect(bridge.calls.filter((call) => call.method === 'staffKeepAlive')).toEqual([])
    expect(running.session.router.currentRoute.value.name).toBe('staff-pin')
  })
})
