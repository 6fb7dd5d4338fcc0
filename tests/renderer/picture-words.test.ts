import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import Picture from '@renderer/ui/pictures/Picture.vue'
import { createKioskI18n } from '@renderer/app/i18n'

function words(id: string, options: { locale?: 'en' | 'es'; decorative?: boolean } = {}) {
  const wrapper = mount(Picture, {
    props: { id, decorative: options.decorative },
    global: { plugins: [createKioskI18n(options.locale ?? 'en')] },
  })
  return wrapper.findAll('text').map((text) => text.text())
}

describe('words on the pictures', () => {
  it('names the parts of the hip joint in the current language', () => {
    expect(words('hip-joint')).toEqual(['Cartilage', 'Ball', 'Socket'])
    expect(words('hip-joint', { locale: 'es' })).toEqual(['Cartílago', 'Bola', 'Cavidad'])
    expect(words('hip-bursa', { locale: 'es' })).toEqual(['Bursa', 'Fémur'])
    expect(words('needle-injection', { locale: 'es' })).toEqual(['Articulación'])
  })

  it('leaves the words off a decorative copy, which sits beside its own title', () => {
    expect(words('hip-joint', { decorative: true })).toEqual([])
  })

  it('numbers the pain diary from 0 to 10', () => {
    expect(words('pain-diary')).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10'])
  })
})
