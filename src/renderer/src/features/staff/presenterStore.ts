import { defineStore } from 'pinia'
import { ref } from 'vue'

/** What a clinician ticks during the consent talk, in the order it usually happens. */
export const CONSENT_POINTS = ['benefits', 'risks', 'alternatives', 'nothing', 'questions', 'quiz'] as const
export type ConsentPoint = (typeof CONSENT_POINTS)[number]

export type PatientSide = 'left' | 'right'

/**
 * Where the consent presenter is, for the procedure being explained: the
 * chapter and its page (not the slide number, which changes with the screen and
 * the language), the patient's side, a blanked screen, and the consent and
 * teach-back checklist. It lives in memory only, in the session's Pinia: never
 * in web storage, the address or the core, and it goes with the app at the idle
 * reset and at staff Exit (both build a new app). It outlives the presenter's
 * screen, so printing a handout or handing the quiz to the patient and coming
 * back finds the same slide and the same ticks.
 */
export const usePresenterStore = defineStore('presenter', () => {
  const procedureId = ref<string | null>(null)
  const at = ref<{ chapter: string; page: number } | null>(null)
  const side = ref<PatientSide | null>(null)
  const blank = ref(false)
  const ticked = ref<ConsentPoint[]>([])

  /** A new procedure starts a new talk: first slide, no side, nothing ticked. */
  function start(id: string): void {
    if (procedureId.value === id) return
    procedureId.value = id
    at.value = null
    side.value = null
    blank.value = false
    ticked.value = []
  }

  function isTicked(point: ConsentPoint): boolean {
    return ticked.value.includes(point)
  }

  function setTicked(point: ConsentPoint, on: boolean): void {
    const others = ticked.value.filter((p) => p !== point)
    ticked.value = on ? CONSENT_POINTS.filter((p) => p === point || others.includes(p)) : others
  }

  return { procedureId, at, side, blank, ticked, start, isTicked, setTicked }
})
