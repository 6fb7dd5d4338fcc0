/**
 * `npm run test:electron`: the Electron end-to-end suite (tests/electron) on
 * the built app, wherever Electron's binary is installed. Where it is not (it
 * cannot be downloaded on every machine, see scripts/ensure-electron.ts), this
 * says so in one line and exits 0: the suite runs in CI instead
 * (.github/workflows/ci.yml), after `npx install-electron`.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The installed Electron binary, or null when the package has none yet. */
export function installedElectron(packageDir: string): string | null {
  const pathFile = join(packageDir, 'path.txt')
  if (!existsSync(pathFile)) return null
  const binary = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? binary : null
}

function main(): number {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
  const packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'))
  if (!installedElectron(packageDir)) {
    console.log(
      "Electron end-to-end tests not run: Electron's binary is not installed on this machine (run npx install-electron where it can be downloaded).",
    )
    return 0
  }
  if (!existsSync(join(root, 'out', 'main', 'index.js'))) {
    console.error('Build the app first: npm run build')
    return 1
  }
  const playwright = join(root, 'node_modules', '@playwright', 'test', 'cli.js')
  const run = spawnSync(
    process.execPath,
    [playwright, 'test', '-c', 'playwright.electron.config.ts', ...process.argv.slice(2)],
    { cwd: root, stdio: 'inherit' },
  )
  return run.status ?? 1
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = main()
