/**
 * The kiosk's side of the signed feed: one check with tuf-js's Updater, from
 * an http(s) host or a folder (a file share, a USB stick). Everything the
 * check keeps lives in DATA/feed/ (private): the trusted metadata, the
 * download in progress, the last check's result for staff, and a lock, so an
 * `kiosk update` from cron and the app never check at once.
 *
 * A pack is imported only when TUF accepts it (root chain, thresholds,
 * versions, expiry, length and hash) AND verify-pack accepts it; the import
 * is the atomic one of src/core/packs, which keeps the previous pack. Any
 * refusal keeps the current content and says why in words staff can read.
 */
import { createWriteStream, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { createReadStream } from 'node:fs'
import { open } from 'node:fs/promises'
import { basename, join, resolve } from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { pathToFileURL, fileURLToPath } from 'node:url'
import { Metadata, MetadataKind } from '@tufjs/models'
import type { Root } from '@tufjs/models'
import { Updater } from 'tuf-js'
import type { Fetcher } from 'tuf-js'
import { DownloadHTTPError, DownloadLengthMismatchError } from 'tuf-js/dist/error.js'
import type { Database as Db } from 'better-sqlite3'
import type { FeedCheck, FeedStatus } from '../../shared/contract.ts'
import { openDataDb } from '../data/open.ts'
import { makePrivateFolder } from '../data/private-folder.ts'
import { readSettings, updateSettings } from '../data/settings.ts'
import { importSignoffs } from '../data/signoffs.ts'
import { itemVersions } from '../db/format.ts'
import { openContentDb } from '../db/open.ts'
import { PackError, importPack, packSlots, packsDir } from '../packs/store.ts'
import { PACK_READ_LIMIT, verifyPack } from '../packs/verify.ts'
import { FeedError } from './keys.ts'
import { CONTENT_ROLE, PACK_TARGET, signers } from './repository.ts'

export const feedDirOf = (dataDir: string): string => join(dataDir, 'feed')
const trustedDir = (dataDir: string) => join(feedDirOf(dataDir), 'metadata')
const downloadDir = (dataDir: string) => join(feedDirOf(dataDir), 'download')
const lastCheckFile = (dataDir: string) => join(feedDirOf(dataDir), 'last-check.json')
/** Where the trusted root came from: staff or `feed trust` (installed), or the build (bundled). */
const rootSourceFile = (dataDir: string) => join(feedDirOf(dataDir), 'root-source.json')
/** The last time staff released a held rollback: kept, so it stays on record after the update it let in. */
const releaseFile = (dataDir: string) => join(feedDirOf(dataDir), 'released.json')
const lockFile = (dataDir: string) => join(feedDirOf(dataDir), 'update.lock')
/** The pack the feed last switched this kiosk to: a local choice made after it (a rollback) holds. */
const fromFeedFile = (dataDir: string) => join(feedDirOf(dataDir), 'imported.json')

/** Seconds a whole file may take: a host that stalls or trickles is given up on, not waited for. */
export const FETCH_TIMEOUT_MS = 60_000

/** What a check found, for staff (the feedStatus method) and for `kiosk update`'s output (FeedCheck in the contract). */
export type { FeedCheck } from '../../shared/contract.ts'

function writePrivateJson(file: string, value: unknown): void {
  const tmp = `${file}.${process.pid}.tmp`
  writeFileSync(tmp, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600 })
  renameSync(tmp, file)
}

function readJsonFile<T>(file: string): T | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T
  } catch {
    return undefined
  }
}

/**
 * Trusts ROOT.json on this kiosk: it must be a root signed by its own threshold
 * and not expired. Metadata trusted before goes (the new root starts afresh).
 */
export function trustRoot(dataDir: string, rootFile: string, now = new Date()): Metadata<Root> {
  return trustRootText(dataDir, readFileSync(rootFile, 'utf8'), { now, shownAs: rootFile })
}

