import { computed, reactive } from 'vue'
import type { KioskConfig } from '@shared/contract'
import { useConfigStore } from '@renderer/app/stores/config'

/** The settings the kiosk's behaviour here depends on. */
export type IdleConfig = Pick<
  KioskConfig,
  'idleTimeoutSeconds' | 'idleWarningSeconds' | 'staffIdleSeconds' | 'explainIdleSeconds'
>

/** The core's defaults, used until (or if never) the settings arrive. */
const FALLBACK_IDLE_CONFIG: IdleConfig = {
  idleTimeoutSeconds: 90,
  idleWarningSeconds: 20,
  staffIdleSeconds: 60,
  explainIdleSeconds: 600,
}

/**
 * The idle times from the kiosk's settings (the session's config store).
 * The core answers even when the content is unavailable; if the call fails
 * anyway, the defaults hold, so the privacy reset always runs.
 */
export function useIdleConfig(): IdleConfig {
  const configStore = useConfigStore()
  void configStore.load()
  return reactive({
    idleTimeoutSeconds: computed(
      () => configStore.config?.idleTimeoutSeconds ?? FALLBACK_IDLE_CONFIG.idleTimeoutSeconds,
    ),
    idleWarningSeconds: computed(
      () => configStore.config?.idleWarningSeconds ?? FALLBACK_IDLE_CONFIG.idleWarningSeconds,
    ),
    staffIdleSeconds: computed(
      () => configStore.config?.staffIdleSeconds ?? FALLBACK_IDLE_CONFIG.staffIdleSeconds,
    ),
    explainIdleSeconds: computed(
      () => configStore.config?.explainIdleSeconds ?? FALLBACK_IDLE_CONFIG.explainIdleSeconds,
    ),
  })
}
