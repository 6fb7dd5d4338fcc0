import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { Locale } from '@shared/contract'

/**
 * The language the patient chose. UI strings and content both follow it: the
 * App syncs vue-i18n and <html lang> (useDocumentLocale), the content store
 * reloads what is on screen.
 */
export const useLocaleStore = defineStore('locale', () => {
  const locale = ref<Locale>('en')

  function setLocale(next: Locale): void {
    locale.value = next
  }

  return { locale, setLocale }
})
