import { defineStore } from 'pinia'
import { computed, shallowRef } from 'vue'
import type { KioskConfig } from '@shared/contract'
import type { DateFormat } from '@shared/regions'
import { useApiClient } from '@renderer/api/client'

/**
 * The kiosk's settings as the page sees them, asked for once per session and
 * shared by every screen (idle times, default language, paper, clinic details).
 * A failed answer is not kept, so the next screen that needs the settings asks
 * again; until then each caller uses its own defaults. Staff saving the settings
 * calls refresh(), so this session follows the new values at once.
 */
export const useConfigStore = defineStore('config', () => {
  const api = useApiClient()
  const config = shallowRef<KioskConfig | null>(null)
  let pending: Promise<KioskConfig | null> | null = null
  /** How the clinic's region writes a date; day, month, year until the settings say. */
  const dateFormat = computed<DateFormat>(() => config.value?.dateFormat ?? 'day-month-year')

  function load(): Promise<KioskConfig | null> {
    pending ??= api.getKioskConfig({}).then((result) => {
      if (result.ok) return (config.value = result.value)
      pending = null
      return null
    })
    return pending
  }

  function refresh(): Promise<KioskConfig | null> {
    pending = null
    return load()
  }

  return { config, dateFormat, load, refresh }
})
