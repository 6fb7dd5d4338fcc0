import { defineStore } from 'pinia'
import { computed, shallowRef, watch } from 'vue'
import type { GlossaryTerm, Locale } from '@shared/contract'
import { useApiClient } from '@renderer/api/client'
import { createGlossaryMatcher, type GlossaryMatcher } from './glossary-match'
import { useLocaleStore } from './locale'

/**
 * The glossary, loaded once per language the first time a screen needs it, and
 * the matcher built from it. If it cannot be loaded the text simply shows
 * without tappable words, and the next screen asks again.
 */
export const useGlossaryStore = defineStore('glossary', () => {
  const api = useApiClient()
  const localeStore = useLocaleStore()

  const byLocale = shallowRef<Partial<Record<Locale, GlossaryTerm[]>>>({})
  const failed = shallowRef<Partial<Record<Locale, boolean>>>({})
  const pending = new Map<Locale, Promise<void>>()

  const terms = computed<GlossaryTerm[] | null>(() => byLocale.value[localeStore.locale] ?? null)
  const matcher = computed<GlossaryMatcher>(() => createGlossaryMatcher(terms.value ?? []))
  const unavailable = computed(() => failed.value[localeStore.locale] === true && terms.value === null)

  function load(locale: Locale = localeStore.locale): Promise<void> {
    if (byLocale.value[locale]) return Promise.resolve()
    const inFlight = pending.get(locale)
    if (inFlight) return inFlight
    const request = api.getGlossary({ locale }).then((result) => {
      pending.delete(locale)
      if (result.ok) byLocale.value = { ...byLocale.value, [locale]: result.value }
      failed.value = { ...failed.value, [locale]: !result.ok }
    })
    pending.set(locale, request)
    return request
  }

  watch(
    () => localeStore.locale,
    (locale) => void load(locale),
  )

  return { terms, matcher, unavailable, load }
})
