/** What other features may use from the staff feature: whether staff mode is on. */
export { useStaffStore } from './staffStore'
/** Where the consent talk is: the handout preview offers the way back to it. */
export { usePresenterStore } from './presenterStore'
