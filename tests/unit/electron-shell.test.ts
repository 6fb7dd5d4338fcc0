/**
 * The Electron shell's rules, tested without Electron (which cannot run on CI
 * machines): small recording stand-ins play the part of WebContents, Session
 * and ipcMain, and the real hardening code is run against them.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { existsSync } from 'node:fs'
import { registerChannels } from '../../src/main/ipc.ts'
import { setPinRequest } from '../../src/main/set-pin.ts'
import { FIRST_RUN_CODE_FILE, setPinFromStdin } from '../../src/core/data/first-run.ts'
import type { IpcMainLike } from '../../src/main/ipc.ts'
import {
  APP_ORIGIN,
  APP_SCHEME_PRIVILEGES,
  resolveAppFile,
  denyAllPermissions,
  hardenContents,
  applyKioskLock,
  isBlockedShortcut,
  isOwnPage,
  kioskLocked,
  printModeAllowed,
  shortcutGuard,
  isTrustedSender,
  secureWebPreferences,
} from '../../src/main/security.ts'
import type { ContentsLike, RendererLocation, SenderFrameLike, SessionLike } from '../../src/main/security.ts'
import { createKioskCore } from '../../src/core/services/handlers.ts'
import { CALL_CHANNEL } from '../../src/shared/bridge.ts'
import { choosePrinter, listPrinters, printFailureOf } from '../../src/shared/print.ts'
import { PROJECT_ROOT } from '../../src/core/paths.ts'
import { buildFixtureDb, tempDir } from '../fixtures/library.ts'
import { parse } from 'yaml'

const location: RendererLocation = { kind: 'app' }

describe('the kiosk window', () => {
  it('isolates the page: context isolation, sandbox, no Node, web security on', () => {
    const prefs = secureWebPreferences('/opt/kiosk/out/preload/index.cjs')
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
    })
  })

  it('cancels every navigation and redirect, and denies every new window', () => {
    const listeners = new Map<string, (e: { preventDefault(): void }, url: string) => void>()
    let openHandler: ((d: { url: string }) => { action: string }) | undefined
    const contents: ContentsLike = {
      on: (event: string, listener: (e: { preventDefault(): void }, url: string) => void) =>
        listeners.set(event, listener),
      setWindowOpenHandler: (h) => {
        openHandler = h
      },
    }
    hardenContents(contents)
    for (const event of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      let prevented = false
      listeners.get(event)?.({ preventDefault: () => (prevented = true) }, 'https://example.com/')
      expect(prevented, event).toBe(true)
    }
    expect(openHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' })
  })

  it('denies every permission request and check', () => {
    const answers: boolean[] = []
    let check: (() => boolean) | undefined
    const session: SessionLike = {
      setPermissionRequestHandler: (h) => {
        for (const p of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read'])
          h(null, p, (g) => answers.push(g))
      },
      setPermissionCheckHandler: (h) => {
        check = h
      },
    }
    denyAllPermissions(session)
    expect(answers).toEqual([false, false, false, false, false])
    expect(check?.()).toBe(false)
  })

  it('blocks reload, close, devtools and fullscreen shortcuts in kiosk mode, but not typing', () => {
    const key = (
      k: string,
      mods: Partial<{ control: boolean; meta: boolean; alt: boolean; shift: boolean }> = {},
    ) => isBlockedShortcut({ key: k, control: false, meta: false, alt: false, shift: false, ...mods })
    expect(key('r', { control: true })).toBe(true)
    expect(key('F5')).toBe(true)
    expect(key('I', { control: true, shift: true })).toBe(true)
    expect(key('F4', { alt: true })).toBe(true)
    expect(key('w', { meta: true })).toBe(true)
    // Minimise and hide would put the desktop in front of a patient.
    expect(key('m', { control: true })).toBe(true)
    expect(key('m', { meta: true })).toBe(true)
    expect(key('h', { meta: true })).toBe(true)
    expect(key('r')).toBe(false)
    expect(key('m')).toBe(false)
    expect(key('ArrowRight')).toBe(false)
  })

  it('ships a renderer page whose CSP allows no inline script, eval or remote origin', () => {
    const html = readFileSync(join(PROJECT_ROOT, 'src/renderer/index.html'), 'utf8')
    const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? ''
    expect(csp).toContain("default-src 'self'")
    expect(csp).toContain("script-src 'self'")
    expect(csp).toContain("object-src 'none'")
    // WebAssembly may compile (read-aloud); eval, inline code and remote origins may not.
    expect(csp.replace("'wasm-unsafe-eval'", '')).not.toMatch(/unsafe-|https?:|\*/)
  })
})

