/**
 * The home screen the build prerenders (app/prerender.ts) and the first session
 * hydrates (app/kiosk.ts): the page takes over the markup it is given instead of
 * building its own, without one mismatch, and nothing else is touched by it (a
 * page opened elsewhere, the session after an idle reset).
 */
import { afterEach, beforeEach, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { createWebHashHistory } from 'vue-router'
import { bridgeTransport } from '@renderer/api/client'
import { startKiosk, type KioskSession } from '@renderer/app/kiosk'
import { PRERENDERED_HOME_ID } from '@shared/prerender'
import { renderHomeHtml } from '@renderer/app/prerender'
import { fakeBridge } from './fixtures'
import { FakeVoice } from './kiosk-session'
import { settle } from './helpers'

let session: KioskSession | null = null
let container: HTMLElement
/** What Vue said about the hydration: it reports every mismatch (node, text, class, attribute) in development. */
let hydrationComplaints: string[]

beforeEach(async () => {
  const template = document.createElement('template')
  template.id = PRERENDERED_HOME_ID
  template.innerHTML = await renderHomeHtml()
  document.body.append(template)
  container = document.createElement('div')
  document.body.append(container)
  hydrationComplaints = []
  for (const level of ['warn', 'error'] as const)
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      const said = args.map(String).join(' ')
      if (/hydrat/i.test(said)) hydrationComplaints.push(said)
    })
})

afterEach(() => {
  session?.stop()
  session = null
  container.remove()
  document.getElementById(PRERENDERED_HOME_ID)?.remove()
  document.documentElement.className = ''
  vi.restoreAllMocks()
})

function start(path: string, bridge = fakeBridge()): KioskSession {
  session = startKiosk(container, {
    transport: bridgeTransport(bridge),
    // As main.ts: the page's hash history, whose links are the build's (`#/conditions`).
    history: (fresh) => {
      window.history.replaceState(null, '', fresh ? '#/' : `#${path}`)
      return createWebHashHistory()
    },
    speech: () => new FakeVoice(),
  })
  return session
}

it('the prerendered home screen is the page’s own render before the core answers: two doors, search, no guides yet', async () => {
  const html = await renderHomeHtml()
  const page = document.createElement('div')
  page.innerHTML = html
  expect(page.querySelector('h1')?.textContent).toBe('What would you like to know?')
  expect([...page.querySelectorAll('a.door')].map((a) => a.getAttribute('href'))).toEqual([
    '#/conditions',
    '#/procedures',
  ])
  expect(page.querySelector('a.search-entry')?.getAttribute('href')).toBe('#/search')
  expect(page.querySelector('.guides')).toBeNull()
})

it('a page opened at home takes over the prerendered markup, without a mismatch, and it works', async () => {
  const bridge = fakeBridge()
  const kiosk = start('/home', bridge)
  // At once, before Vue has run a component: the markup from the build.
  const door = container.querySelector<HTMLAnchorElement>('a.door')
  expect(door?.textContent).toContain('Why does my hip hurt?')

  await kiosk.router.isReady()
  await flushPromises()
  expect(hydrationComplaints).toEqual([])
  // The same element, now the app's: a tap on it is the router's.
  expect(container.querySelector('a.door')).toBe(door)
  door!.click()
  await settle()
  expect(kiosk.router.currentRoute.value.name).toBe('conditions')
  expect(container.querySelector('h1')?.textContent).toBe('Why does my hip hurt?')
})

it('a page opened anywhere else builds its own screen and never shows the prerendered home', async () => {
  const kiosk = start('/')
  expect(container.querySelector('a.door')).toBeNull()
  await kiosk.router.isReady()
  await flushPromises()
  expect(kiosk.router.currentRoute.value.name).toBe('attract')
  expect(container.querySelector('a.door')).toBeNull()
  expect(hydrationComplaints).toEqual([])
})

it('after an idle reset the new session is built afresh at the attract screen, and home still works', async () => {
  const kiosk = start('/home')
  await kiosk.router.isReady()
  await flushPromises()
  kiosk.reset()
  await kiosk.router.isReady()
  await flushPromises()
  expect(kiosk.router.currentRoute.value.name).toBe('attract')
  expect(container.querySelector('a.door')).toBeNull()
  await kiosk.router.push({ name: 'home' })
  await settle()
  expect(container.querySelectorAll('a.door')).toHaveLength(2)
  expect(hydrationComplaints).toEqual([])
})

it('a reset before the hydration has happened leaves nothing of the prerendered screen behind', async () => {
  const kiosk = start('/home')
  kiosk.reset()
  await kiosk.router.isReady()
  await flushPromises()
  expect(kiosk.router.currentRoute.value.name).toBe('attract')
  expect(container.querySelectorAll('a.door')).toHaveLength(0)
  expect(container.querySelectorAll('.app')).toHaveLength(1)
})
