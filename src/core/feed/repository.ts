/**
 * The publishing side of the signed feed: a TUF repository in a folder that
 * can be copied as it is to any static host (a web server, a bucket, a file
 * share, a USB stick). Metadata is made with @tufjs/models and written as
 * canonical JSON; consistent snapshots (every file but timestamp.json is named
 * by its version or hash), so a host that is being copied never serves a mix.
 *
 *   DIR/metadata/   N.root.json, root.json (the newest, for `feed trust`),
 *                   N.targets.json, N.content.json, N.snapshot.json, timestamp.json
 *   DIR/targets/    <sha256>.content.sqlite, the packs
 *   DIR.keys/       (0700, never published) snapshot.key and timestamp.key, the
 *                   online keys `refresh` uses from cron; staged/, what awaits signatures
 *
 * Roles: root and the top-level targets are signed by the offline root keys;
 * targets delegates every pack to the `content` role, which needs N of the
 * content keys (the clinician who signed off, the editor): `publish` refuses
 * until the staged content metadata carries that many good signatures.
 */
import { createHash } from 'node:crypto'
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { join, resolve } from 'node:path'
import { canonicalize } from '@tufjs/canonical-json'
import {
  Metadata,
  MetaFile,
  MetadataKind,
  Root,
  Snapshot,
  TargetFile,
  Targets,
  Timestamp,
} from '@tufjs/models'
import type { Key } from '@tufjs/models'
import { Delegations } from '@tufjs/models/dist/delegations.js'
import { DelegatedRole, Role } from '@tufjs/models/dist/role.js'
import { SignOffFile } from '../../shared/contract.ts'
import { itemVersions } from '../db/format.ts'
import { openContentDb } from '../db/open.ts'
import { verifyPack } from '../packs/verify.ts'
import { FeedError, generateKey, keyName, loadPublicKey, loadSigningKey } from './keys.ts'
import type { SigningKey } from './keys.ts'

export const CONTENT_ROLE = 'content'
/** The one target a feed carries: the current content pack. */
export const PACK_TARGET = 'content.sqlite'
export const SPEC_VERSION = '1.0.31'

const DAY = 24 * 60 * 60 * 1000
/** How long each role's signatures last. Timestamps are short, so a feed whose host stops refreshing freezes within a week. */
export const LIFETIME_DAYS = { root: 365, targets: 365, content: 365, snapshot: 30, timestamp: 7 } as const
/** `refresh` renews a timestamp with fewer than this many days left (run daily, a timestamp never gets below 6), a snapshot likewise. */
export const RENEW_WITHIN_DAYS = { timestamp: 6, snapshot: 14 } as const

export const keysDirOf = (dir: string): string => `${resolve(dir).replace(/\/+$/, '')}.keys`
const metadataDir = (dir: string) => join(dir, 'metadata')
const targetsDir = (dir: string) => join(dir, 'targets')
const stagedDir = (dir: string) => join(keysDirOf(dir), 'staged')

/** TUF's date form: whole seconds, UTC. */
export const expiresAfter = (now: Date, days: number): string =>
  new Date(now.getTime() + days * DAY).toISOString().replace(/\.\d{3}Z$/, 'Z')

type AnyMetadata = Metadata<Root> | Metadata<Targets> | Metadata<Snapshot> | Metadata<Timestamp>

const bytesOf = (md: AnyMetadata): Buffer => Buffer.from(canonicalize(md.toJSON()))

/** Written beside and renamed into place: a host or kiosk reading the folder never sees half a file. */
function writeAtomic(file: string, data: Buffer | string): void {
  const tmp = `${file}.${process.pid}.tmp`
  writeFileSync(tmp, data)
  renameSync(tmp, file)
}

export function writeMetadata(file: string, md: AnyMetadata): MetaFile {
  const bytes = bytesOf(md)
  writeAtomic(file, bytes)
  return new MetaFile({
    version: md.signed.version,
    length: bytes.length,
    hashes: { sha256: createHash('sha256').update(bytes).digest('hex') },
  })
}

function readJson(file: string): Record<string, unknown> {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>
  } catch (err) {
    throw new FeedError(`${file} cannot be read: ${(err as Error).message}`)
  }
}

const readRoot = (file: string) => Metadata.fromJSON(MetadataKind.Root, readJson(file) as never)
const readTargets = (file: string) => Metadata.fromJSON(MetadataKind.Targets, readJson(file) as never)
const readSnapshot = (file: string) => Metadata.fromJSON(MetadataKind.Snapshot, readJson(file) as never)
const readTimestamp = (file: string) => Metadata.fromJSON(MetadataKind.Timestamp, readJson(file) as never)

