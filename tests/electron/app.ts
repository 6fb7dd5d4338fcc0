/**
 * Starts the built kiosk in Electron for a test: a fresh data folder each
 * time (Electron's user-data folder, moved with --user-data-dir and, on Linux,
 * XDG_CONFIG_HOME), and the app's first window once the attract screen shows.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { _electron as electron, expect } from '@playwright/test'
import type { ElectronApplication, Page } from '@playwright/test'

export const MAIN = join(import.meta.dirname, '..', '..', 'out', 'main', 'index.js')

/** The Electron binary's path (the `electron` package exports it). */
export function electronBinary(): string {
  return createRequire(import.meta.url)('electron') as string
}

/** Chromium's sandbox needs a setuid helper or user namespaces; CI containers may have neither. */
const sandboxArgs = process.env.KIOSK_E2E_NO_SANDBOX === '1' ? ['--no-sandbox'] : []

export interface RunningKiosk {
  app: ElectronApplication
  page: Page
  dataDir: string
  close(): Promise<void>
}

export function freshDataDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-electron-'))
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) }
}

function launchEnv(dataDir: string): Record<string, string> {
  const env: Record<string, string> = {}
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value
  delete env.ELECTRON_RUN_AS_NODE
  delete env.KIOSK_LOCK
  return { ...env, XDG_CONFIG_HOME: join(dataDir, 'config') }
}

export async function launchKiosk(options: { locked: boolean; dataDir?: string }): Promise<RunningKiosk> {
  const owned = options.dataDir ? null : freshDataDir()
  const dataDir = options.dataDir ?? owned!.dir
  const app = await electron.launch({
    executablePath: electronBinary(),
    args: [
      ...sandboxArgs,
      MAIN,
      `--user-data-dir=${join(dataDir, 'user-data')}`,
      ...(options.locked ? ['--kiosk'] : []),
    ],
    env: launchEnv(dataDir),
  })
  const page = await app.firstWindow()
  await expect(page).toHaveURL(/^kiosk:\/\/app\/index\.html#\/$/)
  return {
    app,
    page,
    dataDir,
    async close() {
      await app.close()
      owned?.remove()
    },
  }
}

/**
 * The packaged app's own `--set-pin`, with the PIN typed on standard input
 * (never an argument), into the data folder a later launch uses.
 */
export function setPinWithApp(
  dataDir: string,
  pin: string,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      electronBinary(),
      [...sandboxArgs, MAIN, '--set-pin', `--user-data-dir=${join(dataDir, 'user-data')}`],
      { env: launchEnv(dataDir), stdio: ['pipe', 'pipe', 'pipe'] },
    )
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, output }))
    child.stdin.end(`${pin}\n`)
  })
}

/** What the preload puts in the page (src/shared/bridge.ts, untyped here: this project cannot import src/). */
interface PageWithBridge {
  kiosk: { call(method: string, input: unknown): Promise<unknown> }
}

/** `window.kiosk.call` in the page: the preload bridge, the only way the page reaches the main process. */
export function callBridge(page: Page, method: string, input: unknown): Promise<unknown> {
  return page.evaluate(([m, i]) => (window as unknown as PageWithBridge).kiosk.call(m, i), [
    method,
    input,
  ] as const)
}
