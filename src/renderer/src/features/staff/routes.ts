import type { Pinia } from 'pinia'
import type { RouteLocationRaw, RouteRecordRaw, Router } from 'vue-router'
import { useStaffStore } from './staffStore'
import { STAFF_PIN_ROUTE, afterPin, isStaffPath } from './paths'

/**
 * Staff screens, all under /staff. Every one of them, and anything else anyone
 * adds under /staff (the handout form, /staff/handout/...), is behind the PIN:
 * installStaffGuard checks the path, so a new staff screen cannot be left open
 * by forgetting a flag.
 */
export const staffRoutes: RouteRecordRaw[] = [
  { path: '/staff', name: STAFF_PIN_ROUTE, component: () => import('./StaffPinView.vue') },
  // /staff/home is 'staff-home', and so on.
  ...Object.entries({
    home: () => import('./StaffHomeView.vue'),
    settings: () => import('./StaffSettingsView.vue'),
    usage: () => import('./StaffUsageView.vue'),
    review: () => import('./StaffReviewView.vue'),
    content: () => import('./StaffContentView.vue'),
  }).map(([screen, component]) => ({ path: `/staff/${screen}`, name: `staff-${screen}`, component })),
  {
    path: '/staff/review/:kind/:id',
    name: 'staff-review-item',
    component: () => import('./StaffReviewItemView.vue'),
    props: (route) => ({ kind: String(route.params.kind), id: String(route.params.id) }),
  },
  { path: '/staff/explain', name: 'staff-explain-list', component: () => import('./ExplainListView.vue') },
  {
    path: '/staff/explain/:id',
    name: 'staff-explain',
    component: () => import('./ExplainView.vue'),
    // Full screen: the patient's top bar and the staff badge step aside (App.vue, StaffLayer.vue).
    meta: { presenter: true },
    props: (route) => ({ id: String(route.params.id) }),
  },
]

/**
 * Without a live staff session, any staff screen sends you to the PIN screen
 * (which returns you there afterwards); with one, the PIN screen sends you on.
 */
export function installStaffGuard(router: Router, pinia: Pinia): void {
  router.beforeEach((to): RouteLocationRaw | true => {
    const staff = useStaffStore(pinia)
    if (to.name === STAFF_PIN_ROUTE) return staff.isLive() ? afterPin(to.query.next) : true
    if (isStaffPath(to.path) && !staff.isLive()) {
      return { name: STAFF_PIN_ROUTE, query: { next: to.fullPath } }
    }
    return true
  })
}
