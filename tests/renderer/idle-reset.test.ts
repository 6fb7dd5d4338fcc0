/**
 * The privacy reset: after the idle timeout (90 s from the fake core), "Are you
 * still there?" with a 20 s countdown; "I'm still here" keeps the session; the
 * end of the countdown rebuilds the whole app at the attract screen.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { procedureEn } from './fixtures'
import { preloadStandIn } from './helpers'
import { removeKiosk, runKiosk, type RunningKiosk } from './kiosk-session'

let kiosk: RunningKiosk | null = null

beforeEach(() => {
  // Timers and the clock only: promises and Vue's scheduler run as usual.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] })
})

afterEach(() => {
  if (kiosk) removeKiosk(kiosk)
  kiosk = null
  vi.useRealTimers()
})

async function start(path: string): Promise<RunningKiosk> {
  kiosk = await runKiosk(path)
  return kiosk
}

/** Someone touches the screen. */
function touch(): void {
  window.dispatchEvent(new Event('pointerdown'))
}

async function wait(seconds: number): Promise<void> {
  await vi.advanceTimersByTimeAsync(seconds * 1000)
  await flushPromises()
}

function dialog(k: RunningKiosk): HTMLElement | null {
  return k.container.querySelector('[role="alertdialog"]')
}

describe('the idle warning', () => {
  it('appears after the idle timeout, over everything, with the focus on "I’m still here"', async () => {
    const k = await start(`/procedures/${procedureEn.id}/steps/2`)
    touch()
    await wait(89)
    expect(dialog(k)).toBeNull()

    await wait(1)
    const warning = dialog(k)!
    expect(warning).not.toBeNull()
    expect(warning.getAttribute('aria-modal')).toBe('true')
    expect(warning.textContent).toContain('Are you still there?')
    expect(warning.textContent).toContain('This happens in 20 seconds.')
    expect(document.activeElement).toBe(k.button('I’m still here'))
    // The page behind cannot be reached meanwhile.
    const behind = k.container.querySelector<HTMLElement>('.app')!
    expect(behind.inert || behind.hasAttribute('inert')).toBe(true)
  })

  it('counts down the seconds that are left', async () => {
    const k = await start('/home')
    touch()
    await wait(90 + 5)
    expect(dialog(k)!.textContent).toContain('This happens in 15 seconds.')
    await wait(14)
    expect(dialog(k)!.textContent).toContain('This happens in 1 second.')
  })

  it('waits the full timeout again after every touch', async () => {
    const k = await start('/home')
    touch()
    await wait(60)
    touch()
    await wait(60)
    expect(dialog(k)).toBeNull()
    await wait(30)
    expect(dialog(k)).not.toBeNull()
  })

  it('keeps the session when the patient taps "I’m still here", and gives them the full time again', async () => {
    const k = await start(`/procedures/${procedureEn.id}/steps/2`)
    await k.tap(k.button('Español'))
    await k.tap(k.button('Letra grande'))
    await wait(90 + 10)
    expect(dialog(k)).not.toBeNull()

    await k.tap(k.button('Sigo aquí'))

    expect(dialog(k)).toBeNull()
    expect(k.session.router.currentRoute.value.path).toBe(`/procedures/${procedureEn.id}/steps/2`)
    expect(document.documentElement.lang).toBe('es')
    expect(document.documentElement.classList.contains('kiosk-large-text')).toBe(true)
    expect(k.container.querySelector<HTMLElement>('.app')!.inert).toBeFalsy()
    // Long after the first countdown would have ended, nothing was cleared.
    await wait(60)
    expect(k.heading()).toBe('Paso en español 2')
    await wait(30)
    expect(dialog(k)).not.toBeNull()
  })

  it('is answered by a tap anywhere on it, or by any key', async () => {
    const k = await start('/home')
    touch()
    await wait(90)
    await k.tap(dialog(k)!.querySelector('p')!)
    expect(dialog(k)).toBeNull()

    await wait(90)
    expect(dialog(k)).not.toBeNull()
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }))
    await flushPromises()
    expect(dialog(k)).toBeNull()
  })

  it('never appears on an attract screen nobody has touched', async () => {
    const k = await start('/')
    await wait(600)
    expect(dialog(k)).toBeNull()
  })

  it('does not interrupt a screen being read aloud', async () => {
    const k = await start(`/procedures/${procedureEn.id}/steps/1`)
    await k.tap(k.button('Read aloud'))
    expect(k.voice.speaking).toBe(true)
    await wait(150)
    expect(dialog(k)).toBeNull()
    await k.tap(k.button('Stop'))
    await wait(90)
    expect(dialog(k)).not.toBeNull()
  })
})

