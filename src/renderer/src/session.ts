import { inject, type InjectionKey } from 'vue'

/**
 * Ends the patient's session: startKiosk (app.ts) tears the whole app down and
 * builds a fresh one. Provided by createKiosk; the idle countdown calls it.
 */
export const endSessionKey: InjectionKey<() => void> = Symbol('kiosk end session')

export function useEndSession(): () => void {
  const end = inject(endSessionKey)
  if (!end) throw new Error('no session to end: create the app with createKiosk()')
  return end
}
