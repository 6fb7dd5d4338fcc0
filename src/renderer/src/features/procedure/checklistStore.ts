import { defineStore } from 'pinia'
import { ref } from 'vue'

export type ChecklistName = 'before' | 'questions'

/**
 * What the patient ticked on "Before my injection" and "My questions". In memory
 * only: the idle reset rebuilds the app and the ticks are gone. Items are
 * counted by position, which is the same in every language, so ticks survive a
 * change of language.
 */
export const useChecklistStore = defineStore('checklist', () => {
  const ticked = ref(new Set<string>())
  const key = (procedureId: string, list: ChecklistName, index: number) => `${procedureId}/${list}/${index}`

  function isTicked(procedureId: string, list: ChecklistName, index: number): boolean {
    return ticked.value.has(key(procedureId, list, index))
  }

  function setTicked(procedureId: string, list: ChecklistName, index: number, value: boolean): void {
    if (value) ticked.value.add(key(procedureId, list, index))
    else ticked.value.delete(key(procedureId, list, index))
  }

  return { ticked, isTicked, setTicked }
})
