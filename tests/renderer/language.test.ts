import { afterEach, describe, expect, it } from 'vitest'
import { enableAutoUnmount } from '@vue/test-utils'
import { getButton, getLink, headings, mountKiosk, tap } from './helpers'
import { conditionEn, procedureEn } from './fixtures'

enableAutoUnmount(afterEach)
afterEach(() => {
  document.documentElement.lang = ''
})

describe('the language switch', () => {
  it('is always in the top bar with the Home button, and shows which language is on', async () => {
    const { wrapper } = await mountKiosk(`/procedures/${procedureEn.id}/steps/2`)
    const bar = wrapper.get('header')
    expect(bar.text()).toContain('Home')
    expect(getButton(wrapper, 'English').attributes('aria-pressed')).toBe('true')
    expect(getButton(wrapper, 'Español').attributes('aria-pressed')).toBe('false')
    expect(getButton(wrapper, 'Español').attributes('lang')).toBe('es')
  })

  it('switches the page language, the words on screen and the content together', async () => {
    const { wrapper, bridge } = await mountKiosk(`/procedures/${procedureEn.id}/steps/2`)
    expect(document.documentElement.lang).toBe('en')

    await tap(getButton(wrapper, 'Español'))

    expect(document.documentElement.lang).toBe('es')
    expect(wrapper.get('header').text()).toContain('Inicio')
    expect(wrapper.text()).toContain('Paso 2 de 3')
    expect(wrapper.text()).toContain('Qué puede sentir')
    expect(headings(wrapper, 'h1')).toEqual(['Paso en español 2'])
    expect(getButton(wrapper, 'Español').attributes('aria-pressed')).toBe('true')
    expect(bridge.calls.filter((call) => call.method === 'getProcedure').at(-1)).toEqual({
      method: 'getProcedure',
      input: { locale: 'es', id: procedureEn.id },
    })
  })

  it('reloads the list of topics in the new language', async () => {
    const { wrapper } = await mountKiosk('/procedures')
    await tap(getButton(wrapper, 'Español'))
    expect(headings(wrapper, 'h1')).toEqual(['Su inyección de cadera'])
    expect(getLink(wrapper, /^Inyección de cadera guiada por ecografía/).exists()).toBe(true)
  })

  it('shows a page not yet in Spanish whole in English, saying so in Spanish', async () => {
    const { wrapper } = await mountKiosk(`/conditions/${conditionEn.id}`)
    expect(wrapper.find('[data-translation-note]').exists()).toBe(false)
    await tap(getButton(wrapper, 'Español'))

    expect(wrapper.get('header').text()).toContain('Inicio')
    expect(headings(wrapper, 'h1')).toEqual([conditionEn.title])
    expect(wrapper.get('[data-translation-note]').text()).toBe(
      'Esta página aún no está disponible en español; se muestra en inglés.',
    )
  })

  it('lists a topic not yet in Spanish in English, marked as such', async () => {
    const { wrapper } = await mountKiosk('/conditions')
    await tap(getButton(wrapper, 'Español'))
    const card = getLink(wrapper, new RegExp(conditionEn.title))
    expect(card.get('[data-translation-note]').text()).toBe('En inglés')
  })

  it('tells the patient when a Spanish text is older than the English one', async () => {
    const { wrapper } = await mountKiosk(`/procedures/${procedureEn.id}`)
    expect(wrapper.text()).not.toContain('se actualizó')
    await tap(getButton(wrapper, 'Español'))
    expect(wrapper.text()).toContain('El texto en inglés se actualizó después de esta traducción.')
    expect(wrapper.text()).toContain('Ningún profesional sanitario de esta clínica lo ha revisado todavía.')
  })
})

describe('the languages the screens speak', () => {
  it('come English first, then by code, each with its name in itself', async () => {
    const { UI_LANGUAGES } = await import('@renderer/app/i18n')
    expect(UI_LANGUAGES.map((l) => [l.code, l.name])).toEqual([
      ['en', 'English'],
      ['es', 'Español'],
      ['fr', 'Français'],
    ])
  })
})
