import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import { storeToRefs } from 'pinia'
import type { Locale } from '@shared/contract'
import { useConfigStore } from './stores/config'
import { onPaper, type WhereToGo } from '@renderer/ui/whereToGo'

/**
 * The clinic's name, phone, emergency number, out-of-hours advice and crisis
 * line from the settings, in one language (the screen's, or a handout part's),
 * and how that region writes dates. Until the settings arrive (or when they cannot be read)
 * the kiosk says "the clinic" and shows no number it does not have; on paper
 * (`paper`), a line to write the missing one on (`onPaper`).
 */
export function useWhereToGo(locale: () => Locale, options: { paper?: () => boolean } = {}) {
  const configStore = useConfigStore()
  void configStore.load()
  const { t } = useI18n()

  // One sentence per language the settings hold (English and Spanish); others read the English one.
  const inLanguage = (said: { en: string | null; es: string | null }) =>
    said[locale() as 'en' | 'es'] ?? said.en
  const where = computed<WhereToGo>(() => {
    const config = configStore.config
    const settings: WhereToGo = {
      clinic: config?.clinicName ?? t('help.theClinic', {}, { locale: locale() }),
      phone: config?.clinicPhone ?? null,
      emergencyNumber: config?.emergencyNumber ?? null,
      outOfHours: config ? inLanguage(config.outOfHours) : null,
      crisisLine: config ? inLanguage(config.crisisLine) : null,
    }
    return options.paper?.() ? onPaper(settings, say) : settings
  })
  const { dateFormat } = storeToRefs(configStore)

  /** A message in this language. */
  const say = (key: string, named: Record<string, unknown> = {}) => t(key, named, { locale: locale() })

  return { where, dateFormat, say }
}
