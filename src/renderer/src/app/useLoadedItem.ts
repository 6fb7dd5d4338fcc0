import { computed, watch, type ComputedRef } from 'vue'

/**
 * Loads the item a screen's address names, and again whenever the address
 * changes; gives the loaded item only while it is the one asked for, so the
 * screen shows nothing of the previous item while another is still loading.
 */
export function useLoadedItem<T extends { id: string }>(
  id: () => string,
  load: (id: string) => unknown,
  loaded: () => T | null,
): ComputedRef<T | null> {
  watch(id, (wanted) => load(wanted), { immediate: true })
  return computed(() => {
    const item = loaded()
    return item?.id === id() ? item : null
  })
}
