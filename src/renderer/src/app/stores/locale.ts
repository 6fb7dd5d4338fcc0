import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { Locale } from '@shared/contract'
import { SOURCE_LOCALE } from '@shared/vocabulary'
import { useApiClient } from '@renderer/api/client'
import { UI_LANGUAGES, type UiLanguage } from '@renderer/app/i18n'

/**
 * The language the patient chose. UI strings and content both follow it: the
 * App syncs vue-i18n and <html lang> (useDocumentLocale), the content store
 * reloads what is on screen.
 *
 * The languages offered are data: those with a messages file (UI_LANGUAGES)
 * that the content also offers (contentInfo), asked for once per session.
 */
export const useLocaleStore = defineStore('locale', () => {
  const api = useApiClient()
  const locale = ref<Locale>(SOURCE_LOCALE)
  /** The content's languages; null until known (English alone is offered until then). */
  const contentLocales = shallowRef<Locale[] | null>(null)
  let pending: Promise<void> | null = null

  const languages = computed<UiLanguage[]>(() =>
    UI_LANGUAGES.filter((l) =>
      contentLocales.value ? contentLocales.value.includes(l.code) : l.code === SOURCE_LOCALE,
    ),
  )

  function load(): Promise<void> {
    pending ??= api.contentInfo({}).then((result) => {
      // Without an answer the kiosk speaks English (the source) only; the next screen asks again.
      contentLocales.value = result.ok ? result.value.locales : (contentLocales.value ?? [SOURCE_LOCALE])
      if (!result.ok) pending = null
    })
    return pending
  }

  /** Whether the content's languages have arrived (until then only English is offered). */
  const known = computed(() => contentLocales.value !== null)

  /** Whether the kiosk offers this language now (a default setting or a link may name one it does not). */
  function offers(code: Locale): boolean {
    return languages.value.some((l) => l.code === code)
  }

  function setLocale(next: Locale): void {
    locale.value = next
  }

  return { locale, languages, known, load, offers, setLocale }
})