/** The feed as published now: every role's newest metadata, found from timestamp.json down. */
export interface PublishedFeed {
  root: Metadata<Root>
  timestamp: Metadata<Timestamp>
  snapshot: Metadata<Snapshot>
  targets: Metadata<Targets>
  content?: Metadata<Targets>
}

export function readFeed(dir: string): PublishedFeed {
  const meta = metadataDir(dir)
  if (!existsSync(join(meta, 'timestamp.json')))
    throw new FeedError(
      `${dir} is not a feed: it has no metadata/timestamp.json (make one with "kiosk feed init").`,
    )
  const root = readRoot(join(meta, 'root.json'))
  const timestamp = readTimestamp(join(meta, 'timestamp.json'))
  const snapshot = readSnapshot(join(meta, `${timestamp.signed.snapshotMeta.version}.snapshot.json`))
  const targetsInfo = snapshot.signed.meta['targets.json']
  if (!targetsInfo) throw new FeedError(`${dir}: the snapshot lists no targets.json.`)
  const targets = readTargets(join(meta, `${targetsInfo.version}.targets.json`))
  const contentInfo = snapshot.signed.meta[`${CONTENT_ROLE}.json`]
  const content = contentInfo
    ? readTargets(join(meta, `${contentInfo.version}.${CONTENT_ROLE}.json`))
    : undefined
  return { root, timestamp, snapshot, targets, content }
}

function contentRole(targets: Metadata<Targets>): DelegatedRole {
  const role = targets.signed.delegations?.roles?.[CONTENT_ROLE]
  if (!role) throw new FeedError(`The feed's targets delegate no "${CONTENT_ROLE}" role.`)
  return role
}

/** Who, among the keys a role lists, has a good signature on this metadata. */
export function signers(
  md: AnyMetadata,
  keys: Record<string, Key>,
  role: Role,
): { signed: string[]; missing: string[]; threshold: number } {
  const signed: string[] = []
  const missing: string[] = []
  for (const id of role.keyIDs) {
    const key = keys[id]
    const name = keyName(key) ?? id.slice(0, 12)
    try {
      if (!key) throw new Error('unknown key')
      key.verifySignature(md)
      signed.push(name)
    } catch {
      missing.push(name)
    }
  }
  return { signed, missing, threshold: role.threshold }
}

/**
 * A root of the given version whose root keys sign both the root and the
 * targets (`threshold` of them each); the caller adds the online keys.
 */
function newRoot(version: number, now: Date, rootKeys: SigningKey[], threshold: number): Root {
  const root = new Root({
    version,
    specVersion: SPEC_VERSION,
    expires: expiresAfter(now, LIFETIME_DAYS.root),
    consistentSnapshot: true,
  })
  for (const k of rootKeys) {
    root.addKey(k.key, MetadataKind.Root)
    root.addKey(k.key, MetadataKind.Targets)
  }
  for (const role of [MetadataKind.Root, MetadataKind.Targets])
    root.roles[role] = new Role({ keyIDs: root.roles[role]!.keyIDs, threshold })
  return root
}

function signWith(md: AnyMetadata, keys: SigningKey[]): void {
  for (const k of keys) md.sign(k.sign, true)
}

export interface InitOptions {
  rootKeyFiles: string[]
  contentKeyFiles: string[]
  threshold: number
  rootThreshold?: number
  now?: Date
}

/**
 * A new feed: root and targets signed by the root keys, the content role
 * delegated to the content keys, online snapshot and timestamp keys made in
 * DIR.keys/, and a first snapshot and timestamp (no pack yet).
 */
