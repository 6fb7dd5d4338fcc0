import type { LocationQueryValue } from 'vue-router'

/** The PIN screen's route name; its path is /staff. */
export const STAFF_PIN_ROUTE = 'staff-pin'
/** The staff menu, where the PIN leads unless a staff screen asked for it. */
export const STAFF_HOME = { name: 'staff-home' } as const

/** Behind the PIN: every path under /staff except the PIN screen itself. */
export function isStaffPath(path: string): boolean {
  return path.startsWith('/staff/')
}

/**
 * Where to go after the PIN: back to the staff screen that asked for it (the address
 * the guard put in `next`), never anywhere else.
 */
export function afterPin(
  next: LocationQueryValue | LocationQueryValue[] | undefined,
): string | typeof STAFF_HOME {
  const wanted = Array.isArray(next) ? next[0] : next
  return typeof wanted === 'string' && isStaffPath(wanted) ? wanted : STAFF_HOME
}
