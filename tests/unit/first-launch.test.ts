/**
 * The first launch on a fresh machine (`npm start`, `npm run dev`): Electron's
 * own installer fetches the binary before anything is built. The launch path
 * runs against a temporary copy of the `electron` package (without its
 * binary), an empty download cache and a mirror on 127.0.0.1, so these tests
 * behave the same here, offline, and on a machine where Electron is installed.
 */
import { spawn } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import type { AddressInfo } from 'node:net'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { PROJECT_ROOT } from '../../src/core/paths.ts'
import { startElectronMirror } from '../fixtures/electron-mirror.ts'
import { tempDir } from '../fixtures/library.ts'
import type { TempDir } from '../fixtures/library.ts'

const ELECTRON_DIR = dirname(createRequire(import.meta.url).resolve('electron/package.json'))
const ELECTRON_VERSION = (
  JSON.parse(readFileSync(join(ELECTRON_DIR, 'package.json'), 'utf8')) as { version: string }
).version

interface Run {
  code: number | null
  output: string
}

function run(command: string, args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd: PROJECT_ROOT, env: { ...process.env, ...env } })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.on('error', fail)
    child.on('close', (code) => done({ code, output }))
  })
}

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const { port } = server.address() as AddressInfo
  await new Promise((done) => server.close(done))
  return port
}

let cache: TempDir
let packageCopy: string

beforeEach(() => {
  cache = tempDir('kiosk-electron-cache-')
  // Inside the project, so the copy's installer finds its dependencies in node_modules.
  const root = mkdtempSync(join(PROJECT_ROOT, 'node_modules', '.kiosk-electron-'))
  packageCopy = join(root, 'node_modules', 'electron')
  cpSync(ELECTRON_DIR, packageCopy, {
    recursive: true,
    filter: (src) => !/[/\\](dist|path\.txt)$/.test(src.slice(ELECTRON_DIR.length)),
  })
})

afterEach(() => {
  cache.remove()
  rmSync(dirname(dirname(packageCopy)), { recursive: true, force: true })
})

describe('the first launch on a machine that cannot download Electron', () => {
  for (const script of ['start', 'dev']) {
    it(`npm run ${script} stops before building, with one paragraph saying what to do and no stack trace`, async () => {
      const mirror = `http://127.0.0.1:${await closedPort()}/`
      const { code, output } = await run('npm', ['run', script], {
        KIOSK_ELECTRON_PACKAGE: packageCopy,
        electron_config_cache: cache.path,
        ELECTRON_MIRROR: mirror,
      })
      expect(code).not.toBe(0)
      expect(output).toContain(`Checking that Electron ${ELECTRON_VERSION} is installed`)
      const paragraph = output.slice(output.indexOf('The kiosk cannot start'))
      expect(paragraph).toContain(`Electron ${ELECTRON_VERSION} is not installed on this computer yet`)
      expect(paragraph).toContain(
        `it from the mirror ${mirror} (ELECTRON_MIRROR) failed (the installer said: `,
      )
      expect(paragraph).toContain('connect this computer to the internet')
      expect(paragraph).toContain('npm run kiosk -- serve')
      // No stack frames from the installer, and nothing was built or launched.
      const afterCheck = output.slice(output.indexOf('Checking that Electron'))
      expect(afterCheck).not.toMatch(/^\s+at /m)
      expect(afterCheck).not.toMatch(/build-content|electron-vite|Electron uninstall/)
      expect(existsSync(join(packageCopy, 'path.txt'))).toBe(false)
    })
  }
})

describe('the first launch on a connected machine', () => {
  it("runs Electron's own installer, which puts the binary in place; the next launch checks and goes on at once", async () => {
    const mirror = await startElectronMirror(ELECTRON_VERSION)
    try {
      const env = {
        KIOSK_ELECTRON_PACKAGE: packageCopy,
        electron_config_cache: cache.path,
        ELECTRON_MIRROR: mirror.url,
        // The stand-in zip is not Electron's: check it against the mirror's own checksums.
        electron_use_remote_checksums: '1',
      }
      const first = await run(process.execPath, ['scripts/ensure-electron.ts'], env)
      expect(first.output).toContain(`Electron ${ELECTRON_VERSION} is ready.`)
      expect(first.code).toBe(0)
      expect(readFileSync(join(packageCopy, 'path.txt'), 'utf8')).toBe('electron')
      expect(existsSync(join(packageCopy, 'dist', 'electron'))).toBe(true)
      const downloads = mirror.requests.filter((url) => url.endsWith('.zip')).length
      expect(downloads).toBe(1)

      const second = await run(process.execPath, ['scripts/ensure-electron.ts'], env)
      expect(second.code).toBe(0)
      expect(mirror.requests.filter((url) => url.endsWith('.zip')).length).toBe(downloads)
    } finally {
      await mirror.close()
    }
  })
})