describe('the kiosk://app protocol', () => {
  it('serves files from inside the built renderer only', () => {
    const dir = '/opt/kiosk/out/renderer'
    expect(resolveAppFile(dir, `${APP_ORIGIN}/index.html`)).toBe(`${dir}/index.html`)
    expect(resolveAppFile(dir, `${APP_ORIGIN}/`)).toBe(`${dir}/index.html`)
    expect(resolveAppFile(dir, `${APP_ORIGIN}/assets/index-abc.js?x=1#y`)).toBe(`${dir}/assets/index-abc.js`)
    for (const url of [
      `${APP_ORIGIN}/../main/index.js`,
      `${APP_ORIGIN}/%2e%2e/main/index.js`,
      `${APP_ORIGIN}/assets/%2e%2e%2f%2e%2e%2fpackage.json`,
      `${APP_ORIGIN}/assets/..%5c..%5csecret`,
      `${APP_ORIGIN}/%00index.html`,
      `${APP_ORIGIN}/%E0%A4%A`,
      'kiosk://other/index.html',
      'file:///etc/passwd',
      'not a url',
    ]) {
      const file = resolveAppFile(dir, url)
      expect(file === null || (file.startsWith(`${dir}/`) && !file.includes('..')), url).toBe(true)
    }
    // Encoded dots survive URL parsing; they must not survive us.
    expect(resolveAppFile(dir, `${APP_ORIGIN}/assets/%2e%2e%2f%2e%2e%2fpackage.json`)).toBeNull()
  })

  it('is a standard, secure scheme that keeps a compiled copy of the scripts (V8 code cache) for the next start', () => {
    // Electron keeps code cache for http(s) only, unless a custom scheme asks for it, and asks
    // only take effect on a standard scheme: without both, every start compiles every script again.
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({ standard: true, secure: true, codeCache: true })
    // Nothing that would widen what the page may do: the CSP still applies, no CORS, no service workers.
    expect(APP_SCHEME_PRIVILEGES).not.toHaveProperty('bypassCSP')
    expect(APP_SCHEME_PRIVILEGES).not.toHaveProperty('corsEnabled')
    expect(APP_SCHEME_PRIVILEGES).not.toHaveProperty('allowServiceWorkers')
  })

  it('trusts only its own index page', () => {
    expect(isOwnPage(`${APP_ORIGIN}/index.html#/procedures/x`, { kind: 'app' })).toBe(true)
    expect(isOwnPage(`${APP_ORIGIN}/other.html`, { kind: 'app' })).toBe(false)
    expect(isOwnPage('kiosk://evil/index.html', { kind: 'app' })).toBe(false)
  })
})

describe('packaging', () => {
  it('flips the Electron fuses: no run-as-node, asar integrity on, no file:// privileges', () => {
    const config = parse(readFileSync(join(PROJECT_ROOT, 'electron-builder.yml'), 'utf8')) as {
      electronFuses: Record<string, boolean>
      asar: boolean
    }
    expect(config.asar).toBe(true)
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    })
  })
})

