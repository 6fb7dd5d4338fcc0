import { defineStore } from 'pinia'
import { computed, reactive, ref } from 'vue'
import type { ItemKind } from '@shared/contract'

export type HipSide = 'left' | 'right' | 'both'

/** What staff may type for one patient's handout. */
export interface HandoutDetails {
  /** yyyy-mm-dd from a date input, or ''. */
  date: string
  /** hh:mm from a time input, or ''. */
  time: string
  hip: HipSide | null
  medicines: string
  clinician: string
  /** yyyy-mm-dd, or ''. */
  followUp: string
  instructions: string
}

/** Whether staff typed any note a one-page handout (condition, guide) prints: it has no room for blank lines. */
export function hasNotes(details: HandoutDetails | null): boolean {
  return !!details && [details.clinician, details.followUp, details.instructions].some(Boolean)
}

/** Limits that keep a filled-in procedure handout within its 2 pages. */
export const DETAIL_LIMITS = { medicines: 90, clinician: 60, instructions: 240 } as const

const blank = (): HandoutDetails => ({
  date: '',
  time: '',
  hip: null,
  medicines: '',
  clinician: '',
  followUp: '',
  instructions: '',
})

/**
 * The personal fields of the handout staff are preparing. They live here and
 * nowhere else: not in the address, not in web storage, never logged. The idle
 * reset drops them with the whole app (a new Pinia per session), and the
 * handout screen clears them once the handout has printed or when it is left
 * for anywhere but the staff form.
 */
export const useHandoutDetailsStore = defineStore('handoutDetails', () => {
  const details = reactive<HandoutDetails>(blank())
  /** The handout they were typed for; null when none is being prepared. */
  const item = ref<{ kind: ItemKind; id: string } | null>(null)

  function prepare(kind: ItemKind, id: string): void {
    if (item.value?.kind !== kind || item.value.id !== id) Object.assign(details, blank())
    item.value = { kind, id }
  }

  function isFor(kind: ItemKind, id: string): boolean {
    return item.value?.kind === kind && item.value.id === id
  }

  /** After printing: the fields go, the handout stays the one being prepared. */
  function clearDetails(): void {
    Object.assign(details, blank())
  }

  function clear(): void {
    clearDetails()
    item.value = null
  }

  const filled = computed(() =>
    Object.values(details).some((value) => value !== null && String(value).trim() !== ''),
  )

  return { details, item, filled, prepare, isFor, clearDetails, clear }
})
