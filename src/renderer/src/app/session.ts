import { inject, onScopeDispose, type InjectionKey } from 'vue'

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

/**
 * Work to do as a session ends, just before the app is torn down: closing the
 * staff session in the core, counting how long the session lasted. Provided by
 * createKiosk, which runs every hook before the reset (a failing hook cannot stop it).
 */
export const sessionEndHooksKey: InjectionKey<Set<() => void>> = Symbol('kiosk session end hooks')

/** Runs `hook` when this session ends, for as long as the calling component lives. */
export function onSessionEnd(hook: () => void): void {
  const hooks = inject(sessionEndHooksKey, null)
  if (!hooks) return
  hooks.add(hook)
  onScopeDispose(() => hooks.delete(hook))
}
