/**
 * Where a screen opens: every new screen at the top, and the first screen of a
 * page (already at the top) left alone, since scrolling it would force a layout
 * of the whole page while the app is still starting.
 */
import { afterEach, expect, it, vi } from 'vitest'
import { removeKiosk, runKiosk, type RunningKiosk } from './kiosk-session'

let kiosk: RunningKiosk | null = null

afterEach(() => {
  if (kiosk) removeKiosk(kiosk)
  kiosk = null
  vi.restoreAllMocks()
})

it('the first screen is not scrolled; each screen after it starts at the top', async () => {
  const scrollTo = vi.spyOn(window, 'scrollTo').mockImplementation(() => {})
  kiosk = await runKiosk('/home')
  expect(kiosk.heading()).toBe('What would you like to know?')
  expect(scrollTo).not.toHaveBeenCalled()

  await kiosk.tap(kiosk.link(/^Why does my hip hurt\?/))
  expect(kiosk.heading()).toBe('Why does my hip hurt?')
  expect(scrollTo).toHaveBeenCalledTimes(1)
  const [where, y] = scrollTo.mock.calls[0]! as [ScrollToOptions | number, number?]
  expect(typeof where === 'number' ? y : where.top).toBe(0)
})
