import { afterEach, describe, expect, it } from 'vitest'
import { enableAutoUnmount, flushPromises, type VueWrapper } from '@vue/test-utils'
import type { SearchHit } from '@shared/contract'
import { SEARCH_DEBOUNCE_MS } from '@renderer/features/search/searchStore'
import { getButton, getLink, headings, mountKiosk, tap } from './helpers'
import { conditionEn, procedureEn } from './fixtures'
import { learningBridge } from './learning-fixtures'

enableAutoUnmount(afterEach)

/** Type into the search box, then wait for the pause that starts the search. */
async function type(wrapper: VueWrapper, text: string): Promise<void> {
  await wrapper.get('input[type="search"]').setValue(text)
  await new Promise((resolve) => setTimeout(resolve, SEARCH_DEBOUNCE_MS + 50))
  await flushPromises()
}

describe('search', () => {
  it('has a large search box with a real label', async () => {
    const { wrapper } = await mountKiosk('/search', learningBridge())
    expect(headings(wrapper, 'h1')).toEqual(['Search'])
    const input = wrapper.get('input[type="search"]')
    const label = wrapper.get(`label[for="${input.attributes('id')}"]`)
    expect(label.text()).toBe('Type a word to search')
    // Nothing the browser could remember: no form, no autocomplete, no spell checking.
    expect(wrapper.find('form').exists()).toBe(false)
    expect(input.attributes('autocomplete')).toBe('off')
    expect(input.attributes('spellcheck')).toBe('false')
  })

  it('searches as you type, once the typing pauses, and groups the results, the best one’s group first', async () => {
    const bridge = learningBridge()
    const { wrapper } = await mountKiosk('/search', bridge)
    const input = wrapper.get('input[type="search"]')
    await input.setValue('i')
    await input.setValue('in')
    await type(wrapper, 'inj')
    expect(bridge.calls.filter((call) => call.method === 'search')).toEqual([
      { method: 'search', input: { locale: 'en', query: 'inj' } },
    ])

    expect(wrapper.get('[role="status"]').text()).toBe('2 results')
    // The best result is the procedure: its group comes first.
    expect(headings(wrapper, 'h2')).toEqual(['Procedures', 'Conditions'])
    const procedures = wrapper.get('section[aria-labelledby="search-procedure"]')
    const link = procedures.get('a')
    expect(link.attributes('href')).toBe(`/procedures/${procedureEn.id}`)
    expect(link.get('.search-hit__title').text()).toBe(procedureEn.title)
    expect(link.get('.search-hit__snippet').text()).toBe('A small injection into your hip joint.')
    expect(link.findAll('mark').map((mark) => mark.text())).toEqual(['injection'])
    expect(wrapper.get('section[aria-labelledby="search-condition"] a').attributes('href')).toBe(
      `/conditions/${conditionEn.id}`,
    )
  })

  it('shows snippet text as text, never as markup', async () => {
    const bridge = learningBridge()
    const markup: SearchHit = {
      id: procedureEn.id,
      kind: 'procedure',
      locale: 'en',
      title: 'T',
      snippet: [{ text: '<img src=x onerror=alert(1)>', match: true }],
    }
    bridge.search = (input) => {
      bridge.calls.push({ method: 'search', input })
      return Promise.resolve({ ok: true, value: { hits: [markup], correctedTo: null, elsewhere: [] } })
    }
    const { wrapper } = await mountKiosk('/search', bridge)
    await type(wrapper, 'img')
    expect(wrapper.find('.search-hit img').exists()).toBe(false)
    expect(wrapper.get('mark').text()).toBe('<img src=x onerror=alert(1)>')
  })

  it('opens a result', async () => {
    const { wrapper, router } = await mountKiosk('/search', learningBridge())
    await type(wrapper, 'injection')
    await tap(getLink(wrapper, new RegExp(`^${procedureEn.title}`)))
    expect(router.currentRoute.value.path).toBe(`/procedures/${procedureEn.id}`)
  })

  it('helps when nothing is found, with a simpler word to try', async () => {
    const { wrapper } = await mountKiosk('/search', learningBridge())
    await type(wrapper, 'xylophone')
    expect(wrapper.get('[role="status"]').text()).toBe('No results')
    expect(wrapper.text()).toContain('We found nothing for “xylophone”.')
    expect(wrapper.text()).toContain('Try a simpler word, like “injection”')
    await tap(getButton(wrapper, 'injection'))
    expect(wrapper.get('input[type="search"]').element).toHaveProperty('value', 'injection')
    expect(wrapper.get('[role="status"]').text()).toBe('2 results')
  })

  it('offers the lists of everything when nothing is found', async () => {
    const { wrapper, router } = await mountKiosk('/search', learningBridge())
    await type(wrapper, 'xylophone')
    expect(getLink(wrapper, 'All hip problems').attributes('href')).toBe('/conditions')
    await tap(getLink(wrapper, 'All procedures'))
    expect(router.currentRoute.value.path).toBe('/procedures')
  })

  it('says which word it searched for instead of a misspelt one, with the words as typed a tap away', async () => {
    const bridge = learningBridge()
    const { wrapper } = await mountKiosk('/search', bridge)
    await type(wrapper, 'injeciton')
    expect(wrapper.text()).toContain('Showing results for “injection”.')
    expect(wrapper.findAll('.search-hit')).toHaveLength(2)
    await tap(getButton(wrapper, 'Search for “injeciton” instead'))
    expect(bridge.calls.filter((call) => call.method === 'search').at(-1)).toEqual({
      method: 'search',
      input: { locale: 'en', query: 'injeciton', asTyped: true },
    })
    expect(wrapper.text()).toContain('We found nothing for “injeciton”.')
    expect(wrapper.text()).not.toContain('Showing results for')
  })

  it('offers another language that finds something, in one tap', async () => {
    const bridge = learningBridge()
    const { wrapper } = await mountKiosk('/search', bridge)
    await type(wrapper, 'inyección')
    expect(wrapper.text()).toContain('No results in English.')
    await tap(getButton(wrapper, '2 results in Español: show them'))
    expect(headings(wrapper, 'h1')).toEqual(['Buscar'])
    expect(bridge.calls.filter((call) => call.method === 'search').at(-1)).toEqual({
      method: 'search',
      input: { locale: 'es', query: 'inyección' },
    })
  })

  it('starts with suggestions, and can be cleared with one big button', async () => {
    const { wrapper } = await mountKiosk('/search', learningBridge())
    expect(wrapper.text()).toContain('Try a word like “injection” or “bursitis”')
    await type(wrapper, 'inj')
    await tap(getButton(wrapper, 'Clear the search'))
    expect(wrapper.get('input[type="search"]').element).toHaveProperty('value', '')
    expect(wrapper.findAll('.search-hit')).toHaveLength(0)
    expect(document.activeElement).toBe(wrapper.get('input[type="search"]').element)
  })

  it('leads on to the glossary and the hip diagram', async () => {
    const { wrapper } = await mountKiosk('/search', learningBridge())
    expect(getLink(wrapper, 'Words explained, A to Z').attributes('href')).toBe('/glossary')
    expect(getLink(wrapper, 'See the parts of the hip').attributes('href')).toBe('/anatomy')
  })

  it('says so calmly when search is not working', async () => {
    const { wrapper } = await mountKiosk('/search', learningBridge({ broken: ['search'] }))
    await type(wrapper, 'inj')
    expect(wrapper.text()).toContain('Search is not working right now. Please ask at the desk.')
  })

  it('keeps the search text in memory only, for this session', async () => {
    localStorage.clear()
    sessionStorage.clear()
    const { wrapper, router } = await mountKiosk('/search', learningBridge())
    await type(wrapper, 'inj')
    await router.push('/glossary')
    await router.push('/search')
    await flushPromises()
    expect(wrapper.get('input[type="search"]').element).toHaveProperty('value', 'inj')
    expect(localStorage.length + sessionStorage.length).toBe(0)

    wrapper.unmount()
    const fresh = await mountKiosk('/search', learningBridge())
    expect(fresh.wrapper.get('input[type="search"]').element).toHaveProperty('value', '')
  })

  it('searches again in the new language when the language changes', async () => {
    const bridge = learningBridge()
    const { wrapper } = await mountKiosk('/search', bridge)
    await type(wrapper, 'inj')
    await tap(getButton(wrapper, 'Español'))
    expect(bridge.calls.filter((call) => call.method === 'search').at(-1)).toEqual({
      method: 'search',
      input: { locale: 'es', query: 'inj' },
    })
    expect(headings(wrapper, 'h1')).toEqual(['Buscar'])
  })
})
