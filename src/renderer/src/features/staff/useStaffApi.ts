import { useRouter } from 'vue-router'
import type { MethodInput, MethodName, MethodOutput } from '@shared/contract'
import type { Result } from '@shared/result'
import { useApiClient } from '@renderer/api/client'
import { useStaffStore } from './staffStore'
import { STAFF_PIN_ROUTE } from './paths'

/** The staff methods that need the session token (access "staff" in src/shared/contract.ts, less staffLogout). */
export type StaffCall =
  | 'getSettings'
  | 'updateSettings'
  | 'usageReport'
  | 'reviewItems'
  | 'reviewItem'
  | 'signOffItem'
  | 'exportSignoffs'
  | 'importSignoffs'
  | 'packStatus'
  | 'rollbackContent'
  | 'feedStatus'
  | 'feedCheckNow'
  | 'feedTrustRoot'
  | 'feedReleaseHold'
  | 'importPack'
  | 'staffKeepAlive'

export type WithoutToken<M extends StaffCall> = Omit<MethodInput<M>, 'token'>
type Call<M extends MethodName> = (input: MethodInput<M>) => Promise<Result<MethodOutput<M>>>

const ENDED: Result<never> = {
  ok: false,
  error: { code: 'unauthorized', message: 'Staff mode has ended. Please enter the PIN again.' },
}

/**
 * Staff calls with the session token added, and the way in and out of staff
 * mode. An 'unauthorized' answer (the session ran out in the core, or the core
 * restarted) ends staff mode here too and goes to the PIN screen, which comes
 * back to the same screen afterwards.
 *
 * A PIN is passed straight to the one call that needs it and is not kept: not
 * here, not in the store, not in a log.
 */
export function useStaffApi() {
  const api = useApiClient()
  const staff = useStaffStore()
  const router = useRouter()

  function toPinScreen(): void {
    const here = router.currentRoute.value
    void router.push({ name: STAFF_PIN_ROUTE, query: { next: here.fullPath } })
  }

  async function call<M extends StaffCall>(
    method: M,
    input: WithoutToken<M>,
  ): Promise<Result<MethodOutput<M>>> {
    const token = staff.currentToken()
    if (!token) {
      toPinScreen()
      return ENDED
    }
    const send = api[method] as unknown as Call<M>
    const result = await send({ ...input, token } as MethodInput<M>)
    if (result.ok) staff.extend()
    else if (result.error.code === 'unauthorized') {
      staff.end()
      toPinScreen()
    }
    return result
  }

  function status() {
    return api.staffStatus({})
  }

  async function login(pin: string): Promise<Result<MethodOutput<'staffLogin'>>> {
    const result = await api.staffLogin({ pin })
    if (result.ok) {
      staff.begin(result.value.token, result.value.expiresInSeconds)
      staff.failedTriesSinceLastLogin = result.value.failedTriesSinceLastLogin
    }
    return result
  }

  /** First run: sets the PIN with the one-time set-up code from the data folder, and opens a session. */
  async function setPin(pin: string, setupCode: string): Promise<Result<MethodOutput<'staffSetPin'>>> {
    const result = await api.staffSetPin({ pin, setupCode })
    if (result.ok) staff.begin(result.value.token, result.value.expiresInSeconds)
    return result
  }

  /** Ends staff mode here at once, and closes the session in the core without waiting. */
  function logout(): void {
    const token = staff.end()
    if (token) void api.staffLogout({ token })
  }

  return { call, status, login, setPin, logout }
}