export function initFeed(dir: string, opts: InitOptions): PublishedFeed {
  const now = opts.now ?? new Date()
  if (existsSync(join(metadataDir(dir), 'timestamp.json')))
    throw new FeedError(`${dir} already holds a feed.`)
  if (!opts.rootKeyFiles.length) throw new FeedError('A feed needs at least one root key (--root-key).')
  const rootKeys = opts.rootKeyFiles.map(loadSigningKey)
  const contentKeys = opts.contentKeyFiles.map(loadPublicKey)
  const distinct = new Set(contentKeys.map((k) => k.keyID))
  if (distinct.size !== contentKeys.length) throw new FeedError('The same content key is listed twice.')
  if (!Number.isInteger(opts.threshold) || opts.threshold < 1 || opts.threshold > contentKeys.length)
    throw new FeedError(
      `The threshold (${opts.threshold}) must be between 1 and the number of content keys (${contentKeys.length}).`,
    )
  const rootThreshold = opts.rootThreshold ?? rootKeys.length
  if (rootThreshold < 1 || rootThreshold > rootKeys.length)
    throw new FeedError(
      `The root threshold must be between 1 and the number of root keys (${rootKeys.length}).`,
    )

  const keysDir = keysDirOf(dir)
  mkdirSync(keysDir, { recursive: true, mode: 0o700 })
  const online = (role: 'snapshot' | 'timestamp') => {
    const file = join(keysDir, `${role}.key`)
    if (!existsSync(file)) generateKey(file)
    return loadSigningKey(file)
  }
  const snapshotKey = online('snapshot')
  const timestampKey = online('timestamp')

  const root = newRoot(1, now, rootKeys, rootThreshold)
  root.addKey(snapshotKey.key, MetadataKind.Snapshot)
  root.addKey(timestampKey.key, MetadataKind.Timestamp)
  const rootMd = new Metadata(root)
  signWith(rootMd, rootKeys)

  const targetsMd = new Metadata(
    new Targets({
      version: 1,
      specVersion: SPEC_VERSION,
      expires: expiresAfter(now, LIFETIME_DAYS.targets),
      delegations: new Delegations({
        keys: Object.fromEntries(contentKeys.map((k) => [k.keyID, k])),
        roles: {
          [CONTENT_ROLE]: new DelegatedRole({
            name: CONTENT_ROLE,
            keyIDs: contentKeys.map((k) => k.keyID),
            threshold: opts.threshold,
            terminating: true,
            paths: [PACK_TARGET],
          }),
        },
      }),
    }),
  )
  signWith(targetsMd, rootKeys)

  mkdirSync(metadataDir(dir), { recursive: true })
  mkdirSync(targetsDir(dir), { recursive: true })
  writeMetadata(join(metadataDir(dir), '1.root.json'), rootMd)
  writeMetadata(join(metadataDir(dir), 'root.json'), rootMd)
  const targetsInfo = writeMetadata(join(metadataDir(dir), '1.targets.json'), targetsMd)
  return writeSnapshotAndTimestamp(dir, {
    root: rootMd,
    meta: { 'targets.json': targetsInfo },
    snapshotVersion: 1,
    timestampVersion: 1,
    now,
  })
}

function onlineKey(dir: string, role: 'snapshot' | 'timestamp', root: Root): SigningKey {
  const file = join(keysDirOf(dir), `${role}.key`)
  if (!existsSync(file)) throw new FeedError(`The online ${role} key is missing: ${file}.`)
  const key = loadSigningKey(file)
  if (!root.roles[role]?.keyIDs.includes(key.key.keyID))
    throw new FeedError(`${file} is not the ${role} key this feed's root trusts.`)
  return key
}

/**
 * A new snapshot over `meta` and a timestamp over it, signed with the online
 * keys; what publish, refresh and rotate-root end with.
 */
export function writeSnapshotAndTimestamp(
  dir: string,
  o: {
    root: Metadata<Root>
    meta: Record<string, MetaFile>
    snapshotVersion: number
    timestampVersion: number
    now: Date
  },
): PublishedFeed {
  const snapshotMd = new Metadata(
    new Snapshot({
      version: o.snapshotVersion,
      specVersion: SPEC_VERSION,
      expires: expiresAfter(o.now, LIFETIME_DAYS.snapshot),
      meta: o.meta,
    }),
  )
  snapshotMd.sign(onlineKey(dir, 'snapshot', o.root.signed).sign)
  const snapshotInfo = writeMetadata(join(metadataDir(dir), `${o.snapshotVersion}.snapshot.json`), snapshotMd)
  return writeTimestamp(dir, o.root, snapshotInfo, o.timestampVersion, o.now)
}

function writeTimestamp(
  dir: string,
  root: Metadata<Root>,
  snapshotInfo: MetaFile,
  version: number,
  now: Date,
): PublishedFeed {
  const timestampMd = new Metadata(
    new Timestamp({
      version,
      specVersion: SPEC_VERSION,
      expires: expiresAfter(now, LIFETIME_DAYS.timestamp),
      snapshotMeta: snapshotInfo,
    }),
  )
  timestampMd.sign(onlineKey(dir, 'timestamp', root.signed).sign)
  // Last: until timestamp.json changes, kiosks see the previous publish, whole.
  writeMetadata(join(metadataDir(dir), 'timestamp.json'), timestampMd)
  return readFeed(dir)
}