describe('IPC', () => {
  const dir = tempDir()
  const registered = new Map<string, Parameters<IpcMainLike<string>['handle']>[1]>()
  const shellCalls: string[] = []
  beforeAll(() => {
    const handlers = createKioskCore({ bundledContent: buildFixtureDb(dir.path), dataDir: null }).handlers
    registerChannels<string>(
      { handle: (channel, listener) => registered.set(channel, listener) },
      {
        handlers: () => handlers,
        location,
        log: () => {},
        shell: {
          print: (request, sender) => {
            shellCalls.push(`print ${request.paper} ${request.mode} for ${sender}`)
            return { done: true }
          },
          pickAndImportPack: () => ({ cancelled: true }),
          listPrinters: () => ({ printers: [{ name: 'Front_desk', label: 'Front desk', description: '' }] }),
          endSession: (_input, sender) => {
            shellCalls.push(`end session of ${sender}`)
            return {}
          },
        },
      },
    )
  })
  afterAll(() => dir.remove())

  const ownFrame = { url: 'kiosk://app/index.html#/procedures/x/steps/2', parent: null }
  const call = (method: unknown, input: unknown, senderFrame: SenderFrameLike | null = ownFrame) =>
    registered.get(CALL_CHANNEL)!({ senderFrame, sender: 'the kiosk page' }, method, input)

  it('registers exactly one channel, for the contract and the shell alike', () => {
    expect([...registered.keys()]).toEqual([CALL_CHANNEL])
  })

  it('answers our own page with the same typed results as every transport', async () => {
    const r = await call('listTopics', { locale: 'en' })
    expect(r?.ok).toBe(true)
    const bad = await call('getProcedure', { locale: 'en', id: 'Robert; DROP' })
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad-input' } })
    expect(await call('dropEverything', {})).toMatchObject({ ok: false, error: { code: 'unknown-method' } })
  })

  it("validates the shell's own methods against the shell contract before running them", async () => {
    expect(await call('print', { paper: 'a4', mode: 'silent' })).toEqual({ ok: true, value: { done: true } })
    expect(await call('print', { paper: 'a4', mode: 'fax' })).toMatchObject({
      ok: false,
      error: { code: 'bad-input' },
    })
    // A pack import asks with the staff token and nothing else: a path from the page is refused.
    expect(await call('pickAndImportPack', { token: 'a'.repeat(64), path: '/etc/passwd' })).toMatchObject({
      ok: false,
      error: { code: 'bad-input' },
    })
    expect(await call('listPrinters', {})).toEqual({
      ok: true,
      value: { printers: [{ name: 'Front_desk', label: 'Front desk', description: '' }] },
    })
    expect(await call('listPrinters', { name: 'anything' })).toMatchObject({
      ok: false,
      error: { code: 'bad-input' },
    })
    expect(await call('endSession', {})).toEqual({ ok: true, value: {} })
    expect(shellCalls).toEqual(['print a4 silent for the kiosk page', 'end session of the kiosk page'])
  })

  it('refuses calls from an iframe, another file, another origin or no frame at all', async () => {
    const strangers = [
      { url: ownFrame.url, parent: {} },
      { url: 'file:///home/user/evil.html', parent: null },
      { url: 'kiosk://app/index.html?inject=1', parent: null },
      { url: 'https://example.com/', parent: null },
      { url: 'not a url', parent: null },
      null,
    ]
    for (const senderFrame of strangers) {
      for (const [method, input] of [
        ['listTopics', { locale: 'en' }],
        ['endSession', {}],
      ] as const) {
        expect(await call(method, input, senderFrame)).toMatchObject({
          ok: false,
          error: { code: 'bad-input' },
        })
      }
    }
    expect(shellCalls.filter((c) => c.startsWith('end session'))).toHaveLength(1)
  })

  it('knows our own page in development by its origin only', () => {
    const dev: RendererLocation = { kind: 'dev', origin: 'http://localhost:5173' }
    expect(isOwnPage('http://localhost:5173/#/x', dev)).toBe(true)
    expect(isOwnPage('http://localhost:5174/', dev)).toBe(false)
    expect(isTrustedSender({ url: 'http://localhost:5173/', parent: null }, dev)).toBe(true)
  })
})

