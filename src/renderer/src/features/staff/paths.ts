import type { LocationQueryValue } from 'vue-router'

/** The PIN screen's route name; its path is /staff. */
export const STAFF_PIN_ROUTE = 'staff-pin'
export const STAFF_HOME = '/staff/home'

/** Behind the PIN: every path under /staff except the PIN screen itself. */
export function isStaffPath(path: string): boolean {
  return path.startsWith('/staff/')
}

/** Where to go after the PIN: back to the staff screen that asked for it, never anywhere else. */
export function afterPin(next: LocationQueryValue | LocationQueryValue[] | undefined): string {
  const wanted = Array.isArray(next) ? next[0] : next
  return typeof wanted === 'string' && isStaffPath(wanted) ? wanted : STAFF_HOME
}
