/**
 * Mounts the real app (real router, stores, i18n, client) over a fake bridge,
 * and finds things the way a patient does: by the words on them.
 */
import { expect, vi } from 'vitest'
import { flushPromises, mount, type DOMWrapper, type VueWrapper } from '@vue/test-utils'
import { createMemoryHistory } from 'vue-router'
import App from '@renderer/app/App.vue'
import { bridgeTransport } from '@renderer/api/client'
import { createKiosk } from '@renderer/app/kiosk'
import type { KioskBridge } from '@shared/bridge'
import { fakeBridge, type FakeBridge } from './fixtures'
import { FakeVoice } from './kiosk-session'

export async function mountKiosk(path: string, bridge: FakeBridge = fakeBridge()) {
  // A fake voice: happy-dom has no speechSynthesis, so the default would load
  // eSpeak's engine from the page's address (a request to nowhere) as a session starts.
  const kiosk = createKiosk({
    transport: bridgeTransport(bridge),
    history: createMemoryHistory(),
    speech: () => new FakeVoice(),
  })
  await kiosk.router.push(path)
  const wrapper = mount(App, { global: { plugins: [kiosk.plugin] }, attachTo: document.body })
  await flushPromises()
  return { wrapper, router: kiosk.router, bridge }
}

const normalize = (text: string) => text.replace(/\s+/g, ' ').trim()

/** Roughly the accessible name: aria-label, else the text without aria-hidden parts. */
export function accessibleName(element: Element): string {
  const label = element.getAttribute('aria-label')
  if (label) return normalize(label)
  const copy = element.cloneNode(true) as Element
  copy.querySelectorAll('[aria-hidden="true"]').forEach((hidden) => hidden.remove())
  return normalize(copy.textContent ?? '')
}

function byText(
  wrapper: VueWrapper,
  selector: string,
  name: string | RegExp,
): DOMWrapper<Element> | undefined {
  return wrapper.findAll(selector).find((el) => {
    const text = accessibleName(el.element)
    return typeof name === 'string' ? text === name : name.test(text)
  })
}

export function getLink(wrapper: VueWrapper, name: string | RegExp): DOMWrapper<Element> {
  const found = byText(wrapper, 'a', name)
  if (!found)
    throw new Error(
      `no link named ${String(name)}; links: ${wrapper
        .findAll('a')
        .map((a) => accessibleName(a.element))
        .join(' | ')}`,
    )
  return found
}

export function getButton(wrapper: VueWrapper, name: string | RegExp): DOMWrapper<Element> {
  const found = byText(wrapper, 'button', name)
  if (!found) throw new Error(`no button named ${String(name)}`)
  return found
}

/**
 * Lets what a tap started finish: the router, the chunk of a screen opened for the
 * first time (screens past the home screen load lazily, app/router.ts), and the
 * fake API's answers to the screen that then mounts.
 */
export async function settle(): Promise<void> {
  await flushPromises()
  await vi.dynamicImportSettled()
  await flushPromises()
}

/** Tap a link or button and let the router, the screen's chunk and the fake API answer. */
export async function tap(element: DOMWrapper<Element>): Promise<void> {
  await element.trigger('click')
  await settle()
}

export function headings(wrapper: VueWrapper, level: 'h1' | 'h2' | 'h3'): string[] {
  return wrapper.findAll(level).map((h) => normalize(h.text()))
}

/**
 * The preload's `window.kiosk` as Electron exposes it, for the shell's own
 * methods only: a driver standing in for the main process. Other calls are
 * refused, as the tests reach the contract through their own transport.
 */
export function preloadStandIn(
  shell: Partial<Record<'print' | 'pickAndImportPack' | 'endSession', (input: never) => Promise<unknown>>>,
): KioskBridge {
  return {
    call: ((method: string, input: never) => {
      const answer = shell[method as keyof typeof shell]
      return answer
        ? answer(input)
        : Promise.resolve({ ok: false, error: { code: 'unknown-method', message: `no ${method} here` } })
    }) as KioskBridge['call'],
  }
}

/** A patient's print asks first (PrintConsent): waits for the question and answers Print. */
export async function confirmPrint(wrapper: VueWrapper): Promise<void> {
  await vi.waitFor(
    async () => {
      await flushPromises()
      expect(wrapper.find('.print-consent [role="dialog"]').exists()).toBe(true)
    },
    { timeout: 10_000 },
  )
  await wrapper.get('.print-consent .button--primary').trigger('click')
}
