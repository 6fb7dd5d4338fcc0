/**
 * Getting into staff mode in a component test the way staff do: open a staff
 * screen, meet the PIN screen, type the PIN on the pad, and land where they asked.
 */
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import { getButton, mountKiosk, tap } from './helpers'
import { STAFF_PIN, staffBridge, type StaffBridge } from './staff-fixtures'

/** Presses each digit of `pin` on the on-screen pad. */
export async function pressPin(wrapper: VueWrapper, pin: string): Promise<void> {
  for (const digit of pin) await tap(getButton(wrapper, digit))
}

export async function mountAsStaff(path: string, bridge: StaffBridge = staffBridge()) {
  const mounted = await mountKiosk(path, bridge)
  await pressPin(mounted.wrapper, STAFF_PIN)
  await tap(getButton(mounted.wrapper, 'Enter'))
  await flushPromises()
  return { ...mounted, bridge }
}

/** The staff badge, if staff mode is on. */
export function badge(wrapper: VueWrapper) {
  return wrapper.find('aside.staff-badge')
}
