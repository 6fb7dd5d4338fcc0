/**
 * The single entry point for every call from outside the core, whatever the
 * transport (IPC or HTTP): check the method exists, validate the input against
 * the contract, run the handler, and turn every failure into a typed error.
 * Nothing a caller sends can throw past this function.
 */
import { contract, isMethodName } from '../../shared/contract.ts'
import type { MethodName, MethodOutput } from '../../shared/contract.ts'
import { ApiFailure, fail, ok } from '../../shared/result.ts'
import type { Result } from '../../shared/result.ts'
import { diskFullFailure, isDiskFull } from '../data/disk-full.ts'
import type { Handlers } from './handlers.ts'

export type Logger = (message: string) => void

/**
 * Never logs the input: a patient may have typed it (search text), and nothing
 * a patient types is written anywhere.
 */
const defaultLogger: Logger = (message) => console.error(message)

/**
 * An error's type and where it happened, without its message: messages (an
 * SQLite error, say) can quote the request, and the request may hold what a
 * patient typed.
 */
export function describeWithoutMessage(err: unknown): string {
  if (!(err instanceof Error)) return typeof err
  const frames = (err.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line))
  return [err.name, ...frames.slice(0, 8)].join('\n')
}

export async function dispatch(
  handlers: Handlers,
  method: unknown,
  input: unknown,
  log: Logger = defaultLogger,
): Promise<Result<MethodOutput<MethodName>>> {
  if (!isMethodName(method)) {
    return fail('unknown-method', `There is no method ${JSON.stringify(String(method).slice(0, 60))}.`)
  }
  const parsed = contract[method].input.safeParse(input)
  if (!parsed.success) {
    const fieldErrors = parsed.error.issues.map((i) => ({
      field: i.path.map(String).join('.') || '(input)',
      message: i.message,
    }))
    const fields = [...new Set(fieldErrors.map((f) => f.field))]
    return fail('bad-input', `The request to ${method} is not valid: check ${fields.join(', ')}.`, {
      fields,
      fieldErrors,
    })
  }
  const handler = handlers[method] as (
    input: unknown,
  ) => MethodOutput<MethodName> | Promise<MethodOutput<MethodName>>
  if (!CHECK_OUTPUTS) return asResult(method, () => handler(parsed.data), log)
  return asResult(method, async () => checkedOutput(method, await handler(parsed.data)), log)
}

/**
 * Outside production builds (tests, the preview server, development), every
 * answer is checked against its contract too, so a handler that drifts from
 * the contract fails loudly where it is made, not in a screen.
 */
export const CHECK_OUTPUTS = process.env.NODE_ENV !== 'production'

export class ContractDrift extends Error {
  constructor(method: string, fields: string[]) {
    super(`the answer of ${method} does not match the contract: ${fields.join(', ')}`)
    this.name = 'ContractDrift'
  }
}

function checkedOutput<T>(method: MethodName, value: T): T {
  const checked = contract[method].output.safeParse(value)
  if (checked.success) return value
  throw new ContractDrift(
    method,
    checked.error.issues.map((i) => `${i.path.map(String).join('.') || '(answer)'}: ${i.message}`),
  )
}

/**
 * Runs `work` and turns any failure into a typed Result: an ApiFailure with its
 * code, message and details; anything else as 'internal', logged without its
 * message. Shared by dispatch and the Electron shell's own channels.
 */
export async function asResult<T>(
  label: string,
  work: () => T | Promise<T>,
  log: Logger = defaultLogger,
): Promise<Result<T>> {
  try {
    return ok(await work())
  } catch (err) {
    if (err instanceof ApiFailure) return { ok: false, error: err.toError() }
    // A full disk (a PIN try, a setting, an uploaded pack) gets words staff can act on, not "internal".
    if (isDiskFull(err)) {
      log(`${label}: not saved, the disk is full`)
      return fail('disk-full', diskFullFailure().message)
    }
    // A contract drift names fields and rules only, never values: its message is safe to log.
    log(
      `internal error in ${label}: ${err instanceof ContractDrift ? err.message : describeWithoutMessage(err)}`,
    )
    return fail('internal', 'Something went wrong inside the kiosk. Please ask at the desk.')
  }
}
