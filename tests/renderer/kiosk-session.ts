/**
 * The kiosk as main.ts runs it (startKiosk: one app per patient session, torn
 * down and rebuilt by the idle reset) in a happy-dom page, over the fake
 * bridge, with a fake voice for read-aloud.
 */
import { flushPromises } from '@vue/test-utils'
import { createMemoryHistory } from 'vue-router'
import type { Locale } from '@shared/contract'
import { bridgeTransport } from '@renderer/api/client'
import { startKiosk, type KioskSession } from '@renderer/app/kiosk'
import type { SpeechEngine } from '@renderer/features/read-aloud/engine'
import { fakeBridge, type FakeBridge } from './fixtures'
import { settle } from './helpers'

/**
 * A voice for tests: it "says" a sentence until the test calls finish(), and
 * remembers what it was asked to say and in which language.
 */
export class FakeVoice implements SpeechEngine {
  said: { text: string; locale: Locale }[] = []
  stops = 0
  failNext = false
  private pending: (() => void) | null = null

  speak(text: string, locale: Locale): Promise<void> {
    this.said.push({ text, locale })
    if (this.failNext) {
      this.failNext = false
      return Promise.reject(new Error('no voice'))
    }
    return new Promise((resolve) => {
      this.pending = resolve
    })
  }

  stop(): void {
    this.stops++
    this.finish()
  }

  /** The sentence being said comes to its end. */
  finish(): void {
    const pending = this.pending
    this.pending = null
    pending?.()
  }

  get speaking(): boolean {
    return this.pending !== null
  }
}

export interface RunningKiosk {
  session: KioskSession
  container: HTMLElement
  bridge: FakeBridge
  voice: FakeVoice
  /** What the page shows, white space collapsed. */
  text(): string
  heading(): string
  button(name: string | RegExp): HTMLButtonElement
  link(name: string | RegExp): HTMLAnchorElement
  /** Tap a control and let the router, the stores and the fake API settle. */
  tap(element: HTMLElement): Promise<void>
}

const collapse = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim()

function named<T extends HTMLElement>(container: HTMLElement, selector: string, name: string | RegExp): T {
  const all = Array.from(container.querySelectorAll<T>(selector))
  const found = all.find((element) => {
    const text = collapse(element.getAttribute('aria-label') ?? element.textContent)
    return typeof name === 'string' ? text === name : name.test(text)
  })
  if (!found)
    throw new Error(
      `no ${selector} named ${String(name)}; found: ${all.map((e) => collapse(e.textContent)).join(' | ')}`,
    )
  return found
}

export async function runKiosk(path = '/', bridge: FakeBridge = fakeBridge()): Promise<RunningKiosk> {
  const container = document.createElement('div')
  document.body.appendChild(container)
  const voice = new FakeVoice()
  const session = startKiosk(container, {
    transport: bridgeTransport(bridge),
    history: (fresh) => {
      const history = createMemoryHistory()
      if (!fresh) history.replace(path)
      return history
    },
    speech: () => voice,
  })
  await session.router.isReady()
  await flushPromises()
  return {
    session,
    container,
    bridge,
    voice,
    text: () => collapse(container.textContent),
    heading: () => collapse(container.querySelector('h1')?.textContent),
    button: (name) => named<HTMLButtonElement>(container, 'button', name),
    link: (name) => named<HTMLAnchorElement>(container, 'a', name),
    async tap(element) {
      // A real tap starts with a pointerdown, which is what the idle timer listens for.
      element.dispatchEvent(new Event('pointerdown', { bubbles: true }))
      element.click()
      await settle()
    },
  }
}

/** Takes the kiosk off the page and leaves <html> as a fresh page has it. */
export function removeKiosk(kiosk: RunningKiosk): void {
  kiosk.session.stop()
  kiosk.container.remove()
  document.documentElement.className = ''
  document.documentElement.lang = ''
}
