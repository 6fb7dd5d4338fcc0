/** What other features may use from the handouts feature. */
export { default as HandoutLink } from './HandoutLink.vue'
export { default as PrintAction } from './PrintAction.vue'
export { useHandoutDetailsStore } from './handoutDetailsStore'
