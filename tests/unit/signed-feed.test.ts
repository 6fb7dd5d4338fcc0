/**
 * The signed feed (#23), publisher to kiosk over real hosts: nginx on loopback
 * (as a clinic's web server), a folder (a share or USB stick), and a small
 * server of our own only for what a static server cannot do (an endless body,
 * a host that hangs up or stalls). Every attack is refused with a reason staff
 * can read, and the kiosk keeps serving the content it had.
 */
import { createHash } from 'node:crypto'
import {
  copyFileSync,
  cpSync,
  createReadStream,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { createServer } from 'node:http'
import type { Server } from 'node:http'
import { join } from 'node:path'
import { Metadata, TargetFile, Targets } from '@tufjs/models'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateKey, loadSigningKey } from '../../src/core/feed/keys.ts'
import {
  PACK_TARGET,
  SPEC_VERSION,
  addPack,
  expiresAfter,
  initFeed,
  publishStaged,
  readFeed,
  refreshFeed,
  rotateRoot,
  signStaged,
  writeMetadata,
  writeSnapshotAndTimestamp,
} from '../../src/core/feed/repository.ts'
import { checkForUpdate, lastFeedCheck, trustRoot } from '../../src/core/feed/update.ts'
import type { Clock } from '../../src/core/feed/schedule.ts'
import { writeCountsOut } from '../../src/core/data/counts-out.ts'
import { addUsage } from '../../src/core/data/usage.ts'
import { updateSettings } from '../../src/core/data/settings.ts'
import { itemVersions } from '../../src/core/db/format.ts'
import { openContentDb } from '../../src/core/db/open.ts'
import type { MethodInput, MethodName, MethodOutput } from '../../src/shared/contract.ts'
import { verifyPack } from '../../src/core/packs/verify.ts'
import { openDataDb } from '../../src/core/data/open.ts'
import { packSlots, rollbackPack } from '../../src/core/packs/store.ts'
import { dispatch } from '../../src/core/services/dispatch.ts'
import { createKioskCore } from '../../src/core/services/handlers.ts'
import { runKioskCli } from '../fixtures/cli.ts'
import { buildFixtureDb, buildRealPack, changeSummary, tempDir } from '../fixtures/library.ts'
import { startNginx } from '../fixtures/nginx.ts'
import type { StaticHost } from '../fixtures/nginx.ts'

const dir = tempDir('kiosk-feed-')
const www = join(dir.path, 'www')
const key = (name: string) => join(dir.path, 'keys', `${name}.key`)
const pub = (name: string) => `${key(name)}.pub`
const DAY = 24 * 60 * 60 * 1000

let packA: string
let packB: string
let hashA: string
let hashB: string
let bundled: string
let nginx: StaticHost

beforeAll(async () => {
  packA = buildRealPack(dir.path, 'a')
  packB = buildRealPack(dir.path, 'b', changeSummary('Hip arthritis is wear in the hip joint (new wording).'))
  bundled = buildFixtureDb(dir.path)
  const hash = (f: string) => {
    const v = verifyPack(f)
    if (!v.ok) throw new Error(v.reason)
    return v.summary.contentHash
  }
  hashA = hash(packA)
  hashB = hash(packB)
  for (const name of ['root', 'root2', 'lee', 'ed', 'stranger']) generateKey(key(name))
  nginx = await startNginx(www, join(dir.path, 'nginx'))
  await makeBaseKiosk()
  // Two real packs built and one imported: more than the default 10 s on a busy machine.
}, 60_000)
afterAll(async () => {
  await nginx?.stop()
  dir.remove()
})

/** Stages, signs and publishes a pack as the operator does. */
function publish(feedDir: string, pack: string, signers: string[], now?: Date, signoffs?: unknown) {
  addPack(feedDir, pack, now, { signoffs })
  for (const s of signers) signStaged(feedDir, key(s))
  return publishStaged(feedDir, now)
}

/** What a patient is shown: the content the kiosk opens from its data folder. */
function served(dataDir: string): string {
  const core = createKioskCore({ bundledContent: bundled, dataDir, log: () => {} })
  try {
    return core.handlers.contentInfo({}).contentHash
  } finally {
    core.close()
  }
}

/**
 * A feed publishing pack A signed by lee and ed (2 of 2), and a kiosk that has
 * taken it: made once over nginx (a real first update), then copied for each
 * test (feed, its online keys and the kiosk's data folder), so every attack
 * starts from a kiosk serving A without paying for A's import again.
 */
async function feedWithKiosk(name: string, host: 'nginx' | 'folder' = 'nginx') {
  const feedDir = join(www, name)
  const dataDir = join(dir.path, 'kiosks', name)
  cpSync(join(www, 'base'), feedDir, { recursive: true })
  cpSync(join(www, 'base.keys'), `${feedDir}.keys`, { recursive: true })
  cpSync(join(dir.path, 'kiosks', 'base'), dataDir, { recursive: true })
  const feed = host === 'nginx' ? `${nginx.url}/${name}` : feedDir
  return {
    feedDir,
    dataDir,
    feed,
    check: (timeoutMs?: number) => checkForUpdate({ dataDir, feed, timeoutMs }),
  }
}

