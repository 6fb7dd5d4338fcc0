/** What other features may use from the display feature (the presenter draws its slides larger for large text). */
export { useDisplayStore } from './displayStore'