/** The same for a root's text: pasted or uploaded by staff, or the one bundled in the build. */
export function trustRootText(
  dataDir: string,
  text: string,
  o: { now?: Date; shownAs?: string; source?: 'installed' | 'bundled' } = {},
): Metadata<Root> {
  const name = o.shownAs ?? 'This'
  let root
  try {
    root = Metadata.fromJSON(MetadataKind.Root, JSON.parse(text))
  } catch (err) {
    throw new FeedError(`${name} is not a feed's root metadata: ${(err as Error).message}`)
  }
  try {
    root.verifyDelegate(MetadataKind.Root, root)
  } catch {
    throw new FeedError(`${name} is not signed by its own root keys: it is not trusted.`)
  }
  if (root.signed.isExpired(o.now ?? new Date()))
    throw new FeedError(`${name} expired on ${root.signed.expires}.`)
  makePrivateFolder(feedDirOf(dataDir))
  rmSync(trustedDir(dataDir), { recursive: true, force: true })
  makePrivateFolder(trustedDir(dataDir))
  writeFileSync(join(trustedDir(dataDir), 'root.json'), text, { mode: 0o600 })
  writePrivateJson(rootSourceFile(dataDir), { source: o.source ?? 'installed' })
  return root
}

/** The root this kiosk trusts now (tuf-js moves it on at each rotation), and where it first came from. */
export function trustedRoot(dataDir: string): FeedStatus['root'] {
  const root = readJsonFile<{ signed?: { version?: number; expires?: string } }>(
    join(trustedDir(dataDir), 'root.json'),
  )?.signed
  if (!root?.version || !root.expires) return null
  const source = readJsonFile<{ source?: string }>(rootSourceFile(dataDir))?.source
  return {
    version: root.version,
    expires: root.expires,
    source: source === 'bundled' ? 'bundled' : 'installed',
  }
}

/** An http(s) URL as it is; anything else is a folder. */
export function feedBaseUrl(feed: string): string {
  const base = /^https?:\/\//i.test(feed) ? feed : pathToFileURL(resolve(feed)).href
  return base.endsWith('/') ? base : `${base}/`
}

/**
 * tuf-js's Fetcher for both kinds of feed, writing into the data folder: stops
 * at the length the metadata allows (an endless or oversized body), at a
 * timeout (a stalled host), and when the connection breaks (a short body).
 */
class FeedFetcher implements Fetcher {
  private readonly dir: string
  private readonly timeoutMs: number
  constructor(dir: string, timeoutMs: number) {
    this.dir = dir
    this.timeoutMs = timeoutMs
  }

  private async open(url: string, signal: AbortSignal): Promise<Readable> {
    if (url.startsWith('file:')) {
      const path = fileURLToPath(url)
      // A missing file is the folder's 404: tuf-js ends its walk through new roots on it.
      if (!existsSync(path)) throw new DownloadHTTPError(`${path} does not exist`, 404)
      return createReadStream(path, { signal })
    }
    const response = await fetch(url, { signal, redirect: 'error' })
    if (!response.ok || !response.body) {
      await response.body?.cancel()
      throw new DownloadHTTPError(`${url} answered ${response.status}`, response.status)
    }
    return Readable.fromWeb(response.body as import('node:stream/web').ReadableStream<Uint8Array>)
  }

  async downloadFile<T>(url: string, maxLength: number, handler: (file: string) => Promise<T>): Promise<T> {
    makePrivateFolder(this.dir)
    const tmp = join(this.dir, `fetch-${process.pid}-${Date.now()}.part`)
    const controller = new AbortController()
    const timer = setTimeout(
      () => controller.abort(new Error(`no complete answer within ${this.timeoutMs / 1000} s`)),
      this.timeoutMs,
    )
    try {
      const body = await this.open(url, controller.signal)
      let received = 0
      await pipeline(
        body,
        async function* (chunks: AsyncIterable<Buffer>) {
          for await (const chunk of chunks) {
            received += chunk.length
            if (received > maxLength)
              throw new DownloadLengthMismatchError(`more than the ${maxLength} bytes the feed signed`)
            yield chunk
          }
        },
        createWriteStream(tmp, { mode: 0o600 }),
        { signal: controller.signal },
      )
      return await handler(tmp)
    } finally {
      clearTimeout(timer)
      // Whatever happened, the connection ends here: an endless body does not keep the process up.
      controller.abort()
      rmSync(tmp, { force: true })
    }
  }

  downloadBytes(url: string, maxLength: number): Promise<Buffer> {
    return this.downloadFile(url, maxLength, async (file) => readFileSync(file))
  }
}