async function makeBaseKiosk(): Promise<void> {
  const feedDir = join(www, 'base')
  initFeed(feedDir, { rootKeyFiles: [key('root')], contentKeyFiles: [pub('lee'), pub('ed')], threshold: 2 })
  publish(feedDir, packA, ['lee', 'ed'])
  const dataDir = join(dir.path, 'kiosks', 'base')
  trustRoot(dataDir, join(feedDir, 'metadata', 'root.json'))
  const first = await checkForUpdate({ dataDir, feed: `${nginx.url}/base` })
  if (first.outcome !== 'updated') throw new Error(first.message)
}

const targetFile = (feedDir: string, pack: string) =>
  join(feedDir, 'targets', `${createHash('sha256').update(readFileSync(pack)).digest('hex')}.${PACK_TARGET}`)

/**
 * Someone holding the online snapshot and timestamp keys (a broken-into host)
 * but not enough content keys: content metadata signed by `signers`, then a
 * snapshot and timestamp over it, exactly as publish writes them.
 */
function publishWithOnlineKeysOnly(feedDir: string, pack: string, signers: string[]): void {
  const feed = readFeed(feedDir)
  const version = (feed.content?.signed.version ?? 0) + 1
  const bytes = readFileSync(pack)
  const sha256 = createHash('sha256').update(bytes).digest('hex')
  copyFileSync(pack, join(feedDir, 'targets', `${sha256}.${PACK_TARGET}`))
  const verdict = verifyPack(pack)
  const content = new Metadata(
    new Targets({
      version,
      specVersion: SPEC_VERSION,
      expires: expiresAfter(new Date(), 30),
      targets: {
        [PACK_TARGET]: new TargetFile({
          path: PACK_TARGET,
          length: bytes.length,
          hashes: { sha256 },
          unrecognizedFields: { custom: { packHash: verdict.ok ? verdict.summary.contentHash : '' } },
        }),
      },
    }),
  )
  for (const s of signers) content.sign(loadSigningKey(key(s)).sign)
  const info = writeMetadata(join(feedDir, 'metadata', `${version}.content.json`), content)
  writeSnapshotAndTimestamp(feedDir, {
    root: feed.root,
    meta: { ...feed.snapshot.signed.meta, 'content.json': info },
    snapshotVersion: feed.snapshot.signed.version + 1,
    timestampVersion: feed.timestamp.signed.version + 1,
    now: new Date(),
  })
}

/** A refused check: nothing switched, the old content still served, a reason in words, kept for staff. */
async function expectRefused(
  kiosk: Awaited<ReturnType<typeof feedWithKiosk>>,
  reason: RegExp,
  still = hashA,
) {
  const result = await kiosk.check()
  expect(result.outcome).toBe('refused')
  expect(result.message).toMatch(reason)
  expect(result.message).toMatch(/keeps its current content/)
  expect(lastFeedCheck(kiosk.dataDir)?.message).toBe(result.message)
  expect(served(kiosk.dataDir)).toBe(still)
  return result
}

describe('a signed pack reaches the kiosk', () => {
  it('over nginx: signed by two people, it is served at once, the previous pack kept, who signed recorded', async () => {
    const kiosk = await feedWithKiosk('good')
    expect(served(kiosk.dataDir)).toBe(hashA)
    publish(kiosk.feedDir, packB, ['lee', 'ed'])
    const result = await kiosk.check()
    expect(result).toMatchObject({ outcome: 'updated', version: 2, packHash: hashB, previousPackHash: hashA })
    expect(result.signedBy).toEqual(['lee', 'ed'])
    expect(new Date(result.feedExpires!).getTime()).toBeGreaterThan(Date.now() + 6 * DAY)
    expect(served(kiosk.dataDir)).toBe(hashB)
    const db = openDataDb(kiosk.dataDir)
    expect(packSlots(db).map((s) => [s.slot, s.contentHash])).toEqual([
      ['current', hashB],
      ['previous', hashA],
    ])
    db.close()
    expect(await kiosk.check()).toMatchObject({ outcome: 'up-to-date', packHash: hashB })
    // Nothing left in the download folder; everything the check keeps is private.
    expect(statSync(join(kiosk.dataDir, 'feed')).mode & 0o077).toBe(0)
  })

  it("staff's local rollback holds at the next check, until the feed publishes a newer version", async () => {
    const kiosk = await feedWithKiosk('held')
    publish(kiosk.feedDir, packB, ['lee', 'ed'])
    expect((await kiosk.check()).outcome).toBe('updated')
    const db = openDataDb(kiosk.dataDir)
    rollbackPack(db, kiosk.dataDir)
    db.close()
    const held = await kiosk.check()
    expect(held).toMatchObject({
      outcome: 'up-to-date',
      message: expect.stringMatching(/keeps the content chosen/),
    })
    expect(served(kiosk.dataDir)).toBe(hashA)
    const packC = buildRealPack(
      dir.path,
      'c',
      changeSummary('Hip arthritis wears the joint (third wording).'),
    )
    publish(kiosk.feedDir, packC, ['lee', 'ed'])
    expect(await kiosk.check()).toMatchObject({ outcome: 'updated', version: 3 })
    expect(served(kiosk.dataDir)).not.toBe(hashA)
  })

  it('a running kiosk serves the pack `kiosk update` switched to, within 30 s, without a restart', async () => {
    const kiosk = await feedWithKiosk('running')
    const clock = { now: Date.now() }
    const core = createKioskCore({
      bundledContent: bundled,
      dataDir: kiosk.dataDir,
      log: () => {},
      now: () => clock.now,
    })
    try {
      expect(core.handlers.contentInfo({}).contentHash).toBe(hashA)
      publish(kiosk.feedDir, packB, ['lee', 'ed'])
      expect((await kiosk.check()).outcome).toBe('updated')
      clock.now += 31_000
      expect(core.handlers.contentInfo({}).contentHash).toBe(hashB)
    } finally {
      core.close()
    }
  })

  it('from a folder (a share or USB stick)', async () => {
    const kiosk = await feedWithKiosk('folder', 'folder')
    publish(kiosk.feedDir, packB, ['lee', 'ed'])
    expect(await kiosk.check()).toMatchObject({
      outcome: 'updated',
      packHash: hashB,
      signedBy: ['lee', 'ed'],
    })
    expect(served(kiosk.dataDir)).toBe(hashB)
  })
})

