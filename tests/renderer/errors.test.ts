import { afterEach, describe, expect, it, vi } from 'vitest'
import { enableAutoUnmount } from '@vue/test-utils'
import { getButton, getLink, headings, mountKiosk, tap } from './helpers'
import { fakeBridge, procedureEn } from './fixtures'

enableAutoUnmount(afterEach)

describe('when something goes wrong', () => {
  it('shows "out of order, ask at the desk" when the content cannot be reached, and nothing technical', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const { wrapper } = await mountKiosk('/conditions', fakeBridge({ broken: true }))

    expect(headings(wrapper, 'h1')).toEqual(['This screen is out of order.'])
    expect(wrapper.text()).toContain('Please ask at the desk.')
    expect(wrapper.text()).not.toContain('unavailable')
    expect(wrapper.text()).not.toContain('database')
    // Staff can still see why, in the console.
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('database could not be opened'))
    warn.mockRestore()
  })

  it('tries again when asked', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    const { wrapper, bridge } = await mountKiosk(
      `/procedures/${procedureEn.id}`,
      fakeBridge({ broken: true }),
    )
    const before = bridge.calls.length
    await tap(getButton(wrapper, 'Try again'))
    expect(bridge.calls.length).toBe(before + 1)
    vi.restoreAllMocks()
  })

  it('answers an unknown procedure with a friendly message and a way home', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    const { wrapper, router } = await mountKiosk('/procedures/no-such-thing')
    expect(headings(wrapper, 'h1')).toEqual(['We could not find this page'])
    await tap(getLink(wrapper, 'Go to the start'))
    expect(router.currentRoute.value.path).toBe('/home')
    vi.restoreAllMocks()
  })

  it('answers an address that matches no screen the same way', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    const { wrapper } = await mountKiosk('/some/where/else')
    expect(headings(wrapper, 'h1')).toEqual(['We could not find this page'])
    expect(getLink(wrapper, 'Go to the start').exists()).toBe(true)
    vi.restoreAllMocks()
  })
})
