import { ref, shallowRef, watch } from 'vue'
import type { ItemKind, KioskConfig, Locale } from '@shared/contract'
import type { ApiError } from '@shared/result'
import type { HandoutDetails } from './handoutDetailsStore'
import { useConfigStore } from '@renderer/app/stores/config'
import { useItemStore, type Item } from '@renderer/app/stores/items'

export type HandoutItem = Item

/** Used when the settings cannot be read: no clinic details, "Call the clinic" without a number. */
const NO_CLINIC: Pick<
  KioskConfig,
  'clinicName' | 'clinicPhone' | 'clinicWebsite' | 'clinicLogo' | 'paperSize'
> = {
  clinicName: '',
  clinicPhone: null,
  clinicWebsite: null,
  clinicLogo: null,
  paperSize: 'a4',
}

export type HandoutConfig = typeof NO_CLINIC

/** What a handout page (ProcedureHandout, ConditionHandout) is printed from, besides its item. */
export interface HandoutPageProps {
  config: HandoutConfig
  qr: string | null
  /** The personal fields staff typed, or null for the blank copy. */
  details: HandoutDetails | null
  locale: Locale
  /** Said first, in the language asked for, when the item is not yet in it (and so printed in English). */
  translationNote?: { locale: Locale; text: string } | null
  /** How much the print view had to tighten the page (see FIT_STEPS). */
  fit?: number
}

/**
 * Everything a handout is printed from: the item in each language asked for,
 * and the clinic's details from the settings. Not through the content store,
 * which follows the screen's language (a handout's languages come from its
 * address), but from the same item cache and settings the screens use, so a
 * handout printed from a screen asks for nothing that screen already has.
 */
/** `locales` is null while the languages to print are not known yet: nothing loads, nothing is ready. */
export function useHandoutSource(kind: () => ItemKind, id: () => string, locales: () => Locale[] | null) {
  const itemStore = useItemStore()
  const configStore = useConfigStore()
  const config = shallowRef<HandoutConfig | null>(null)
  const items = shallowRef<Partial<Record<Locale, HandoutItem>>>({})
  const error = ref<ApiError | null>(null)
  const loaded = ref(false)
  let ticket = 0

  async function load(): Promise<void> {
    const mine = ++ticket
    loaded.value = false
    error.value = null
    const wanted = locales()
    if (!wanted) return
    const [settings, ...answers] = await Promise.all([
      configStore.load(),
      ...wanted.map((locale) => itemStore.getItem(kind(), locale, id())),
    ])
    if (mine !== ticket) return
    const found: Partial<Record<Locale, HandoutItem>> = {}
    for (const [index, answer] of answers.entries()) {
      if (!answer.ok) {
        error.value = answer.error
        return
      }
      found[wanted[index]!] = answer.value
    }
    config.value = settings ?? NO_CLINIC
    items.value = found
    loaded.value = true
  }

  watch(() => `${kind()}/${id()}/${locales()?.join('+') ?? '?'}`, load, { immediate: true })

  return { config, items, error, loaded, retry: load }
}
