import { useConfigStore } from '@renderer/app/stores/config'
import { useLocaleStore } from '@renderer/app/stores/locale'

/**
 * Starts each session in the kiosk's default language (the staff setting), as
 * soon as the settings arrive, unless the patient has already chosen one. It is
 * not the patient's choice, so it is not counted as a language used. A default
 * the content does not offer (a pack without that language) leaves English.
 */
export function useDefaultLocale(): void {
  const configStore = useConfigStore()
  const localeStore = useLocaleStore()
  let chosen = false
  localeStore.$onAction(({ name }) => {
    if (name === 'setLocale') chosen = true
  })
  void Promise.all([configStore.load(), localeStore.load()]).then(([config]) => {
    if (config && !chosen && localeStore.offers(config.defaultLocale))
      localeStore.$patch({ locale: config.defaultLocale })
  })
}
