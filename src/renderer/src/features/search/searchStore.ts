import { defineStore } from 'pinia'
import { computed, ref, shallowRef, watch } from 'vue'
import { watchDebounced } from '@vueuse/core'
import type { Locale, SearchHit, SearchResult } from '@shared/contract'
import { useApiClient } from '@renderer/api/client'
import { useLocaleStore } from '@renderer/app/stores/locale'

/** Long enough not to search on every letter, short enough to feel immediate. */
export const SEARCH_DEBOUNCE_MS = 300
/** The contract's limit on a query. */
export const SEARCH_MAX_LENGTH = 200

export type SearchStatus = 'idle' | 'searching' | 'done' | 'error'

/**
 * What the patient typed and what it found. It lives only here, in memory: the
 * idle reset rebuilds the app and it is gone. Nothing is logged or stored.
 * Only the latest search counts; an older answer arriving late is dropped.
 */
export const useSearchStore = defineStore('search', () => {
  const api = useApiClient()
  const localeStore = useLocaleStore()

  const query = ref('')
  const hits = shallowRef<SearchHit[]>([])
  /** What was searched for instead of a word that found nothing ("steroid" for "steriod"), or null. */
  const correctedTo = ref<string | null>(null)
  /** Other languages that find something when this one finds nothing. */
  const elsewhere = shallowRef<SearchResult['elsewhere']>([])
  /** The patient asked for the words exactly as typed (no correction), for this text only. */
  const asTyped = ref(false)
  const status = ref<SearchStatus>('idle')
  /** The words the shown results answer (the box may already hold newer ones). */
  const searchedFor = ref('')
  let searchedKey = ''
  let ticket = 0

  async function run(): Promise<void> {
    const text = query.value.trim().slice(0, SEARCH_MAX_LENGTH)
    const locale: Locale = localeStore.locale
    const key = `${locale}\n${asTyped.value}\n${text}`
    const mine = ++ticket
    if (!text) {
      hits.value = []
      correctedTo.value = null
      elsewhere.value = []
      searchedFor.value = searchedKey = ''
      status.value = 'idle'
      return
    }
    if (key === searchedKey && status.value === 'done') return
    status.value = 'searching'
    const result = await api.search({ locale, query: text, ...(asTyped.value ? { asTyped: true } : {}) })
    if (mine !== ticket) return
    if (result.ok) {
      hits.value = result.value.hits
      correctedTo.value = result.value.correctedTo
      elsewhere.value = result.value.elsewhere
      searchedFor.value = text
      searchedKey = key
      status.value = 'done'
    } else {
      hits.value = []
      correctedTo.value = null
      elsewhere.value = []
      searchedKey = ''
      status.value = 'error'
    }
  }

  // New words are corrected again: "as typed" was asked for the old ones.
  watch(query, () => (asTyped.value = false))
  watchDebounced(query, () => void run(), { debounce: SEARCH_DEBOUNCE_MS })
  watch(
    () => localeStore.locale,
    () => void run(),
  )

  /** Search at once (Enter, or a suggested word), without waiting for the pause. */
  function searchNow(text?: string): Promise<void> {
    if (text !== undefined) query.value = text
    return run()
  }

  /** Search the words exactly as typed, without the correction offered. */
  function searchAsTyped(): Promise<void> {
    asTyped.value = true
    return run()
  }

  function clear(): Promise<void> {
    query.value = ''
    return run()
  }

  const conditions = computed(() => hits.value.filter((hit) => hit.kind === 'condition'))
  const procedures = computed(() => hits.value.filter((hit) => hit.kind === 'procedure'))
  const guides = computed(() => hits.value.filter((hit) => hit.kind === 'guide'))

  return {
    query,
    hits,
    correctedTo,
    elsewhere,
    status,
    searchedFor,
    conditions,
    procedures,
    guides,
    searchNow,
    searchAsTyped,
    clear,
  }
})
