/**
 * Explain mode: the consent presenter, driven by touch, keyboard or a
 * presentation clicker, with the talk in order, the hip diagram marked and
 * mirrored, the risks by band and recovery, the checklist in memory, and one
 * tap to the handout form or the patient's quiz. (A test DOM lays nothing out,
 * so each chapter is one slide here; tests/e2e/presenter.spec.ts measures.)
 */
import { afterEach, describe, expect, it } from 'vitest'
import { enableAutoUnmount, flushPromises, type VueWrapper } from '@vue/test-utils'
import { getButton, getLink, headings, mountKiosk, tap } from './helpers'
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

const progress = (wrapper: VueWrapper) => wrapper.get('[data-staff-explain-progress] .progress__text').text()
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

  it('starts with what the procedure is, full screen, with one progress indicator: slide 1 of 10', async () => {
    const { wrapper } = await present()
    expect(headings(wrapper, 'h1')).toEqual(['Ultrasound-guided hip injection'])
    expect(slideTitle(wrapper)).toBe('Why you might have it')
    expect(progress(wrapper)).toBe('Slide 1 of 10 · What it is')
    const bars = wrapper.findAll('[role="progressbar"]')
    expect(bars).toHaveLength(1)
    expect(bars[0]!.attributes('aria-valuenow')).toBe('1')
    expect(bars[0]!.attributes('aria-valuemax')).toBe('10')
    expect(getButton(wrapper, /Back/).attributes('disabled')).toBeDefined()
    // The patient's top bar and the staff badge step aside; the presenter's own bar says it is staff's.
    expect(wrapper.find('header.top-bar').exists()).toBe(false)
    expect(wrapper.find('aside.staff-badge').exists()).toBe(false)
  })

  it('gives the consent talk in order: what it is, risks, alternatives, a pause, the steps, recovery, warning signs', async () => {
    const { wrapper } = await present()
    const titles: string[] = []
    for (let i = 0; i < 10; i++) {
      titles.push(slideTitle(wrapper))
      await press('PageDown')
    }
    expect(titles).toEqual([
      'Why you might have it',
      'Risks: how likely each one is',
      'Other choices',
      'Questions so far?',
      'Step 1: We talk first',
      'Step 2: You lie down',
      'Step 3: The injection',
      'Recovery, day by day',
      'Warning signs: when to get help',
      'What next',
    ])
  })

  it('moves on and back with the keys a keyboard or a presentation clicker sends', async () => {
    const { wrapper } = await present()
    await press('ArrowRight')
    expect(progress(wrapper)).toBe('Slide 2 of 10 · Risks')
    await press('PageDown')
    await press(' ')
    await press('ArrowDown')
    expect(slideTitle(wrapper)).toBe('Step 1: We talk first')
    await press('ArrowUp')
    expect(slideTitle(wrapper)).toBe('Questions so far?')
    await press('PageUp')
    await press('ArrowLeft')
    expect(slideTitle(wrapper)).toBe('Risks: how likely each one is')
    await press('End')
    expect(progress(wrapper)).toBe('Slide 10 of 10 · What next')
    await press('ArrowRight')
    expect(progress(wrapper)).toMatch(/^Slide 10 of 10/)
    await press('Home')
    expect(progress(wrapper)).toMatch(/^Slide 1 of 10/)
    await press('PageUp')
    expect(progress(wrapper)).toMatch(/^Slide 1 of 10/)
  })

  it('jumps with the number keys and R for the risks, and blanks the screen on B or .', async () => {
    const { wrapper } = await present()
    await press('7')
    expect(slideTitle(wrapper)).toBe('Step 3: The injection')
    await press('Home')
    await press('1')
    await press('0')
    expect(slideTitle(wrapper)).toBe('What next')
    await press('r')
    expect(slideTitle(wrapper)).toBe('Risks: how likely each one is')
    await press('b')
    expect(wrapper.find('[data-blank]').exists()).toBe(true)
    await press('.')
    expect(wrapper.find('[data-blank]').exists()).toBe(false)
    await press('B')
    await tap(wrapper.find('[data-blank]'))
    expect(wrapper.find('[data-blank]').exists()).toBe(false)
  })

  it('leaves Space to a focused button, and keys with Ctrl or Alt to the browser', async () => {
    const { wrapper } = await present()
    const next = wrapper.get<HTMLButtonElement>('[data-staff-explain-next]').element
    next.focus()
    await press(' ', next)
    expect(progress(wrapper)).toMatch(/^Slide 1 of 10/)
    await press('ArrowRight', document.body, { altKey: true })
    await press('r', document.body, { ctrlKey: true })
    expect(progress(wrapper)).toMatch(/^Slide 1 of 10/)
  })

  it('moves with the big Back and Next buttons', async () => {
    const { wrapper } = await present()
    await tap(wrapper.find('[data-staff-explain-next]'))
    await tap(wrapper.find('[data-staff-explain-next]'))
    expect(progress(wrapper)).toMatch(/^Slide 3 of 10/)
    await tap(wrapper.find('[data-staff-explain-back]'))
    expect(progress(wrapper)).toMatch(/^Slide 2 of 10/)
  })

  it('marks the step’s part on the hip diagram, mirrored for the patient’s left hip', async () => {
    const { wrapper } = await present()
    await press('5')
    expect(wrapper.find('[data-staff-explain-slide] [data-staff-explain-anatomy]').exists()).toBe(false)
    // (A digit right after another makes a two-digit number: 5 then 7 would be slide 57.)
    await press('ArrowRight')
    await press('ArrowRight')
    const diagram = wrapper.get('[data-staff-explain-slide] [data-staff-explain-anatomy]')
    expect(diagram.findAll('.part--selected').map((part) => part.attributes('data-part'))).toEqual([
      'capsule',
    ])
    expect(diagram.attributes('aria-label')).toContain('Joint capsule')
    expect(diagram.get('g').attributes('transform')).not.toContain('scale(-1 1)')
    await tap(getButton(wrapper, 'Left hip'))
    const mirrored = wrapper.get('[data-staff-explain-slide] [data-staff-explain-anatomy]')
    expect(mirrored.get('g').attributes('transform')).toContain('scale(-1 1)')
    expect(mirrored.attributes('aria-label')).toContain('It shows your left hip.')
  })

  it('shows the risks by how likely they are, with their numbers, and the recovery in order', async () => {
    const { wrapper } = await present()
    await press('r')
    expect(wrapper.findAll('.pblock--band h3')).toHaveLength(3)
    expect(wrapper.text()).toContain('Joint infection')
    expect(wrapper.findAll('.pblock--band figure').length).toBeGreaterThan(0)
    expect(wrapper.findAll('.pblock--risk .pblock__numbers').map((p) => p.text())).toEqual([
      'About 1 in 10 people',
      'About 2 to 5 in 100 people',
    ])
    await press('8')
    expect(slideTitle(wrapper)).toBe('Recovery, day by day')
    expect(wrapper.findAll('.pblock--milestone h3').map((h) => h.text())).toHaveLength(5)
  })

  it('opens the handout form with the side chosen here, or hands the patient the quiz, in one tap', async () => {
    const { wrapper, router } = await present()
    await tap(getButton(wrapper, 'Right hip'))
    await tap(wrapper.find('[data-staff-explain-handout]'))
    expect(router.currentRoute.value.path).toBe(`/staff/handout/procedure/${procedureEn.id}`)
    expect(wrapper.get<HTMLInputElement>('input[type="radio"][value="right"]').element.checked).toBe(true)
    await router.push(PATH)
    await flushPromises()
    await tap(wrapper.find('[data-staff-explain-quiz]'))
    expect(router.currentRoute.value.path).toBe(`/procedures/${procedureEn.id}/quiz`)
    expect(headings(wrapper, 'h1')).toEqual(['Check your understanding'])
  })

  it('keeps the consent checklist in memory only, and the slide, when staff print and come back', async () => {
    const { wrapper, router, bridge } = await present()
    await press('r')
    await tap(wrapper.find('[data-checklist-open]'))
    await wrapper.get('[data-consent-point="risks"]').setValue(true)
    await wrapper.get('[data-consent-point="alternatives"]').setValue(true)
    expect(wrapper.get('[data-checklist-open]').text()).toContain('(2/6)')
    await tap(wrapper.find('[data-staff-explain-handout]'))
    await router.push(`/handouts/procedures/${procedureEn.id}?lang=en&paper=a4`)
    await flushPromises()
    await tap(wrapper.find('[data-back-to-presenter]'))
    expect(router.currentRoute.value.path).toBe(PATH)
    expect(slideTitle(wrapper)).toBe('Risks: how likely each one is')
    expect(wrapper.get('[data-checklist-open]').text()).toContain('(2/6)')
    // Nothing of it went to the core.
    expect(JSON.stringify(bridge.calls ?? [])).not.toMatch(/consent|alternatives/)
  })

  it('ends staff mode when it hands over to the patient’s quiz, and the PIN brings staff back to the same slide', async () => {
    const { wrapper, router, bridge } = await present()
    await tap(wrapper.find('[data-staff-explain-next]'))
    await tap(wrapper.find('[data-staff-explain-next]'))
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

  it('keeps the patient’s large text for the slides only: its own controls stay in reach, and one tap in its bar turns it off', async () => {
    const { wrapper, router } = await mountKiosk(PATH, staffBridge({}, learningBridge()))
    const html = document.documentElement
    // The patient chose large text before staff came (the PIN screen still has the top bar).
    await tap(getButton(wrapper, 'Large text'))
    expect(html.classList.contains('kiosk-large-text')).toBe(true)
    for (const digit of STAFF_PIN) await tap(getButton(wrapper, digit))
    await tap(getButton(wrapper, 'Enter'))
    expect(router.currentRoute.value.path).toBe(PATH)
    // The page's root size is left alone, so the clinician's bar and the Back and Next buttons keep
    // theirs; the slides are drawn larger instead (the E2E measures that every one still fits).
    expect(html.classList.contains('kiosk-large-text')).toBe(false)
    const stage = () => wrapper.get('[data-staff-explain-slide]')
    expect(stage().classes()).toContain('presenter__stage--large')
    const toggle = () => getButton(wrapper, 'Large text')
    expect(wrapper.get('.presenter__bar').element.contains(toggle().element)).toBe(true)
    expect(toggle().attributes('aria-pressed')).toBe('true')
    await tap(toggle())
    expect(stage().classes()).not.toContain('presenter__stage--large')
    expect(toggle().attributes('aria-pressed')).toBe('false')
    await tap(toggle())
    // Handed over to the patient, the page is large again: it was the patient's choice.
    await tap(wrapper.find('[data-staff-explain-quiz]'))
    expect(headings(wrapper, 'h1')).toEqual(['Check your understanding'])
    expect(html.classList.contains('kiosk-large-text')).toBe(true)
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
