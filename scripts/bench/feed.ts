/**
 * The feed200 phase (#23): many kiosks, each with its own data folder and its
 * own tuf-js client (one checkForUpdate each), updating from one feed served
 * by Debian's nginx on loopback in one run. A feed publishing pack A, one
 * kiosk that took it, copied to every kiosk; then pack B is published
 * (signed by two people) and every kiosk checks: how long until all are
 * updated, how many bytes each fetched (nginx's own count, per kiosk), and
 * failures; then a second check with nothing new, as each day brings.
 */
import { cpSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs'
import { join } from 'node:path'
import { generateKey } from '../../src/core/feed/keys.ts'
import { addPack, initFeed, publishStaged, signStaged } from '../../src/core/feed/repository.ts'
import { checkForUpdate, trustRoot } from '../../src/core/feed/update.ts'
import type { FeedCheck } from '../../src/core/feed/update.ts'
import { startNginx } from '../../tests/fixtures/nginx.ts'

export interface FeedBenchOptions {
  work: string
  /** Two different packs: the kiosks have the first, the feed then publishes the second. */
  packs: [string, string]
  kiosks: number
  /** Checks in flight at once: each is network first, then a CPU-bound verify and import. */
  concurrency: number
  log?: (message: string) => void
}

export interface FeedBenchResult {
  kiosks: number
  /** Wall-clock seconds from the publish until every kiosk has checked. */
  secondsUntilAllUpdated: number
  updated: number
  failures: { kiosk: number; message: string }[]
  /** Bytes nginx sent each kiosk for the update (headers included): metadata and the pack. */
  updateBytesPerKiosk: number[]
  /** Of those, the pack's own size (the rest is metadata and headers). */
  packBytes: number
  /** Bytes each kiosk fetched for the next check, with nothing new. */
  idleBytesPerKiosk: number[]
  requestsPerIdleCheck: number
}

/** Runs `work` over `items`, `limit` at a time. */
async function inPool<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length)
  let next = 0
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++
        results[i] = await work(items[i]!)
      }
    }),
  )
  return results
}

/** Bytes and requests per kiosk from the access log ("URI BYTES" lines), from `fromLine` on. */
function sentPerKiosk(logFile: string, kiosks: number, fromLine: number) {
  const lines = readFileSync(logFile, 'utf8').split('\n').filter(Boolean).slice(fromLine)
  const bytes = new Array<number>(kiosks).fill(0)
  const requests = new Array<number>(kiosks).fill(0)
  for (const line of lines) {
    const match = /^\/k(\d+)\/\S* (\d+)$/.exec(line)
    if (!match) continue
    const k = Number(match[1])
    bytes[k] = (bytes[k] ?? 0) + Number(match[2])
    requests[k] = (requests[k] ?? 0) + 1
  }
  return { bytes, requests, lines: lines.length }
}

export async function measureFeedUpdate(o: FeedBenchOptions): Promise<FeedBenchResult> {
  const log = o.log ?? (() => {})
  const www = join(o.work, 'www')
  const feedDir = join(o.work, 'feed')
  const key = (name: string) => join(o.work, 'keys', `${name}.key`)
  for (const name of ['root', 'lee', 'ed']) generateKey(key(name))
  initFeed(feedDir, {
    rootKeyFiles: [key('root')],
    contentKeyFiles: [`${key('lee')}.pub`, `${key('ed')}.pub`],
    threshold: 2,
  })
  const publish = (pack: string) => {
    addPack(feedDir, pack)
    signStaged(feedDir, key('lee'))
    signStaged(feedDir, key('ed'))
    publishStaged(feedDir)
  }
  publish(o.packs[0])
  // One address per kiosk (all the same feed), so nginx's log says which kiosk fetched what.
  mkdirSync(www, { recursive: true })
  for (let k = 0; k < o.kiosks; k++) symlinkSync(feedDir, join(www, `k${k}`))
  const accessLog = join(o.work, 'access.log')
  const nginx = await startNginx(www, join(o.work, 'nginx'), accessLog)
  try {
    log(`feed200: one kiosk takes pack A, then ${o.kiosks} copies of it…`)
    const first = join(o.work, 'kiosks', 'first')
    trustRoot(first, join(feedDir, 'metadata', 'root.json'))
    const taken = await checkForUpdate({ dataDir: first, feed: `${nginx.url}/k0` })
    if (taken.outcome !== 'updated') throw new Error(`the first kiosk did not take pack A: ${taken.message}`)
    const dataDirs = Array.from({ length: o.kiosks }, (_, k) => join(o.work, 'kiosks', `k${k}`))
    for (const dir of dataDirs) cpSync(first, dir, { recursive: true })
    publish(o.packs[1])
    const packBytes = readFileSync(o.packs[1]).length
    const before = sentPerKiosk(accessLog, o.kiosks, 0).lines

    log(`feed200: ${o.kiosks} kiosks check, ${o.concurrency} at a time…`)
    const started = performance.now()
    const check = (k: number) => checkForUpdate({ dataDir: dataDirs[k]!, feed: `${nginx.url}/k${k}` })
    const results: FeedCheck[] = await inPool(
      dataDirs.map((_, k) => k),
      o.concurrency,
      check,
    )
    const seconds = (performance.now() - started) / 1000
    const update = sentPerKiosk(accessLog, o.kiosks, before)
    const afterUpdate = before + update.lines

    log('feed200: every kiosk checks again, with nothing new…')
    const idle = await inPool(
      dataDirs.map((_, k) => k),
      o.concurrency,
      check,
    )
    const idleSent = sentPerKiosk(accessLog, o.kiosks, afterUpdate)
    const failures = [...results, ...idle]
      .map((r, i) => ({ kiosk: i % o.kiosks, outcome: r.outcome, message: r.message }))
      .filter((r) => r.outcome === 'refused')
      .map(({ kiosk, message }) => ({ kiosk, message }))
    return {
      kiosks: o.kiosks,
      secondsUntilAllUpdated: seconds,
      updated: results.filter((r) => r.outcome === 'updated').length,
      failures,
      updateBytesPerKiosk: update.bytes,
      packBytes,
      idleBytesPerKiosk: idleSent.bytes,
      requestsPerIdleCheck: Math.max(...idleSent.requests),
    }
  } finally {
    await nginx.stop()
  }
}
