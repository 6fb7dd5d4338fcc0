import { afterEach, describe, expect, it, vi } from 'vitest'
import { enableAutoUnmount } from '@vue/test-utils'
import { mountKiosk } from './helpers'
import { conditionEn, procedureEn } from './fixtures'

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
  it.each(screens)('%s has exactly one h1, a main landmark and the top bar', async (path) => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    const { wrapper } = await mountKiosk(path)
    expect(wrapper.findAll('h1')).toHaveLength(1)
    expect(wrapper.findAll('main')).toHaveLength(1)
    expect(wrapper.get('header nav').text()).toContain('Home')
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
    expect(wrapper.text()).toContain('Not yet reviewed by a clinician')
  })
})
