import { defineStore } from 'pinia'
import { ref, shallowRef, watch, type ShallowRef } from 'vue'
import type { Condition, Guide, ItemKind, Locale, Procedure } from '@shared/contract'
import type { ApiError, Result } from '@shared/result'
import { useLocaleStore } from './locale'
import { useItemStore, type Topics } from './items'

export type { Topics }
/** The item type of each kind. */
export type ItemOf<K extends ItemKind> = { condition: Condition; procedure: Procedure; guide: Guide }[K]

/**
 * What the screen shows from the content database (items come through the
 * session's item cache, items.ts). One request is "current" at
 * a time (the screen the patient is on); an answer to an older request, from a
 * quick double tap or a language switch mid-load, is dropped.
 */
export const useContentStore = defineStore('content', () => {
  const localeStore = useLocaleStore()
  const items = useItemStore()

  const topics = shallowRef<Topics | null>(null)
  const condition = shallowRef<Condition | null>(null)
  const procedure = shallowRef<Procedure | null>(null)
  const guide = shallowRef<Guide | null>(null)
  const loading = ref(false)
  const error = ref<ApiError | null>(null)

  // Which locale (and id) each loaded value is in, so a revisit needs no request.
  const loadedKeys = { topics: '', condition: '', procedure: '', guide: '' }
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

  /** Shows `shown` for `key` (language, and id): from what is loaded if it is that, else asked for. */
  function load<T>(
    which: keyof typeof loadedKeys,
    shown: ShallowRef<T | null>,
    key: string,
    call: (locale: Locale) => Promise<Result<T>>,
    again: () => Promise<void>,
  ): Promise<void> {
    reloadCurrent = again
    if (shown.value && loadedKeys[which] === key) return settle()
    return request(call, (value) => {
      shown.value = value
      loadedKeys[which] = key
    })
  }

  function loadTopics(): Promise<void> {
    return load('topics', topics, localeStore.locale, (locale) => items.getTopics(locale), loadTopics)
  }

  /** The item of each kind on screen, for `loadItem` to fill. */
  const shownItems: { [K in ItemKind]: ShallowRef<ItemOf<K> | null> } = { condition, procedure, guide }

  /** Shows the `kind` item `id` in the current language. */
  function loadItem<K extends ItemKind>(kind: K, id: string): Promise<void> {
    const get = (locale: Locale) => items.getItem(kind, locale, id) as Promise<Result<ItemOf<K>>>
    return load(kind, shownItems[kind], `${localeStore.locale}:${id}`, get, () => loadItem(kind, id))
  }

  const loadCondition = (id: string) => loadItem('condition', id)
  const loadProcedure = (id: string) => loadItem('procedure', id)
  const loadGuide = (id: string) => loadItem('guide', id)

  /** "Try again" on the out-of-order screen: ask once more, even if something is cached. */
  function retry(): Promise<void> {
    loadedKeys.topics = loadedKeys.condition = loadedKeys.procedure = loadedKeys.guide = ''
    return reloadCurrent?.() ?? Promise.resolve()
  }

  /** After a content pack is switched: nothing loaded before is current any more. */
  function forget(): void {
    loadedKeys.topics = loadedKeys.condition = loadedKeys.procedure = loadedKeys.guide = ''
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
    guide,
    loading,
    error,
    loadTopics,
    loadCondition,
    loadProcedure,
    loadGuide,
    loadItem,
    retry,
    forget,
  }
})
