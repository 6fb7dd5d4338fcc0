import { defineStore } from 'pinia'
import { ref, shallowRef, watch } from 'vue'
import type { Condition, Locale, MethodOutput, Procedure } from '@shared/contract'
import type { ApiError, Result } from '@shared/result'
import { useApiClient } from '@renderer/api/client'
import { useLocaleStore } from './locale'
import { useItemStore } from './items'

export type Topics = MethodOutput<'listTopics'>

/**
 * What the screen shows from the content database (items come through the
 * session's item cache, items.ts). One request is "current" at
 * a time (the screen the patient is on); an answer to an older request, from a
 * quick double tap or a language switch mid-load, is dropped.
 */
export const useContentStore = defineStore('content', () => {
  const api = useApiClient()
  const localeStore = useLocaleStore()
  const items = useItemStore()

  const topics = shallowRef<Topics | null>(null)
  const condition = shallowRef<Condition | null>(null)
  const procedure = shallowRef<Procedure | null>(null)
  const loading = ref(false)
  const error = ref<ApiError | null>(null)

  // Which locale (and id) each loaded value is in, so a revisit needs no request.
  const loadedKeys = { topics: '', condition: '', procedure: '' }
  let ticket = 0
  let reloadCurrent: (() => Promise<void>) | null = null

  async function request<T>(
    call: (locale: Locale) => Promise<Result<T>>,
    apply: (value: T) => void,
  ): Promise<void> {
    const mine = ++ticket
    loading.value = true
    error.value = null
    const result = await call(localeStore.locale)
    if (mine !== ticket) return
    loading.value = false
    if (result.ok) apply(result.value)
    else error.value = result.error
  }

  /** A cached value is on screen: settle the state so an older answer cannot land. */
  function settle(): Promise<void> {
    ticket++
    loading.value = false
    error.value = null
    return Promise.resolve()
  }

  function loadTopics(): Promise<void> {
    reloadCurrent = loadTopics
    const key = localeStore.locale
    if (topics.value && loadedKeys.topics === key) return settle()
    return request(
      (locale) => api.listTopics({ locale }),
      (value) => {
        topics.value = value
        loadedKeys.topics = key
      },
    )
  }

  function loadCondition(id: string): Promise<void> {
    reloadCurrent = () => loadCondition(id)
    const key = `${localeStore.locale}:${id}`
    if (condition.value && loadedKeys.condition === key) return settle()
    return request(
      (locale) => items.getCondition(locale, id),
      (value) => {
        condition.value = value
        loadedKeys.condition = key
      },
    )
  }

  function loadProcedure(id: string): Promise<void> {
    reloadCurrent = () => loadProcedure(id)
    const key = `${localeStore.locale}:${id}`
    if (procedure.value && loadedKeys.procedure === key) return settle()
    return request(
      (locale) => items.getProcedure(locale, id),
      (value) => {
        procedure.value = value
        loadedKeys.procedure = key
      },
    )
  }

  /** "Try again" on the out-of-order screen: ask once more, even if something is cached. */
  function retry(): Promise<void> {
    loadedKeys.topics = loadedKeys.condition = loadedKeys.procedure = ''
    return reloadCurrent?.() ?? Promise.resolve()
  }

  /** After a content pack is switched: nothing loaded before is current any more. */
  function forget(): void {
    loadedKeys.topics = loadedKeys.condition = loadedKeys.procedure = ''
    items.forget()
  }

  // The content follows the UI language: reload whatever is on screen.
  watch(
    () => localeStore.locale,
    () => reloadCurrent?.(),
  )

  return {
    topics,
    condition,
    procedure,
    loading,
    error,
    loadTopics,
    loadCondition,
    loadProcedure,
    retry,
    forget,
  }
})
