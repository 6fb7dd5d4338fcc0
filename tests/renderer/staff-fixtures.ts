/**
 * A fake core that can do staff mode, on top of the patient fixtures: a PIN
 * with wrong tries and lockouts, session tokens, settings checked against the
 * shared schema and refused whole with the core's per-field message, usage
 * rows, a review list and pack status. It records every call, as fakeBridge does.
 */
import { Settings, type FeedStatus, type PackStatus, type ReviewItem, type UsageRow } from '@shared/contract'
import type { ApiError, Result } from '@shared/result'
import { fakeBridge, type FakeBridge } from './fixtures'

export const STAFF_PIN = '2468'
/** The one-time set-up code the fake core holds while no PIN is set (the real one: DATA/first-run-code.txt). */
export const SETUP_CODE = '31415926'

export const SETTINGS: Settings = {
  clinicName: 'Riverside Clinic',
  clinicPhone: '020 7946 0000',
  clinicWebsite: null,
  clinicLogo: null,
  region: 'uk',
  emergencyNumber: '999',
  outOfHoursEn: 'Outside opening hours, call NHS 111 (NHS 24 in Scotland), free, day or night.',
  outOfHoursEs:
    'Fuera del horario de atención, llame gratis al NHS 111 (NHS 24 en Escocia), de día o de noche. Si necesita intérprete, diga «Interpreter, Spanish».',
  crisisLineEn: 'To talk to someone now, call Samaritans on 116 123, free, day or night.',
  crisisLineEs:
    'Para hablar con alguien ahora, llame a Samaritans, un servicio de escucha, al 116 123. Es gratis, de día o de noche.',
  dateFormat: 'day-month-year',
  defaultLocale: 'en',
  staffLanguage: 'en',
  idleTimeoutSeconds: 90,
  staffIdleSeconds: 60,
  explainIdleSeconds: 600,
  paperSize: 'a4',
  printerName: null,
  patientPrinting: true,
  kioskLock: false,
  onScreenKeyboard: 'automatic',
  hideUncheckedItems: false,
  feedAddress: null,
  feedCheckTime: '07:00',
  countsOutFolder: null,
  kioskName: null,
}

export const USAGE_ROWS: UsageRow[] = [
  { day: '2026-11-23', metric: 'screen', key: 'home', count: 5 },
  { day: '2026-11-23', metric: 'screen', key: 'condition', count: 3 },
  { day: '2026-11-23', metric: 'item', key: 'hip-osteoarthritis', count: 2 },
  { day: '2026-11-23', metric: 'display-mode', key: 'large-text', count: 1 },
  { day: '2026-11-22', metric: 'screen', key: 'attract', count: 4 },
  { day: '2026-11-22', metric: 'language', key: 'es', count: 1 },
  { day: '2026-11-22', metric: 'session-length', key: '1-to-3-min', count: 1 },
]

export const REVIEW: ReviewItem[] = [
  {
    id: 'hip-osteoarthritis',
    kind: 'condition',
    titles: { en: 'Hip osteoarthritis', es: 'Artrosis de cadera' },
    itemHash: 'a'.repeat(64),
    state: 'unsigned',
    signoff: null,
  },
  {
    id: 'ultrasound-guided-hip-injection',
    kind: 'procedure',
    titles: { en: 'Ultrasound-guided hip injection', es: 'Inyección de cadera guiada por ecografía' },
    itemHash: 'b'.repeat(64),
    state: 'signed',
    signoff: {
      itemHash: 'b'.repeat(64),
      signer: 'Dr A. Example',
      role: 'Consultant',
      registration: null,
      signedOn: '2026-12-01',
    },
  },
]

export const PACK: PackStatus = {
  kioskVersion: '0.2.0',
  source: 'imported',
  contentHash: 'f'.repeat(64),
  problem: null,
  canRollBack: true,
  slots: [
    { slot: 'current', contentHash: 'f'.repeat(64), importedOn: '2026-11-20' },
    { slot: 'previous', contentHash: 'e'.repeat(64), importedOn: '2026-10-02' },
  ],
}

export interface StaffFakeState {
  pin: string | null
  wrongTries: number
  /** Wrong PINs since the last sign-in, which the next staffLogin reports. */
  failedSinceLogin: number
  /** Seconds of lockout the next refusal reports; 0 when not locked. */
  lockedForSeconds: number
  tokens: Set<string>
  settings: Settings
  usage: UsageRow[]
  review: ReviewItem[]
  pack: PackStatus
  /** The signed feed as staff see it (lastCheck null: never checked). */
  feed: FeedStatus
}

export interface StaffBridge extends FakeBridge {
  state: StaffFakeState
  /** Ends every session, as the core does after 10 minutes or a restart. */
  expireSessions(): void
  /** Holds importPack's answer until the returned function is called: the screen shows its progress meanwhile. */
  holdImports(): () => void
}

/** The content hash the fake gives an imported pack. */
export const IMPORTED_HASH = 'c'.repeat(64)
/** The first bytes of every SQLite file, which the fake checks an uploaded pack for. */
const SQLITE_HEADER = 'SQLite format 3\0'

