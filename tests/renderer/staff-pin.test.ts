/**
 * The PIN screen: setting the PIN on the first run, entering it on the pad or
 * the keyboard, wrong PINs, and the lockout countdown. The PIN goes to the one
 * call that needs it, and nowhere else.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { enableAutoUnmount, flushPromises } from '@vue/test-utils'
import { getButton, headings, mountKiosk, tap } from './helpers'
import { SETUP_CODE, STAFF_PIN, pinLeaks, staffBridge } from './staff-fixtures'
import { badge, pressPin } from './staff-helpers'
import type { ApiError } from '@shared/result'

enableAutoUnmount(afterEach)
afterEach(() => vi.useRealTimers())

const pinField = (wrapper: Awaited<ReturnType<typeof mountKiosk>>['wrapper']) =>
  wrapper.get<HTMLInputElement>('input[data-staff-pin]')
const message = (wrapper: Awaited<ReturnType<typeof mountKiosk>>['wrapper']) =>
  wrapper.find('[data-staff-pin-message]').text().replace(/\s+/g, ' ')

describe('the staff PIN screen', () => {
  it('on the first run, says staff must set it up, and asks for the set-up code before any PIN', async () => {
    const bridge = staffBridge({ pin: null })
    const { wrapper } = await mountKiosk('/staff', bridge)
    expect(headings(wrapper, 'h1')).toEqual(['Set the staff PIN'])
    expect(wrapper.text()).toContain('This kiosk has no staff PIN yet, so staff must set it up.')
    expect(wrapper.text()).toContain('first-run-code.txt')
    expect(wrapper.get('label[for="staff-setup-code"]').text()).toBe('Set-up code (8 digits)')
    await pressPin(wrapper, '1357')
    await tap(getButton(wrapper, 'Next'))
    expect(message(wrapper)).toBe('Type the set-up code first.')
    expect(wrapper.text()).not.toContain('Type the same PIN again')
  })

  it('on the first run, says so when the set-up code is wrong, and how many tries are left', async () => {
    const bridge = staffBridge({ pin: null })
    const { wrapper } = await mountKiosk('/staff', bridge)
    await wrapper.get('input[data-staff-setup-code]').setValue('12345678')
    await pressPin(wrapper, '1357')
    await tap(getButton(wrapper, 'Next'))
    await pressPin(wrapper, '1357')
    await tap(getButton(wrapper, 'Set the PIN'))
    await flushPromises()
    expect(message(wrapper)).toBe('That set-up code is not right. 4 tries left before set-up pauses.')
    expect(bridge.state.pin).toBeNull()
    expect(wrapper.get<HTMLInputElement>('input[data-staff-setup-code]').element.value).toBe('')
  })

  it('on the first run, sets a PIN typed twice on the pad with the set-up code, then opens the staff menu in staff mode', async () => {
    const bridge = staffBridge({ pin: null })
    const { wrapper, router } = await mountKiosk('/staff', bridge)
    expect(headings(wrapper, 'h1')).toEqual(['Set the staff PIN'])
    expect(wrapper.text()).toContain('Choose a PIN (4 to 8 digits)')
    await wrapper.get('input[data-staff-setup-code]').setValue(SETUP_CODE)

    await pressPin(wrapper, '1357')
    expect(pinField(wrapper).element.value).toBe('1357')
    expect(pinField(wrapper).attributes('type')).toBe('password')
    expect(wrapper.text()).toContain('4 digits entered')
    await tap(getButton(wrapper, 'Next'))
    expect(pinField(wrapper).element.value).toBe('')
    expect(wrapper.text()).toContain('Type the same PIN again')
    expect(bridge.calls.some((call) => call.method === 'staffSetPin')).toBe(false)

    await pressPin(wrapper, '1357')
    await tap(getButton(wrapper, 'Set the PIN'))

    expect(bridge.calls.filter((call) => call.method === 'staffSetPin')).toEqual([
      { method: 'staffSetPin', input: { pin: '1357', setupCode: SETUP_CODE } },
    ])
    expect(router.currentRoute.value.path).toBe('/staff/home')
    expect(headings(wrapper, 'h1')).toEqual(['Staff menu'])
    expect(badge(wrapper).text()).toContain('Staff mode')
    expect(pinLeaks(bridge, '1357')).toEqual([])
    expect(localStorage.length + sessionStorage.length).toBe(0)
  })

  it('asks again when the two PINs differ, sending nothing', async () => {
    const bridge = staffBridge({ pin: null })
    const { wrapper } = await mountKiosk('/staff', bridge)
    await wrapper.get('input[data-staff-setup-code]').setValue(SETUP_CODE)
    await pressPin(wrapper, '1357')
    await tap(getButton(wrapper, 'Next'))
    await pressPin(wrapper, '1358')
    await tap(getButton(wrapper, 'Set the PIN'))
    expect(message(wrapper)).toBe('The two PINs were not the same. Please choose a PIN again.')
    expect(wrapper.text()).toContain('Choose a PIN (4 to 8 digits)')
    expect(bridge.calls.some((call) => call.method === 'staffSetPin')).toBe(false)
  })

  it('refuses a PIN shorter than 4 digits without sending it', async () => {
    const bridge = staffBridge()
    const { wrapper } = await mountKiosk('/staff', bridge)
    await pressPin(wrapper, '12')
    await tap(getButton(wrapper, 'Enter'))
    expect(message(wrapper)).toBe('A PIN is 4 to 8 digits.')
    expect(bridge.calls.some((call) => call.method === 'staffLogin')).toBe(false)
  })

  it('takes the PIN from the keyboard too: digits only, at most 8, Enter to go in', async () => {
    const bridge = staffBridge()
    const { wrapper, router } = await mountKiosk('/staff', bridge)
    expect(headings(wrapper, 'h1')).toEqual(['Staff'])
    const field = pinField(wrapper)
    await field.setValue('2a4b6c8d90123')
    expect(field.element.value).toBe('24689012')
    await field.setValue(STAFF_PIN)
    await wrapper.get('form.pin-pad').trigger('submit')
    await flushPromises()
    expect(bridge.calls.filter((call) => call.method === 'staffLogin')).toEqual([
      { method: 'staffLogin', input: { pin: STAFF_PIN } },
    ])
    expect(router.currentRoute.value.path).toBe('/staff/home')
  })

  it('tells staff on their menu how many wrong PINs were tried since the last staff sign-in', async () => {
    const bridge = staffBridge()
    const { wrapper } = await mountKiosk('/staff', bridge)
    for (const wrong of ['1111', '2222', '3333']) {
      await pressPin(wrapper, wrong)
      await tap(getButton(wrapper, 'Enter'))
    }
    await pressPin(wrapper, STAFF_PIN)
    await tap(getButton(wrapper, 'Enter'))
    expect(headings(wrapper, 'h1')).toEqual(['Staff menu'])
    expect(wrapper.get('[data-staff-failed-tries]').text()).toBe(
      '3 wrong PIN tries since the last staff sign-in. If that was not staff, ask whoever looks after the kiosk to set a longer PIN (6 to 8 digits).',
    )
    await tap(getButton(wrapper, 'Español'))
    expect(wrapper.get('[data-staff-failed-tries]').text()).toBe(
      'Se han probado 3 PIN equivocados desde la última vez que entró el personal. Si no fue el personal, pida a quien se ocupa del quiosco que ponga un PIN más largo (de 6 a 8 cifras).',
    )
  })

  it('says nothing about wrong PINs when there were none', async () => {
    const { wrapper } = await mountKiosk('/staff', staffBridge())
    await pressPin(wrapper, STAFF_PIN)
    await tap(getButton(wrapper, 'Enter'))
    expect(headings(wrapper, 'h1')).toEqual(['Staff menu'])
    expect(wrapper.find('[data-staff-failed-tries]').exists()).toBe(false)
  })

  it('deletes the last digit and clears with the pad', async () => {
    const { wrapper } = await mountKiosk('/staff', staffBridge())
    await pressPin(wrapper, '123')
    await tap(getButton(wrapper, 'Delete the last digit'))
    expect(pinField(wrapper).element.value).toBe('12')
    await tap(getButton(wrapper, 'Clear'))
    expect(pinField(wrapper).element.value).toBe('')
  })

  it('says a wrong PIN is wrong and how many tries are left, and clears the field', async () => {
    const bridge = staffBridge()
    const { wrapper, router } = await mountKiosk('/staff', bridge)
    await pressPin(wrapper, '1111')
    await tap(getButton(wrapper, 'Enter'))
    expect(message(wrapper)).toBe('That PIN is not right. 4 tries left before entry locks.')
    expect(wrapper.get('[role="alert"]').text()).toContain('That PIN is not right.')
    expect(pinField(wrapper).element.value).toBe('')
    expect(router.currentRoute.value.path).toBe('/staff')
    expect(badge(wrapper).exists()).toBe(false)
  })

  it('reads the tries left and the kind of refusal from the core’s details, not from its words', async () => {
    const bridge = staffBridge()
    let refusal: ApiError = {
      code: 'unauthorized',
      message: 'PIN incorrecto.',
      reason: 'wrong-pin',
      triesLeft: 2,
    }
    bridge.staffLogin = (input) => {
      bridge.calls.push({ method: 'staffLogin', input })
      return Promise.resolve({ ok: false, error: refusal })
    }
    const { wrapper } = await mountKiosk('/staff', bridge)
    await pressPin(wrapper, '1111')
    await tap(getButton(wrapper, 'Enter'))
    expect(message(wrapper)).toBe('That PIN is not right. 2 tries left before entry locks.')

    // The PIN was removed behind the screen's back: it starts over at setting one.
    refusal = { code: 'unauthorized', message: 'Sin PIN.', reason: 'no-pin' }
    await pressPin(wrapper, '1111')
    await tap(getButton(wrapper, 'Enter'))
    expect(headings(wrapper, 'h1')).toEqual(['Set the staff PIN'])
  })

  it('says why a PIN could not be checked when the kiosk’s disk is full, and stays out of staff mode', async () => {
    const bridge = staffBridge()
    bridge.staffLogin = (input) => {
      bridge.calls.push({ method: 'staffLogin', input })
      return Promise.resolve({ ok: false, error: { code: 'disk-full', message: 'Disk full.' } })
    }
    const { wrapper, router } = await mountKiosk('/staff', bridge)
    await pressPin(wrapper, '1111')
    await tap(getButton(wrapper, 'Enter'))
    expect(message(wrapper)).toBe(
      'The kiosk’s disk is full, so this PIN could not be checked. Ask whoever looks after the kiosk computer to free some space, then try again.',
    )
    expect(router.currentRoute.value.path).toBe('/staff')
    expect(badge(wrapper).exists()).toBe(false)
  })

  it('locks the pad after too many wrong PINs and counts down the seconds from the core', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] })
    const bridge = staffBridge({ wrongTries: 4 })
    const { wrapper } = await mountKiosk('/staff', bridge)
    await pressPin(wrapper, '1111')
    await tap(getButton(wrapper, 'Enter'))

    expect(message(wrapper)).toBe('Too many wrong PINs. Entry is locked.')
    expect(wrapper.get('[data-staff-lockout]').text()).toBe('Try again in 60 seconds.')
    expect(getButton(wrapper, '5').attributes('disabled')).toBeDefined()
    expect(getButton(wrapper, 'Enter').attributes('disabled')).toBeDefined()
    expect(pinField(wrapper).attributes('disabled')).toBeDefined()

    await vi.advanceTimersByTimeAsync(59_000)
    expect(wrapper.get('[data-staff-lockout]').text()).toBe('Try again in 1 second.')
    await vi.advanceTimersByTimeAsync(1_000)
    expect(wrapper.find('[data-staff-lockout]').exists()).toBe(false)
    expect(getButton(wrapper, 'Enter').attributes('disabled')).toBeUndefined()
  })

  it('shows the lockout straight away when entry is already locked', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] })
    const { wrapper } = await mountKiosk('/staff', staffBridge({ lockedForSeconds: 120 }))
    expect(wrapper.get('[data-staff-lockout]').text()).toBe('Try again in 120 seconds.')
    expect(getButton(wrapper, 'Enter').attributes('disabled')).toBeDefined()
  })
})
