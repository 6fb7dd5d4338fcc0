import { afterEach, describe, expect, it } from 'vitest'
import { enableAutoUnmount, type VueWrapper } from '@vue/test-utils'
import { getButton, getLink, headings, mountKiosk, tap } from './helpers'
import { procedureEn } from './fixtures'
import { learningBridge } from './learning-fixtures'

enableAutoUnmount(afterEach)

const checklistPath = `/procedures/${procedureEn.id}/checklist`

/** The tick box whose label says `text`. */
function box(wrapper: VueWrapper, text: string) {
  const label = wrapper.findAll('label').find((candidate) => candidate.text() === text)
  if (!label) throw new Error(`no tick box labelled ${text}`)
  return label.get('input[type="checkbox"]')
}

describe('the checklists', () => {
  it('lists "Before my injection" and "My questions" as tick boxes labelled by their text', async () => {
    const { wrapper } = await mountKiosk(checklistPath, learningBridge())
    expect(headings(wrapper, 'h1')).toEqual(['My checklist'])
    expect(wrapper.findAll('legend').map((legend) => legend.text())).toEqual([
      'Before my injection, tell us if…',
      'My questions',
    ])
    expect(wrapper.findAll('input[type="checkbox"]')).toHaveLength(
      procedureEn.preparation.length + procedureEn.questionsToAsk.length,
    )
    expect(box(wrapper, 'You take blood thinners.').element).toHaveProperty('checked', false)
  })

  it('ticks and unticks, and keeps the ticks while the patient moves around the session', async () => {
    const { wrapper, router } = await mountKiosk(checklistPath, learningBridge())
    await box(wrapper, 'You have a fever.').setValue(true)
    await box(wrapper, 'How long will it last?').setValue(true)
    expect(wrapper.findAll('.tick-list__item--ticked')).toHaveLength(2)
    await box(wrapper, 'How long will it last?').setValue(false)
    expect(wrapper.findAll('.tick-list__item--ticked')).toHaveLength(1)

    await router.push(`/procedures/${procedureEn.id}`)
    await router.push(checklistPath)
    expect(box(wrapper, 'You have a fever.').element).toHaveProperty('checked', true)

    // Same items, same places, in Spanish: the ticks stay.
    await tap(getButton(wrapper, 'Español'))
    expect(headings(wrapper, 'h1')).toEqual(['Mi lista'])
    expect(wrapper.findAll('input[type="checkbox"]')[1]!.element).toHaveProperty('checked', true)
  })

  it('stores nothing: a new session starts with every box empty', async () => {
    localStorage.clear()
    sessionStorage.clear()
    const first = await mountKiosk(checklistPath, learningBridge())
    await box(first.wrapper, 'You have a fever.').setValue(true)
    expect(localStorage.length + sessionStorage.length).toBe(0)
    expect(document.cookie).toBe('')
    first.wrapper.unmount()

    const second = await mountKiosk(checklistPath, learningBridge())
    expect(second.wrapper.findAll('input:checked')).toHaveLength(0)
  })

  it('is laid out as a slip that prints without the kiosk controls', async () => {
    const { wrapper } = await mountKiosk(checklistPath, learningBridge())
    const slip = wrapper.get('.print-slip')
    expect(slip.text()).toContain(procedureEn.title)
    expect(slip.get('nav').classes()).toContain('print-hide')
  })

  it('is offered from the procedure overview', async () => {
    const { wrapper } = await mountKiosk(`/procedures/${procedureEn.id}`, learningBridge())
    expect(getLink(wrapper, 'My checklist and questions').attributes('href')).toBe(checklistPath)
  })
})
