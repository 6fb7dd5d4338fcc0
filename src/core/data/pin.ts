/**
 * The staff PIN: stored only as a slow, salted scrypt hash (Node's crypto).
 * Five wrong tries lock entry for 60 s; each further lockout doubles the wait,
 * up to 15 minutes, so someone at the PIN pad cannot lock staff out for hours.
 * A streak of wrong tries (the tries and the lockouts) is forgotten an hour
 * after its last wrong try: a guesser who waits that long gains nothing, since
 * going on would have been quicker. The counters live in the database, so
 * restarting does not reset them.
 *
 * With the cap, someone who keeps at it gets five guesses per 15 minutes: a
 * 4-digit PIN in about ten days on average, a 6-digit one in about three
 * years. So every wrong try since the last sign-in is counted and shown to
 * staff when they next sign in, and the set-PIN screen recommends 6 or more digits.
 */
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto'
import type { Database } from 'better-sqlite3'
import { isDiskFull } from './disk-full.ts'

/** scrypt cost: about 32 MB and a tenth of a second per try on the kiosk's hardware. */
const COST = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 }
const KEY_LENGTH = 32

export const TRIES_BEFORE_LOCKOUT = 5
export const FIRST_LOCKOUT_MS = 60_000
export const LONGEST_LOCKOUT_MS = 15 * 60_000
export const STREAK_FORGOTTEN_AFTER_MS = 60 * 60_000

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
  last_failed_at: number
  failed_since_login: number
}

export type PinCheck =
  | { ok: true; failedTriesSinceLastLogin: number }
  | { ok: false; reason: 'no-pin' }
  | { ok: false; reason: 'wrong'; triesLeft: number }
  | { ok: false; reason: 'locked'; retryAfterMs: number }

function row(db: Database): StaffRow | undefined {
  return db
    .prepare<[], StaffRow>(
      `SELECT pin_hash, failed_tries, lockouts, locked_until, last_failed_at, failed_since_login
         FROM staff WHERE id = 1`,
    )
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
      db.prepare(
        'UPDATE staff SET failed_tries = 0, lockouts = 0, locked_until = 0, failed_since_login = 0 WHERE id = 1',
      ).run()
    } catch (err) {
      // The right PIN still lets staff in on a full disk (they may be there to fix it); a wrong
      // one is refused when its try cannot be recorded, since an unrecorded try would dodge the lockout.
      if (!isDiskFull(err)) throw err
    }
    return { ok: true, failedTriesSinceLastLogin: staff.failed_since_login }
  }
  // An hour after the last wrong try, the streak starts again from nothing.
  const streakGoesOn = now - staff.last_failed_at < STREAK_FORGOTTEN_AFTER_MS
  const failed = (streakGoesOn ? staff.failed_tries : 0) + 1
  const lockouts = streakGoesOn ? staff.lockouts : 0
  if (failed < TRIES_BEFORE_LOCKOUT) {
    db.prepare(
      `UPDATE staff SET failed_tries = ?, lockouts = ?, last_failed_at = ?,
         failed_since_login = failed_since_login + 1 WHERE id = 1`,
    ).run(failed, lockouts, now)
    return { ok: false, reason: 'wrong', triesLeft: TRIES_BEFORE_LOCKOUT - failed }
  }
  const wait = Math.min(FIRST_LOCKOUT_MS * 2 ** lockouts, LONGEST_LOCKOUT_MS)
  db.prepare(
    `UPDATE staff SET failed_tries = 0, lockouts = ?, locked_until = ?, last_failed_at = ?,
       failed_since_login = failed_since_login + 1 WHERE id = 1`,
  ).run(lockouts + 1, now + wait, now)
  return { ok: false, reason: 'locked', retryAfterMs: wait }
}
