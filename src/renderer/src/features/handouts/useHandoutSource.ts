import { ref, shallowRef, watch } from 'vue'
import type { Condition, ItemKind, KioskConfig, Locale, Procedure } from '@shared/contract'
import type { ApiError, Result } from '@shared/result'
import { useApiClient } from '@renderer/api/client'

export type HandoutItem = Procedure | Condition

/** Used when the settings cannot be read: no clinic details, "Call the clinic" without a number. */
const NO_CLINIC: Pick<
  KioskConfig,
  'clinicName' | 'clinicPhone' | 'clinicWebsite' | 'clinicLogo' | 'paperSize'
> = {
  clinicName: '',
  clinicPhone: null,
  clinicWebsite: null,
  clinicLogo: null,
  paperSize: 'a4',
}

export type HandoutConfig = typeof NO_CLINIC

/**
 * Everything a handout is printed from: the item in each language asked for,
 * and the clinic's details from the settings. Loaded straight from the API
 * rather than through the content store, which follows the screen's language;
 * a handout's languages come from its address.
 */
export function useHandoutSource(kind: () => ItemKind, id: () => string, locales: () => Locale[]) {
  const api = useApiClient()
  const config = shallowRef<HandoutConfig | null>(null)
  const items = shallowRef<Partial<Record<Locale, HandoutItem>>>({})
  const error = ref<ApiError | null>(null)
  const loaded = ref(false)
  let ticket = 0

  function fetchItem(locale: Locale): Promise<Result<HandoutItem>> {
    return kind() === 'procedure'
      ? api.getProcedure({ locale, id: id() })
      : api.getCondition({ locale, id: id() })
  }

  async function load(): Promise<void> {
    const mine = ++ticket
    loaded.value = false
    error.value = null
    const wanted = locales()
    const [settings, ...answers] = await Promise.all([api.getKioskConfig({}), ...wanted.map(fetchItem)])
    if (mine !== ticket) return
    const found: Partial<Record<Locale, HandoutItem>> = {}
    for (const [index, answer] of answers.entries()) {
      if (!answer.ok) {
        error.value = answer.error
        return
      }
      found[wanted[index]!] = answer.value
    }
    config.value = settings.ok ? settings.value : NO_CLINIC
    items.value = found
    loaded.value = true
  }

  watch(() => `${kind()}/${id()}/${locales().join('+')}`, load, { immediate: true })

  return { config, items, error, loaded, retry: load }
}
