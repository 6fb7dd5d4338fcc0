import { afterEach, describe, expect, it, vi } from 'vitest'
import { enableAutoUnmount } from '@vue/test-utils'
import { mountKiosk } from './helpers'
import { KIOSK_CONFIG, answeringCondition, conditionEn, fakeBridge, procedureEn, redFlag } from './fixtures'

enableAutoUnmount(afterEach)

const base = `/procedures/${procedureEn.id}`
const screens = [
  '/',
  '/home',
  '/conditions',
  '/procedures',
  `/conditions/${conditionEn.id}`,
  base,
  `${base}/steps/1`,
  `${base}/steps/3`,
  `${base}/risks`,
  `${base}/recovery`,
  '/nowhere',
]

describe('every screen', () => {
  it.each(screens)('%s has exactly one h1, a main landmark and the top bar (none on /)', async (path) => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    const { wrapper } = await mountKiosk(path)
    expect(wrapper.findAll('h1')).toHaveLength(1)
    expect(wrapper.findAll('main')).toHaveLength(1)
    // The attract screen is the whole screen, with no top bar: its first tap starts the session.
    if (path === '/') expect(wrapper.find('header').exists()).toBe(false)
    else expect(wrapper.get('header nav').text()).toContain('Home')
    vi.restoreAllMocks()
  })

  it.each(screens)('%s gives every image a name or hides it', async (path) => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    const { wrapper } = await mountKiosk(path)
    for (const svg of wrapper.findAll('svg')) {
      const named = svg.attributes('role') === 'img' && Boolean(svg.attributes('aria-label'))
      const hidden = svg.attributes('aria-hidden') === 'true'
      expect(named || hidden).toBe(true)
    }
    vi.restoreAllMocks()
  })
})

describe('a condition page', () => {
  it('shows its sections, questions, sources and review details', async () => {
    const { wrapper } = await mountKiosk(`/conditions/${conditionEn.id}`)
    expect(wrapper.get('h1').text()).toBe('Hip osteoarthritis')
    expect(wrapper.text()).toContain('What is it?')
    expect(wrapper.text()).toContain('Is it my fault?')
    expect(wrapper.text()).toContain('Osteoarthritis in over 16s')
    expect(wrapper.text()).toContain('Not yet checked by a clinician at this clinic.')
  })

  it("shows its warning signs in the triage policy's box, with the level's words and who to call", async () => {
    const bridge = answeringCondition(fakeBridge(), {
      ok: true,
      value: { ...conditionEn, redFlags: [redFlag('emergency', 'You fall and cannot get up or stand.')] },
    })
    const { wrapper } = await mountKiosk(`/conditions/${conditionEn.id}`, bridge)
    const box = wrapper.get('[data-red-flags]')
    expect(box.get('h2').text()).toBe('When to get help')
    expect(box.text()).toContain('You fall and cannot get up or stand.')
    expect(box.text()).toContain('Emergency: call an ambulance or go to the emergency department now.')
    expect(box.find('[data-where-to-go]').exists()).toBe(true)
  })

  it("puts the clinic's crisis line in the box of a sign that asks for it, and in no other box", async () => {
    const thoughts = { ...redFlag('call-clinic', 'You have thoughts of harming yourself.'), crisisLine: true }
    const bridge = answeringCondition(fakeBridge(), {
      ok: true,
      value: {
        ...conditionEn,
        redFlags: [redFlag('emergency', 'You fall and cannot get up or stand.'), thoughts],
      },
    })
    const { wrapper } = await mountKiosk(`/conditions/${conditionEn.id}`, bridge)
    const box = (level: string) => wrapper.get(`[data-red-flags] [data-level="${level}"]`).text()
    expect(box('call-clinic')).toContain(KIOSK_CONFIG.crisisLine.en!)
    expect(box('emergency')).not.toContain(KIOSK_CONFIG.crisisLine.en!)
  })

  it('has no warning box when the condition names no signs', async () => {
    const { wrapper } = await mountKiosk(`/conditions/${conditionEn.id}`)
    expect(wrapper.find('[data-red-flags]').exists()).toBe(false)
  })
})

describe("the clinic's sign-off on patient screens", () => {
  it('says "Checked by" the clinic, with the day, only when the core says this version was signed', async () => {
    const bridge = answeringCondition(fakeBridge(), {
      ok: true,
      value: { ...conditionEn, review: { version: 3, checkedOn: '2026-12-06' } },
    })
    const { wrapper } = await mountKiosk(`/conditions/${conditionEn.id}`, bridge)
    expect(wrapper.get('[data-clinic-check]').text()).toBe('Checked by Riverside Clinic on 6 December 2026.')
    expect(wrapper.text()).not.toContain('Not yet checked')
  })

  it('says an item the clinic hides is not available, not that the page is broken or missing', async () => {
    const bridge = answeringCondition(fakeBridge(), {
      ok: false,
      error: { code: 'not-found', message: 'not checked', hiddenItem: true },
    })
    const { wrapper } = await mountKiosk(`/conditions/${conditionEn.id}`, bridge)
    expect(wrapper.get('[data-not-available] h1').text()).toBe('This is not available here')
    expect(wrapper.text()).toContain('A clinician at this clinic has not checked it yet.')
  })
})