const unauthorized = (message: string, extra: Partial<ApiError> = {}): Result<never> => ({
  ok: false,
  error: { code: 'unauthorized', message, ...extra },
})

/** The core's refusal (src/core/data/settings.ts): one message, the fields, and each field's own message. */
function refuse(changes: Record<string, unknown>): Result<never> | null {
  const parsed = Settings.partial().safeParse(changes)
  if (parsed.success) return null
  const byField = new Map<string, string[]>()
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0])
    byField.set(field, [...(byField.get(field) ?? []), issue.message])
  }
  const fieldErrors = [...byField].map(([field, messages]) => ({ field, message: messages.join('; ') }))
  return {
    ok: false,
    error: {
      code: 'bad-input',
      message: `Not saved. ${fieldErrors.map((f) => `${f.field}: ${f.message}`).join('; ')}. The old values are kept.`,
      fields: fieldErrors.map((f) => f.field),
      fieldErrors,
    },
  }
}

/** `base` answers the patient methods: fakeBridge() unless a test needs more (learningBridge()). */
export function staffBridge(
  initial: Partial<StaffFakeState> = {},
  base: FakeBridge = fakeBridge(),
): StaffBridge {
  const state: StaffFakeState = {
    pin: STAFF_PIN,
    wrongTries: 0,
    failedSinceLogin: 0,
    lockedForSeconds: 0,
    tokens: new Set(),
    settings: { ...SETTINGS },
    usage: USAGE_ROWS,
    review: REVIEW,
    pack: PACK,
    feed: { lastCheck: null, root: null, hold: null, lastRelease: null, nextCheckAt: null },
    ...initial,
  }
  let issued = 0
  /** When each session was last used: like the core, a session ends 10 minutes after. */
  const lastUse = new Map<string, number>()
  let importGate: Promise<void> | null = null

  function answer<T>(method: StaffBridge['calls'][number]['method'], input: unknown, value: () => Result<T>) {
    base.calls.push({ method, input })
    return Promise.resolve(value())
  }
  function open() {
    const token = (++issued).toString(16).padStart(64, '0')
    state.tokens.add(token)
    lastUse.set(token, Date.now())
    return { ok: true as const, value: { token, expiresInSeconds: 600 } }
  }
  function staff<T>(token: string, value: () => Result<T>): Result<T> {
    if (Date.now() - (lastUse.get(token) ?? 0) >= 600_000) state.tokens.delete(token)
    if (state.tokens.has(token)) lastUse.set(token, Date.now())
    return state.tokens.has(token)
      ? value()
      : unauthorized('Staff mode has ended. Please enter the PIN again.', { reason: 'session-ended' })
  }

  return {
    ...base,
    state,
    expireSessions: () => state.tokens.clear(),
    holdImports() {
      let release = () => {}
      importGate = new Promise((resolve) => (release = resolve))
      return () => {
        importGate = null
        release()
      }
    },
    staffKeepAlive: (input) =>
      answer('staffKeepAlive', input, () =>
        staff(input.token, () => ({ ok: true, value: { expiresInSeconds: 600 } })),
      ),
    // Like the core: a pack that is not SQLite is refused with the reason, and the content stays.
    importPack: async (input) => {
      base.calls.push({ method: 'importPack', input })
      if (importGate) await importGate
      return staff(input.token, () => {
        if (!atob(input.data).startsWith(SQLITE_HEADER)) {
          return {
            ok: false,
            error: {
              code: 'bad-input',
              message:
                'The chosen file is not a SQLite database (it may be damaged or the wrong file). Rebuild it with "npm run build:content".',
            },
          }
        }
        const before = state.pack.slots.find((slot) => slot.slot === 'current')
        state.pack = {
          kioskVersion: state.pack.kioskVersion,
          source: 'imported',
          contentHash: IMPORTED_HASH,
          problem: null,
          canRollBack: true,
          slots: [
            { slot: 'current', contentHash: IMPORTED_HASH, importedOn: '2026-11-23' },
            ...(before ? [{ ...before, slot: 'previous' as const }] : []),
          ],
        }
        return {
          ok: true,
          value: {
            imported: {
              contentHash: IMPORTED_HASH,
              builtBy: '0.2.0',
              schemaVersion: 4,
              bytes: atob(input.data).length,
              conditions: 12,
              procedures: 6,
              glossary: 40,
              locales: ['en', 'es'],
            },
            alreadyInUse: before?.contentHash === IMPORTED_HASH,
            changes: {
              added: [],
              changed: [{ kind: 'condition', id: 'sore-hip', title: 'Sore hip' }],
              removed: [],
            },
            status: state.pack,
          },
        }
      })
    },
    staffStatus: (input) =>
      answer('staffStatus', input, () => ({
        ok: true,
        value: { pinSet: state.pin !== null, lockedForSeconds: state.lockedForSeconds },
      })),
    staffSetPin: (input) =>
      answer('staffSetPin', input, () => {
        if (state.pin !== null && !(input.token && state.tokens.has(input.token)))
          return unauthorized('A staff PIN is already set. Enter staff mode to change it.', {
            reason: 'pin-set',
          })
        if (state.pin === null && input.setupCode?.replace(/[\s-]/g, '') !== SETUP_CODE)
          return unauthorized('That set-up code is not right.', { reason: 'setup-code', triesLeft: 4 })
        state.pin = input.pin
        return open()
      }),
    staffLogin: (input) =>
      answer('staffLogin', input, () => {
        if (state.pin === null)
          return unauthorized('No staff PIN is set yet. Set one first.', { reason: 'no-pin' })
        if (state.lockedForSeconds > 0)
          return unauthorized(`Too many wrong PINs. Try again in ${state.lockedForSeconds} seconds.`, {
            reason: 'locked',
            retryAfterSeconds: state.lockedForSeconds,
          })
        if (input.pin === state.pin) {
          const failedTriesSinceLastLogin = state.failedSinceLogin
          state.wrongTries = 0
          state.failedSinceLogin = 0
          return { ok: true as const, value: { ...open().value, failedTriesSinceLastLogin } }
        }
        state.wrongTries++
        state.failedSinceLogin++
        const left = 5 - state.wrongTries
        if (left <= 0) {
          state.lockedForSeconds = 60
          return unauthorized('Too many wrong PINs. Try again in 60 seconds.', {
            reason: 'locked',
            retryAfterSeconds: 60,
          })
        }
        return unauthorized(
          `That PIN is not right. ${left} ${left === 1 ? 'try' : 'tries'} left before entry locks.`,
          { reason: 'wrong-pin', triesLeft: left },
        )
      }),
    staffLogout: (input) =>
      answer('staffLogout', input, () => {
        state.tokens.delete(input.token)
        return { ok: true, value: {} }
      }),
    getSettings: (input) =>
      answer('getSettings', input, () =>
        staff(input.token, () => ({ ok: true, value: { ...state.settings } })),
      ),
    updateSettings: (input) =>
      answer('updateSettings', input, () =>
        staff(input.token, () => {
          const refused = refuse(input.changes)
          if (refused) return refused
          state.settings = { ...state.settings, ...Settings.partial().parse(input.changes) }
          return { ok: true, value: { ...state.settings } }
        }),
      ),
    usageReport: (input) =>
      answer('usageReport', input, () =>
        staff(input.token, () => ({ ok: true, value: { rows: state.usage } })),
      ),
    reviewItems: (input) =>
      answer('reviewItems', input, () => staff(input.token, () => ({ ok: true, value: state.review }))),
    packStatus: (input) =>
      answer('packStatus', input, () => staff(input.token, () => ({ ok: true, value: state.pack }))),
    feedStatus: (input) =>
      answer('feedStatus', input, () => staff(input.token, () => ({ ok: true, value: state.feed }))),
    feedCheckNow: (input) =>
      answer('feedCheckNow', input, () => staff(input.token, () => ({ ok: true, value: state.feed }))),
    feedTrustRoot: (input) =>
      answer('feedTrustRoot', input, () =>
        staff(input.token, () => {
          if (!input.root.includes('"_type":"root"'))
            return {
              ok: false,
              error: { code: 'bad-input', message: 'This root is not a feed’s root metadata.' },
            }
          state.feed = {
            ...state.feed,
            root: { version: 1, expires: '2027-12-01T00:00:00Z', source: 'installed' },
          }
          return { ok: true, value: state.feed }
        }),
      ),
    feedReleaseHold: (input) =>
      answer('feedReleaseHold', input, () =>
        staff(input.token, () => {
          const hold = state.feed.hold
          if (!hold) return { ok: false, error: { code: 'bad-input', message: 'Nothing is held.' } }
          state.feed = { ...state.feed, hold: null, lastRelease: { at: '2026-12-06T09:00:00.000Z', ...hold } }
          return { ok: true, value: state.feed }
        }),
      ),
    rollbackContent: (input) =>
      answer('rollbackContent', input, () =>
        staff(input.token, () => {
          const previous = state.pack.slots.find((slot) => slot.slot === 'previous')
          state.pack = {
            kioskVersion: state.pack.kioskVersion,
            source: previous ? 'imported' : 'bundled',
            contentHash: previous?.contentHash ?? 'b'.repeat(64),
            problem: null,
            canRollBack: Boolean(previous),
            slots: previous ? [{ ...previous, slot: 'current' }] : [],
          }
          return { ok: true, value: state.pack }
        }),
      ),
  }
}

/** Every value the fake received that looks like a PIN, outside the one call that may carry it. */
export function pinLeaks(bridge: FakeBridge, pin: string): string[] {
  return bridge.calls
    .filter((call) => call.method !== 'staffLogin' && call.method !== 'staffSetPin')
    .map((call) => JSON.stringify(call.input))
    .filter((text) => text.includes(pin))
}
