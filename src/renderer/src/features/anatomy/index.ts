/** What other features may use from the anatomy feature (explain mode shows the diagram). */
export { default as AnatomyDiagram } from './AnatomyDiagram.vue'
export { useAnatomyStore } from './anatomyStore'
