import { reactive } from 'vue'
import type { KioskConfig } from '@shared/contract'
import { useApiClient } from '@renderer/api/client'

/** The settings the kiosk's behaviour here depends on. */
export type IdleConfig = Pick<
  KioskConfig,
  'idleTimeoutSeconds' | 'idleWarningSeconds' | 'staffIdleSeconds' | 'explainIdleSeconds'
>

/** The core's defaults, used until (or if never) the settings arrive. */
export const FALLBACK_IDLE_CONFIG: IdleConfig = {
  idleTimeoutSeconds: 90,
  idleWarningSeconds: 20,
  staffIdleSeconds: 60,
  explainIdleSeconds: 600,
}

/**
 * The idle timeout and warning from the kiosk's settings, asked for once per session.
 * The core answers even when the content is unavailable; if the call fails
 * anyway, the defaults hold, so the privacy reset always runs.
 */
export function useIdleConfig(): IdleConfig {
  const api = useApiClient()
  const config = reactive<IdleConfig>({ ...FALLBACK_IDLE_CONFIG })
  void api.getKioskConfig({}).then((result) => {
    if (!result.ok) return
    config.idleTimeoutSeconds = result.value.idleTimeoutSeconds
    config.idleWarningSeconds = result.value.idleWarningSeconds
    config.staffIdleSeconds = result.value.staffIdleSeconds
    config.explainIdleSeconds = result.value.explainIdleSeconds
  })
  return config
}