describe('print failures', () => {
  it('are told in words staff can act on', () => {
    expect(printFailureOf('Print job canceled')).toBe('cancelled')
    expect(printFailureOf('Invalid printer settings')).toBe('no-printer')
    expect(printFailureOf('Printer is offline')).toBe('printer-offline')
    expect(printFailureOf('Print job failed')).toBe('failed')
    expect(printFailureOf(undefined)).toBe('failed')
  })

  it.each([
    ['cancelled', 'cancelled'],
    ['Print job canceled', 'cancelled'],
    ['Print job cancelled by user', 'cancelled'],
    ['No printer available', 'no-printer'],
    ['No printers installed', 'no-printer'],
    ['Invalid printer settings', 'no-printer'],
    ['No device', 'no-printer'],
    ['Printer is offline', 'printer-offline'],
    ['Printer not available', 'printer-offline'],
    ['Printer unavailable', 'printer-offline'],
    ['Invalid deviceName provided', 'printer-offline'],
    ['Print job failed', 'failed'],
    ['', 'failed'],
    ['something nobody expected', 'failed'],
  ] as const)('Chromium says "%s": the screen says %s', (reason, failure) => {
    expect(printFailureOf(reason)).toBe(failure)
  })
})

describe('the kiosk lock, applied while the kiosk runs', () => {
  const ctrlR = { key: 'r', control: true, meta: false, alt: false, shift: false }

  it('blocks shortcuts as soon as the lock is turned on, with the guard attached to an unlocked window', () => {
    let locked = false
    const guard = shortcutGuard(() => locked)
    const press = () => {
      let prevented = false
      guard({ preventDefault: () => (prevented = true) }, ctrlR)
      return prevented
    }
    expect(press()).toBe(false)
    locked = true
    expect(press()).toBe(true)
    locked = false
    expect(press()).toBe(false)
  })

  it('puts the window into and out of kiosk full screen when staff change the setting', async () => {
    const dir = tempDir('kiosk-lock-')
    const calls: string[] = []
    const win = {
      setKiosk: (on: boolean) => calls.push(`kiosk ${on}`),
      setFullScreen: (on: boolean) => calls.push(`fullscreen ${on}`),
    }
    const core = createKioskCore({
      bundledContent: buildFixtureDb(dir.path),
      dataDir: join(dir.path, 'data'),
      onSettingsChanged: (settings) => applyKioskLock(win, kioskLocked(false, settings)),
    })
    try {
      const token = core.handlers.staffSetPin({ pin: '2468', setupCode: core.firstRunCode() ?? '' }).token
      core.handlers.updateSettings({ token, changes: { kioskLock: true } })
      expect(calls).toEqual(['kiosk true', 'fullscreen true'])
      core.handlers.updateSettings({ token, changes: { kioskLock: false } })
      expect(calls.slice(2)).toEqual(['kiosk false', 'fullscreen false'])
      // Started with --kiosk, the window stays locked whatever the setting says.
      expect(kioskLocked(true, core.settings())).toBe(true)
    } finally {
      core.close()
      dir.remove()
    }
  })
})