/** One check at a time per data folder: a lock file holding the checker's process id (a dead one's lock is taken over). */
async function withLock<T>(dataDir: string, run: () => Promise<T>): Promise<T> {
  const file = lockFile(dataDir)
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await open(file, 'wx', 0o600)
      await handle.writeFile(String(process.pid))
      await handle.close()
      break
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw err
      const pid = Number(readFileSync(file, 'utf8'))
      let alive = false
      try {
        process.kill(pid, 0)
        alive = Number.isInteger(pid) && pid > 0
      } catch {
        alive = false
      }
      if (alive)
        throw new FeedError(
          `Another update of this kiosk is running (process ${pid}); try again when it has finished.`,
        )
      rmSync(file, { force: true })
    }
  }
  try {
    return await run()
  } finally {
    rmSync(file, { force: true })
  }
}

/** Turns what tuf-js, the network or the pack check says into a sentence for staff (the detail stays in brackets for IT). */
export function reasonFor(err: unknown): string {
  const detail = err instanceof Error ? err.message : String(err)
  const cause = err instanceof Error && err.cause instanceof Error ? ` ${err.cause.message}` : ''
  const text = `${detail}${cause}`
  const says = (re: RegExp) => re.test(text)
  let reason: string
  if (err instanceof PackError) reason = `The signed pack failed the kiosk's own check: ${err.message}`
  else if (err instanceof FeedError) reason = err.message
  else if (says(/expired/i))
    reason =
      'The feed has expired (it was not refreshed in time), so it cannot be trusted until whoever runs it refreshes it.'
  else if (says(/less than current version|version .* does not match|doesn't match|Expected version/i))
    reason =
      'The feed offered an older or mismatched version of what this kiosk already trusts (a rollback or a mix of publishes).'
  else if (says(/threshold|signature|signed by \d+\/\d+ keys/i))
    reason = 'The feed is not signed by enough of the keys this kiosk trusts.'
  else if (says(/Max length|more than the \d+ bytes|Length mismatch/i))
    reason = 'A file from the feed is larger than what was signed; the download was stopped.'
  else if (says(/hash|length/i))
    reason = 'A downloaded file does not match what was signed (it was changed or cut short).'
  else if (says(/answered 4\d\d|answered 5\d\d|does not exist/))
    reason = 'The feed is missing a file it should have (is the address right, or is the host part-copied?).'
  else if (
    says(
      /fetch failed|ECONNREFUSED|ENOTFOUND|terminated|socket|ECONNRESET|aborted|no complete answer|other side closed/i,
    )
  )
    reason = 'The feed could not be reached, or the connection broke during the download.'
  else reason = 'The feed could not be checked.'
  return `${reason} The kiosk keeps its current content. (${text.replace(/\s+/g, ' ').slice(0, 300)})`
}

export interface CheckOptions {
  dataDir: string
  /** An http(s) URL or a folder; kept in the settings for the next check. Without it, the one in the settings. */
  feed?: string
  /** The root bundled in a packaged build (resources/feed/root.json): trusted when no root is yet. */
  bundledRoot?: string
  /** The content the kiosk shows without a pack, to say what the first update changed. */
  bundledContent?: string
  now?: Date
  timeoutMs?: number
}

/** Who signed the pack the kiosk trusts now, by name, from the metadata tuf-js verified and kept. */
function trustedSigners(dataDir: string): string[] {
  const targets = readJsonFile<object>(join(trustedDir(dataDir), 'targets.json'))
  const content = readJsonFile<object>(join(trustedDir(dataDir), `${CONTENT_ROLE}.json`))
  if (!targets || !content) return []
  const t = Metadata.fromJSON(MetadataKind.Targets, targets as never)
  const c = Metadata.fromJSON(MetadataKind.Targets, content as never)
  const role = t.signed.delegations?.roles?.[CONTENT_ROLE]
  return role ? signers(c, t.signed.delegations?.keys ?? {}, role).signed : []
}

function trustedTimestampExpiry(dataDir: string): string | undefined {
  return readJsonFile<{ signed?: { expires?: string } }>(join(trustedDir(dataDir), 'timestamp.json'))?.signed
    ?.expires
}

/** The feed in the settings; a folder given on the command line is made a full path first. */
function feedAddress(db: Db, given: string | undefined): string {
  if (given) {
    const address = /^https?:\/\//i.test(given) ? given : resolve(given)
    try {
      updateSettings(db, { feedAddress: address })
    } catch (err) {
      throw new FeedError(`${given} is not a feed address: ${(err as Error).message}`)
    }
    return address
  }
  return readSettings(db).feedAddress ?? ''
}

/** Checks the feed once; never throws for a refusal: the result says what happened, and is kept for staff. */
export async function checkForUpdate(opts: CheckOptions): Promise<FeedCheck> {
  const { dataDir } = opts
  const checkedAt = (opts.now ?? new Date()).toISOString()
  const db = openDataDb(dataDir)
  let feed = opts.feed ?? ''
  let result: FeedCheck
  try {
    feed = feedAddress(db, opts.feed)
    if (!feed)
      throw new FeedError(
        'No feed is set: give one with --feed or in staff mode (a web address or a folder).',
      )
    if (
      !existsSync(join(trustedDir(dataDir), 'root.json')) &&
      opts.bundledRoot &&
      existsSync(opts.bundledRoot)
    )
      trustRootText(dataDir, readFileSync(opts.bundledRoot, 'utf8'), {
        source: 'bundled',
        shownAs: 'The bundled root',
      })
    if (!existsSync(join(trustedDir(dataDir), 'root.json')))
      throw new FeedError(
        'This kiosk trusts no feed yet: install the feed\'s root in staff mode or with "kiosk feed trust ROOT.json".',
      )
    makePrivateFolder(feedDirOf(dataDir))
    result = await withLock(dataDir, () => checkLocked(db, dataDir, { checkedAt, feed }, opts))
  } catch (err) {
    result = {
      checkedAt,
      feed,
      outcome: 'refused',
      message: reasonFor(err),
      feedExpires: trustedTimestampExpiry(dataDir),
    }
  } finally {
    db.close()
  }
  makePrivateFolder(feedDirOf(dataDir))
  writePrivateJson(lastCheckFile(dataDir), result)
  return result
}

type ItemRef = { kind: string; id: string }

/** What a new pack changed, item by item, against the content shown before it (by item hash). */
function itemChanges(before: string | undefined, after: string): NonNullable<FeedCheck['changes']> {
  const versions = (file: string) => {
    const content = openContentDb(file)
    try {
      return new Map(itemVersions(content).map((v) => [`${v.kind}\u0000${v.id}`, v.itemHash]))
    } finally {
      content.close()
    }
  }
  const old = before && existsSync(before) ? versions(before) : new Map<string, string>()
  const now = versions(after)
  const ref = (key: string): ItemRef => {
    const [kind = '', id = ''] = key.split('\u0000')
    return { kind, id }
  }
  return {
    added: [...now.keys()].filter((k) => !old.has(k)).map(ref),
    changed: [...now].filter(([k, h]) => old.has(k) && old.get(k) !== h).map(([k]) => ref(k)),
    removed: [...old.keys()].filter((k) => !now.has(k)).map(ref),
  }
}

async function checkLocked(
  db: Db,
  dataDir: string,
  base: Pick<FeedCheck, 'checkedAt' | 'feed'>,
  opts: CheckOptions,
): Promise<FeedCheck> {
  const url = feedBaseUrl(base.feed)
  const targetDir = downloadDir(dataDir)
  makePrivateFolder(targetDir)
  const updater = new Updater({
    metadataDir: trustedDir(dataDir),
    metadataBaseUrl: `${url}metadata/`,
    targetBaseUrl: `${url}targets/`,
    targetDir,
    fetcher: new FeedFetcher(targetDir, opts.timeoutMs ?? FETCH_TIMEOUT_MS),
  })
  await updater.refresh()
  const feedExpires = trustedTimestampExpiry(dataDir)
  const snapshot = readJsonFile<{ signed?: { meta?: Record<string, unknown> } }>(
    join(trustedDir(dataDir), 'snapshot.json'),
  )
  const current = packSlots(db).find((s) => s.slot === 'current')
  if (!snapshot?.signed?.meta?.[`${CONTENT_ROLE}.json`])
    return { ...base, outcome: 'up-to-date', message: 'The feed has no pack published yet.', feedExpires }
  const info = await updater.getTargetInfo(PACK_TARGET)
  if (!info)
    return { ...base, outcome: 'up-to-date', message: 'The feed has no pack published yet.', feedExpires }
  const packHash = typeof info.custom.packHash === 'string' ? info.custom.packHash : ''
  const version = readJsonFile<{ signed?: { version?: number } }>(
    join(trustedDir(dataDir), `${CONTENT_ROLE}.json`),
  )?.signed?.version
  const signedBy = trustedSigners(dataDir)
  const facts = { version, packHash, signedBy, feedExpires }
  if (current?.contentHash === packHash)
    return {
      ...base,
      ...facts,
      outcome: 'up-to-date',
      message: `Up to date: this kiosk already has version ${version}.`,
    }
  // Staff rolled back (or imported another pack) after the feed brought this one:
  // their choice holds until they release it or the feed publishes a newer version.
  const fromFeed = readJsonFile<FromFeed>(fromFeedFile(dataDir))
  if (fromFeed?.packHash === packHash && !fromFeed.released)
    return {
      ...base,
      ...facts,
      outcome: 'up-to-date',
      message: `The kiosk keeps the content chosen on it instead of version ${version} from the feed, until staff release it or a newer version is published.`,
    }
  if (info.length > PACK_READ_LIMIT)
    throw new FeedError(
      `The feed's pack is larger (${info.length} bytes) than any content pack this kiosk accepts.`,
    )
  const file = join(targetDir, PACK_TARGET)
  rmSync(file, { force: true })
  let imported
  try {
    await updater.downloadTarget(info, file)
    const verdict = verifyPack(file)
    if (!verdict.ok) throw new PackError(verdict.reason.replaceAll(file, 'the downloaded pack'))
    if (verdict.summary.contentHash !== packHash)
      throw new FeedError('The signed pack is not the pack its metadata names; it was not used.')
    imported = importPack(db, dataDir, file, base.checkedAt.slice(0, 10))
    writePrivateJson(fromFeedFile(dataDir), { packHash, version } satisfies FromFeed)
  } finally {
    rmSync(file, { force: true })
  }
  const shownBefore = current ? join(packsDir(dataDir), basename(current.file)) : opts.bundledContent
  const changes = itemChanges(shownBefore, join(packsDir(dataDir), basename(imported.file)))
  // The clinicians' sign-offs the pack was published with, covered by the content signatures.
  let signoffs = 0
  let signoffProblem = ''
  const carried = info.custom.signoffs
  if (carried) {
    try {
      const content = openContentDb(join(packsDir(dataDir), basename(imported.file)))
      try {
        const added = importSignoffs(db, carried, itemVersions(content))
        signoffs = added.added + added.alreadyHere
      } finally {
        content.close()
      }
    } catch (err) {
      signoffProblem = ` Its sign-offs could not be read: ${(err as Error).message}`
    }
  }
  return {
    ...base,
    ...facts,
    outcome: 'updated',
    previousPackHash: current?.contentHash,
    changes,
    ...(carried ? { signoffs } : {}),
    message: `Updated to version ${version}, signed by ${signedBy.join(' and ')}.${signoffProblem}`,
  }
}

/** imported.json: the pack the feed last brought, and whether staff released their hold on it. */
interface FromFeed {
  packHash: string
  version?: number
  released?: string
}

/** A version the feed brought that staff rolled back from (or replaced): held off until released. */
export function feedHold(db: Db, dataDir: string): FeedStatus['hold'] {
  const fromFeed = readJsonFile<FromFeed>(fromFeedFile(dataDir))
  if (!fromFeed?.packHash || fromFeed.released) return null
  const current = packSlots(db).find((s) => s.slot === 'current')
  if (current?.contentHash === fromFeed.packHash) return null
  return {
    packHash: fromFeed.packHash,
    ...(fromFeed.version !== undefined ? { version: fromFeed.version } : {}),
  }
}

/** Staff let the next check bring the held version back; recorded with the time. */
export function releaseHold(
  db: Db,
  dataDir: string,
  now = new Date(),
): NonNullable<FeedStatus['lastRelease']> {
  const hold = feedHold(db, dataDir)
  if (!hold)
    throw new FeedError('Nothing is held: the kiosk takes what the feed publishes at its next check.')
  const at = now.toISOString()
  writePrivateJson(fromFeedFile(dataDir), { ...hold, released: at } satisfies FromFeed)
  const release = { at, ...hold }
  writePrivateJson(releaseFile(dataDir), release)
  return release
}

export function lastRelease(dataDir: string): FeedStatus['lastRelease'] {
  return readJsonFile<NonNullable<FeedStatus['lastRelease']>>(releaseFile(dataDir)) ?? null
}

/** The last check, for staff; undefined when this kiosk has never checked a feed. */
export function lastFeedCheck(dataDir: string): FeedCheck | undefined {
  return readJsonFile<FeedCheck>(lastCheckFile(dataDir))
}
