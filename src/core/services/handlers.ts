/**
 * Every contract method's implementation, gathered for the shells (IPC and
 * HTTP): the content queries plus the kiosk's own configuration. The config is
 * answered even when the content is unavailable, so the idle reset still works
 * on the "out of order" screen.
 */
import type { KioskConfig, MethodInput, MethodName, MethodOutput } from '../../shared/contract.ts'
import type { ContentHandlers } from './content-service.ts'

export type Handlers = { [M in MethodName]: (input: MethodInput<M>) => MethodOutput<M> }

export const DEFAULT_KIOSK_CONFIG: KioskConfig = { idleTimeoutSeconds: 90, idleWarningSeconds: 20 }

export function createHandlers(
  content: ContentHandlers,
  config: KioskConfig = DEFAULT_KIOSK_CONFIG,
): Handlers {
  const frozen = Object.freeze({ ...config })
  return { ...content, getKioskConfig: () => frozen }
}
