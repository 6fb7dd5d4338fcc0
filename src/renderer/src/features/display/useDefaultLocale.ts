import { useApiClient } from '@renderer/api/client'
import { useLocaleStore } from '@renderer/app/stores/locale'

/**
 * Starts each session in the kiosk's default language (the staff setting), as
 * soon as the settings arrive, unless the patient has already chosen one. It is
 * not the patient's choice, so it is not counted as a language used.
 */
export function useDefaultLocale(): void {
  const api = useApiClient()
  const localeStore = useLocaleStore()
  let chosen = false
  localeStore.$onAction(({ name }) => {
    if (name === 'setLocale') chosen = true
  })
  void api.getKioskConfig({}).then((result) => {
    if (result.ok && !chosen) localeStore.$patch({ locale: result.value.defaultLocale })
  })
}
