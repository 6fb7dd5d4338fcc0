import { afterEach, describe, expect, it } from 'vitest'
import { enableAutoUnmount } from '@vue/test-utils'
import { ANATOMY_PARTS } from '@shared/anatomy'
import { accessibleName, getButton, getLink, headings, mountKiosk, tap } from './helpers'
import { conditionEn, procedureEn } from './fixtures'
import { learningBridge } from './learning-fixtures'

enableAutoUnmount(afterEach)

const pressed = (wrapper: Awaited<ReturnType<typeof mountKiosk>>['wrapper']) =>
  wrapper
    .findAll('.anatomy__parts button[aria-pressed="true"]')
    .map((button) => accessibleName(button.element))

describe('the anatomy explorer', () => {
  it('shows the hip drawing and a big button for each of the eight parts', async () => {
    const { wrapper } = await mountKiosk('/anatomy', learningBridge())
    expect(headings(wrapper, 'h1')).toEqual(['Inside your hip'])
    const diagram = wrapper.get('svg.anatomy-diagram')
    expect(diagram.attributes('role')).toBe('img')
    expect(diagram.attributes('aria-label')).toBe('A drawing of the hip joint seen from the front.')
    expect(wrapper.findAll('.anatomy__parts button')).toHaveLength(ANATOMY_PARTS.length)
    expect(pressed(wrapper)).toEqual([])
    expect(wrapper.text()).toContain('Choose a part of the hip to read about it.')
  })

  it('opens on the part in the address, named and described, marked on the drawing in words', async () => {
    const { wrapper } = await mountKiosk('/anatomy/labrum', learningBridge())
    expect(headings(wrapper, 'h2')).toContain('Labrum')
    expect(wrapper.text()).toContain('A ring of tough tissue around the socket.')
    expect(pressed(wrapper)).toEqual(['Labrum'])
    expect(wrapper.get('.anatomy__parts button[aria-pressed="true"]').text()).toContain(
      'Shown on the drawing',
    )
    const diagram = wrapper.get('svg.anatomy-diagram')
    expect(diagram.attributes('aria-label')).toBe(
      'A drawing of the hip joint seen from the front, with Labrum marked.',
    )
    expect(diagram.get('.anatomy-diagram__label').text()).toBe('Labrum')
    expect(diagram.findAll('.part--selected')).toHaveLength(1)
  })

  it('shows a part tapped in the list', async () => {
    const { wrapper } = await mountKiosk('/anatomy', learningBridge())
    const button = getButton(wrapper, 'Bursae')
    await tap(button)
    expect(wrapper.get('.anatomy__about').text()).toContain('Small cushions of fluid outside the joint.')
    expect(button.attributes('aria-pressed')).toBe('true')
    expect(wrapper.get('.anatomy__about').attributes('aria-live')).toBe('polite')
  })

  it('shows a part tapped on the drawing, small parts through a larger tap area', async () => {
    const { wrapper } = await mountKiosk('/anatomy/ball', learningBridge())
    await tap(wrapper.find('svg.anatomy-diagram g[data-part="tendons"]'))
    expect(wrapper.get('.anatomy__about h2').text()).toBe('Tendons')
    expect(pressed(wrapper)).toEqual(['Tendons'])
    expect(wrapper.get('.anatomy-diagram__label').text()).toBe('Tendons')

    await tap(wrapper.find('svg.anatomy-diagram circle[data-part="labrum"]'))
    expect(wrapper.get('.anatomy__about h2').text()).toBe('Labrum')
  })

  it('ignores a part it does not know', async () => {
    const { wrapper } = await mountKiosk('/anatomy/elbow', learningBridge())
    expect(pressed(wrapper)).toEqual([])
  })

  it('follows the language', async () => {
    const { wrapper } = await mountKiosk('/anatomy/ball', learningBridge())
    await tap(getButton(wrapper, 'Español'))
    expect(headings(wrapper, 'h1')).toEqual(['Por dentro de la cadera'])
    expect(wrapper.get('.anatomy__about').text()).toContain('ES The round top of your thigh bone.')
  })

  it('is linked from a walkthrough step that points to a part, and only from those', async () => {
    const { wrapper } = await mountKiosk(`/procedures/${procedureEn.id}/steps/3`, learningBridge())
    expect(getLink(wrapper, /See this on the hip diagram/).attributes('href')).toBe('/anatomy/capsule')
    const step1 = await mountKiosk(`/procedures/${procedureEn.id}/steps/1`, learningBridge())
    expect(step1.wrapper.text()).not.toContain('See this on the hip diagram')
  })

  it('is linked from a condition where it helps', async () => {
    const { wrapper } = await mountKiosk(`/conditions/${conditionEn.id}`, learningBridge())
    expect(getLink(wrapper, /See this on the hip diagram/).attributes('href')).toBe('/anatomy/cartilage')
  })
})
