/**
 * Large text and high contrast: one tap each from every screen, shown as
 * pressed toggles, applied to the whole page, kept while the patient moves
 * around, and gone when the app is taken down.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { procedureEn } from './fixtures'
import { removeKiosk, runKiosk, type RunningKiosk } from './kiosk-session'

let kiosk: RunningKiosk | null = null

afterEach(() => {
  if (kiosk) removeKiosk(kiosk)
  kiosk = null
})

const html = document.documentElement
// Not the attract screen: it has no top bar (its first tap shows it).
const screens = ['/home', '/conditions', '/procedures', `/procedures/${procedureEn.id}/steps/1`, '/nowhere']

describe('the display modes', () => {
  it.each(screens)(
    '%s offers large text and high contrast as toggle buttons in the top bar',
    async (path) => {
      const k = (kiosk = await runKiosk(path))
      const bar = k.container.querySelector('header')!
      for (const name of ['Large text', 'High contrast']) {
        const toggle = k.button(name)
        expect(bar.contains(toggle)).toBe(true)
        expect(toggle.getAttribute('aria-pressed')).toBe('false')
      }
    },
  )

  it('turns large text on and off with one tap each', async () => {
    const k = (kiosk = await runKiosk('/home'))
    await k.tap(k.button('Large text'))
    expect(k.button('Large text').getAttribute('aria-pressed')).toBe('true')
    expect(html.classList.contains('kiosk-large-text')).toBe(true)
    expect(html.classList.contains('kiosk-high-contrast')).toBe(false)

    await k.tap(k.button('Large text'))
    expect(k.button('Large text').getAttribute('aria-pressed')).toBe('false')
    expect(html.classList.contains('kiosk-large-text')).toBe(false)
  })

  it('turns high contrast on and off with one tap each, independently of large text', async () => {
    const k = (kiosk = await runKiosk('/home'))
    await k.tap(k.button('Large text'))
    await k.tap(k.button('High contrast'))
    expect(k.button('High contrast').getAttribute('aria-pressed')).toBe('true')
    expect(html.classList.contains('kiosk-high-contrast')).toBe(true)
    expect(html.classList.contains('kiosk-large-text')).toBe(true)

    await k.tap(k.button('High contrast'))
    expect(html.classList.contains('kiosk-high-contrast')).toBe(false)
    expect(html.classList.contains('kiosk-large-text')).toBe(true)
  })

  it('stays on from screen to screen and across a language change', async () => {
    const k = (kiosk = await runKiosk('/home'))
    await k.tap(k.button('High contrast'))
    await k.tap(k.link(/^Your hip injection/))
    await k.tap(k.button('Español'))
    expect(k.heading()).toBe('Su inyección de cadera')
    expect(k.button('Alto contraste').getAttribute('aria-pressed')).toBe('true')
    expect(html.classList.contains('kiosk-high-contrast')).toBe(true)
  })

  it('leaves the page plain when the app is taken down', async () => {
    const k = (kiosk = await runKiosk('/home'))
    await k.tap(k.button('Large text'))
    await k.tap(k.button('High contrast'))
    k.session.stop()
    expect(html.className).toBe('')
  })
})
