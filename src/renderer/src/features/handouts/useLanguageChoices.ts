import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import type { Locale } from '@shared/contract'
import { SOURCE_LOCALE } from '@shared/vocabulary'
import { languageNameIn } from '@renderer/app/i18n'
import { useLocaleStore } from '@renderer/app/stores/locale'

/**
 * The languages a staff handout form offers: each language by its own name, and
 * "both", English and the screen's language (for an English screen, the next
 * language offered), as the print view's `lang=both` prints them.
 */
export function useLanguageChoices() {
  const { t } = useI18n()
  const localeStore = useLocaleStore()
  void localeStore.load()
  const bothLanguage = computed(() => {
    const other =
      localeStore.locale !== SOURCE_LOCALE
        ? localeStore.locale
        : (localeStore.languages.find((l) => l.code !== SOURCE_LOCALE)?.code ?? SOURCE_LOCALE)
    return languageNameIn(other, localeStore.locale)
  })
  return computed(() => [
    ...localeStore.languages.map((l) => ({ value: l.code as Locale | 'both', label: l.name })),
    ...(localeStore.languages.length > 1
      ? [{ value: 'both' as const, label: t('handout.staff.both', { language: bothLanguage.value }) }]
      : []),
  ])
}
