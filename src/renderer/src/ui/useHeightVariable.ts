import { onBeforeUnmount, type Ref } from 'vue'
import { useResizeObserver } from '@vueuse/core'

/**
 * Keeps a CSS variable on the page's root equal to an element's height (its
 * border box, in whole pixels), for layout that must leave room for it: the
 * top bar, the action bar. The height comes from a ResizeObserver, which the
 * browser calls after its own layout; reading offsetHeight at mount (as
 * VueUse's useElementSize does) would force a layout of the whole page in the
 * middle of the first render. The variable goes when the element does.
 */
export function useHeightVariable(element: Readonly<Ref<HTMLElement | null>>, variable: string): void {
  const root = document.documentElement
  useResizeObserver(
    element,
    ([entry]) => {
      const height = entry?.borderBoxSize?.[0]?.blockSize ?? entry?.contentRect.height ?? 0
      root.style.setProperty(variable, `${Math.ceil(height)}px`)
    },
    { box: 'border-box' },
  )
  onBeforeUnmount(() => root.style.removeProperty(variable))
}
