import { watchEffect } from 'vue'
import { useI18n } from 'vue-i18n'
import { useLocaleStore } from '@renderer/app/stores/locale'

/**
 * Keeps vue-i18n, <html lang> and the window title in step with the chosen
 * language, so a screen reader switches voice and the text switches together.
 */
export function useDocumentLocale(): void {
  const localeStore = useLocaleStore()
  const { locale, t } = useI18n({ useScope: 'global' })
  watchEffect(() => {
    locale.value = localeStore.locale
    document.documentElement.lang = localeStore.locale
    document.title = t('app.title')
  })
}
