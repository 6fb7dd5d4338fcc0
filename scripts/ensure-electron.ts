/**
 * Makes sure Electron's binary is on this machine before a command launches it.
 *
 * Since Electron 42 the `electron` package no longer downloads its binary when
 * it is installed: its own installer (`install-electron`, the package's
 * install.js) does it on first use. electron-vite reads the binary's path from
 * the package's path.txt and never runs that installer, so on a fresh machine
 * `electron-vite preview` failed with "Electron uninstall". `npm start` and
 * `npm run dev` run this first, before the build, so a failed download shows
 * in seconds. The installer is idempotent: it exits at once when the right
 * version is already there.
 *
 * When the download cannot happen, this prints one paragraph saying what
 * failed and what to do, instead of the installer's stack trace, and exits 1.
 *
 * KIOSK_ELECTRON_PACKAGE names another copy of the `electron` package to
 * install into (the tests use a temporary copy, so they behave the same on a
 * machine where Electron is already installed).
 */
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const DEFAULT_HOST = 'github.com (Electron\u2019s releases)'

function electronPackageDir(): string {
  const override = process.env.KIOSK_ELECTRON_PACKAGE
  if (override) return override
  return dirname(createRequire(import.meta.url).resolve('electron/package.json'))
}

/** The first line of what the installer said that is not a stack frame. */
export function installerReason(output: string): string {
  const line = output
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l && !l.startsWith('at '))
  return (line ?? 'the installer stopped without saying why').replace(/\.$/, '')
}

export function failureParagraph(version: string, reason: string, mirror: string | undefined): string {
  const from = mirror ? `the mirror ${mirror} (ELECTRON_MIRROR)` : DEFAULT_HOST
  return [
    `The kiosk cannot start: Electron ${version} is not installed on this computer yet, and downloading`,
    `it from ${from} failed (the installer said: ${reason}).`,
    'Electron fetches its binary (about 100 MB) the first time the kiosk starts.',
    'To fix it, connect this computer to the internet and run the command again;',
    'behind a proxy, set HTTPS_PROXY and ELECTRON_GET_USE_PROXY=true; where that host is blocked, set ELECTRON_MIRROR to a mirror your network allows.',
    'To look at the kiosk without Electron, run "npm run kiosk -- serve" and open the address it prints in a browser.',
  ].join(' ')
}

function main(): number {
  const dir = electronPackageDir()
  const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }
  console.log(`Checking that Electron ${version} is installed (the first start downloads it)\u2026`)
  const result = spawnSync(process.execPath, [join(dir, 'install.js')], { encoding: 'utf8' })
  if (result.status === 0) {
    console.log(`Electron ${version} is ready.`)
    return 0
  }
  const output = `${result.error?.message ?? ''}\n${result.stderr ?? ''}\n${result.stdout ?? ''}`
  console.error(`\n${failureParagraph(version, installerReason(output), process.env.ELECTRON_MIRROR)}\n`)
  return 1
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = main()
