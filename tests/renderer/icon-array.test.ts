import { afterEach, describe, expect, it } from 'vitest'
import { enableAutoUnmount, mount } from '@vue/test-utils'
import type { FrequencyBand, Procedure } from '@shared/contract'
import IconArray from '@renderer/ui/IconArray.vue'
import { createKioskI18n } from '@renderer/app/i18n'
import { mountKiosk } from './helpers'
import { fakeBridge, procedureEn } from './fixtures'

enableAutoUnmount(afterEach)

function render(n: number, m: number, options: { band?: FrequencyBand; locale?: 'en' | 'es' } = {}) {
  return mount(IconArray, {
    props: { n, m, band: options.band },
    global: { plugins: [createKioskI18n(options.locale ?? 'en')] },
  })
}

const icons = (wrapper: ReturnType<typeof render>) => wrapper.findAll('.icon-array__icon')
const highlighted = (wrapper: ReturnType<typeof render>) => wrapper.findAll('.icon-array__icon--highlighted')

describe('the icon array', () => {
  it('draws 1 in 100 as 100 people in a 10 x 10 grid, one filled in, and says so in words', () => {
    const wrapper = render(1, 100)
    expect(icons(wrapper)).toHaveLength(100)
    expect(highlighted(wrapper)).toHaveLength(1)
    expect(wrapper.get('svg').attributes('viewBox')).toBe('0 0 120 200') // 10 people of 12 x 20 across, 10 down
    expect(wrapper.get('figcaption').text()).toBe('About 1 in 100 people')
    expect(wrapper.get('svg').attributes('role')).toBe('img')
    expect(wrapper.get('svg').attributes('aria-label')).toBe(
      'A picture of 100 people. 1 of them is coloured in.',
    )
  })

  it('fills in as many as happen to, first in the grid so they can be seen together', () => {
    const wrapper = render(3, 10)
    expect(icons(wrapper)).toHaveLength(10)
    const on = icons(wrapper).map((icon) => icon.classes().includes('icon-array__icon--highlighted'))
    expect(on).toEqual([true, true, true, false, false, false, false, false, false, false])
    expect(wrapper.get('svg').attributes('aria-label')).toBe(
      'A picture of 10 people. 3 of them are coloured in.',
    )
  })

  it('draws 1 in 1,000 as a compact grid of 1,000 dots, 40 across and 25 down', () => {
    const wrapper = render(1, 1000)
    expect(icons(wrapper)).toHaveLength(1000)
    expect(wrapper.findAll('rect.icon-array__icon')).toHaveLength(1000)
    expect(highlighted(wrapper)).toHaveLength(1)
    expect(wrapper.get('svg').attributes('viewBox')).toBe('0 0 480 300')
    expect(wrapper.get('figcaption').text()).toBe('About 1 in 1,000 people')
  })

  it('gives the words alone when the number is too big to draw', () => {
    const wrapper = render(1, 10000, { band: 'very-rare' })
    expect(wrapper.find('svg').exists()).toBe(false)
    expect(wrapper.text()).toBe('About 1 in 10,000: very rare')
  })

  it('speaks Spanish, with Spanish number formatting', () => {
    expect(render(1, 100, { locale: 'es' }).get('figcaption').text()).toBe(
      'Aproximadamente 1 de cada 100 personas',
    )
    expect(render(1, 10000, { locale: 'es', band: 'rare' }).text()).toBe(
      'Aproximadamente 1 de cada 10.000: raro',
    )
  })

  it('appears on the risks screen for the risks that have a number, and only those', async () => {
    const procedure: Procedure = {
      ...procedureEn,
      risks: [
        {
          name: 'Sore hip',
          description: 'It aches.',
          band: 'common',
          sources: ['s'],
          about: { n: 1, m: 10 },
          action: 'none',
        },
        {
          name: 'Flushing',
          description: 'Warm face.',
          band: 'uncommon',
          sources: ['s'],
          about: { n: 1, m: 100 },
          action: 'none',
        },
        {
          name: 'Infection',
          description: 'Germs.',
          band: 'very-rare',
          sources: ['s'],
          about: { n: 1, m: 20000 },
          action: 'emergency',
        },
        {
          name: 'Bruise',
          description: 'A bruise.',
          band: 'common',
          sources: ['s'],
          about: undefined,
          action: 'call',
        },
      ],
    }
    const bridge = {
      ...fakeBridge(),
      getProcedure: () => Promise.resolve({ ok: true as const, value: procedure }),
    }
    const { wrapper } = await mountKiosk(`/procedures/${procedure.id}/risks`, bridge)
    const risk = (name: string) => wrapper.findAll('li.risk').find((li) => li.get('h3').text() === name)!
    expect(risk('Sore hip').findAll('.icon-array__icon')).toHaveLength(10)
    expect(risk('Flushing').findAll('.icon-array__icon--highlighted')).toHaveLength(1)
    expect(risk('Flushing').text()).toContain('About 1 in 100 people')
    expect(risk('Infection').find('svg.icon-array__picture').exists()).toBe(false)
    expect(risk('Infection').text()).toContain('About 1 in 20,000: very rare')
    expect(risk('Bruise').find('.icon-array').exists()).toBe(false)
  })
})
