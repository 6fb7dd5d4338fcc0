import { defineStore } from 'pinia'
import { ref } from 'vue'

/** How long the core keeps a staff session without use (src/core/data/sessions.ts), when it does not say. */
const DEFAULT_SESSION_SECONDS = 600

/**
 * Staff mode: the session token from staffLogin or staffSetPin. It lives here
 * and nowhere else: in a closure, not in the store's state, so it is never in
 * devtools, web storage, the address or a log. The idle reset builds a new app
 * with a new Pinia, so it goes with the patient's session; Exit forgets it.
 *
 * The store holds no API client, so the router guard can ask it before the app
 * is mounted. Calls go through useStaffApi.
 */
export const useStaffStore = defineStore('staff', () => {
  let token: string | null = null
  let expiresAt = 0
  let ttlSeconds = DEFAULT_SESSION_SECONDS
  let lapseTimer: ReturnType<typeof setTimeout> | undefined

  /** True while a session is open: drives the badge and the guard. */
  const active = ref(false)
  /** True once staff mode has been entered in this app: patient counts stop for the rest of it. */
  const used = ref(false)
  /** Wrong PINs tried before this sign-in, since the one before (staffLogin): shown on the staff menu. */
  const failedTriesSinceLastLogin = ref(0)
  /**
   * Where staff handed over to the patient (explain mode's slide): the PIN returns there.
   * A path, nothing secret; it goes with this app at the idle reset.
   */
  const resumeAt = ref<string | null>(null)

  function begin(newToken: string, expiresInSeconds: number): void {
    token = newToken
    ttlSeconds = expiresInSeconds > 0 ? expiresInSeconds : DEFAULT_SESSION_SECONDS
    active.value = true
    used.value = true
    resumeAt.value = null
    extend()
  }

  /** The core extends a session each time it is used; so does this side. */
  function extend(): void {
    if (!token) return
    expiresAt = Date.now() + ttlSeconds * 1000
    clearTimeout(lapseTimer)
    lapseTimer = setTimeout(end, ttlSeconds * 1000)
  }

  /** The token for a staff call, while the session lives. */
  function currentToken(): string | null {
    if (token && Date.now() >= expiresAt) end()
    return token
  }

  function isLive(): boolean {
    return currentToken() !== null
  }

  /** Forgets the session; returns the token once more so the caller can close it in the core. */
  function end(): string | null {
    const last = token
    token = null
    expiresAt = 0
    clearTimeout(lapseTimer)
    lapseTimer = undefined
    active.value = false
    return last
  }

  return { active, used, failedTriesSinceLastLogin, resumeAt, begin, extend, currentToken, isLive, end }
})
