/**
 * The Electron main process: a thin shell. It opens the content database
 * read-only, answers the contract over IPC and shows one hardened window.
 * All logic lives in src/core, which runs (and is tested) without Electron.
 */
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { app, BrowserWindow, dialog, ipcMain, Menu, net, protocol, session } from 'electron'
import log from 'electron-log/main'
import { useOwnerOnlyUmask } from '../core/data/private-folder.ts'
import { createKioskCore } from '../core/services/handlers.ts'
import { setPinFromStdin } from '../core/data/first-run.ts'
import { exportRequest, runExport } from './export.ts'
import { PIN_IN_ARGUMENT_MESSAGE, setPinRequest } from './set-pin.ts'
import { runUpdate, updateRequest } from './update.ts'
import type { WebContents } from 'electron'
import { registerChannels } from './ipc.ts'
import { pickAndImportPack } from './packs.ts'
import { PACK_FILE_EXTENSIONS } from '../shared/packs.ts'
import { printing } from './print.ts'
import { listPrinters } from '../shared/print.ts'
import { createHardenedWindow } from './window.ts'
import { watchRenderer } from './recovery.ts'
import {
  APP_ORIGIN,
  APP_SCHEME,
  APP_SCHEME_PRIVILEGES,
  applyKioskLock,
  denyAllPermissions,
  hardenContents,
  kioskLocked,
  resolveAppFile,
  shortcutGuard,
} from './security.ts'
import type { RendererLocation } from './security.ts'

// Everything this process writes (kiosk.sqlite and its WAL, packs, uploads, electron-log's files,
// Chromium's profile) is in the user-data folder: the owner's only, before anything is created.
useOwnerOnlyUmask()

const KIOSK_LOCK_FLAG = process.argv.includes('--kiosk') || process.env.KIOSK_LOCK === '1'
const rendererDir = join(import.meta.dirname, '../renderer')
const preloadPath = join(import.meta.dirname, '../preload/index.cjs')
const devUrl = process.env.ELECTRON_RENDERER_URL
const location: RendererLocation = devUrl ? { kind: 'dev', origin: new URL(devUrl).origin } : { kind: 'app' }

// Must happen before the app is ready: kiosk://app is a secure, standard origin.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }])

/** Serves the built renderer as kiosk://app/, and nothing outside it. */
function serveRenderer(): void {
  protocol.handle(APP_SCHEME, (request) => {
    const file = resolveAppFile(rendererDir, request.url)
    if (!file) return new Response('Not found', { status: 404 })
    return net.fetch(pathToFileURL(file).href)
  })
}

function contentDbPath(): string {
  return app.isPackaged
    ? join(process.resourcesPath, 'content.sqlite')
    : join(app.getAppPath(), 'resources', 'content.sqlite')
}

/** The feed root an operator put in resources/feed/ before building (README, "Signed content updates"). */
function bundledFeedRoot(): string {
  return app.isPackaged
    ? join(process.resourcesPath, 'feed', 'root.json')
    : join(app.getAppPath(), 'resources', 'feed', 'root.json')
}

/**
 * Locked full-screen when staff turned the kiosk lock on, or when started with --kiosk.
 * The shortcut guard is always attached and asks for the lock at each key, so a
 * lock turned on in settings holds at once.
 */
function createKioskWindow(locked: () => boolean): BrowserWindow {
  const lockedNow = locked()
  const win = createHardenedWindow(preloadPath, {
    width: 1280,
    height: 800,
    show: false,
    kiosk: lockedNow,
    fullscreen: lockedNow,
    autoHideMenuBar: true,
    backgroundColor: '#ffffff',
    title: 'Hip health kiosk',
  })
  win.webContents.on('before-input-event', shortcutGuard(locked))
  watchRenderer(win.webContents, {
    reloadToAttract: () => void loadAttract(win),
    log: (message) => log.warn(message),
  })
  win.once('ready-to-show', () => win.show())
  void loadAttract(win)
  return win
}

/** The attract screen in a fresh page. */
function loadAttract(win: BrowserWindow): Promise<void> {
  return win.loadURL(devUrl ? `${devUrl}#/` : `${APP_ORIGIN}/index.html#/`)
}

