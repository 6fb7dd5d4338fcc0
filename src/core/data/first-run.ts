/**
 * The first staff PIN. Whoever happens to reach the screen first must not be
 * the one to choose it, so a PIN is set only by someone who can read the
 * kiosk's data folder: from the command line (`kiosk set-pin`, or the app's own
 * `--set-pin`), or on the staff set-up screen with a one-time code the core
 * writes to DATA/first-run-code.txt, readable only by the kiosk's OS account
 * (0600), the way Jenkins and Jupyter bootstrap their first login. The file
 * goes once a PIN is set. Without a data folder (the in-memory preview server)
 * the code lives in memory and the server prints it at start.
 */
import { randomInt, timingSafeEqual } from 'node:crypto'
import { chmodSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { read } from 'read'
import type { Database } from 'better-sqlite3'
import { Pin } from '../../shared/contract.ts'
import { openDataDb } from './open.ts'
import { hasPin, setPin } from './pin.ts'

export const FIRST_RUN_CODE_FILE = 'first-run-code.txt'
const CODE_DIGITS = 8
const CODE_PATTERN = /^[0-9]{8}$/

/** Wrong codes before set-up pauses, and the first pause; each further pause doubles. */
export const SETUP_TRIES_BEFORE_PAUSE = 5
export const FIRST_SETUP_PAUSE_MS = 60_000

function newCode(): string {
  return String(randomInt(0, 10 ** CODE_DIGITS)).padStart(CODE_DIGITS, '0')
}

/** What staff typed, as the code: spaces and dashes are only there for reading. */
function normalise(typed: string): string {
  return typed.replace(/[\s-]/g, '')
}

export type SetupCheck = { ok: true } | { ok: false; retryAfterMs: number; triesLeft?: number }

export interface FirstRunCode {
  /** The code while no PIN is set (written again if someone removed the file), else null. */
  current(): string | null
  /** Checks a typed code, counting wrong ones (in memory: a restart needs the kiosk's account anyway). */
  check(typed: string | undefined, now: number): SetupCheck
  /** A PIN is set: the code is spent. */
  spent(): void
}

export function firstRunCode(
  db: Database,
  dataDir: string | null,
  log: (message: string) => void = () => {},
): FirstRunCode {
  let memoryCode: string | null = null
  let wrong = 0
  let pauses = 0
  let pausedUntil = 0
  const file = dataDir ? join(dataDir, FIRST_RUN_CODE_FILE) : null

  function readFile(path: string): string | null {
    try {
      const code = readFileSync(path, 'utf8').trim()
      return CODE_PATTERN.test(code) ? code : null
    } catch {
      return null
    }
  }

  function current(): string | null {
    if (hasPin(db)) return null
    if (!file) return (memoryCode ??= newCode())
    const existing = readFile(file)
    const code = existing ?? newCode()
    try {
      if (!existing) writeFileSync(file, `${code}\n`, { mode: 0o600 })
      // Whatever made the file, only the kiosk's account reads it.
      chmodSync(file, 0o600)
    } catch (err) {
      // A full or read-only disk must not stop the kiosk: with no code, set-up on the
      // screen is refused, and `set-pin` on the command line still works.
      log(`the staff set-up code could not be written: ${(err as NodeJS.ErrnoException).code ?? 'error'}`)
      return null
    }
    return code
  }

  function spent(): void {
    memoryCode = null
    if (file) rmSync(file, { force: true })
  }

  function check(typed: string | undefined, now: number): SetupCheck {
    if (pausedUntil > now) return { ok: false, retryAfterMs: pausedUntil - now }
    const code = current()
    const given = Buffer.from(normalise(typed ?? ''))
    if (code && given.length === code.length && timingSafeEqual(given, Buffer.from(code))) {
      wrong = 0
      pauses = 0
      return { ok: true }
    }
    wrong += 1
    if (wrong < SETUP_TRIES_BEFORE_PAUSE) {
      return { ok: false, retryAfterMs: 0, triesLeft: SETUP_TRIES_BEFORE_PAUSE - wrong }
    }
    wrong = 0
    const pause = FIRST_SETUP_PAUSE_MS * 2 ** pauses++
    pausedUntil = now + pause
    return { ok: false, retryAfterMs: pause }
  }

  // At start: a kiosk without a PIN has its code ready; one with a PIN has no stale code lying about.
  if (hasPin(db)) spent()
  else current()

  return { current, check, spent }
}

/**
 * `kiosk set-pin` and the app's `--set-pin`: whoever can run the kiosk as its
 * own account sets (or replaces) the PIN without a code, and the code file goes.
 */
export function setPinAsOwner(dataDir: string, pin: string): void {
  const db = openDataDb(dataDir)
  try {
    setPin(db, pin)
    rmSync(join(dataDir, FIRST_RUN_CODE_FILE), { force: true })
  } finally {
    db.close()
  }
}

/**
 * Reads one line from standard input, without echo at a terminal (npm's own
 * `read` package, which mutes the terminal properly), or as piped in.
 */
export async function readSecretLine(prompt: string): Promise<string> {
  const terminal = Boolean(process.stdin.isTTY)
  // Standard input may end before a whole line (nothing piped in): then there is no PIN.
  // (A last line without a line break comes with the end: let read take it first.)
  const ended = new Promise<string>((resolve) =>
    process.stdin.once('end', () => setTimeout(() => resolve(''), 100)),
  )
  try {
    const line = await Promise.race([
      read({
        prompt: terminal ? prompt : '',
        silent: terminal,
        replace: '',
        input: process.stdin,
        output: process.stderr,
        terminal,
      }),
      ended,
    ])
    return String(line).trim()
  } catch {
    // Standard input closed before a line (nothing piped in): no PIN.
    return ''
  }
}

/**
 * The whole of `kiosk set-pin` and the app's `--set-pin`: the PIN from standard
 * input (a prompt without echo at a terminal), never from an argument, where
 * the process list and shell history would show it. Returns the exit code.
 */
export async function setPinFromStdin(
  dataDir: string,
  readLine: (prompt: string) => Promise<string> = readSecretLine,
): Promise<number> {
  const parsed = Pin.safeParse(await readLine('New staff PIN (4 to 8 digits): '))
  if (!parsed.success) {
    console.error('Not set: a PIN is 4 to 8 digits.')
    return 1
  }
  setPinAsOwner(dataDir, parsed.data)
  console.log('The staff PIN is set.')
  return 0
}
