/**
 * Every hardening rule for the kiosk window, in one place and free of Electron
 * imports so the rules can be tested without Electron. Follows Electron's
 * security checklist: isolation, sandbox, no Node in the page, no navigation,
 * no new windows, no permissions, and IPC only from our own page.
 */

/** The webPreferences every kiosk window gets. */
export function secureWebPreferences(preload: string) {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    // A middle click must not open anything either.
    disableBlinkFeatures: 'Auxclick',
    devTools: process.env.NODE_ENV === 'development',
  } as const
}

/**
 * The app's own scheme: the built renderer is served as kiosk://app/, a
 * standard, secure origin, so file:// needs no extra privileges (the
 * GrantFileProtocolExtraPrivileges fuse is off) and 'self' in the CSP means
 * exactly our files.
 */
export const APP_SCHEME = 'kiosk'
export const APP_ORIGIN = `${APP_SCHEME}://app`

/**
 * What kiosk://app may do (protocol.registerSchemesAsPrivileged, before the app
 * is ready). `codeCache`: Electron keeps V8's compiled copy of the scripts on
 * disk for http(s) only, unless a standard scheme asks for it; with it, a start
 * after the first (each morning, after a renderer crash) reads the compiled
 * scripts instead of compiling them again. Nothing here widens what the page
 * may do: no bypassCSP, no CORS, no service workers.
 */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  codeCache: true,
} as const

/**
 * Maps a kiosk://app/... URL to a file inside the built renderer folder, or
 * null for anything outside it (other hosts, traversal, encoded tricks).
 */
export function resolveAppFile(rendererDir: string, url: string): string | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== 'app') return null
  let path: string
  try {
    path = decodeURIComponent(parsed.pathname)
  } catch {
    return null
  }
  if (path.includes('\0') || path.includes('\\')) return null
  const parts = path.split('/').filter((p) => p !== '' && p !== '.')
  if (parts.some((p) => p === '..')) return null
  const relative = parts.length ? parts.join('/') : 'index.html'
  return `${rendererDir.replace(/\/+$/, '')}/${relative}`
}

/** Where our page may legitimately be loaded from. */
export type RendererLocation = { kind: 'app' } | { kind: 'dev'; origin: string }

/**
 * True only for our own page: kiosk://app/index.html (any route in its hash)
 * or, in development, the dev server's origin.
 */
export function isOwnPage(url: string | undefined, location: RendererLocation): boolean {
  if (!url) return false
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (location.kind === 'dev') return parsed.origin === location.origin
  return (
    `${parsed.protocol}//${parsed.host}` === APP_ORIGIN &&
    parsed.pathname === '/index.html' &&
    parsed.search === ''
  )
}

/** The parts of an IPC event we check: the frame that sent it. */
export interface SenderFrameLike {
  url: string
  parent: unknown
}

/** IPC is answered only for our own page's top frame, never for an iframe or other origin. */
export function isTrustedSender(
  frame: SenderFrameLike | null | undefined,
  location: RendererLocation,
): boolean {
  return !!frame && frame.parent === null && isOwnPage(frame.url, location)
}

/** The parts of WebContents the hardening touches. */
export interface ContentsLike {
  on(
    event: 'will-navigate' | 'will-redirect',
    listener: (event: { preventDefault(): void }, url: string) => void,
  ): unknown
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void
}

/** Cancels every navigation and new window; the app is a single page. */
export function hardenContents(contents: ContentsLike): void {
  contents.on('will-navigate', (event) => event.preventDefault())
  contents.on('will-redirect', (event) => event.preventDefault())
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
}

/** The parts of Session the hardening touches. */
export interface SessionLike {
  setPermissionRequestHandler(
    handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void
  setPermissionCheckHandler(handler: () => boolean): void
  setDevicePermissionHandler?(handler: () => boolean): void
}

/** The kiosk needs no camera, microphone, location, notifications or devices. */
export function denyAllPermissions(session: SessionLike): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  session.setDevicePermissionHandler?.(() => false)
}

/** Keyboard shortcuts that would let a patient out of the kiosk or reload it. */
export function isBlockedShortcut(input: {
  key: string
  control: boolean
  meta: boolean
  alt: boolean
  shift: boolean
}): boolean {
  const key = input.key.toLowerCase()
  const mod = input.control || input.meta
  if (key === 'f5' || key === 'f11' || key === 'f12') return true
  // Reload, close, quit, new window or tab, print, and minimise or hide (the desktop behind the kiosk).
  if (mod && ['r', 'w', 'q', 'n', 't', 'p', 'm', 'h'].includes(key)) return true
  if (mod && input.shift && key === 'i') return true
  if (input.alt && key === 'f4') return true
  return false
}

/** What before-input-event hands a listener: the key and its modifiers. */
export type ShortcutInput = Parameters<typeof isBlockedShortcut>[0]

/**
 * The window's shortcut guard, attached to every window whether locked or not:
 * it asks for the lock at each key, so turning the kiosk lock on in settings
 * blocks the shortcuts at once, not after a restart.
 */
export function shortcutGuard(locked: () => boolean) {
  return (event: { preventDefault(): void }, input: ShortcutInput): void => {
    if (locked() && isBlockedShortcut(input)) event.preventDefault()
  }
}

/** Locked when started with --kiosk (KIOSK_LOCK=1) or when staff turned the lock on. */
export function kioskLocked(lockFlag: boolean, settings: { kioskLock: boolean }): boolean {
  return lockFlag || settings.kioskLock
}

/** The parts of BrowserWindow the kiosk lock changes. */
export interface LockableWindow {
  setKiosk(on: boolean): void
  setFullScreen(on: boolean): void
}

/** Puts the window into (or out of) kiosk full screen, as soon as the lock changes. */
export function applyKioskLock(win: LockableWindow, locked: boolean): void {
  win.setKiosk(locked)
  win.setFullScreen(locked)
}

/**
 * What the page may ask the print channel for. A locked kiosk prints only
 * silently, to the printer staff chose: the system dialog and Save as PDF would
 * open the printer list and the file system to whoever stands at the screen.
 */
export function printModeAllowed(mode: 'dialog' | 'silent' | 'pdf', locked: boolean): boolean {
  return !locked || mode === 'silent'
}
