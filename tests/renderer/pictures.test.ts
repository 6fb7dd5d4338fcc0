import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { PICTURE_IDS } from '@shared/pictures'
import Picture from '@renderer/ui/pictures/Picture.vue'
import { createKioskI18n } from '@renderer/app/i18n'

function render(id: string, options: { locale?: 'en' | 'es'; decorative?: boolean } = {}) {
  const i18n = createKioskI18n(options.locale ?? 'en')
  return mount(Picture, { props: { id, decorative: options.decorative }, global: { plugins: [i18n] } })
}

describe('illustrations', () => {
  it('draws every picture the content may name, each as an image with its own description', () => {
    const labels = PICTURE_IDS.map((id) => {
      const svg = render(id).get('svg')
      expect(svg.attributes('role')).toBe('img')
      return svg.attributes('aria-label')
    })
    expect(labels.every((label) => label && label.length > 10)).toBe(true)
    expect(new Set(labels).size).toBe(PICTURE_IDS.length)
  })

  it('describes pictures in Spanish when the screen is in Spanish', () => {
    expect(render('hip-joint', { locale: 'es' }).get('svg').attributes('aria-label')).toMatch(
      /^La articulación de la cadera/,
    )
  })

  it('shows a quiet placeholder for a picture this version does not know', () => {
    expect(render('a-picture-from-the-future').get('svg').attributes('aria-label')).toBe('A picture')
  })

  it('hides a decorative picture from screen readers', () => {
    const svg = render('hip-joint', { decorative: true }).get('svg')
    expect(svg.attributes('aria-hidden')).toBe('true')
    expect(svg.attributes('role')).toBeUndefined()
    expect(svg.attributes('aria-label')).toBeUndefined()
  })
})
