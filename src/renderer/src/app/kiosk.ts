import { createPinia } from 'pinia'
import { createApp, createSSRApp, type App, type Plugin } from 'vue'
import type { RouterHistory } from 'vue-router'
import AppRoot from './App.vue'
import { apiClientKey, createApiClient, type Transport } from '@renderer/api/client'
import { shellBridge } from '@renderer/api/shell'
import { createKioskI18n } from './i18n'
import { createKioskRouter } from './router'
import type { KioskShellBridge } from '@shared/shell'
import { endSessionKey, sessionEndHooksKey } from './session'
import { PRERENDERED_HOME_ID } from '@shared/prerender'
import { installStaffGuard } from '@renderer/features/staff/routes'
import type { SpeechEngineFactory } from '@renderer/features/read-aloud/engine'
import { HIGHLIGHT_NAME } from '@renderer/features/read-aloud/sentences'
import { speechEngineKey } from '@renderer/features/read-aloud/readAloudStore'

export interface KioskOptions {
  transport: Transport
  history: RouterHistory
  /** The read-aloud voice; by default a system voice, else the bundled eSpeak NG. Tests pass a fake. */
  speech?: SpeechEngineFactory
  /** What the idle countdown does when it runs out; startKiosk passes its reset. */
  endSession?: () => void
}

/**
 * Everything the app needs, installed in one place: the API client, Pinia, the
 * router and vue-i18n. startKiosk uses it once per patient session; tests use it
 * with a fake bridge and memory history, so they run the real wiring.
 */
export function createKiosk(options: KioskOptions) {
  const pinia = createPinia()
  const router = createKioskRouter(options.history)
  const i18n = createKioskI18n()
  const client = createApiClient(options.transport)
  installStaffGuard(router, pinia)
  // Before the reset: what screens asked to do as the session ends (close staff mode in
  // the core, count the session's length). A failing hook cannot stop the reset.
  const sessionEndHooks = new Set<() => void>()
  const endSession = (): void => {
    for (const hook of [...sessionEndHooks]) {
      try {
        hook()
      } catch {
        // the privacy reset happens regardless
      }
    }
    options.endSession?.()
  }
  const plugin: Plugin = {
    install(app: App) {
      app.provide(apiClientKey, client)
      app.provide(sessionEndHooksKey, sessionEndHooks)
      app.provide(endSessionKey, endSession)
      if (options.speech) app.provide(speechEngineKey, options.speech)
      app.use(pinia)
      app.use(router)
      app.use(i18n)
    },
  }
  return { plugin, pinia, router, i18n }
}

/**
 * The home screen as the build rendered it (app/prerender.ts, before any answer from the
 * core), in a <template> of index.html: the first session, opened at home, clones it and
 * hydrates it instead of building every element itself.
 */
function prerenderedHome(location: string): HTMLTemplateElement | null {
  if (location !== '/home') return null
  const template = document.getElementById(PRERENDERED_HOME_ID)
  return template instanceof HTMLTemplateElement ? template : null
}

export interface KioskSessionOptions extends Omit<KioskOptions, 'history' | 'endSession'> {
  /**
   * A new router history for each session. `fresh` is false for the first session
   * (which honours the address it was opened at) and true after a reset (which
   * must start at the attract screen).
   */
  history: (fresh: boolean) => RouterHistory
  /** Clears what lives outside the Vue app between sessions; clearPageState by default. */
  clearPage?: () => void
  /**
   * The Electron shell's half of the reset (its endSession, through window.kiosk, by default): it clears the
   * page's history, storage and caches in the browser engine. Absent in a plain browser.
   */
  shell?: () => KioskShellBridge | undefined
}

export interface KioskSession {
  /** Ends this patient's session and starts a fresh one at the attract screen. */
  reset(): void
  /** Takes the kiosk off the page (tests). */
  stop(): void
  /** The running session's router, for tests. */
  readonly router: ReturnType<typeof createKiosk>['router']
}

interface RunningSession {
  app: App
  history: RouterHistory
  kiosk: ReturnType<typeof createKiosk>
  /** False while a prerendered home screen waits for its hydration. */
  mounted: boolean
}

/**
 * Runs the kiosk in `container`, one patient session at a time. A reset does not
 * tidy stores one by one: it unmounts the whole app and builds a new one (new
 * Pinia, router, i18n), so nothing a patient did can survive it, including state
 * added by screens written later.
 */
export function startKiosk(container: Element, options: KioskSessionOptions): KioskSession {
  const clearPage = options.clearPage ?? (() => clearPageState())
  const shell = options.shell ?? (() => shellBridge())
  let current: RunningSession | null = null

  function begin(fresh: boolean): void {
    const history = options.history(fresh)
    const kiosk = createKiosk({ ...options, history, endSession: reset })
    // After a reset the address is the attract screen's, so only the first session can hydrate.
    const prerendered = fresh ? null : prerenderedHome(history.location)
    const app = (prerendered ? createSSRApp : createApp)(AppRoot).use(kiosk.plugin)
    const session: RunningSession = { app, history, kiosk, mounted: false }
    current = session
    if (!prerendered) {
      app.mount(container)
      session.mounted = true
      return
    }
    // The clone is the home screen at once; hydration waits for the route to resolve as the
    // build's did (the home screen is in the first script, so that takes microtasks only).
    container.replaceChildren(prerendered.content.cloneNode(true))
    void kiosk.router
      .isReady()
      .catch(() => undefined)
      .then(() => {
        if (current !== session) return
        app.mount(container)
        session.mounted = true
      })
  }

  function end(): void {
    if (!current) return
    // A session reset before its hydration finished was never mounted: it has nothing to take down.
    if (current.mounted) current.app.unmount()
    else container.replaceChildren()
    current.history.destroy()
    current = null
    clearPage()
  }

  function reset(): void {
    end()
    begin(true)
    forgetInShell()
  }

  /** Once the new session stands at the attract screen, so that is all the cleared history holds. */
  function forgetInShell(): void {
    try {
      // Best effort: the page's own reset has already happened, and a shell that fails cannot undo it.
      void shell()
        ?.endSession()
        .catch(() => {})
    } catch {
      // as above
    }
  }

  begin(false)
  return {
    reset,
    stop: end,
    get router() {
      if (!current) throw new Error('the kiosk is stopped')
      return current.kiosk.router
    },
  }
}

/**
 * What a session can leave outside the Vue app, cleared between sessions: the
 * voice, the reading highlight, the scroll position, and (as a second line of
 * defence: the kiosk itself never writes there) web storage, cookies, IndexedDB
 * and the Cache API.
 */
function clearPageState(win: Window = window): void {
  win.speechSynthesis?.cancel()
  if (typeof CSS !== 'undefined') CSS.highlights?.delete(HIGHLIGHT_NAME)
  win.scrollTo?.(0, 0)
  try {
    win.localStorage.clear()
    win.sessionStorage.clear()
  } catch {
    // storage disabled: nothing to clear
  }
  for (const cookie of win.document.cookie.split(';')) {
    const name = cookie.split('=')[0]?.trim()
    if (name) win.document.cookie = `${name}=; max-age=0; path=/`
  }
  void win.indexedDB
    ?.databases?.()
    .then((databases) => {
      for (const { name } of databases) if (name) win.indexedDB.deleteDatabase(name)
    })
    .catch(() => {})
  void win.caches
    ?.keys()
    .then((names) => Promise.all(names.map((name) => win.caches.delete(name))))
    .catch(() => {})
}
