/**
 * The staff PIN: stored only as a slow, salted scrypt hash (Node's crypto).
 * Five wrong tries lock entry for 60 s; each further lockout doubles the wait.
 * The counters live in the database, so restarting does not reset them.
 */
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto'
import type { Database } from 'better-sqlite3'
import { isDiskFull } from './disk-full.ts'

/** scrypt cost: about 32 MB and a tenth of a second per try on the kiosk's hardware. */
const COST = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 }
const KEY_LENGTH = 32

export const TRIES_BEFORE_LOCKOUT = 5
export const FIRST_LOCKOUT_MS = 60_000

export function hashPin(pin: string): string {
  const salt = randomBytes(16)
  const hash = scryptSync(pin, salt, KEY_LENGTH, COST)
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64'), hash.toString('base64')].join('$')
}

export function pinMatches(pin: string, stored: string): boolean {
  const [scheme, n, r, p, salt, hash] = stored.split('$')
  if (scheme !== 'scrypt' || !salt || !hash) return false
  const expected = Buffer.from(hash, 'base64')
  const actual = scryptSync(pin, Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: COST.maxmem,
  })
  return timingSafeEqual(actual, expected)
}

interface StaffRow {
  pin_hash: string
  failed_tries: number
  lockouts: number
  locked_until: number
}

export type PinCheck =
  | { ok: true }
  | { ok: false; reason: 'no-pin' }
  | { ok: false; reason: 'wrong'; triesLeft: number }
  | { ok: false; reason: 'locked'; retryAfterMs: number }

function row(db: Database): StaffRow | undefined {
  return db
    .prepare<[], StaffRow>('SELECT pin_hash, failed_tries, lockouts, locked_until FROM staff WHERE id = 1')
    .get()
}

export function hasPin(db: Database): boolean {
  return row(db) !== undefined
}

export function lockedForMs(db: Database, now: number): number {
  return Math.max(0, (row(db)?.locked_until ?? 0) - now)
}

export function setPin(db: Database, pin: string): void {
  db.prepare(
    `INSERT INTO staff (id, pin_hash) VALUES (1, ?)
     ON CONFLICT (id) DO UPDATE SET pin_hash = excluded.pin_hash, failed_tries = 0, lockouts = 0, locked_until = 0`,
  ).run(hashPin(pin))
}

export function checkPin(db: Database, pin: string, now: number): PinCheck {
  const staff = row(db)
  if (!staff) return { ok: false, reason: 'no-pin' }
  if (staff.locked_until > now) return { ok: false, reason: 'locked', retryAfterMs: staff.locked_until - now }
  if (pinMatches(pin, staff.pin_hash)) {
    try {
      db.prepare('UPDATE staff SET failed_tries = 0, lockouts = 0, locked_until = 0 WHERE id = 1').run()
    } catch (err) {
      // The right PIN still lets staff in on a full disk (they may be there to fix it); a wrong
      // one is refused when its try cannot be recorded, since an unrecorded try would dodge the lockout.
      if (!isDiskFull(err)) throw err
    }
    return { ok: true }
  }
  const failed = staff.failed_tries + 1
  if (failed < TRIES_BEFORE_LOCKOUT) {
    db.prepare('UPDATE staff SET failed_tries = ? WHERE id = 1').run(failed)
    return { ok: false, reason: 'wrong', triesLeft: TRIES_BEFORE_LOCKOUT - failed }
  }
  const wait = FIRST_LOCKOUT_MS * 2 ** staff.lockouts
  db.prepare('UPDATE staff SET failed_tries = 0, lockouts = lockouts + 1, locked_until = ? WHERE id = 1').run(
    now + wait,
  )
  return { ok: false, reason: 'locked', retryAfterMs: wait }
}
