/**
 * A page in Debian's Chromium driven over the DevTools protocol by hand, for
 * the soak. Playwright enables the Network domain on every page it drives, and
 * the renderer then keeps each answer's body in a DevTools buffer: over
 * thousands of sessions that buffer, not the kiosk, is what grows. This client
 * speaks to Chromium through `--remote-debugging-pipe` and uses only the
 * Target, Page, Runtime, HeapProfiler and Memory domains, as a kiosk driven by
 * nobody would be. Every method it sends is kept in `sent`, so a test can hold
 * it to that.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Readable, Writable } from 'node:stream'

/** The only domains the soak's page may be driven with (no Network, no Fetch, no Log); Browser only to close it. */
export const BARE_DOMAINS = ['Browser', 'Target', 'Page', 'Runtime', 'HeapProfiler', 'Memory'] as const

interface Pending {
  resolve: (result: Record<string, unknown>) => void
  reject: (err: Error) => void
  method: string
}

export interface BarePage {
  /** The Chromium process (the renderers are below it). */
  pid: number
  /** Every protocol method sent so far, in order. */
  sent: string[]
  send<T = Record<string, unknown>>(method: string, params?: Record<string, unknown>): Promise<T>
  on(event: string, listener: (params: Record<string, unknown>) => void): () => void
  /** Calls `fn(arg)` in the page (its source, as Playwright's evaluate does) and returns what it resolves to. */
  evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>
  close(): Promise<void>
}

/**
 * Launches headless Chromium with `args` and a fresh profile, and attaches to
 * its one page (`width`×`height`, at about:blank).
 */
export async function launchBarePage(
  executablePath: string,
  args: string[],
  size = { width: 1280, height: 800 },
): Promise<BarePage> {
  const profile = mkdtempSync(join(tmpdir(), 'kiosk-bare-chromium-'))
  const child = spawn(
    executablePath,
    [
      ...args,
      '--headless=new',
      // As Playwright launches it, so the two drivers differ in the Network domain only:
      // no sandbox (it cannot start as root in a container), and a page that is never
      // treated as in the background (its timers and frames would be throttled).
      '--no-sandbox',
      '--disable-background-timer-throttling',
      '--disable-backgrounding-occluded-windows',
      '--disable-renderer-backgrounding',
      '--disable-ipc-flooding-protection',
      '--disable-hang-monitor',
      '--disable-dev-shm-usage',
      '--disable-extensions',
      '--remote-debugging-pipe',
      `--user-data-dir=${profile}`,
      `--window-size=${size.width},${size.height}`,
      'about:blank',
    ],
    // Chromium reads commands from fd 3 and writes answers to fd 4, each ended by a NUL.
    { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] },
  )
  const toChromium = child.stdio[3] as Writable
  const fromChromium = child.stdio[4] as Readable
  let stderr = ''
  child.stderr!.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)))

  const pending = new Map<number, Pending>()
  const listeners = new Map<string, Set<(params: Record<string, unknown>) => void>>()
  const sent: string[] = []
  let nextId = 1
  let sessionId: string | undefined
  let gone: Error | null = null

  let buffered: Buffer[] = []
  fromChromium.on('data', (data: Buffer) => {
    let start = 0
    for (let end = data.indexOf(0); end !== -1; end = data.indexOf(0, start)) {
      buffered.push(data.subarray(start, end))
      const message = JSON.parse(Buffer.concat(buffered).toString('utf8')) as {
        id?: number
        method?: string
        params?: Record<string, unknown>
        result?: Record<string, unknown>
        error?: { message: string }
      }
      buffered = []
      start = end + 1
      if (message.id !== undefined) {
        const call = pending.get(message.id)
        pending.delete(message.id)
        if (message.error) call?.reject(new Error(`${call.method}: ${message.error.message}`))
        else call?.resolve(message.result ?? {})
      } else if (message.method) {
        for (const listener of listeners.get(message.method) ?? []) listener(message.params ?? {})
      }
    }
    if (start < data.length) buffered.push(data.subarray(start))
  })
  // A pipe closed by a Chromium that died is reported through 'exit' below.
  toChromium.on('error', () => {})
  fromChromium.on('error', () => {})
  child.on('exit', (code, signal) => {
    gone = new Error(`Chromium exited (${signal ?? code}): ${stderr.trim().split('\n').at(-1) ?? ''}`)
    for (const call of pending.values()) call.reject(gone)
    pending.clear()
  })
  // Chromium that cannot start ends the spawn with an error instead of an exit.
  const spawned = new Promise<void>((resolve, reject) => {
    child.once('spawn', resolve)
    child.once('error', reject)
  })

  const send = <T>(method: string, params: Record<string, unknown> = {}, toPage = true): Promise<T> => {
    if (gone) return Promise.reject(gone)
    const id = nextId++
    sent.push(method)
    const message = { id, method, params, ...(toPage && sessionId ? { sessionId } : {}) }
    toChromium.write(`${JSON.stringify(message)}\0`)
    return new Promise<T>((resolve, reject) =>
      pending.set(id, { resolve: resolve as (r: Record<string, unknown>) => void, reject, method }),
    )
  }

  const close = async () => {
    if (!gone) {
      const exited = new Promise((resolve) => child.once('exit', resolve))
      await send('Browser.close', {}, false).catch(() => {})
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))])
      if (!gone) child.kill('SIGKILL')
    }
    rmSync(profile, { recursive: true, force: true })
  }

  try {
    await spawned
    // The startup page; it may take a moment to be listed.
    let targetId: string | undefined
    for (let tries = 0; !targetId && tries < 100; tries++) {
      const { targetInfos } = await send<{ targetInfos: { targetId: string; type: string }[] }>(
        'Target.getTargets',
        {},
        false,
      )
      targetId = targetInfos.find((t) => t.type === 'page')?.targetId
      if (!targetId) await new Promise((resolve) => setTimeout(resolve, 100))
    }
    if (!targetId) throw new Error('Chromium opened no page')
    ;({ sessionId } = await send<{ sessionId: string }>(
      'Target.attachToTarget',
      { targetId, flatten: true },
      false,
    ))
  } catch (err) {
    await close()
    throw err
  }

  return {
    pid: child.pid!,
    sent,
    send: (method, params) => send(method, params),
    on(event, listener) {
      const set = listeners.get(event) ?? new Set()
      listeners.set(event, set)
      set.add(listener)
      return () => set.delete(listener)
    },
    async evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
      const { result, exceptionDetails } = await send<{
        result: { value?: R }
        exceptionDetails?: { text: string; exception?: { description?: string } }
      }>('Runtime.evaluate', {
        expression: `(${fn.toString()})(${JSON.stringify(arg)})`,
        awaitPromise: true,
        returnByValue: true,
      })
      if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text)
      return result.value as R
    },
    close,
  }
}
