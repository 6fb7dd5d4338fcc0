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

  it('draws each band once on the risks screen, as its bound, with "not known" in words and no picture', async () => {
    const risk = (name: string, band: FrequencyBand, about?: { n: number; m: number }) => ({
      name,
      description: `${name}.`,
      band,
      sources: band === 'unknown' ? [] : ['s'],
      about,
    })
    const procedure: Procedure = {
      ...procedureEn,
      risks: [
        risk('Sore hip', 'common', { n: 3, m: 100 }),
        risk('Flushing', 'uncommon'),
        risk('Allergy', 'rare'),
        risk('Infection', 'very-rare'),
        risk('Skin dent', 'unknown'),
      ],
    }
    const bridge = {
      ...fakeBridge(),
      getProcedure: () => Promise.resolve({ ok: true as const, value: procedure }),
    }
    const { wrapper } = await mountKiosk(`/procedures/${procedure.id}/risks`, bridge)
    const band = (id: string) => wrapper.get(`section.band--${id}`)
    const picture = (id: string) => band(id).find('[data-band-picture]')

    expect(picture('common').findAll('.icon-array__icon')).toHaveLength(10)
    expect(picture('common').findAll('.icon-array__icon--highlighted')).toHaveLength(1)
    expect(picture('common').get('figcaption').text()).toBe('Common: up to 1 in 10 people')
    expect(picture('uncommon').findAll('.icon-array__icon')).toHaveLength(100)
    expect(picture('uncommon').get('svg').attributes('aria-label')).toBe(
      'A picture of 100 people. 1 of them is coloured in.',
    )
    expect(picture('uncommon').get('figcaption').text()).toBe('Uncommon: up to 1 in 100 people')
    // 1 in 1,000 as a grid of dots, still readable at a kiosk's width.
    expect(picture('rare').findAll('rect.icon-array__icon')).toHaveLength(1000)
    // 1 in 10,000 and "not known": the words alone.
    expect(picture('very-rare').exists()).toBe(false)
    expect(band('very-rare').text()).toContain('Very rare: up to 1 in 10,000 people')
    expect(picture('unknown').exists()).toBe(false)
    expect(band('unknown').find('svg').exists()).toBe(false)
    expect(band('unknown').get('h2').text()).toBe('How often this happens is not known')
    expect(band('unknown').find('.band__numbers').exists()).toBe(false)
    // A source's own figure stays, in words, under its risk.
    expect(band('common').get('li.risk').text()).toContain('About 3 in 100 people')
  })

  it('says "more than" in the picture\'s words for a very common band', async () => {
    const wrapper = mount(IconArray, {
      props: { n: 1, m: 10, more: true, caption: 'Very common: more than 1 in 10 people' },
      global: { plugins: [createKioskI18n('en')] },
    })
    expect(wrapper.get('svg').attributes('aria-label')).toBe(
      'A picture of 10 people, with 1 coloured in: it happens to more than 1 in 10.',
    )
  })
})
