/**
 * The on-screen keyboard's rules: which fields it types into and with which
 * layout, typing as a person would (at the caret, within maxlength, with the
 * input event v-model hears), and the staff setting that says when it opens.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { deleteBackward, typeInto, typingField, wantsNumbers } from '@renderer/features/keyboard/typing'
import { languageLayout, LAYOUT_LANGUAGES, NUMERIC_ROWS } from '@renderer/features/keyboard/layouts'
import { KIOSK_CONFIG, fakeBridge } from './fixtures'
import { mountKiosk } from './helpers'

function field(html: string): HTMLInputElement | HTMLTextAreaElement {
  document.body.innerHTML = html
  return document.body.querySelector('input, textarea')!
}

afterEach(() => {
  document.body.innerHTML = ''
})

describe('the fields the on-screen keyboard types into', () => {
  it('serves text, search, phone and number boxes and text areas, not buttons, boxes or the PIN pad', () => {
    for (const type of ['text', 'search', 'tel', 'url', 'number']) {
      expect(typingField(field(`<input type="${type}">`)), type).not.toBeNull()
    }
    expect(typingField(field('<textarea></textarea>'))).not.toBeNull()
    for (const type of ['checkbox', 'radio', 'file', 'date']) {
      expect(typingField(field(`<input type="${type}">`)), type).toBeNull()
    }
    expect(typingField(field('<input type="text" disabled>'))).toBeNull()
    expect(typingField(field('<input type="text" readonly>'))).toBeNull()
    expect(typingField(field('<form data-own-keypad><input type="password"></form>'))).toBeNull()
  })

  it('gives numbers and phone numbers the numeric pad, words the letters', () => {
    expect(wantsNumbers(field('<input type="tel">'))).toBe(true)
    expect(wantsNumbers(field('<input type="text" inputmode="numeric">'))).toBe(true)
    expect(wantsNumbers(field('<input type="search">'))).toBe(false)
    expect(NUMERIC_ROWS.join(' ')).toMatch(/0.*\(.*\).*-/)
  })
})

describe('typing', () => {
  it('types at the caret, deletes before it, and tells v-model each time', () => {
    const box = field('<input type="text" value="hp">') as HTMLInputElement
    const heard: string[] = []
    box.addEventListener('input', () => heard.push(box.value))
    box.setSelectionRange(1, 1)
    typeInto(box, 'i')
    expect(box.value).toBe('hip')
    deleteBackward(box)
    expect(box.value).toBe('hp')
    expect(heard).toEqual(['hip', 'hp'])
  })

  it('stops at maxlength instead of cutting what is there', () => {
    const box = field('<input type="text" maxlength="3" value="abc">') as HTMLInputElement
    typeInto(box, 'd')
    expect(box.value).toBe('abc')
  })
})

describe('each language’s layout', () => {
  it('comes with the language: Spanish has ñ and the accented vowels, in capitals too', () => {
    expect(LAYOUT_LANGUAGES).toEqual(expect.arrayContaining(['en', 'es']))
    const es = languageLayout('es')
    for (const key of ['ñ', 'á', 'é', 'í', 'ó', 'ú', 'ü']) expect(es.layout.default.join(' ')).toContain(key)
    for (const key of ['Ñ', 'Á', 'Ü']) expect(es.layout.shift.join(' ')).toContain(key)
    expect(es.display['{enter}']).toBe('Listo')
    expect(languageLayout('xx')).toEqual(languageLayout('en'))
  })
})

describe('when the keyboard opens', () => {
  async function searchWith(mode: 'always' | 'never') {
    const bridge = fakeBridge()
    bridge.getKioskConfig = () =>
      Promise.resolve({ ok: true, value: { ...KIOSK_CONFIG, onScreenKeyboard: mode } })
    const { wrapper } = await mountKiosk('/search', bridge)
    await flushPromises()
    ;(wrapper.get('#search-input').element as HTMLInputElement).focus()
    await flushPromises()
    const panel = wrapper.get('[data-on-screen-keyboard]').element as HTMLElement
    const shown = panel.style.display !== 'none'
    wrapper.unmount()
    return shown
  }

  it('opens whenever a field takes focus when staff chose "always", never when they chose "never"', async () => {
    expect(await searchWith('always')).toBe(true)
    expect(await searchWith('never')).toBe(false)
  })
})
