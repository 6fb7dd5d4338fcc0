import { defineStore } from 'pinia'
import { ref } from 'vue'

/**
 * The patient's display choices: large text and high contrast. In memory only,
 * like everything a patient chooses, so the idle reset (a fresh app) turns
 * them off. useDisplayModes applies them to the page.
 */
export const useDisplayStore = defineStore('display', () => {
  const largeText = ref(false)
  const highContrast = ref(false)

  function toggleLargeText(): void {
    largeText.value = !largeText.value
  }

  function toggleHighContrast(): void {
    highContrast.value = !highContrast.value
  }

  return { largeText, highContrast, toggleLargeText, toggleHighContrast }
})
