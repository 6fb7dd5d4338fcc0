/** What other features may use from the staff feature: whether staff mode is on. */
export { useStaffStore } from './staffStore'
