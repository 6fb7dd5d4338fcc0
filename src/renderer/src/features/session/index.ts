/** What other features may use from the session feature. */
export { useLastActivity } from './useLastActivity'