/** What `add` staged and `sign` signs: the next content metadata, and the pack it names. */
interface Staged {
  content: Metadata<Targets>
  packFile: string
}

function readStaged(dir: string): Staged | undefined {
  const file = join(stagedDir(dir), 'content.json')
  if (!existsSync(file)) return undefined
  return { content: readTargets(file), packFile: join(stagedDir(dir), PACK_TARGET) }
}

function sha256File(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex')
}

export interface StagedSummary {
  version: number
  packHash: string
  length: number
  signed: string[]
  missing: string[]
  threshold: number
}

function stagedSummary(feed: PublishedFeed, staged: Staged): StagedSummary {
  const target = staged.content.signed.targets[PACK_TARGET]!
  const who = signers(staged.content, feed.targets.signed.delegations?.keys ?? {}, contentRole(feed.targets))
  return {
    version: staged.content.signed.version,
    packHash: String(target.custom.packHash ?? ''),
    length: target.length,
    ...who,
  }
}

/**
 * The sign-offs a pack carries: those of a sign-off file (exported from a
 * kiosk's review screen, #19) that sign item versions this very pack has.
 * They go into the pack's signed metadata, so the content signatures cover
 * who signed what and when, and every kiosk imports them with the pack.
 */
function signoffsFor(packFile: string, file: unknown): SignOffFile {
  const parsed = SignOffFile.safeParse(file)
  if (!parsed.success)
    throw new FeedError(
      `Not staged: that is not a sign-off file from a kiosk (${parsed.error.issues[0]?.message ?? 'not valid'}).`,
    )
  const db = openContentDb(packFile)
  try {
    const here = new Set(itemVersions(db).map((v) => `${v.kind}\u0000${v.id}\u0000${v.itemHash}`))
    const signoffs = parsed.data.signoffs.filter((s) => here.has(`${s.kind}\u0000${s.id}\u0000${s.itemHash}`))
    return { ...parsed.data, signoffs }
  } finally {
    db.close()
  }
}

/** Stages a built pack as the next content version: checked as a kiosk will check it, named by its pack hash. */
export function addPack(
  dir: string,
  packFile: string,
  now = new Date(),
  opts: { signoffs?: unknown } = {},
): StagedSummary & { signoffs: number } {
  const feed = readFeed(dir)
  const verdict = verifyPack(packFile)
  if (!verdict.ok) throw new FeedError(`Not staged: ${verdict.reason}`)
  const signoffs = opts.signoffs === undefined ? undefined : signoffsFor(packFile, opts.signoffs)
  const packHash = verdict.summary.contentHash
  const published = feed.content?.signed.targets[PACK_TARGET]
  if (published?.custom.packHash === packHash)
    throw new FeedError(`Not staged: pack ${packHash} is already the published one.`)
  const staging = stagedDir(dir)
  rmSync(staging, { recursive: true, force: true })
  mkdirSync(staging, { recursive: true, mode: 0o700 })
  const packCopy = join(staging, PACK_TARGET)
  copyFileSync(packFile, packCopy)
  const target = new TargetFile({
    path: PACK_TARGET,
    length: statSync(packCopy).size,
    hashes: { sha256: sha256File(packCopy) },
    unrecognizedFields: {
      custom: {
        packHash,
        contentFormat: verdict.summary.schemaVersion,
        stagedOn: now.toISOString(),
        ...(signoffs ? { signoffs } : {}),
      },
    },
  })
  const content = new Metadata(
    new Targets({
      version: (feed.content?.signed.version ?? 0) + 1,
      specVersion: SPEC_VERSION,
      expires: expiresAfter(now, LIFETIME_DAYS.content),
      targets: { [PACK_TARGET]: target },
    }),
  )
  writeAtomic(join(staging, 'content.json'), bytesOf(content))
  return { ...stagedSummary(feed, { content, packFile: packCopy }), signoffs: signoffs?.signoffs.length ?? 0 }
}

