import { defineStore } from 'pinia'
import { ref } from 'vue'

/**
 * Where the patient is in "Check your understanding", and the answers chosen so
 * far. In memory only, never sent or saved: the idle reset rebuilds the app and
 * they are gone. One quiz at a time; opening another procedure's quiz starts fresh.
 */
export const useQuizStore = defineStore('quiz', () => {
  const procedureId = ref<string | null>(null)
  /** The question on screen, from 0; equal to the number of questions when finished. */
  const index = ref(0)
  /** The option chosen for each question answered so far, in order. */
  const answers = ref<number[]>([])

  function restart(): void {
    index.value = 0
    answers.value = []
  }

  function open(id: string): void {
    if (procedureId.value === id) return
    procedureId.value = id
    restart()
  }

  /** The first answer to a question stands: the explanation follows it. */
  function choose(option: number): void {
    if (answers.value.length === index.value) answers.value.push(option)
  }

  function next(): void {
    if (answers.value.length > index.value) index.value++
  }

  return { procedureId, index, answers, open, choose, next, restart }
})
