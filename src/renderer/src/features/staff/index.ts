/** What other features may use from the staff feature: whether staff mode is on. */
export { useStaffStore } from './staffStore'
/** Where the consent talk is: the handout preview offers the way back to it. */
export { usePresenterStore } from './presenterStore'
/** A staff screen's heading, intro, and loading or load-failed state: the front desk's print screen is one. */
export { default as StaffScreen } from './StaffScreen.vue'
