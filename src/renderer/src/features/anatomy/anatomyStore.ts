import { defineStore } from 'pinia'
import { computed, ref, shallowRef, watch } from 'vue'
import type { AnatomyPart, Locale } from '@shared/contract'
import type { ApiError } from '@shared/result'
import { useApiClient } from '@renderer/api/client'
import { useLocaleStore } from '@renderer/app/stores/locale'

/** The plain descriptions of the parts of the hip, once per language. */
export const useAnatomyStore = defineStore('anatomy', () => {
  const api = useApiClient()
  const localeStore = useLocaleStore()

  const byLocale = shallowRef<Partial<Record<Locale, AnatomyPart[]>>>({})
  const error = ref<ApiError | null>(null)
  const pending = new Map<Locale, Promise<void>>()

  const parts = computed<AnatomyPart[] | null>(() => byLocale.value[localeStore.locale] ?? null)

  function load(locale: Locale = localeStore.locale): Promise<void> {
    if (byLocale.value[locale]) return Promise.resolve()
    const inFlight = pending.get(locale)
    if (inFlight) return inFlight
    error.value = null
    const request = api.getAnatomy({ locale }).then((result) => {
      pending.delete(locale)
      if (result.ok) byLocale.value = { ...byLocale.value, [locale]: result.value }
      else if (locale === localeStore.locale) error.value = result.error
    })
    pending.set(locale, request)
    return request
  }

  watch(
    () => localeStore.locale,
    (locale) => void load(locale),
  )

  return { parts, error, load }
})