describe('the app’s --set-pin (a packaged kiosk has no Node for the command line)', () => {
  it('reads --set-pin among Electron’s own arguments, and refuses a PIN given as an argument', () => {
    expect(setPinRequest(['/opt/Hip kiosk/kiosk', '--no-sandbox', '--set-pin'])).toBe('set-pin')
    expect(setPinRequest(['/opt/Hip kiosk/kiosk', '--set-pin=2468'])).toBe('pin-in-argument')
    expect(setPinRequest(['/opt/Hip kiosk/kiosk', '--kiosk'])).toBeNull()
    expect(setPinRequest(['/opt/Hip kiosk/kiosk', '--export-handouts', '/tmp/out'])).toBeNull()
  })

  it('sets the PIN typed on standard input through the same core code as `kiosk set-pin`, and spends the code', async () => {
    const dir = tempDir('kiosk-set-pin-')
    const data = join(dir.path, 'data')
    try {
      const core = createKioskCore({ bundledContent: buildFixtureDb(dir.path), dataDir: data, log: () => {} })
      expect(existsSync(join(data, FIRST_RUN_CODE_FILE))).toBe(true)
      expect(await setPinFromStdin(data, async () => '12')).toBe(1)
      expect(core.handlers.staffStatus({}).pinSet).toBe(false)
      expect(await setPinFromStdin(data, async () => '2468')).toBe(0)
      expect(existsSync(join(data, FIRST_RUN_CODE_FILE))).toBe(false)
      expect(core.handlers.staffLogin({ pin: '2468' }).token).toMatch(/^[0-9a-f]{64}$/)
      core.close()
    } finally {
      dir.remove()
    }
  })
})

describe('printing at a locked kiosk', () => {
  it('prints only silently to the chosen printer: no system dialog, no Save as PDF', () => {
    expect(printModeAllowed('silent', true)).toBe(true)
    expect(printModeAllowed('dialog', true)).toBe(false)
    expect(printModeAllowed('pdf', true)).toBe(false)
  })

  it('lets an unlocked kiosk use the dialog and Save as PDF', () => {
    expect(printModeAllowed('dialog', false)).toBe(true)
    expect(printModeAllowed('pdf', false)).toBe(true)
    expect(printModeAllowed('silent', false)).toBe(true)
  })
})

describe('choosing the printer', () => {
  const printers = ['Front desk', 'Kiosk printer']

  it('prints silently to the configured printer when the system lists it', () => {
    expect(choosePrinter('silent', printers, 'Kiosk printer')).toEqual({ deviceName: 'Kiosk printer' })
  })

  it('prints silently to the system’s default printer when none is configured', () => {
    expect(choosePrinter('silent', printers, null)).toEqual({})
  })

  it('refuses a silent print with no printer at all: "no printer is set up"', () => {
    expect(choosePrinter('silent', [], null)).toEqual({ failure: 'no-printer' })
    expect(choosePrinter('silent', [], 'Kiosk printer')).toEqual({ failure: 'no-printer' })
  })

  it('refuses a silent print when the configured printer is gone, rather than using another', () => {
    expect(choosePrinter('silent', ['Front desk'], 'Kiosk printer')).toEqual({ failure: 'printer-offline' })
  })

  it('lets staff choose in the dialog, preselecting the configured printer only when it is there', () => {
    expect(choosePrinter('dialog', printers, 'Kiosk printer')).toEqual({ deviceName: 'Kiosk printer' })
    expect(choosePrinter('dialog', ['Front desk'], 'Kiosk printer')).toEqual({})
    expect(choosePrinter('dialog', [], null)).toEqual({})
  })

  it("lists the system's printers for the settings screen by the names people know, each once", async () => {
    const contents = {
      getPrintersAsync: async () => [
        { name: 'Kiosk_HP', displayName: 'Kiosk HP', description: 'HP LaserJet', options: {} },
        { name: 'Brother_front', displayName: '', description: '', options: {} },
        { name: 'Kiosk_HP', displayName: 'Kiosk HP', description: 'HP LaserJet', options: {} },
        { name: '', displayName: 'Nameless', description: '', options: {} },
      ],
    }
    expect(await listPrinters(contents)).toEqual({
      printers: [
        { name: 'Brother_front', label: 'Brother_front', description: '' },
        { name: 'Kiosk_HP', label: 'Kiosk HP', description: 'HP LaserJet' },
      ],
    })
    // A system that cannot list its printers: an empty list, and staff type the name instead.
    expect(await listPrinters({ getPrintersAsync: () => Promise.reject(new Error('no CUPS')) })).toEqual({
      printers: [],
    })
  })

  it('needs no printer to save a PDF', () => {
    expect(choosePrinter('pdf', [], 'Kiosk printer')).toEqual({})
  })
})
