/** What other features may use from the anatomy feature (explain mode shows the diagram; steps and conditions link to a part). */
export { default as AnatomyDiagram } from './AnatomyDiagram.vue'
export { default as AnatomyLink } from './AnatomyLink.vue'
export { useAnatomyStore } from './anatomyStore'
