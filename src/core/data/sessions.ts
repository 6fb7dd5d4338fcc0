/**
 * Staff sessions: a random token per PIN entry, held in memory only, ending
 * after 10 minutes without use, on logout, or when the process ends.
 */
import { randomBytes } from 'node:crypto'

export const STAFF_SESSION_MS = 10 * 60_000

export class StaffSessions {
  readonly #expiry = new Map<string, number>()
  readonly #now: () => number
  readonly #ttl: number

  constructor(now: () => number = Date.now, ttlMs = STAFF_SESSION_MS) {
    this.#now = now
    this.#ttl = ttlMs
  }

  /** How long a session lives after its last use. */
  get ttlSeconds(): number {
    return this.#ttl / 1000
  }

  open(): { token: string; expiresInSeconds: number } {
    const token = randomBytes(32).toString('hex')
    this.#expiry.set(token, this.#now() + this.#ttl)
    return { token, expiresInSeconds: this.#ttl / 1000 }
  }

  /** True while the session lives; each use extends it. */
  check(token: string | undefined): boolean {
    if (!token) return false
    const expires = this.#expiry.get(token)
    if (expires === undefined || expires <= this.#now()) {
      this.#expiry.delete(token ?? '')
      return false
    }
    this.#expiry.set(token, this.#now() + this.#ttl)
    return true
  }

  close(token: string): void {
    this.#expiry.delete(token)
  }
}
