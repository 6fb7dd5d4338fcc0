import { ref, type Ref } from 'vue'
import { useConfigStore } from '@renderer/app/stores/config'
import type { Paper } from './usePageSize'

/**
 * The paper staff handouts print on, from Settings (asked there once, for every
 * handout): null until the settings are read, A4 when they cannot be.
 */
export function useSettingsPaper(): Readonly<Ref<Paper | null>> {
  const paper = ref<Paper | null>(null)
  void useConfigStore()
    .load()
    .then((config) => (paper.value = config?.paperSize ?? 'a4'))
  return paper
}