describe('the reset when the countdown ends', () => {
  it('goes back to the attract screen in English with every choice undone', async () => {
    const k = await start(`/procedures/${procedureEn.id}/steps/2`)
    await k.tap(k.button('Español'))
    await k.tap(k.button('Letra grande'))
    await k.tap(k.button('Alto contraste'))
    const before = document.querySelector('.app')

    await wait(90 + 20)

    expect(dialog(k)).toBeNull()
    expect(k.session.router.currentRoute.value.path).toBe('/')
    expect(k.heading()).toBe('Hip pain: information for you')
    expect(document.documentElement.lang).toBe('en')
    expect(document.documentElement.className).toBe('')
    expect(k.text()).not.toContain('Paso en español')
    // A new app, not the old one tidied up.
    expect(document.querySelector('.app')).not.toBe(before)
    expect(document.activeElement?.tagName).toBe('H1')
    // The attract screen has no top bar: the next patient's first tap shows it, every toggle off.
    expect(k.container.querySelector('header')).toBeNull()
    await k.tap(k.container.querySelector<HTMLElement>('.attract')!)
    expect(k.session.router.currentRoute.value.path).toBe('/home')
    expect(k.button('Large text').getAttribute('aria-pressed')).toBe('false')
    expect(k.button('High contrast').getAttribute('aria-pressed')).toBe('false')
    expect(k.button('English').getAttribute('aria-pressed')).toBe('true')
  })

  it('stops reading aloud and clears the highlight', async () => {
    const k = await start(`/procedures/${procedureEn.id}/steps/1`)
    await k.tap(k.button('Read aloud'))
    await k.tap(k.button('Pause'))
    expect(document.querySelector('[data-reading]')).not.toBeNull()

    await wait(90 + 20)

    expect(k.voice.speaking).toBe(false)
    expect(document.querySelector('[data-reading]')).toBeNull()
    expect(document.querySelector('.read-aloud__bar')).toBeNull()
  })

  it('clears web storage and scrolls back to the top', async () => {
    const k = await start('/home')
    touch()
    // Nothing in the kiosk writes here; the reset clears it anyway, as a second line of defence.
    localStorage.setItem('left-behind', 'x')
    sessionStorage.setItem('left-behind', 'x')
    const scrollTo = vi.spyOn(window, 'scrollTo')

    await wait(90 + 20)

    expect(localStorage.length).toBe(0)
    expect(sessionStorage.length).toBe(0)
    expect(scrollTo).toHaveBeenCalledWith(0, 0)
    expect(k.heading()).toBe('Hip pain: information for you')
  })

  it('then asks the Electron shell to clear the page’s history, storage and caches', async () => {
    // The preload's window.kiosk, as Electron exposes it: a driver, standing in for the main process.
    let before: Element | null = null
    let oldAppOnPage: boolean | null = null
    const endSession = vi.fn(async () => {
      oldAppOnPage = before?.isConnected ?? null
    })
    window.kiosk = preloadStandIn({ endSession: () => endSession().then(() => ({ ok: true, value: {} })) })
    try {
      const k = await start(`/procedures/${procedureEn.id}/steps/2`)
      before = document.querySelector('.app')
      touch()
      await wait(90)
      expect(endSession).not.toHaveBeenCalled()

      await wait(20)

      expect(endSession).toHaveBeenCalledOnce()
      // Called once the old app is gone from the page, not while a patient's screen is still on it.
      expect(oldAppOnPage).toBe(false)
      expect(k.heading()).toBe('Hip pain: information for you')
    } finally {
      delete window.kiosk
    }
  })

  it('still resets when the shell fails to clear, and in a plain browser, where there is no shell', async () => {
    window.kiosk = preloadStandIn({ endSession: vi.fn(() => Promise.reject(new Error('session busy'))) })
    try {
      const k = await start('/home')
      touch()
      await wait(90 + 20)
      expect(k.heading()).toBe('Hip pain: information for you')
    } finally {
      delete window.kiosk
    }
    expect(window.kiosk).toBeUndefined()
    const k = kiosk!
    await k.session.router.push('/home')
    touch()
    await wait(90 + 20)
    expect(k.session.router.currentRoute.value.path).toBe('/')
    expect(k.heading()).toBe('Hip pain: information for you')
  })

  it('starts a new session that times out again only after someone touches it', async () => {
    const k = await start('/home')
    touch()
    await wait(90 + 20)
    expect(k.session.router.currentRoute.value.path).toBe('/')

    await wait(300)
    expect(dialog(k)).toBeNull()

    touch()
    await wait(90)
    expect(dialog(k)).not.toBeNull()
  })
})