/** Adds one content signature to what is staged, after checking the staged pack is the one the metadata names. */
export function signStaged(dir: string, keyFile: string): StagedSummary {
  const feed = readFeed(dir)
  const staged = readStaged(dir)
  if (!staged) throw new FeedError('Nothing is staged: stage a pack first with "kiosk feed add".')
  const key = loadSigningKey(keyFile)
  const role = contentRole(feed.targets)
  if (!role.keyIDs.includes(key.key.keyID))
    throw new FeedError(
      `${keyFile} (${key.name}) is not one of this feed's content keys: nothing was signed.`,
    )
  const target = staged.content.signed.targets[PACK_TARGET]!
  if (!existsSync(staged.packFile) || sha256File(staged.packFile) !== target.hashes.sha256)
    throw new FeedError(
      'The staged pack does not match the staged metadata: stage it again with "kiosk feed add".',
    )
  staged.content.sign(key.sign, true)
  writeAtomic(join(stagedDir(dir), 'content.json'), bytesOf(staged.content))
  return stagedSummary(feed, staged)
}

/** Publishes what is staged once the content threshold is met: pack, content metadata, then a new snapshot and timestamp. */
export function publishStaged(dir: string, now = new Date()): PublishedFeed & { published: StagedSummary } {
  const feed = readFeed(dir)
  const staged = readStaged(dir)
  if (!staged) throw new FeedError('Nothing is staged: stage a pack with "kiosk feed add", then sign it.')
  const summary = stagedSummary(feed, staged)
  if (summary.signed.length < summary.threshold)
    throw new FeedError(
      `Not published: the content needs ${summary.threshold} signatures and has ${summary.signed.length}` +
        `${summary.signed.length ? ` (${summary.signed.join(', ')})` : ''}; missing: ${summary.missing.join(', ')}.`,
    )
  // The same check a kiosk makes: the targets role must accept this content metadata.
  feed.targets.verifyDelegate(CONTENT_ROLE, staged.content)
  const target = staged.content.signed.targets[PACK_TARGET]!
  if (!existsSync(staged.packFile) || sha256File(staged.packFile) !== target.hashes.sha256)
    throw new FeedError(
      'Not published: the staged pack does not match what was signed. Stage it again with "kiosk feed add".',
    )
  copyFileSync(staged.packFile, join(targetsDir(dir), `${target.hashes.sha256}.${PACK_TARGET}`))
  const version = staged.content.signed.version
  const contentInfo = writeMetadata(join(metadataDir(dir), `${version}.${CONTENT_ROLE}.json`), staged.content)
  const result = writeSnapshotAndTimestamp(dir, {
    root: feed.root,
    meta: { ...feed.snapshot.signed.meta, [`${CONTENT_ROLE}.json`]: contentInfo },
    snapshotVersion: feed.snapshot.signed.version + 1,
    timestampVersion: feed.timestamp.signed.version + 1,
    now,
  })
  rmSync(stagedDir(dir), { recursive: true, force: true })
  return { ...result, published: summary }
}

export interface RefreshResult {
  snapshot: boolean
  timestamp: boolean
  /** Roles signed offline that expire within 60 days: the operator must act. */
  warnings: string[]
  feed: PublishedFeed
}

const daysLeft = (expires: string, now: Date) => (new Date(expires).getTime() - now.getTime()) / DAY

/** Re-signs snapshot and timestamp with the online keys when they near their expiry (for a daily cron job). */
export function refreshFeed(dir: string, now = new Date()): RefreshResult {
  const feed = readFeed(dir)
  const renewSnapshot = daysLeft(feed.snapshot.signed.expires, now) < RENEW_WITHIN_DAYS.snapshot
  const renewTimestamp =
    renewSnapshot || daysLeft(feed.timestamp.signed.expires, now) < RENEW_WITHIN_DAYS.timestamp
  let result = feed
  if (renewSnapshot) {
    result = writeSnapshotAndTimestamp(dir, {
      root: feed.root,
      meta: feed.snapshot.signed.meta,
      snapshotVersion: feed.snapshot.signed.version + 1,
      timestampVersion: feed.timestamp.signed.version + 1,
      now,
    })
  } else if (renewTimestamp) {
    const snapshotFile = join(metadataDir(dir), `${feed.snapshot.signed.version}.snapshot.json`)
    const bytes = readFileSync(snapshotFile)
    const info = new MetaFile({
      version: feed.snapshot.signed.version,
      length: bytes.length,
      hashes: { sha256: createHash('sha256').update(bytes).digest('hex') },
    })
    result = writeTimestamp(dir, feed.root, info, feed.timestamp.signed.version + 1, now)
  }
  const warnings: string[] = []
  const offline: [string, string][] = [
    ['root', feed.root.signed.expires],
    ['targets', feed.targets.signed.expires],
    ...(feed.content ? [[CONTENT_ROLE, feed.content.signed.expires] as [string, string]] : []),
  ]
  for (const [role, expires] of offline) {
    if (daysLeft(expires, now) < 60)
      warnings.push(
        `The ${role} metadata expires on ${expires}: ${role === CONTENT_ROLE ? 'publish a pack again' : 'rotate the root'} before then, or kiosks stop updating.`,
      )
  }
  return { snapshot: renewSnapshot, timestamp: renewTimestamp, warnings, feed: result }
}