const settingPin = setPinRequest(process.argv)
const updating = updateRequest(process.argv)

// One kiosk at a time; setting the PIN or checking the feed may run beside it (the database takes
// turns, the kiosk reads the PIN at each try, and it follows a pack switch within 30 s).
if (!settingPin && !updating && !app.requestSingleInstanceLock()) app.quit()

// Every WebContents, the kiosk window's and any other, is hardened once, here.
app.on('web-contents-created', (_event, contents) => hardenContents(contents))

void app.whenReady().then(async () => {
  if (settingPin) {
    if (settingPin === 'pin-in-argument') {
      console.error(PIN_IN_ARGUMENT_MESSAGE)
      process.exitCode = 1
    } else {
      process.exitCode = await setPinFromStdin(app.getPath('userData'))
    }
    app.quit()
    return
  }
  if (updating) {
    process.exitCode = await runUpdate(app.getPath('userData'), {
      ...updating,
      bundledRoot: bundledFeedRoot(),
      bundledContent: contentDbPath(),
    })
    app.quit()
    return
  }
  // No application menu at all: Alt would otherwise show Quit, Reload and Close to a patient.
  Menu.setApplicationMenu(null)
  denyAllPermissions(session.defaultSession)
  serveRenderer()
  // Staff read any content problem in the log; the patient sees a calm screen.
  const core = createKioskCore({
    bundledContent: contentDbPath(),
    dataDir: app.getPath('userData'),
    forceKioskLock: KIOSK_LOCK_FLAG,
    bundledFeedRoot: bundledFeedRoot(),
    log: (message) => log.error(message),
    // A kiosk lock staff turn on or off applies at once to every window.
    onSettingsChanged: (settings) => {
      for (const win of BrowserWindow.getAllWindows())
        applyKioskLock(win, kioskLocked(KIOSK_LOCK_FLAG, settings))
    },
  })
  // The daily feed check at the time staff set, and the counts written out to their folder.
  const dailyJobs = core.startDailyJobs()
  app.on('will-quit', () => {
    dailyJobs.stop()
    core.close()
  })
  const locked = () => kioskLocked(KIOSK_LOCK_FLAG, core.settings())
  registerChannels<WebContents>(ipcMain, {
    handlers: () => core.handlers,
    location,
    log: (message) => log.error(message),
    shell: {
      print: printing(() => core.settings().printerName, locked),
      // Staff's "Import a content pack…": the file comes from this dialog, never from the page.
      pickAndImportPack: pickAndImportPack<WebContents>({
        core: () => core,
        async choosePack(sender) {
          const options = {
            title: 'Choose a content pack',
            properties: ['openFile' as const],
            filters: [{ name: 'Content packs', extensions: [...PACK_FILE_EXTENSIONS] }],
          }
          const owner = BrowserWindow.fromWebContents(sender)
          const choice = owner
            ? await dialog.showOpenDialog(owner, options)
            : await dialog.showOpenDialog(options)
          return choice.canceled ? null : (choice.filePaths[0] ?? null)
        },
      }),
      listPrinters: (_input, sender) => listPrinters(sender),
      // The end of a patient's session (the renderer calls it after its idle reset): forget the routes
      // visited, all web storage of every origin (cookies, local and session storage, IndexedDB, Cache
      // API, service workers), the HTTP cache and any HTTP authentication.
      async endSession(_input, sender) {
        sender.navigationHistory.clear()
        await sender.session.clearStorageData()
        await sender.session.clearCache()
        await sender.session.clearAuthCache()
        return {}
      },
    },
  })
  const exporting = exportRequest(process.argv)
  if (exporting) {
    const origin = devUrl ? new URL(devUrl).origin : APP_ORIGIN
    await runExport(exporting, core.handlers, origin, preloadPath)
      .catch((err: unknown) => {
        log.error(`export failed: ${(err as Error).message}`)
        process.exitCode = 1
      })
      .finally(() => app.quit())
    return
  }
  createKioskWindow(locked)
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createKioskWindow(locked)
  })
})

app.on('window-all-closed', () => app.quit())
