/**
 * The packaging configuration (electron-builder.yml), checked as far as a
 * machine without Electron's binary allows: valid against electron-builder's
 * own JSON schema (app-builder-lib's scheme.json, the one electron-builder
 * validates with before it builds), and every file it packs present after
 * `npm run build`. The packages themselves are built in CI (.github/workflows/ci.yml).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Ajv } from 'ajv'
// electron-builder's own XML parser (it reads plist files with it).
import { DOMParser } from '@xmldom/xmldom'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { PROJECT_ROOT } from '../../src/core/paths.ts'
import { installedElectron } from '../../scripts/test-electron.ts'

interface BuilderConfig {
  productName: string
  files: string[]
  extraResources: { from: string; to: string }[]
  asarUnpack: string[]
  npmRebuild: boolean
  linux: { target: string[]; executableName: string }
  win: { target: string[] }
  nsis: { perMachine: boolean }
}

const require = createRequire(import.meta.url)
const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as object
const builderConfigText = readFileSync(join(PROJECT_ROOT, 'electron-builder.yml'), 'utf8')
const config = parse(builderConfigText) as BuilderConfig
const built = (path: string) => join(PROJECT_ROOT, path)
const BUILD_FIRST = 'run npm run build first'

// strict: false: the schema uses keywords (such as "typeof") that only electron-builder reads. Compiled once (about 2 s).
let validateConfig: ReturnType<Ajv['compile']> | null = null
function schemaErrors(candidate: unknown): string[] {
  validateConfig ??= new Ajv({ allErrors: true, strict: false }).compile(schema)
  return validateConfig(candidate)
    ? []
    : (validateConfig.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`)
}

describe('electron-builder.yml', () => {
  it("is valid against electron-builder's own schema", () => {
    expect(schemaErrors(config)).toEqual([])
  })

  it('would be refused with a misspelt option (the schema check can fail)', () => {
    expect(schemaErrors({ ...config, asarUnpak: config.asarUnpack }).join('\n')).toMatch(/additional/)
  })

  it('builds an NSIS installer and a portable build for Windows, an AppImage and a .deb for Linux', () => {
    expect(config.win.target).toEqual(['nsis', 'portable'])
    expect(config.linux.target).toEqual(['AppImage', 'deb'])
    // Installed for every account, so the kiosk account runs what IT installed.
    expect(config.nsis.perMachine).toBe(true)
  })

  it('packs the built app: main, preload and renderer, with the typeface and the speech data', () => {
    expect(config.files).toContain('out/**')
    for (const file of ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'])
      expect(existsSync(built(file)), `${file} (${BUILD_FIRST})`).toBe(true)
    const assets = readdirSync(built('out/renderer/assets'))
    expect(assets.some((f) => /^atkinson-hyperlegible-next-.*\.woff2$/.test(f))).toBe(true)
    expect(assets.some((f) => /^espeak-ng-.*\.wasm$/.test(f))).toBe(true)
    const pkg = JSON.parse(readFileSync(built('package.json'), 'utf8')) as { main: string }
    expect(existsSync(built(pkg.main)), `package.json's main, ${pkg.main}`).toBe(true)
  })

  it('puts the content database beside the app, where the main process opens it', () => {
    expect(config.extraResources).toContainEqual({ from: 'resources/content.sqlite', to: 'content.sqlite' })
    expect(existsSync(built('resources/content.sqlite')), BUILD_FIRST).toBe(true)
    const main = readFileSync(built('src/main/index.ts'), 'utf8')
    expect(main).toContain("join(process.resourcesPath, 'content.sqlite')")
  })

  it("carries the signed feed's root an operator put in resources/feed/, and nothing else of that folder", () => {
    expect(config.extraResources).toContainEqual({
      from: 'resources/feed',
      to: 'feed',
      filter: ['root.json'],
    })
    const main = readFileSync(built('src/main/index.ts'), 'utf8')
    expect(main).toContain("join(process.resourcesPath, 'feed', 'root.json')")
    expect(config.extraResources).toHaveLength(2)
  })

  it("unpacks better-sqlite3's native addons from the asar, with a build for each packaged system", () => {
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/**')
    // better-sqlite3 13 is a Node-API addon shipping its builds per system: they load in Electron as
    // they are, so nothing is recompiled against Electron's headers (npmRebuild: false).
    expect(config.npmRebuild).toBe(false)
    const prebuilds = join(require.resolve('better-sqlite3/package.json'), '..', 'prebuilds')
    for (const system of ['linux-x64', 'win32-x64'])
      expect(existsSync(join(prebuilds, `${system}.node`)), system).toBe(true)
  })
})

describe('the deploy kit names what the packages install', () => {
  it("starts the .deb's /usr/bin link under cage on Linux", () => {
    const unit = readFileSync(built('deploy/linux/hip-kiosk.service'), 'utf8')
    expect(unit).toMatch(
      new RegExp(`^ExecStart=/usr/bin/cage .*-- /usr/bin/${config.linux.executableName} --kiosk`, 'm'),
    )
  })

  it("backs up and locks down Electron's user-data folder, named after package.json's name", () => {
    // electron-builder's productName does not reach the packaged package.json: Electron names the folder after `name`.
    const pkg = JSON.parse(readFileSync(built('package.json'), 'utf8')) as {
      name: string
      productName?: string
    }
    expect(pkg.productName).toBeUndefined()
    expect(readFileSync(built('deploy/linux/kiosk-backup.sh'), 'utf8')).toContain(
      `data_dir="$home/.config/${pkg.name}"`,
    )
    expect(readFileSync(built('deploy/windows/Install-KioskShell.ps1'), 'utf8')).toContain(
      `$dataDir = Join-Path $env:APPDATA '${pkg.name}'`,
    )
  })

  it("makes the NSIS install's executable the shell on Windows", () => {
    const script = readFileSync(built('deploy/windows/Install-KioskShell.ps1'), 'utf8')
    expect(script).toContain(`"$env:ProgramFiles\\${config.productName}\\${config.productName}.exe"`)
  })
})

describe('npm run test:electron', () => {
  it("runs the suite only where the electron package's binary is installed", () => {
    const pkg = mkdtempSync(join(tmpdir(), 'kiosk-electron-pkg-'))
    try {
      // As npm installs it since Electron 42: no path.txt, no dist/ until install-electron runs.
      expect(installedElectron(pkg)).toBeNull()
      writeFileSync(join(pkg, 'path.txt'), 'electron')
      expect(installedElectron(pkg)).toBeNull()
      mkdirSync(join(pkg, 'dist'))
      writeFileSync(join(pkg, 'dist', 'electron'), '')
      expect(installedElectron(pkg)).toBe(join(pkg, 'dist', 'electron'))
    } finally {
      rmSync(pkg, { recursive: true, force: true })
    }
  })
})

describe("the Windows kit's Shell Launcher configuration", () => {
  const script = readFileSync(built('deploy/windows/Install-KioskShell.ps1'), 'utf8')
  const template = /\$shellLauncherXml = @"\n([\s\S]*?)\n"@/.exec(script)?.[1] ?? ''
  // PowerShell fills in the executable and the account's SID.
  const xml = template
    .replaceAll('$KioskExe', 'C:\\Program Files\\Hip health kiosk\\Hip health kiosk.exe')
    .replaceAll('$sid', 'S-1-5-21-1-2-3-1001')
  const problems: string[] = []
  const doc = new DOMParser({
    errorHandler: {
      warning: (m) => problems.push(m),
      error: (m) => problems.push(m),
      fatalError: (m) => problems.push(m),
    },
  }).parseFromString(xml, 'text/xml')
  const V1 = 'http://schemas.microsoft.com/ShellLauncher/2018/Configuration'
  const V2 = 'http://schemas.microsoft.com/ShellLauncher/2019/Configuration'

  it('is well-formed XML', () => {
    expect(template).not.toBe('')
    expect(problems).toEqual([])
  })

  it('is a v2 configuration: the kiosk, full screen, restarted when it exits, for the kiosk account only', () => {
    const shells = Array.from(doc.getElementsByTagNameNS(V1, 'Shell'))
    const kioskShell = shells.find((s) => s.getAttribute('Shell')?.includes('Hip health kiosk.exe'))
    expect(kioskShell?.getAttribute('Shell')).toBe(
      '"C:\\Program Files\\Hip health kiosk\\Hip health kiosk.exe" --kiosk',
    )
    // The v2 namespace is what selects Shell Launcher v2 over the legacy eshell.exe.
    expect(kioskShell?.getAttributeNS(V2, 'AllAppsFullScreen')).toBe('true')
    expect(kioskShell?.getElementsByTagNameNS(V1, 'DefaultAction')[0]?.getAttribute('Action')).toBe(
      'RestartShell',
    )
    const profileId = (kioskShell?.parentNode as Element | null)?.getAttribute('Id')
    const config = doc.getElementsByTagNameNS(V1, 'Config')[0]
    expect(config?.getElementsByTagNameNS(V1, 'Profile')[0]?.getAttribute('Id')).toBe(profileId)
    expect(config?.getElementsByTagNameNS(V1, 'Account')[0]?.getAttribute('Sid')).toBe('S-1-5-21-1-2-3-1001')
    // Everyone else keeps Explorer.
    const fallback = doc.getElementsByTagNameNS(V1, 'DefaultProfile')[0]
    expect(fallback?.getElementsByTagNameNS(V1, 'Shell')[0]?.getAttribute('Shell')).toBe(
      '%SystemRoot%\\explorer.exe',
    )
  })
})
