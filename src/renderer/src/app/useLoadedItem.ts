import { computed, watch, type ComputedRef } from 'vue'
import type { ItemKind } from '@shared/contract'
import { useContentStore, type ItemOf } from './stores/content'

/**
 * Loads the `kind` item a screen's address names, and again whenever the
 * address changes; gives the loaded item only while it is the one asked for, so
 * the screen shows nothing of the previous item while another is still loading.
 */
export function useLoadedItem<K extends ItemKind>(kind: K, id: () => string): ComputedRef<ItemOf<K> | null> {
  const content = useContentStore()
  watch(id, (wanted) => content.loadItem(kind, wanted), { immediate: true })
  return computed(() => {
    const item = content[kind] as ItemOf<K> | null
    return item?.id === id() ? item : null
  })
}