describe('refused, with the old content still serving', () => {
  it('a tampered pack', async () => {
    const kiosk = await feedWithKiosk('tampered')
    publish(kiosk.feedDir, packB, ['lee', 'ed'])
    const file = targetFile(kiosk.feedDir, packB)
    const bytes = readFileSync(file)
    const middle = bytes.length >> 1
    bytes.writeUInt8(bytes.readUInt8(middle) ^ 0xff, middle)
    writeFileSync(file, bytes)
    await expectRefused(kiosk, /does not match what was signed/)
  })

  it('a pack signed by one key when two are needed (publish refuses it, and so does the kiosk)', async () => {
    const kiosk = await feedWithKiosk('one-signature')
    addPack(kiosk.feedDir, packB)
    signStaged(kiosk.feedDir, key('lee'))
    expect(() => publishStaged(kiosk.feedDir)).toThrow(/needs 2 signatures and has 1 \(lee\); missing: ed/)
    publishWithOnlineKeysOnly(kiosk.feedDir, packB, ['lee'])
    await expectRefused(kiosk, /not signed by enough of the keys/)
    // The same forgery with both signatures is accepted: what was refused was the missing signature.
    publishWithOnlineKeysOnly(kiosk.feedDir, packB, ['lee', 'ed'])
    expect((await kiosk.check()).outcome).toBe('updated')
  })

  it('a pack signed by a key the feed does not list', async () => {
    const kiosk = await feedWithKiosk('unknown-key')
    expect(() => signStaged(kiosk.feedDir, key('stranger'))).toThrow(/Nothing is staged/)
    addPack(kiosk.feedDir, packB)
    expect(() => signStaged(kiosk.feedDir, key('stranger'))).toThrow(/not one of this feed's content keys/)
    publishWithOnlineKeysOnly(kiosk.feedDir, packB, ['lee', 'stranger'])
    await expectRefused(kiosk, /not signed by enough of the keys/)
  })

  it('an older version (rollback)', async () => {
    const kiosk = await feedWithKiosk('rollback')
    const older = join(dir.path, 'rollback-metadata')
    cpSync(join(kiosk.feedDir, 'metadata'), older, { recursive: true })
    publish(kiosk.feedDir, packB, ['lee', 'ed'])
    expect((await kiosk.check()).outcome).toBe('updated')
    // The host is put back to the earlier publish.
    copyFileSync(join(older, 'timestamp.json'), join(kiosk.feedDir, 'metadata', 'timestamp.json'))
    await expectRefused(kiosk, /older or mismatched version/, hashB)
  })

  it('an expired timestamp (a frozen feed); refreshed, it updates; refreshed daily, it never expires', async () => {
    const kiosk = await feedWithKiosk('freeze')
    publish(kiosk.feedDir, packB, ['lee', 'ed'], new Date(Date.now() - 10 * DAY))
    const frozen = await expectRefused(kiosk, /has expired/)
    expect(frozen.feedExpires).toBeDefined()
    expect(refreshFeed(kiosk.feedDir).timestamp).toBe(true)
    expect((await kiosk.check()).outcome).toBe('updated')
    // Sixty days of a daily cron job: at no moment is the timestamp or snapshot within a day of expiry.
    for (let day = 1; day <= 60; day++) {
      const now = new Date(Date.now() + day * DAY)
      const feed = refreshFeed(kiosk.feedDir, now).feed
      for (const md of [feed.timestamp, feed.snapshot])
        expect(new Date(md.signed.expires).getTime()).toBeGreaterThan(now.getTime() + 5 * DAY)
    }
  })

  it('snapshot and content from different publishes (mix-and-match)', async () => {
    const kiosk = await feedWithKiosk('mix')
    publish(kiosk.feedDir, packB, ['lee', 'ed'])
    const meta = join(kiosk.feedDir, 'metadata')
    copyFileSync(join(meta, '1.content.json'), join(meta, '2.content.json'))
    await expectRefused(kiosk, /does not match what was signed|mismatched version/)
  })

  it('a truncated download', async () => {
    const kiosk = await feedWithKiosk('truncated')
    publish(kiosk.feedDir, packB, ['lee', 'ed'])
    const file = targetFile(kiosk.feedDir, packB)
    writeFileSync(file, readFileSync(file).subarray(0, 300_000))
    await expectRefused(kiosk, /does not match what was signed/)
  })
})

/** A host of our own for the faults nginx cannot make: metadata as it is, the pack `fault`y. */
async function faultyHost(feedDir: string, fault: 'endless' | 'hang-up' | 'stall') {
  let bodyBytes = 0
  let clientLeft = false
  const server: Server = createServer((req, res) => {
    const file = join(feedDir, decodeURIComponent((req.url ?? '/').split('?')[0]!))
    if (!existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end()
      return
    }
    if (!req.url?.startsWith('/targets/')) {
      createReadStream(file).pipe(res)
      return
    }
    const bytes = readFileSync(file)
    res.on('close', () => (clientLeft = true))
    if (fault === 'endless') {
      res.writeHead(200, { 'content-type': 'application/octet-stream' })
      const chunk = Buffer.alloc(64 * 1024, 7)
      const more = () => {
        while (!res.destroyed && res.write(chunk)) bodyBytes += chunk.length
        if (!res.destroyed) res.once('drain', more)
      }
      more()
    } else {
      res.writeHead(200, { 'content-length': bytes.length })
      res.write(bytes.subarray(0, bytes.length >> 1))
      if (fault === 'hang-up') setTimeout(() => res.socket?.destroy(), 50)
    }
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    url: `http://127.0.0.1:${port}`,
    sent: () => bodyBytes,
    clientLeft: () => clientLeft,
    close: () => {
      server.closeAllConnections()
      return new Promise((r) => server.close(r))
    },
  }
}

describe('a host that misbehaves during the download', () => {
  for (const fault of ['endless', 'hang-up', 'stall'] as const) {
    it(`${fault === 'endless' ? 'an endless download' : fault === 'hang-up' ? 'the server going away mid-download' : 'a server that stops sending'}`, async () => {
      const kiosk = await feedWithKiosk(`fault-${fault}`)
      publish(kiosk.feedDir, packB, ['lee', 'ed'])
      const host = await faultyHost(kiosk.feedDir, fault)
      try {
        const started = Date.now()
        const result = await checkForUpdate({ dataDir: kiosk.dataDir, feed: host.url, timeoutMs: 800 })
        expect(result.outcome).toBe('refused')
        expect(result.message).toMatch(
          fault === 'endless' ? /larger than what was signed; the download was stopped/ : /connection broke/,
        )
        expect(Date.now() - started).toBeLessThan(10_000)
        if (fault === 'endless') {
          // Stopped at the signed length, not after everything the server would send.
          expect(host.sent()).toBeLessThan(statSync(packB).size * 4)
          await expect.poll(host.clientLeft).toBe(true)
        }
        expect(served(kiosk.dataDir)).toBe(hashA)
      } finally {
        await host.close()
      }
    })
  }
})

describe('the root', () => {
  it('a rotation signed by the old root keys and the new is accepted; packs keep flowing', async () => {
    const kiosk = await feedWithKiosk('rotation')
    rotateRoot(kiosk.feedDir, { oldRootKeyFiles: [key('root')], newRootKeyFiles: [key('root2')] })
    publish(kiosk.feedDir, packB, ['lee', 'ed'])
    expect((await kiosk.check()).outcome).toBe('updated')
    expect(served(kiosk.dataDir)).toBe(hashB)
    const trusted = JSON.parse(readFileSync(join(kiosk.dataDir, 'feed', 'metadata', 'root.json'), 'utf8'))
    expect(trusted.signed.version).toBe(2)
  })

  it('a rotation not signed by the root the kiosk trusts is refused', async () => {
    const kiosk = await feedWithKiosk('bad-rotation')
    expect(() =>
      rotateRoot(kiosk.feedDir, { oldRootKeyFiles: [key('stranger')], newRootKeyFiles: [key('root2')] }),
    ).toThrow(/needs 1 of the current root keys/)
    rotateRoot(kiosk.feedDir, { oldRootKeyFiles: [key('root')], newRootKeyFiles: [key('root2')] })
    // Only the new key's signature stays: a root anyone with a new key could have made.
    const file = join(kiosk.feedDir, 'metadata', '2.root.json')
    const root = JSON.parse(readFileSync(file, 'utf8'))
    const newKeyId = loadSigningKey(key('root2')).key.keyID
    root.signatures = root.signatures.filter((s: { keyid: string }) => s.keyid === newKeyId)
    writeFileSync(file, JSON.stringify(root))
    publish(kiosk.feedDir, packB, ['lee', 'ed'])
    await expectRefused(kiosk, /not signed by enough of the keys/)
    const trusted = JSON.parse(readFileSync(join(kiosk.dataDir, 'feed', 'metadata', 'root.json'), 'utf8'))
    expect(trusted.signed.version).toBe(1)
  })
})

describe('operators and staff', () => {
  it('the command line: publish names who is missing; trust; update exits 0, or 1 with the reason', async () => {
    const keyFile = join(dir.path, 'keys', 'cli-signer.key')
    generateKey(keyFile)
    expect(statSync(keyFile).mode & 0o777).toBe(0o600)
    const feedDir = join(www, 'cli')
    initFeed(feedDir, {
      rootKeyFiles: [key('root')],
      contentKeyFiles: [pub('lee'), `${keyFile}.pub`],
      threshold: 2,
    })
    expect(statSync(`${feedDir}.keys`).mode & 0o777).toBe(0o700)
    expect(existsSync(join(feedDir, 'metadata', 'timestamp.json'))).toBe(true)
    addPack(feedDir, packA)
    signStaged(feedDir, key('lee'))
    const refused = await runKioskCli(['feed', 'publish', feedDir])
    expect(refused.code).toBe(1)
    expect(refused.stderr).toMatch(/has 1 \(lee\); missing: cli-signer/)
    signStaged(feedDir, keyFile)
    publishStaged(feedDir)
    const dataDir = join(dir.path, 'kiosks', 'cli')
    const trusted = await runKioskCli([
      'feed',
      'trust',
      join(feedDir, 'metadata', 'root.json'),
      '--data-dir',
      dataDir,
    ])
    expect(trusted.code, trusted.stderr).toBe(0)
    const updated = await runKioskCli(['update', '--data-dir', dataDir, '--feed', feedDir])
    expect(updated.stdout, updated.stderr).toMatch(/Updated to version 1, signed by lee and cli-signer/)
    expect(updated.code).toBe(0)
    expect(served(dataDir)).toBe(hashA)
    const elsewhere = await runKioskCli(['update', '--data-dir', dataDir, '--feed', join(www, 'nowhere')])
    expect(elsewhere.code).toBe(1)
    expect(elsewhere.stderr).toMatch(/Not updated: .*keeps its current content/)
    // Four runs of the command line, each starting Node with its TypeScript: slow on a busy machine.
  }, 90_000)

  it("a second check while one runs is refused; a dead checker's lock is taken over", async () => {
    const kiosk = await feedWithKiosk('lock')
    const lock = join(kiosk.dataDir, 'feed', 'update.lock')
    writeFileSync(lock, String(process.pid))
    expect((await kiosk.check()).message).toMatch(/Another update of this kiosk is running/)
    writeFileSync(lock, '2147483646')
    expect((await kiosk.check()).outcome).toBe('up-to-date')
    expect(existsSync(lock)).toBe(false)
  })

  it('staff see the last check: when, what happened and why, when the feed expires', async () => {
    const kiosk = await feedWithKiosk('staff')
    publish(kiosk.feedDir, packB, ['lee', 'ed'])
    const b = readFileSync(targetFile(kiosk.feedDir, packB))
    writeFileSync(targetFile(kiosk.feedDir, packB), b.subarray(0, 1000))
    const refused = await kiosk.check()
    const core = createKioskCore({ bundledContent: bundled, dataDir: kiosk.dataDir, log: () => {} })
    try {
      await dispatch(core.handlers, 'staffSetPin', { pin: '2468', setupCode: core.firstRunCode() })
      const login = (await dispatch(core.handlers, 'staffLogin', { pin: '2468' })) as {
        value: { token: string }
      }
      expect(await dispatch(core.handlers, 'feedStatus', { token: login.value.token })).toMatchObject({
        ok: true,
        value: {
          lastCheck: {
            checkedAt: refused.checkedAt,
            feed: kiosk.feed,
            outcome: 'refused',
            message: expect.stringMatching(/does not match what was signed.*keeps its current content/),
            feedExpires: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
          },
          root: { version: 1, source: 'installed' },
        },
      })
    } finally {
      core.close()
    }
  })

  it('publish refuses a staged pack changed after it was signed', () => {
    const feedDir = join(www, 'changed-after-signing')
    initFeed(feedDir, { rootKeyFiles: [key('root')], contentKeyFiles: [pub('lee'), pub('ed')], threshold: 2 })
    addPack(feedDir, packA)
    signStaged(feedDir, key('lee'))
    signStaged(feedDir, key('ed'))
    copyFileSync(packB, join(`${feedDir}.keys`, 'staged', PACK_TARGET))
    expect(() => publishStaged(feedDir)).toThrow(/staged pack does not match/)
    expect(readFeed(feedDir).content).toBeUndefined()
  })

  it('a root that is not signed by its own keys is not trusted', () => {
    const feedDir = join(www, 'untrusted-root')
    initFeed(feedDir, { rootKeyFiles: [key('root')], contentKeyFiles: [pub('lee'), pub('ed')], threshold: 2 })
    const root = JSON.parse(readFileSync(join(feedDir, 'metadata', 'root.json'), 'utf8'))
    root.signed.expires = '2099-01-01T00:00:00Z'
    const forged = join(dir.path, 'forged-root.json')
    writeFileSync(forged, JSON.stringify(root))
    expect(() => trustRoot(join(dir.path, 'kiosks', 'untrusted'), forged)).toThrow(
      /not signed by its own root keys/,
    )
  })
})

/** A kiosk core on `dataDir` and staff calls on it, through dispatch as the shells make them. */
async function kioskWithStaff(dataDir: string, extra: { bundledFeedRoot?: string } = {}) {
  const core = createKioskCore({ bundledContent: bundled, dataDir, log: () => {}, ...extra })
  const code = core.firstRunCode()
  const pin = code
    ? await dispatch(core.handlers, 'staffSetPin', { pin: '2468', setupCode: code })
    : await dispatch(core.handlers, 'staffLogin', { pin: '2468' })
  if (!pin.ok) throw new Error(pin.error.message)
  const { token } = pin.value as { token: string }
  async function call<M extends MethodName>(
    method: M,
    input: Omit<MethodInput<M>, 'token'>,
  ): Promise<MethodOutput<M>> {
    const result = await dispatch(core.handlers, method, { ...input, token })
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`)
    return result.value as MethodOutput<M>
  }
  const refusal = async (method: MethodName, input: object) => {
    const result = await dispatch(core.handlers, method, { ...input, token })
    if (result.ok) throw new Error(`${method} was not refused`)
    return result.error
  }
  return { core, call, refusal, served: () => core.handlers.contentInfo({}).contentHash }
}

/** A clock the test moves by hand: the daily checks run on it as on the real one. */
class HandClock implements Clock {
  time: number
  #timers = new Map<number, { at: number; run: () => void }>()
  #next = 0
  constructor(start: Date) {
    this.time = start.getTime()
  }
  now = () => this.time
  setTimeout = (run: () => void, ms: number) => {
    this.#timers.set(++this.#next, { at: this.time + ms, run })
    return this.#next
  }
  clearTimeout = (id: unknown) => void this.#timers.delete(id as number)
  /** Moves time on, running each timer as its time comes. */
  advance(ms: number): void {
    const end = this.time + ms
    for (;;) {
      const due = [...this.#timers].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0]
      if (!due) break
      this.#timers.delete(due[0])
      this.time = due[1].at
      due[1].run()
    }
    this.time = end
  }
}

/** Local time on a day `days` from today. */
function localTime(days: number, hours: number, minutes: number): Date {
  const d = new Date()
  d.setDate(d.getDate() + days)
  d.setHours(hours, minutes, 0, 0)
  return d
}

describe('the app checks the feed itself', () => {
  it('at the staff-set time of day, and at once for a check missed while the kiosk was off', async () => {
    const kiosk = await feedWithKiosk('daily')
    const staff = await kioskWithStaff(kiosk.dataDir)
    const { core } = staff
    try {
      await staff.call('updateSettings', { changes: { feedAddress: kiosk.feed, feedCheckTime: '07:00' } })
      publish(kiosk.feedDir, packB, ['lee', 'ed'])
      // Two days on, just before seven: yesterday's check was missed, so it runs at once.
      const clock = new HandClock(localTime(2, 6, 58))
      const jobs = core.startDailyJobs(clock)
      try {
        await expect.poll(staff.served, { timeout: 10_000 }).toBe(hashB)
        expect((await staff.call('feedStatus', {})).nextCheckAt).toBe(localTime(2, 7, 0).toISOString())
        // A newer version: not fetched before seven, fetched at seven.
        publish(kiosk.feedDir, packA, ['lee', 'ed'])
        clock.advance(60_000)
        await new Promise((r) => setTimeout(r, 300))
        expect(staff.served()).toBe(hashB)
        clock.advance(61_000)
        await expect.poll(staff.served, { timeout: 10_000 }).toBe(hashA)
        const status = await staff.call('feedStatus', {})
        expect(status.lastCheck).toMatchObject({ outcome: 'updated', version: 3 })
        expect(status.lastCheck?.checkedAt).toBe(localTime(2, 7, 0).toISOString())
        expect(status.nextCheckAt).toBe(localTime(3, 7, 0).toISOString())
      } finally {
        jobs.stop()
      }
    } finally {
      core.close()
    }
  })

  it('"Check now": serves the update at once and shows what changed, who signed, when the feed expires; an unreachable feed keeps the content', async () => {
    const kiosk = await feedWithKiosk('check-now')
    const staff = await kioskWithStaff(kiosk.dataDir)
    try {
      expect(
        (await staff.refusal('updateSettings', { changes: { feedAddress: 'feeds/clinic' } })).message,
      ).toMatch(/feedAddress: a web address .* or a folder given as a full path/)
      await staff.call('updateSettings', { changes: { feedAddress: kiosk.feed } })
      publish(kiosk.feedDir, packB, ['lee', 'ed'])
      const status = await staff.call('feedCheckNow', {})
      expect(status.lastCheck).toMatchObject({
        outcome: 'updated',
        version: 2,
        signedBy: ['lee', 'ed'],
        changes: { added: [], removed: [], changed: [{ kind: 'condition', id: 'hip-osteoarthritis' }] },
      })
      expect(new Date(status.lastCheck!.feedExpires!).getTime()).toBeGreaterThan(Date.now() + 6 * DAY)
      expect(status.root).toMatchObject({ version: 1, source: 'installed' })
      expect(staff.served()).toBe(hashB)
      await staff.call('updateSettings', { changes: { feedAddress: 'http://127.0.0.1:9/feed' } })
      const away = await staff.call('feedCheckNow', {})
      expect(away.lastCheck).toMatchObject({ outcome: 'refused', feed: 'http://127.0.0.1:9/feed' })
      expect(away.lastCheck?.message).toMatch(/could not be reached.*keeps its current content/)
      expect(staff.served()).toBe(hashB)
    } finally {
      staff.core.close()
    }
  })

  it('staff install the root by pasting it (a forged one is refused); with none installed, the bundled root is used', async () => {
    const rootFile = join(www, 'base', 'metadata', 'root.json')
    const pasted = await kioskWithStaff(join(dir.path, 'kiosks', 'pasted'))
    try {
      await pasted.call('updateSettings', { changes: { feedAddress: join(www, 'base') } })
      expect((await pasted.call('feedStatus', {})).root).toBeNull()
      expect((await pasted.call('feedCheckNow', {})).lastCheck?.message).toMatch(/trusts no feed yet/)
      const forged = JSON.parse(readFileSync(rootFile, 'utf8'))
      forged.signed.expires = '2099-01-01T00:00:00Z'
      expect((await pasted.refusal('feedTrustRoot', { root: JSON.stringify(forged) })).message).toMatch(
        /not signed by its own root keys/,
      )
      expect((await pasted.refusal('feedTrustRoot', { root: 'not json' })).message).toMatch(
        /not a feed's root/,
      )
      const trusted = await pasted.call('feedTrustRoot', { root: readFileSync(rootFile, 'utf8') })
      expect(trusted.root).toMatchObject({ version: 1, source: 'installed' })
    } finally {
      pasted.core.close()
    }
    const packaged = await kioskWithStaff(join(dir.path, 'kiosks', 'packaged'), { bundledFeedRoot: rootFile })
    try {
      await packaged.call('updateSettings', { changes: { feedAddress: join(www, 'base') } })
      expect((await packaged.call('feedStatus', {})).root).toMatchObject({ version: 1, source: 'bundled' })
      expect((await packaged.call('feedCheckNow', {})).lastCheck).toMatchObject({ outcome: 'updated' })
      expect(packaged.served()).toBe(hashA)
    } finally {
      packaged.core.close()
    }
  })

  it('staff release a held rollback (the release is recorded), and the next check brings the version back', async () => {
    const kiosk = await feedWithKiosk('release')
    const staff = await kioskWithStaff(kiosk.dataDir)
    try {
      await staff.call('updateSettings', { changes: { feedAddress: kiosk.feed } })
      expect((await staff.refusal('feedReleaseHold', {})).message).toMatch(/Nothing is held/)
      publish(kiosk.feedDir, packB, ['lee', 'ed'])
      await staff.call('feedCheckNow', {})
      await staff.call('rollbackContent', {})
      expect(staff.served()).toBe(hashA)
      expect((await staff.call('feedStatus', {})).hold).toEqual({ version: 2, packHash: hashB })
      expect((await staff.call('feedCheckNow', {})).lastCheck?.message).toMatch(/keeps the content chosen/)
      expect(staff.served()).toBe(hashA)
      const released = await staff.call('feedReleaseHold', {})
      expect(released.hold).toBeNull()
      expect(released.lastRelease).toMatchObject({ version: 2, packHash: hashB })
      expect(Date.now() - new Date(released.lastRelease!.at).getTime()).toBeLessThan(60_000)
      expect((await staff.call('feedCheckNow', {})).lastCheck).toMatchObject({
        outcome: 'updated',
        version: 2,
      })
      expect(staff.served()).toBe(hashB)
      expect((await staff.call('feedStatus', {})).lastRelease).toMatchObject({ packHash: hashB })
    } finally {
      staff.core.close()
    }
  })

  it("a pack published with the clinician's sign-offs carries them: every kiosk shows them checked without signing again", async () => {
    const kiosk = await feedWithKiosk('signoffs')
    const packDb = openContentDb(packB)
    const items = itemVersions(packDb)
    packDb.close()
    const changed = items.find((i) => i.kind === 'condition' && i.id === 'hip-osteoarthritis')!
    const signer = { signer: 'Dr Lee', role: 'Consultant', registration: null, signedOn: '2026-12-01' }
    const file = {
      format: 'kiosk-signoffs',
      version: 1,
      signoffs: [
        { kind: changed.kind, id: changed.id, itemHash: changed.itemHash, ...signer },
        // A sign-off of an item version this pack does not have: not carried.
        { kind: changed.kind, id: changed.id, itemHash: 'f'.repeat(64), ...signer },
      ],
    }
    // Sign-offs are covered by the content signatures: changed after signing, publish refuses.
    addPack(kiosk.feedDir, packB, undefined, { signoffs: file })
    signStaged(kiosk.feedDir, key('lee'))
    signStaged(kiosk.feedDir, key('ed'))
    const staged = join(`${kiosk.feedDir}.keys`, 'staged', 'content.json')
    const original = readFileSync(staged, 'utf8')
    writeFileSync(staged, original.replace('"Dr Lee"', '"Dr Nobody"'))
    expect(() => publishStaged(kiosk.feedDir)).toThrow(/needs 2 signatures and has 0/)
    writeFileSync(staged, original)
    publishStaged(kiosk.feedDir)
    expect((await kiosk.check()).signoffs).toBe(1)
    const staff = await kioskWithStaff(kiosk.dataDir)
    try {
      const reviewed = await staff.call('reviewItems', {})
      expect(reviewed.find((i) => i.kind === 'condition' && i.id === 'hip-osteoarthritis')).toMatchObject({
        state: 'signed',
        itemHash: changed.itemHash,
        signoff: { signer: 'Dr Lee', signedOn: '2026-12-01' },
      })
    } finally {
      staff.core.close()
    }
  })
})

describe('counts out', () => {
  const countsHeader = 'kiosk,day,metric,key,count'

  it('one CSV per kiosk and day in a folder, each replaced whole (a new file renamed over the old)', () => {
    const dataDir = join(dir.path, 'kiosks', 'counts')
    const out = join(dir.path, 'share', 'counts')
    const db = openDataDb(dataDir)
    try {
      updateSettings(db, { kioskName: 'waiting-room-1' })
      addUsage(db, '2026-12-01', { metric: 'screen', key: 'home' }, 3)
      addUsage(db, '2026-12-02', { metric: 'language', key: 'es' }, 2)
      addUsage(db, '2026-11-01', { metric: 'screen', key: 'home' }, 9)
      const now = new Date('2026-12-02T15:00:00').getTime()
      // As the Electron shell runs: everything it writes is the owner's only, unless made otherwise.
      const umask = process.umask(0o077)
      try {
        writeCountsOut(db, dataDir, { folder: out, now })
      } finally {
        process.umask(umask)
      }
      expect(readdirSync(out).sort()).toEqual([
        'waiting-room-1_2026-12-01.csv',
        'waiting-room-1_2026-12-02.csv',
      ])
      const first = join(out, 'waiting-room-1_2026-12-02.csv')
      expect(readFileSync(first, 'utf8')).toBe(`${countsHeader}\nwaiting-room-1,2026-12-02,language,es,2\n`)
      // The clinic's collector may be another account: the files are readable by all (counts only).
      expect(statSync(first).mode & 0o777).toBe(0o644)
      const inode = statSync(first).ino
      addUsage(db, '2026-12-02', { metric: 'language', key: 'es' }, 1)
      writeCountsOut(db, dataDir, { folder: out, now })
      expect(readFileSync(first, 'utf8')).toBe(`${countsHeader}\nwaiting-room-1,2026-12-02,language,es,3\n`)
      expect(statSync(first).ino).not.toBe(inode)
      expect(readdirSync(out)).toHaveLength(2)
    } finally {
      db.close()
    }
  })

  it('from the command line, and by the app each day into the folder in its settings; a kiosk without a name gets one id for good', async () => {
    const dataDir = join(dir.path, 'kiosks', 'counts-cli')
    const db = openDataDb(dataDir)
    const today = new Date()
    const day = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`
    addUsage(db, day, { metric: 'screen', key: 'home' }, 4)
    db.close()
    const out = join(dir.path, 'share', 'cli')
    const run = await runKioskCli(['counts-out', '--data-dir', dataDir, '--to', out])
    expect(run.code, run.stderr).toBe(0)
    const [name] = readdirSync(out)
    expect(name).toMatch(new RegExp(`^kiosk-[0-9a-f]{8}_${day}\\.csv$`))
    const id = name!.split('_')[0]
    const appOut = join(dir.path, 'share', 'app')
    mkdirSync(appOut, { recursive: true })
    const staff = await kioskWithStaff(dataDir)
    try {
      await staff.call('updateSettings', { changes: { countsOutFolder: appOut } })
      const jobs = staff.core.startDailyJobs(new HandClock(new Date()))
      try {
        await expect.poll(() => readdirSync(appOut)).toEqual([`${id}_${day}.csv`])
      } finally {
        jobs.stop()
      }
    } finally {
      staff.core.close()
    }
    expect(readFileSync(join(appOut, `${id}_${day}.csv`), 'utf8')).toBe(
      `${countsHeader}\n${id},${day},screen,home,4\n`,
    )
  }, 30_000)
})
