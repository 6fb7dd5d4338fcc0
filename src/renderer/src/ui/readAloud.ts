import type { InjectionKey } from 'vue'

/**
 * Reads one part of the screen aloud (a glossary meaning), through the
 * read-aloud feature: App.vue provides it, so ui/ needs no feature. Where it is
 * not provided (a component test), the pieces that use it show no read button.
 */
export const readAloudKey: InjectionKey<(element: Element) => void> = Symbol('read part of the screen aloud')
