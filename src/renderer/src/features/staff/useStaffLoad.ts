import { ref, shallowRef, watch } from 'vue'
import type { MethodOutput } from '@shared/contract'
import { useStaffApi, type StaffCall, type WithoutToken } from './useStaffApi'

/**
 * What a staff screen shows, read with one staff call (StaffScreen draws the
 * loading and load-failed states from it): null until it arrives, `failed`
 * when the core could not answer. An ended session is no failure: useStaffApi
 * has gone to the PIN screen, which comes back here. Read again by `load`, and
 * whenever what the input reads changes (an item's kind and id).
 */
export function useStaffLoad<M extends StaffCall>(method: M, input: () => WithoutToken<M>) {
  const staffApi = useStaffApi()
  const value = shallowRef<MethodOutput<M> | null>(null)
  const failed = ref(false)

  function load(): void {
    void staffApi.call(method, input()).then((result) => {
      if (result.ok) value.value = result.value
      else failed.value = result.error.code !== 'unauthorized'
    })
  }
  watch(input, load, { immediate: true })

  return { value, failed, load }
}
