/**
 * Explain mode: a chairside presenter driven by touch, keyboard or a
 * presentation clicker, with the step stepper, the hip diagram marked, the
 * risks and recovery, and one tap to the handout form or the patient's quiz.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { enableAutoUnmount, flushPromises, type VueWrapper } from '@vue/test-utils'
import { getButton, getLink, headings, tap } from './helpers'
import { conditionEn, procedureEn } from './fixtures'
import { learningBridge } from './learning-fixtures'
import { STAFF_PIN, staffBridge } from './staff-fixtures'
import { mountAsStaff } from './staff-helpers'

enableAutoUnmount(afterEach)

const PATH = `/staff/explain/${procedureEn.id}`

function present() {
  return mountAsStaff(PATH, staffBridge({}, learningBridge()))
}

async function press(
  key: string,
  on: EventTarget = document.body,
  extra: KeyboardEventInit = {},
): Promise<void> {
  on.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...extra }))
  await flushPromises()
}

const progress = (wrapper: VueWrapper) => wrapper.get('[data-staff-explain-progress]').text()
const slideTitle = (wrapper: VueWrapper) =>
  wrapper.get('[data-staff-explain-slide] h2').text().replace(/\s+/g, ' ')

describe('explain mode', () => {
  it('lists the procedures to explain', async () => {
    const { wrapper } = await mountAsStaff('/staff/explain')
    expect(headings(wrapper, 'h1')).toEqual(['Explain a procedure'])
    expect(getLink(wrapper, 'Ultrasound-guided hip injection').attributes('href')).toBe(PATH)
  })

  it('links each condition’s handout form from the same list, and the link opens that form', async () => {
    const { wrapper, router } = await mountAsStaff('/staff/explain')
    expect(headings(wrapper, 'h2')).toContain('Prepare a condition handout')
    const link = getLink(wrapper, `Handout: ${conditionEn.title}`)
    expect(link.attributes('href')).toBe(`/staff/handout/condition/${conditionEn.id}`)
    await tap(link)
    await flushPromises()
    expect(router.currentRoute.value.name).toBe('staff-handout')
    expect(headings(wrapper, 'h1')).toEqual(['Prepare a handout'])
    expect(wrapper.text()).toContain(`Handout: ${conditionEn.title}`)
  })

  it('starts with what the procedure is, and says where it is: slide 1 of 7', async () => {
    const { wrapper } = await present()
    expect(headings(wrapper, 'h1')).toEqual(['Ultrasound-guided hip injection'])
    expect(slideTitle(wrapper)).toBe('About this procedure')
    expect(progress(wrapper)).toBe('Slide 1 of 7')
    const bar = wrapper.get('[data-staff-explain-progress] [role="progressbar"]')
    expect(bar.attributes('role')).toBe('progressbar')
    expect(bar.attributes('aria-valuenow')).toBe('1')
    expect(bar.attributes('aria-valuemax')).toBe('7')
    expect(getButton(wrapper, 'Back').attributes('disabled')).toBeDefined()
  })

  it('moves on and back with the keys a keyboard or a presentation clicker sends', async () => {
    const { wrapper } = await present()
    await press('ArrowRight')
    expect(progress(wrapper)).toBe('Slide 2 of 7')
    expect(slideTitle(wrapper)).toBe('Step 1: We talk first')
    expect(wrapper.text()).toContain('Step 1 of 3')
    await press('PageDown')
    expect(slideTitle(wrapper)).toBe('Step 2: You lie down')
    await press(' ')
    expect(slideTitle(wrapper)).toBe('Step 3: The injection')
    await press('ArrowDown')
    expect(slideTitle(wrapper)).toBe('Risks: how likely each one is')
    await press('ArrowUp')
    expect(slideTitle(wrapper)).toBe('Step 3: The injection')
    await press('PageUp')
    await press('ArrowLeft')
    expect(slideTitle(wrapper)).toBe('Step 1: We talk first')
    await press('End')
    expect(progress(wrapper)).toBe('Slide 7 of 7')
    expect(slideTitle(wrapper)).toBe('What next')
    await press('ArrowRight')
    expect(progress(wrapper)).toBe('Slide 7 of 7')
    await press('Home')
    expect(progress(wrapper)).toBe('Slide 1 of 7')
    await press('PageUp')
    expect(progress(wrapper)).toBe('Slide 1 of 7')
  })

  it('puts the focus on each new slide’s heading, for a screen reader', async () => {
    const { wrapper } = await present()
    await press('PageDown')
    expect(document.activeElement).toBe(wrapper.get('[data-staff-explain-slide] h2').element)
  })

  it('leaves Space to a focused button, and keys with Ctrl or Alt to the browser', async () => {
    const { wrapper } = await present()
    const next = wrapper.get<HTMLButtonElement>('[data-staff-explain-next]').element
    next.focus()
    await press(' ', next)
    expect(progress(wrapper)).toBe('Slide 1 of 7')
    await press('ArrowRight', document.body, { altKey: true })
    expect(progress(wrapper)).toBe('Slide 1 of 7')
  })

  it('moves with the big Back and Next buttons', async () => {
    const { wrapper } = await present()
    await tap(getButton(wrapper, 'Next'))
    await tap(getButton(wrapper, 'Next'))
    expect(progress(wrapper)).toBe('Slide 3 of 7')
    await tap(getButton(wrapper, 'Back'))
    expect(progress(wrapper)).toBe('Slide 2 of 7')
  })

  it('marks the step’s part on the hip diagram, and only on steps that have one', async () => {
    const { wrapper } = await present()
    await press('ArrowRight')
    expect(wrapper.find('[data-staff-explain-anatomy]').exists()).toBe(false)
    await press('End')
    await press('Home')
    for (let i = 0; i < 3; i++) await press('ArrowRight')
    const diagram = wrapper.get('[data-staff-explain-anatomy]')
    expect(diagram.findAll('.part--selected').map((part) => part.attributes('data-part'))).toEqual([
      'capsule',
    ])
    expect(diagram.attributes('aria-label')).toContain('Joint capsule')
  })

  it('shows the risks by how likely they are, and the recovery in order', async () => {
    const { wrapper } = await present()
    await press('End')
    await press('ArrowLeft')
    expect(slideTitle(wrapper)).toBe('Recovery, day by day')
    expect(wrapper.findAll('.explain__milestone h3').map((h) => h.text())).toHaveLength(5)
    await press('ArrowLeft')
    expect(wrapper.findAll('.explain__band h3').map((h) => h.text())).toHaveLength(3)
    expect(wrapper.text()).toContain('Joint infection')
  })

  it('opens the handout form or the patient’s quiz in one tap', async () => {
    const { wrapper, router } = await present()
    expect(wrapper.get('[data-staff-explain-handout]').attributes('href')).toBe(
      `/staff/handout/procedure/${procedureEn.id}`,
    )
    await tap(wrapper.find('[data-staff-explain-quiz]'))
    expect(router.currentRoute.value.path).toBe(`/procedures/${procedureEn.id}/quiz`)
    expect(headings(wrapper, 'h1')).toEqual(['Check your understanding'])
  })

  it('ends staff mode when it hands over to the patient’s quiz, and the PIN brings staff back to the same slide', async () => {
    const { wrapper, router, bridge } = await present()
    await tap(getButton(wrapper, 'Next'))
    await tap(getButton(wrapper, 'Next'))
    expect(progress(wrapper)).toMatch(/^Slide 3 of/)
    await tap(wrapper.find('[data-staff-explain-quiz]'))
    expect(headings(wrapper, 'h1')).toEqual(['Check your understanding'])
    // Nothing on screen leads back to staff screens, and the core has closed the session.
    expect(wrapper.find('aside.staff-badge').exists()).toBe(false)
    expect(bridge.state.tokens.size).toBe(0)
    await router.push('/staff/settings')
    expect(router.currentRoute.value.name).toBe('staff-pin')
    // The clinician comes back the usual way (Ctrl+Alt+S here), and the PIN returns to the slide.
    await router.push('/procedures')
    await press('s', document.body, { code: 'KeyS', ctrlKey: true, altKey: true })
    expect(router.currentRoute.value.name).toBe('staff-pin')
    for (const digit of STAFF_PIN) await tap(getButton(wrapper, digit))
    await tap(getButton(wrapper, 'Enter'))
    expect(router.currentRoute.value.path).toBe(PATH)
    expect(progress(wrapper)).toMatch(/^Slide 3 of/)
  })

  it('stops listening to the keys once it is left', async () => {
    const { wrapper, router } = await present()
    await router.push('/staff/home')
    await flushPromises()
    await press('ArrowRight')
    expect(router.currentRoute.value.path).toBe('/staff/home')
    expect(wrapper.find('[data-staff-explain]').exists()).toBe(false)
  })
})
