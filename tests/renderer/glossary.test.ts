import { afterEach, describe, expect, it } from 'vitest'
import { enableAutoUnmount, flushPromises } from '@vue/test-utils'
import { createGlossaryMatcher, splitGlossaryText } from '@renderer/app/stores/glossary-match'
import { getButton, headings, mountKiosk, tap } from './helpers'
import { procedureEn } from './fixtures'
import { glossaryEn, learningBridge } from './learning-fixtures'

enableAutoUnmount(afterEach)

const matcher = createGlossaryMatcher(glossaryEn)
/** The words that would be tappable, with the term each opens. */
const linked = (text: string) =>
  splitGlossaryText(text, matcher)
    .filter((piece) => piece.term)
    .map((piece) => `${piece.text} -> ${piece.term!.id}`)

describe('finding glossary words in patient text', () => {
  it('matches whole words only, in any case', () => {
    expect(linked('Your Joint is sore.')).toEqual(['Joint -> joint'])
    expect(linked('The jointed arm and disjoint parts.')).toEqual([])
  })

  it('matches every form of a term', () => {
    expect(linked('Tell us about blood thinners.')).toEqual(['blood thinners -> blood-thinner'])
  })

  it('prefers the longest term where terms overlap', () => {
    expect(linked('A joint injection eases pain.')).toEqual(['joint injection -> joint-injection'])
  })

  it('links each term once per paragraph, at its first appearance', () => {
    expect(linked('Joints ache. The joint is stiff. A joint injection helps the joint.')).toEqual([
      'Joints -> joint',
      'joint injection -> joint-injection',
    ])
  })

  it('keeps every character of the text, in order', () => {
    const text = 'A clinician puts a joint injection into your joint (hip).'
    expect(
      splitGlossaryText(text, matcher)
        .map((piece) => piece.text)
        .join(''),
    ).toBe(text)
  })

  it('leaves text alone when there is no glossary', () => {
    expect(splitGlossaryText('A joint.', createGlossaryMatcher([]))).toEqual([{ text: 'A joint.' }])
  })

  it('treats the characters of a term literally', () => {
    const odd = createGlossaryMatcher([
      { id: 'prp', term: 'PRP (platelet-rich plasma)', definition: 'x', forms: ['PRP'], sources: [] },
    ])
    expect(
      splitGlossaryText('Ask about PRP (platelet-rich plasma) today.', odd).filter((p) => p.term),
    ).toHaveLength(1)
    expect(splitGlossaryText('PRPs and P.R.P', odd).filter((p) => p.term)).toEqual([])
  })
})

describe('a glossary word in the text', () => {
  const step3 = `/procedures/${procedureEn.id}/steps/3`

  it('is a button that opens its meaning in place, below the text, and moves focus to it', async () => {
    const { wrapper } = await mountKiosk(step3, learningBridge())
    const word = getButton(wrapper, 'joint')
    expect(word.attributes('aria-expanded')).toBe('false')

    await tap(word)
    expect(word.attributes('aria-expanded')).toBe('true')
    const meaning = wrapper.get(`#${word.attributes('aria-controls')}`)
    expect(meaning.text()).toContain('A place where two bones meet and move.')
    // Inside the same paragraph, after the words: it covers nothing the patient is reading.
    const paragraph = word.element.closest('p')!
    expect(paragraph.contains(meaning.element)).toBe(true)
    expect(paragraph.textContent!.indexOf('goes into the joint.')).toBeLessThan(
      paragraph.textContent!.indexOf('A place where two bones meet'),
    )
    expect(document.activeElement).toBe(meaning.element)
  })

  it('closes with its Close button or Escape, and gives focus back to the word', async () => {
    const { wrapper } = await mountKiosk(step3, learningBridge())
    await tap(getButton(wrapper, 'joint'))
    await tap(getButton(wrapper, /^Close the meaning of joint$/))
    expect(wrapper.text()).not.toContain('A place where two bones meet')
    expect(document.activeElement?.textContent).toBe('joint')

    await tap(getButton(wrapper, 'joint'))
    await wrapper.get('.glossary-meaning').trigger('keydown', { key: 'Escape' })
    await flushPromises()
    expect(wrapper.find('.glossary-meaning').exists()).toBe(false)
    expect(getButton(wrapper, 'joint').attributes('aria-expanded')).toBe('false')
    expect(document.activeElement?.textContent).toBe('joint')
  })

  it('is found wherever patient text is shown: steps, preparation, sections and FAQs', async () => {
    const { wrapper } = await mountKiosk(`/procedures/${procedureEn.id}`, learningBridge())
    // Preparation: "You take blood thinners."
    expect(getButton(wrapper, 'blood thinners').exists()).toBe(true)
    const step1 = await mountKiosk(`/procedures/${procedureEn.id}/steps/1`, learningBridge())
    expect(getButton(step1.wrapper, 'clinician').exists()).toBe(true)
  })

  it('loads the glossary once per language, however many words are on screen', async () => {
    const bridge = learningBridge()
    const { wrapper } = await mountKiosk(`/procedures/${procedureEn.id}`, bridge)
    await tap(wrapper.findAll('a').find((a) => a.text().includes('See the procedure step by step'))!)
    const glossaryCalls = bridge.calls.filter((call) => call.method === 'getGlossary')
    expect(glossaryCalls).toEqual([{ method: 'getGlossary', input: { locale: 'en' } }])

    await tap(getButton(wrapper, 'Español'))
    expect(bridge.calls.filter((call) => call.method === 'getGlossary')).toHaveLength(2)
  })

  it('shows plain text when the glossary cannot be loaded', async () => {
    const { wrapper } = await mountKiosk(step3, learningBridge({ broken: ['getGlossary'] }))
    expect(wrapper.text()).toContain('A thin needle goes into the joint.')
    expect(wrapper.findAll('button.glossary-word')).toHaveLength(0)
  })
})

describe('the glossary page', () => {
  it('lists every word from A to Z with its meaning, under its letter', async () => {
    const { wrapper } = await mountKiosk('/glossary', learningBridge())
    expect(headings(wrapper, 'h1')).toEqual(['Words explained'])
    expect(headings(wrapper, 'h2')).toEqual(['B', 'C', 'J'])
    expect(wrapper.findAll('dt').map((dt) => dt.text())).toEqual([
      'blood thinner',
      'clinician',
      'joint',
      'joint injection',
    ])
    expect(wrapper.text()).toContain('A doctor, nurse or therapist.')
  })

  it('says where a meaning that makes a clinical claim comes from, and only there', async () => {
    const { wrapper } = await mountKiosk('/glossary', learningBridge())
    const terms = wrapper.findAll('.glossary__term')
    const thinner = terms.find((t) => t.find('dt').text() === 'blood thinner')!
    const note = thinner.find('[data-source-note]')
    expect(note.exists()).toBe(true)
    await note.find('button').trigger('click')
    expect(note.text()).toContain('Blood thinners and joint injections')
    expect(note.text()).toContain('Mayo Clinic')
    // A plain meaning ("where two bones meet") cites nothing, and shows no note.
    const joint = terms.find((t) => t.find('dt').text() === 'joint')!
    expect(joint.find('[data-source-note]').exists()).toBe(false)
  })
})
