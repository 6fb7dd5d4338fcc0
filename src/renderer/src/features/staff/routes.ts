import type { Pinia } from 'pinia'
import type { RouteLocationRaw, RouteRecordRaw, Router } from 'vue-router'
import { useStaffStore } from './staffStore'
import { STAFF_PIN_ROUTE, afterPin, isStaffPath } from './paths'
import StaffPinView from './StaffPinView.vue'
import StaffHomeView from './StaffHomeView.vue'
import StaffSettingsView from './StaffSettingsView.vue'
import StaffUsageView from './StaffUsageView.vue'
import StaffReviewView from './StaffReviewView.vue'
import StaffReviewItemView from './StaffReviewItemView.vue'
import StaffContentView from './StaffContentView.vue'
import ExplainListView from './ExplainListView.vue'
import ExplainView from './ExplainView.vue'

/**
 * Staff screens, all under /staff. Every one of them, and anything else anyone
 * adds under /staff (the handout form, /staff/handout/...), is behind the PIN:
 * installStaffGuard checks the path, so a new staff screen cannot be left open
 * by forgetting a flag.
 */
export const staffRoutes: RouteRecordRaw[] = [
  { path: '/staff', name: STAFF_PIN_ROUTE, component: StaffPinView },
  // /staff/home is 'staff-home', and so on.
  ...Object.entries({
    home: StaffHomeView,
    settings: StaffSettingsView,
    usage: StaffUsageView,
    review: StaffReviewView,
    content: StaffContentView,
  }).map(([screen, component]) => ({ path: `/staff/${screen}`, name: `staff-${screen}`, component })),
  {
    path: '/staff/review/:kind/:id',
    name: 'staff-review-item',
    component: StaffReviewItemView,
    props: (route) => ({ kind: String(route.params.kind), id: String(route.params.id) }),
  },
  { path: '/staff/explain', name: 'staff-explain-list', component: ExplainListView },
  {
    path: '/staff/explain/:id',
    name: 'staff-explain',
    component: ExplainView,
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
