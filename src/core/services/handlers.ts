/**
 * The kiosk's core, assembled: the content (the imported pack when good, the
 * bundled one otherwise), the kiosk database (settings, PIN, usage, packs) and
 * staff sessions, answering every contract method. Both shells (Electron IPC
 * and the loopback HTTP server) call it through dispatch; neither adds logic.
 */
import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import Database from 'better-sqlite3'
import type { Database as Db } from 'better-sqlite3'
import { PACK_MAX_BYTES } from '../../shared/contract.ts'
import type {
  FeedStatus,
  KioskConfig,
  Locale,
  MethodParams,
  MethodName,
  MethodOutput,
  PackChanges,
  PackImport,
  PackStatus,
  Settings,
} from '../../shared/contract.ts'
import { ApiFailure } from '../../shared/result.ts'
import { isDiskFull } from '../data/disk-full.ts'
import { DATA_MIGRATIONS } from '../data/migrations.ts'
import { openDataDb } from '../data/open.ts'
import { firstRunCode } from '../data/first-run.ts'
import { checkPin, hasPin, lockedForMs, setPin } from '../data/pin.ts'
import { StaffSessions } from '../data/sessions.ts'
import { readSettings, updateSettings } from '../data/settings.ts'
import { UsageCounter, daysBefore, localDay, usageSince } from '../data/usage.ts'
import { readMeta } from '../db/format.ts'
import { KIOSK_VERSION } from '../version.ts'
import { DatabaseError, migrate, openContentDb } from '../db/open.ts'
import { activeContent, importPack, packSlots, PackError, rollbackPack } from '../packs/store.ts'
import { packChanges } from '../packs/changes.ts'
import { FeedError } from '../feed/keys.ts'
import { startDaily, systemClock } from '../feed/schedule.ts'
import type { Clock, DailySchedule } from '../feed/schedule.ts'
import {
  checkForUpdate,
  feedHold,
  lastFeedCheck,
  lastRelease,
  releaseHold,
  trustRootText,
  trustedRoot,
} from '../feed/update.ts'
import { writeCountsOut } from '../data/counts-out.ts'
import { CONTENT_METHODS, createContentService, unavailableContent } from './content-service.ts'
import { createReviewHandlers } from './review.ts'
import { checkedItems, checkedKey } from '../data/signoffs.ts'
import { itemVersions } from '../db/format.ts'
import type { ContentHandlers } from './content-service.ts'

/** Methods that wait for the network (a feed check): their handlers answer with a promise. */
export type AsyncMethodName = 'feedCheckNow'
export type Handlers = {
  [M in MethodName]: (
    input: MethodParams<M>,
  ) => M extends AsyncMethodName ? Promise<MethodOutput<M>> : MethodOutput<M>
}

export const IDLE_WARNING_SECONDS = 20

export interface KioskCoreOptions {
  /** The content database shipped with the app. */
  bundledContent: string
  /** The kiosk's data folder; null keeps settings and counts in memory only. */
  dataDir: string | null
  /** For the preview server and tests: shorter idle times than settings allow. */
  idle?: { timeoutSeconds?: number; warningSeconds?: number }
  /** The shell's own kiosk lock (Electron's --kiosk flag): locked whatever the setting says. */
  forceKioskLock?: boolean
  now?: () => number
  log?: (message: string) => void
  /** After staff save settings: the Electron shell applies the kiosk lock at once. */
  onSettingsChanged?: (settings: Settings) => void
  /** The feed root bundled in a packaged build (resources/feed/root.json): trusted while none is installed. */
  bundledFeedRoot?: string
}

export interface KioskCore {
  handlers: Handlers
  /** Why the content is not what it should be (an unusable pack, a missing database), for staff. */
  contentProblem(): string | null
  /** The staff settings, for the shell (the Electron window's kiosk lock). */
  settings(): Settings
  /** For the Electron shell's file dialog: true while `token`'s staff session lives (and extends it). */
  staffSessionLive(token: string): boolean
  /**
   * The one-time code that lets the first PIN be set, while none is: in
   * DATA/first-run-code.txt, or (no data folder) for the preview server to print.
   */
  firstRunCode(): string | null
  /**
   * Imports a pack file the Electron main process chose in its own open dialog,
   * through the same checks and switch as importPack. Throws ApiFailure.
   */
  importPackFile(token: string, file: string): PackImport
  /**
   * The daily jobs, started by the shell that runs the kiosk: the feed check
   * at the time staff set, and the counts written out to their folder.
   */
  startDailyJobs(clock?: Clock): { stop(): void }
  close(): void
}