export interface FeedStatusReport {
  published?: { version: number; packHash: string; signed: string[]; threshold: number }
  staged?: StagedSummary
  expires: Record<string, string>
  contentKeys: string[]
  threshold: number
}

export function feedStatusOf(dir: string): FeedStatusReport {
  const feed = readFeed(dir)
  const role = contentRole(feed.targets)
  const keys = feed.targets.signed.delegations?.keys ?? {}
  const staged = readStaged(dir)
  const target = feed.content?.signed.targets[PACK_TARGET]
  return {
    published:
      feed.content && target
        ? {
            version: feed.content.signed.version,
            packHash: String(target.custom.packHash ?? ''),
            signed: signers(feed.content, keys, role).signed,
            threshold: role.threshold,
          }
        : undefined,
    staged: staged ? stagedSummary(feed, staged) : undefined,
    expires: {
      root: feed.root.signed.expires,
      targets: feed.targets.signed.expires,
      ...(feed.content ? { [CONTENT_ROLE]: feed.content.signed.expires } : {}),
      snapshot: feed.snapshot.signed.expires,
      timestamp: feed.timestamp.signed.expires,
    },
    contentKeys: role.keyIDs.map((id) => keyName(keys[id]) ?? id.slice(0, 12)),
    threshold: role.threshold,
  }
}

export interface RotateOptions {
  /** The keys of the root now trusted: the new root needs a threshold of them, as kiosks check. */
  oldRootKeyFiles: string[]
  newRootKeyFiles: string[]
  rootThreshold?: number
  now?: Date
}

/**
 * A new root (version + 1) with new root keys, signed by the old root's
 * threshold and the new one's; targets re-signed by the new keys; then a new
 * snapshot and timestamp. Kiosks walk from the root they trust to this one.
 */
export function rotateRoot(dir: string, opts: RotateOptions): PublishedFeed {
  const now = opts.now ?? new Date()
  const feed = readFeed(dir)
  const oldKeys = opts.oldRootKeyFiles.map(loadSigningKey)
  const newKeys = opts.newRootKeyFiles.map(loadSigningKey)
  if (!newKeys.length) throw new FeedError('The new root needs at least one root key (--root-key).')
  const oldRole = feed.root.signed.roles[MetadataKind.Root]!
  const trusted = oldKeys.filter((k) => oldRole.keyIDs.includes(k.key.keyID))
  if (trusted.length < oldRole.threshold)
    throw new FeedError(
      `Rotating the root needs ${oldRole.threshold} of the current root keys; ${trusted.length} of those given are current root keys.`,
    )
  const rootThreshold = opts.rootThreshold ?? newKeys.length
  const old = feed.root.signed
  const root = newRoot(old.version + 1, now, newKeys, rootThreshold)
  for (const role of [MetadataKind.Snapshot, MetadataKind.Timestamp]) {
    for (const id of old.roles[role]!.keyIDs) root.addKey(old.keys[id]!, role)
  }
  const rootMd = new Metadata(root)
  signWith(rootMd, [...trusted, ...newKeys.filter((k) => !trusted.some((t) => t.key.keyID === k.key.keyID))])
  const version = root.version
  writeMetadata(join(metadataDir(dir), `${version}.root.json`), rootMd)
  writeMetadata(join(metadataDir(dir), 'root.json'), rootMd)

  const targets = feed.targets.signed
  const targetsMd = new Metadata(
    new Targets({
      version: targets.version + 1,
      specVersion: SPEC_VERSION,
      expires: expiresAfter(now, LIFETIME_DAYS.targets),
      targets: targets.targets,
      delegations: targets.delegations,
    }),
  )
  signWith(targetsMd, newKeys)
  const targetsInfo = writeMetadata(
    join(metadataDir(dir), `${targetsMd.signed.version}.targets.json`),
    targetsMd,
  )
  return writeSnapshotAndTimestamp(dir, {
    root: rootMd,
    meta: { ...feed.snapshot.signed.meta, 'targets.json': targetsInfo },
    snapshotVersion: feed.snapshot.signed.version + 1,
    timestampVersion: feed.timestamp.signed.version + 1,
    now,
  })
}