/** What patients are told of the clinic's sign-off (see patientView in createKioskCore). */
interface PatientView {
  checkedOn: (kind: string, id: string) => string | null
  hide: boolean
}

interface OpenContent {
  db: Db | null
  handlers: ContentHandlers
  source: 'imported' | 'bundled'
  problem: string | null
}

const UNAVAILABLE = 'The content is unavailable. Please ask at the desk.'
/** How often a running kiosk looks for a pack switch made by another process (`kiosk update`). */
export const SWITCH_CHECK_MS = 30_000

export function createKioskCore(options: KioskCoreOptions): KioskCore {
  const now = options.now ?? Date.now
  const log = options.log ?? ((m: string) => console.error(m))
  const dataDb = options.dataDir ? openDataDb(options.dataDir) : openMemoryDataDb()
  const sessions = new StaffSessions(now)
  const usage = new UsageCounter(dataDb, now)
  const setupCode = firstRunCode(dataDb, options.dataDir, log)
  // Uploads a killed import left behind.
  if (options.dataDir) removeLeftoverUploads(options.dataDir)
  let content = openActiveContent()
  let patientViewCache: PatientView | null = null
  const forgetPatientView = () => {
    patientViewCache = null
  }

  let slotsSeen = currentSlot()
  let slotsCheckedAt = now()

  /** Which pack the data folder says is current (one small query). */
  function currentSlot(): string | null {
    return options.dataDir ? (packSlots(dataDb).find((s) => s.slot === 'current')?.contentHash ?? null) : null
  }

  /**
   * `kiosk update` (or another process) may switch packs while the kiosk runs:
   * at most every 30 s a content request looks at the slots, and a switch made
   * elsewhere is served from then on.
   */
  function followSwitchElsewhere(): void {
    if (!options.dataDir || now() - slotsCheckedAt < SWITCH_CHECK_MS) return
    slotsCheckedAt = now()
    const current = currentSlot()
    if (current === slotsSeen) return
    slotsSeen = current
    reopenContent()
  }

  function openActiveContent(): OpenContent {
    const active = options.dataDir
      ? activeContent(dataDb, options.dataDir, options.bundledContent)
      : { file: options.bundledContent, source: 'bundled' as const }
    const packProblem = 'problem' in active && active.problem ? active.problem : null
    if (packProblem) log(packProblem)
    let db: Db | undefined
    try {
      db = openContentDb(active.file)
      return { db, handlers: createContentService(db), source: active.source, problem: packProblem }
    } catch (err) {
      // Whatever is wrong with the content, the kiosk starts and says why.
      db?.close()
      const message =
        err instanceof DatabaseError
          ? err.message
          : `${active.file} could not be read: ${(err as Error).message}`
      log(`content unavailable: ${message}`)
      return {
        db: null,
        handlers: unavailableContent(UNAVAILABLE),
        source: active.source,
        problem: message,
      }
    }
  }

  function reopenContent(): void {
    slotsSeen = currentSlot()
    const old = content
    content = openActiveContent()
    old.db?.close()
    forgetPatientView()
  }

  function requireStaff(token: string): void {
    if (!sessions.check(token))
      throw new ApiFailure('unauthorized', 'Staff mode has ended. Please enter the PIN again.', {
        reason: 'session-ended',
      })
  }

  function requireDataDir(doing: string): string {
    if (!options.dataDir)
      throw new ApiFailure('bad-input', `This kiosk has no data folder, so it cannot ${doing}.`)
    return options.dataDir
  }

  /**
   * Verifies `file` and switches to it (src/core/packs/store.ts), then serves
   * the new content at once. A pack's problem names the file; `shownAs` is how
   * staff know it (the temporary copy of an upload means nothing to them).
   */
  function importFrom(file: string, shownAs: string): PackImport {
    const dataDir = requireDataDir('import content packs')
    let summary
    try {
      summary = importPack(dataDb, dataDir, file, today())
    } catch (err) {
      if (err instanceof PackError) throw new ApiFailure('bad-input', err.message.replaceAll(file, shownAs))
      throw err
    }
    // Compared with the content in use until now, before the switch reopens it.
    const inUse = content.db ? (readMeta(content.db, 'pack_hash') ?? '') : ''
    const pack = openContentDb(summary.file)
    let changes: PackChanges = { added: [], changed: [], removed: [] }
    let builtBy = ''
    try {
      if (content.db) changes = packChanges(content.db, pack)
      builtBy = readMeta(pack, 'kiosk_version') ?? ''
    } finally {
      pack.close()
    }
    reopenContent()
    const { contentHash, schemaVersion, bytes, conditions, procedures, glossary } = summary
    const locales: Locale[] = summary.locales
    return {
      imported: {
        contentHash,
        builtBy,
        schemaVersion,
        bytes,
        conditions,
        procedures,
        glossary,
        locales,
      },
      alreadyInUse: inUse === contentHash,
      changes,
      status: packStatus(),
    }
  }

  /** Writes the counts held in memory; a full disk loses them quietly (counts are best effort). */
  function flushUsage(): void {
    try {
      usage.flush()
    } catch (err) {
      if (!isDiskFull(err)) throw err
      log('usage counts were not recorded: the disk is full')
    }
  }

  function today(): string {
    return localDay(now())
  }

  function packStatus(): PackStatus {
    const slots = packSlots(dataDb)
    return {
      kioskVersion: KIOSK_VERSION,
      source: content.source,
      contentHash: content.db ? (readMeta(content.db, 'pack_hash') ?? '') : '',
      problem: content.problem,
      canRollBack: slots.some((s) => s.slot === 'current'),
      slots,
    }
  }

  const contentHandlers = Object.fromEntries(
    CONTENT_METHODS.map((m) => [
      m,
      (input: never) => {
        followSwitchElsewhere()
        return (content.handlers[m] as (i: never) => unknown)(input)
      },
    ]),
  ) as ContentHandlers

  /**
   * The clinic's sign-off, applied to what patients get: each topic says the
   * day its very version was checked, and with "hide unchecked items" on, an
   * item not checked is left out of lists, search and the glossary, and asking
   * for it by id says it is not available. Done here, not in the renderer, so
   * the HTTP API does not hand hidden items out either. Anatomy parts and the
   * triage policy's words are signed like any item but never hidden: the body
   * diagram and a signed topic's warning signs need them.
   */
  function patientView(): PatientView {
    // Worked out once, not on every keystroke of a search: forgotten when a
    // sign-off, the settings or the content change (forgetPatientView).
    if (!patientViewCache) {
      const checked = content.db ? checkedItems(dataDb, itemVersions(content.db)) : new Map<string, string>()
      patientViewCache = {
        checkedOn: (kind, id) => checked.get(checkedKey(kind, id)) ?? null,
        hide: readSettings(dataDb).hideUncheckedItems,
      }
    }
    return patientViewCache
  }

  function notAvailable(): ApiFailure {
    return new ApiFailure(
      'not-found',
      'This item is not available on this kiosk: the clinic has not checked it yet.',
      { hiddenItem: true },
    )
  }

  function withCheck<T extends { id: string; review: { version: number; checkedOn: string | null } }>(
    kind: string,
    item: T,
  ): T {
    const view = patientView()
    const checkedOn = view.checkedOn(kind, item.id)
    if (!checkedOn && view.hide) throw notAvailable()
    return { ...item, review: { ...item.review, checkedOn } }
  }

  const review = createReviewHandlers({ dataDb, contentDb: () => content.db, requireStaff, today })

  const handlers: Handlers = {
    ...contentHandlers,

    getCondition(input) {
      return withCheck('condition', contentHandlers.getCondition(input))
    },

    getProcedure(input) {
      return withCheck('procedure', contentHandlers.getProcedure(input))
    },

    getGuide(input) {
      return withCheck('guide', contentHandlers.getGuide(input))
    },

    listTopics(input) {
      const topics = contentHandlers.listTopics(input)
      const view = patientView()
      if (!view.hide) return topics
      return {
        conditions: topics.conditions.filter((t) => view.checkedOn(t.kind, t.id)),
        procedures: topics.procedures.filter((t) => view.checkedOn(t.kind, t.id)),
        guides: topics.guides.filter((t) => view.checkedOn(t.kind, t.id)),
      }
    },

    search(input) {
      const result = contentHandlers.search(input)
      const view = patientView()
      // The other languages' counts are left as they are: a hint to switch, not a list.
      return view.hide ? { ...result, hits: result.hits.filter((h) => view.checkedOn(h.kind, h.id)) } : result
    },

    getGlossary(input) {
      const terms = contentHandlers.getGlossary(input)
      const view = patientView()
      return view.hide ? terms.filter((t) => view.checkedOn('glossary-term', t.id)) : terms
    },

    ...review,

    signOffItem(input) {
      forgetPatientView()
      return review.signOffItem(input)
    },

    importSignoffs(input) {
      forgetPatientView()
      return review.importSignoffs(input)
    },

    getKioskConfig(): KioskConfig {
      const s = readSettings(dataDb)
      return {
        idleTimeoutSeconds: options.idle?.timeoutSeconds ?? s.idleTimeoutSeconds,
        idleWarningSeconds: options.idle?.warningSeconds ?? IDLE_WARNING_SECONDS,
        staffIdleSeconds: s.staffIdleSeconds,
        explainIdleSeconds: s.explainIdleSeconds,
        defaultLocale: s.defaultLocale,
        staffLanguage: s.staffLanguage,
        clinicName: s.clinicName,
        clinicPhone: s.clinicPhone,
        emergencyNumber: s.emergencyNumber,
        outOfHours: { en: s.outOfHoursEn, es: s.outOfHoursEs },
        crisisLine: { en: s.crisisLineEn, es: s.crisisLineEs },
        dateFormat: s.dateFormat,
        clinicWebsite: s.clinicWebsite,
        clinicLogo: s.clinicLogo,
        paperSize: s.paperSize,
        kioskLock: options.forceKioskLock === true || s.kioskLock,
        patientPrinting: s.patientPrinting,
        onScreenKeyboard: s.onScreenKeyboard,
      }
    },

    recordUsage({ event }) {
      if ((event.metric === 'item' || event.metric === 'handout') && !itemExists(event.key)) {
        throw new ApiFailure('not-found', 'There is no such item.')
      }
      try {
        // Over the minute's cap: dropped quietly (a script, not patients).
        return { recorded: usage.record(event) }
      } catch (err) {
        // Counts are best effort: a full disk loses a count, never a patient's screen.
        if (!isDiskFull(err)) throw err
        log('a usage count was not recorded: the disk is full')
        return { recorded: false }
      }
    },

    staffStatus() {
      return { pinSet: hasPin(dataDb), lockedForSeconds: Math.ceil(lockedForMs(dataDb, now()) / 1000) }
    },

    staffSetPin({ pin, token, setupCode: typed }) {
      if (hasPin(dataDb)) {
        if (!sessions.check(token))
          throw new ApiFailure('unauthorized', 'A staff PIN is already set. Enter staff mode to change it.', {
            reason: 'pin-set',
          })
      } else {
        // The first PIN: only someone who can read the kiosk's data folder has the code.
        const check = setupCode.check(typed, now())
        if (!check.ok) {
          const seconds = Math.ceil(check.retryAfterMs / 1000)
          throw new ApiFailure(
            'unauthorized',
            seconds > 0
              ? `Too many wrong set-up codes. Try again in ${seconds} seconds.`
              : 'That set-up code is not right. It is in first-run-code.txt in the kiosk’s data folder.',
            { reason: 'setup-code', triesLeft: check.triesLeft, retryAfterSeconds: seconds || undefined },
          )
        }
      }
      setPin(dataDb, pin)
      setupCode.spent()
      return sessions.open()
    },

    staffLogin({ pin }) {
      const check = checkPin(dataDb, pin, now())
      if (check.ok) return { ...sessions.open(), failedTriesSinceLastLogin: check.failedTriesSinceLastLogin }
      switch (check.reason) {
        case 'no-pin':
          throw new ApiFailure('unauthorized', 'No staff PIN is set yet. Set one first.', {
            reason: 'no-pin',
          })
        case 'wrong':
          throw new ApiFailure(
            'unauthorized',
            `That PIN is not right. ${check.triesLeft} ${check.triesLeft === 1 ? 'try' : 'tries'} left before entry locks.`,
            { reason: 'wrong-pin', triesLeft: check.triesLeft },
          )
        case 'locked': {
          const seconds = Math.ceil(check.retryAfterMs / 1000)
          throw new ApiFailure('unauthorized', `Too many wrong PINs. Try again in ${seconds} seconds.`, {
            reason: 'locked',
            retryAfterSeconds: seconds,
          })
        }
      }
    },

    staffKeepAlive({ token }) {
      requireStaff(token)
      return { expiresInSeconds: sessions.ttlSeconds }
    },

    staffLogout({ token }) {
      sessions.close(token)
      return {}
    },

    getSettings({ token }) {
      requireStaff(token)
      return readSettings(dataDb)
    },

    updateSettings({ token, changes }) {
      requireStaff(token)
      const saved = updateSettings(dataDb, changes)
      forgetPatientView()
      // A new feed, check time or counts folder counts from now, not from the next look.
      for (const job of dailyJobs) job.poke()
      options.onSettingsChanged?.(saved)
      return saved
    },

    usageReport({ token, days }) {
      requireStaff(token)
      flushUsage()
      return { rows: usageSince(dataDb, daysBefore(today(), days)) }
    },

    packStatus({ token }) {
      requireStaff(token)
      return packStatus()
    },

    feedStatus({ token }) {
      requireStaff(token)
      return feedStatus()
    },

    async feedCheckNow({ token }) {
      requireStaff(token)
      requireDataDir('check a feed')
      await checkFeed()
      return feedStatus()
    },

    feedTrustRoot({ token, root }) {
      requireStaff(token)
      const dataDir = requireDataDir('trust a feed')
      return changeFeed(() => trustRootText(dataDir, root, { now: new Date(now()), shownAs: 'This root' }))
    },

    feedReleaseHold({ token }) {
      requireStaff(token)
      const dataDir = requireDataDir('release a held version')
      return changeFeed(() => releaseHold(dataDb, dataDir, new Date(now())))
    },

    rollbackContent({ token }) {
      requireStaff(token)
      const dataDir = requireDataDir('roll back content packs')
      try {
        rollbackPack(dataDb, dataDir)
      } catch (err) {
        if (err instanceof PackError) throw new ApiFailure('bad-input', err.message)
        throw err
      }
      reopenContent()
      return packStatus()
    },

    importPack({ token, data }) {
      requireStaff(token)
      const dataDir = requireDataDir('import content packs')
      const bytes = Buffer.from(data, 'base64')
      if (bytes.length > PACK_MAX_BYTES)
        throw new ApiFailure('bad-input', `A pack can be at most ${PACK_MAX_BYTES / 1024 / 1024} MB.`)
      // In the data folder, so the copy into packs/ stays on one disk; removed whatever happens.
      const upload = join(dataDir, `${UPLOAD_PREFIX}${randomBytes(8).toString('hex')}.sqlite`)
      try {
        writeFileSync(upload, bytes, { flag: 'wx', mode: 0o600 })
        return importFrom(upload, 'The chosen file')
      } finally {
        removeUpload(upload)
      }
    },
  }

  /** One feed check at a time from this process ("Check now" while the daily one runs waits for it). */
  let checking: Promise<void> | null = null
  let feedCheckedAt: number | null = null
  let feedJob: DailySchedule | null = null
  const dailyJobs: DailySchedule[] = []

  /** `at`: the time on the clock that asked (the daily schedule's), else the core's own. */
  function checkFeed(at = now()): Promise<void> {
    const dataDir = options.dataDir
    if (!dataDir) return Promise.resolve()
    checking ??= (async () => {
      feedCheckedAt = at
      try {
        const result = await checkForUpdate({
          dataDir,
          bundledRoot: options.bundledFeedRoot,
          bundledContent: options.bundledContent,
          now: new Date(feedCheckedAt),
        })
        if (result.outcome === 'refused') log(`feed check: ${result.message}`)
        // Served at once, not at the next look at the slots.
        if (result.outcome === 'updated') reopenContent()
      } finally {
        checking = null
      }
    })()
    return checking
  }

  /** Staff change something of the feed's; its refusal (a bad root, nothing held) is a typed bad-input. */
  function changeFeed(change: () => unknown): FeedStatus {
    try {
      change()
    } catch (err) {
      if (err instanceof FeedError) throw new ApiFailure('bad-input', err.message)
      throw err
    }
    return feedStatus()
  }

  function feedStatus(): FeedStatus {
    const dataDir = options.dataDir
    if (!dataDir) return { lastCheck: null, root: null, hold: null, lastRelease: null, nextCheckAt: null }
    const next = feedJob?.nextAt()
    const root = trustedRoot(dataDir)
    return {
      lastCheck: lastFeedCheck(dataDir) ?? null,
      root:
        root ??
        (options.bundledFeedRoot && existsSync(options.bundledFeedRoot)
          ? bundledRootInfo(options.bundledFeedRoot)
          : null),
      hold: feedHold(dataDb, dataDir),
      lastRelease: lastRelease(dataDir),
      nextCheckAt: next ? new Date(next).toISOString() : null,
    }
  }

  function startDailyJobs(clock: Clock = systemClock): { stop(): void } {
    const dataDir = options.dataDir
    if (!dataDir) return { stop() {} }
    const settings = () => readSettings(dataDb)
    feedJob = startDaily(
      {
        at: () => (settings().feedAddress ? settings().feedCheckTime : null),
        lastRunAt: () => {
          const recorded = lastFeedCheck(dataDir)?.checkedAt
          return Math.max(feedCheckedAt ?? -1, recorded ? Date.parse(recorded) : -1)
        },
        run: () => checkFeed(clock.now()),
        onError: (err) => log(`feed check failed: ${(err as Error).message}`),
      },
      clock,
    )
    // Just after midnight, yesterday's file is complete; at a start, whatever was missed.
    let countsWrittenAt: number | null = null
    const counts = startDaily(
      {
        at: () => (settings().countsOutFolder ? COUNTS_OUT_TIME : null),
        lastRunAt: () => countsWrittenAt,
        run: async () => {
          countsWrittenAt = clock.now()
          writeCountsNow(settings().countsOutFolder, clock.now())
        },
        onError: (err) => log(`counts out: not written (${(err as Error).message})`),
      },
      clock,
    )
    dailyJobs.push(feedJob, counts)
    return {
      stop() {
        for (const job of dailyJobs.splice(0)) job.stop()
      },
    }
  }

  function writeCountsNow(folder: string | null, at: number): void {
    if (!folder || !options.dataDir) return
    flushUsage()
    writeCountsOut(dataDb, options.dataDir, { folder, now: at })
  }

  function itemExists(id: string): boolean {
    return !!content.db
      ?.prepare(
        "SELECT 1 FROM documents WHERE id = ? AND kind IN ('condition', 'procedure', 'guide') LIMIT 1",
      )
      .get(id)
  }

  return {
    handlers,
    contentProblem: () => content.problem,
    settings: () => readSettings(dataDb),
    staffSessionLive: (token) => sessions.check(token),
    firstRunCode: () => setupCode.current(),
    importPackFile(token, file) {
      requireStaff(token)
      return importFrom(file, basename(file))
    },
    startDailyJobs,
    close() {
      flushUsage()
      // Today's counts so far, for a kiosk switched off at the end of the day.
      try {
        writeCountsNow(readSettings(dataDb).countsOutFolder, now())
      } catch (err) {
        log(`counts out: not written (${(err as Error).message})`)
      }
      content.db?.close()
      dataDb.close()
    },
  }
}

/** When the counts are written out each day: yesterday's file is complete by then. */
const COUNTS_OUT_TIME = '00:10'

/** The bundled root as staff see it before the first check trusts it. */
function bundledRootInfo(file: string): FeedStatus['root'] {
  try {
    const root = JSON.parse(readFileSync(file, 'utf8')) as { signed: { version: number; expires: string } }
    return { version: root.signed.version, expires: root.signed.expires, source: 'bundled' }
  } catch {
    return null
  }
}

/** Settings and counts for a session that must leave nothing on disk (the reviewers' preview). */
function openMemoryDataDb(): Db {
  const db = new Database(':memory:')
  migrate(db, DATA_MIGRATIONS)
  return db
}

/** Uploaded packs wait in the data folder under this prefix while they are checked. */
const UPLOAD_PREFIX = 'incoming-pack-'

function removeUpload(file: string): void {
  for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(file + suffix, { force: true })
}

function removeLeftoverUploads(dataDir: string): void {
  let names: string[]
  try {
    names = readdirSync(dataDir)
  } catch {
    return
  }
  for (const name of names) if (name.startsWith(UPLOAD_PREFIX)) rmSync(join(dataDir, name), { force: true })
}
