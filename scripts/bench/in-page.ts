/**
 * Code that runs inside the kiosk page (playwright serialises each function and
 * evaluates it there), so it may use nothing from this module's scope. The Node
 * tsconfig has no DOM library; the few page globals used are declared below,
 * for this module only.
 */

interface PageElement {
  readonly textContent: string | null
  getAttribute(name: string): string | null
  getBoundingClientRect(): { height: number; width: number }
  click(): void
  querySelector(selector: string): PageElement | null
}
interface VueAppLike {
  _context: { provides: Record<symbol, unknown> }
}
declare const document: {
  querySelector(selector: string): PageElement | null
  querySelectorAll(selector: string): ArrayLike<PageElement>
  getElementById(id: string): (PageElement & { __vue_app__?: VueAppLike }) | null
  documentElement: PageElement
  body: PageElement
}
declare const location: { hash: string }
declare function requestAnimationFrame(callback: () => void): number
declare class MutationObserver {
  constructor(callback: () => void)
  observe(target: PageElement, options: Record<string, boolean>): void
}
declare function addEventListener(
  type: string,
  listener: (event: { timeStamp: number }) => void,
  capture: boolean,
): void
declare const window: { __bench?: PageProbe }
declare class MessageChannel {
  port1: { onmessage: (() => void) | null }
  port2: { postMessage(message: unknown): void }
}

/** What the probe leaves on window.__bench. */
export interface PageProbe {
  /** performance.now() when the home screen's doors were painted and the main thread was free again. */
  interactiveAt: number | null
  /** Tap-to-painted times of walkthrough steps, in milliseconds. */
  taps: number[]
}

/**
 * Installed before any page script (context.addInitScript), in the app and in
 * the static copies alike, so both are timed by the same code:
 * - interactive: the doors (`.door`) are laid out, a frame has been produced,
 *   and a task queued after it has run (nothing long is blocking a tap);
 * - a tap: from the pointerdown's time stamp until the next screen's h1 has
 *   changed, a frame has been produced and a task queued after it has run.
 */
export function installProbe(): void {
  const probe: PageProbe = { interactiveAt: null, taps: [] }
  window.__bench = probe
  const afterNextPaint = (done: () => void) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel()
      channel.port1.onmessage = () => done()
      channel.port2.postMessage(0)
    })
  const lookForDoors = () => {
    const doors = document.querySelectorAll('.door')
    const first = doors[0]
    if (doors.length >= 2 && first && first.getBoundingClientRect().height > 0) {
      afterNextPaint(() => (probe.interactiveAt = performance.now()))
    } else requestAnimationFrame(lookForDoors)
  }
  requestAnimationFrame(lookForDoors)

  let pending: { t0: number; h1: string | null; hash: string } | null = null
  addEventListener(
    'pointerdown',
    (event) => {
      pending = {
        t0: event.timeStamp,
        h1: document.querySelector('h1')?.textContent ?? null,
        hash: location.hash,
      }
    },
    true,
  )
  const check = () => {
    if (!pending) return
    const h1 = document.querySelector('h1')
    if (!h1 || h1.textContent === pending.h1 || location.hash === pending.hash) return
    const { t0 } = pending
    pending = null
    afterNextPaint(() => probe.taps.push(performance.now() - t0))
  }
  // The document itself: an init script runs before <html> exists.
  new MutationObserver(check).observe(document as unknown as PageElement, {
    childList: true,
    subtree: true,
    characterData: true,
  })
}

/**
 * The probe's interactive time, waited for inside the page (checked every 50 ms). The cold load
 * reads it this way, not with Playwright's waitForFunction, which puts Playwright's own script into
 * the page while it is still loading (45 to 55 ms of main thread in Chromium's trace): both the app
 * and its static copy carried 20 to 25 ms of it.
 */
export function interactiveTime(timeoutMs: number): Promise<number> {
  const started = performance.now()
  return new Promise((resolve, reject) => {
    const check = () => {
      const at = window.__bench?.interactiveAt
      if (at != null) resolve(at)
      else if (performance.now() - started > timeoutMs)
        reject(new Error(`the home screen was not interactive within ${timeoutMs} ms`))
      else setTimeout(check, 50)
    }
    check()
  })
}

/** A session of the soak that could not finish, and where it stuck; the soak goes on with the next. */
export interface SoakFailure {
  /** Which session of this call (from 1). */
  session: number
  what: string
  hash: string
  /** The screen's heading, or the error panel's text, when it gave up. */
  onScreen: string
}

/**
 * Walkthrough-and-reset cycles, inside the page: home, every step of the
 * procedure by tapping Next (an element click, so RouterLink handles it), the
 * risks screen, then the session's end as the idle countdown ends it: the
 * endSession function the app provides (app.ts createKiosk), which runs the
 * session-end hooks, unmounts the whole app and mounts a new one.
 *
 * Each wait polls once per task for exactly the screen it expects (the next
 * step's own Next link, not just any), with no fixed pauses, so a session takes
 * as long as the app takes. A screen that does not come within `patienceMs`
 * (a busy machine) is asked for once more; a session that still cannot finish
 * is reported with where it stuck, ended through endSession like any other,
 * and the next session runs. Only a page with no kiosk left to end stops the
 * loop. Returns how many times the app was really rebuilt, and the failures.
 */
export async function walkAndReset(args: {
  procedureId: string
  cycles: number
  patienceMs?: number
}): Promise<{ rebuilt: number; failures: SoakFailure[] }> {
  const patienceMs = args.patienceMs ?? 30_000
  const yieldTask = () =>
    new Promise<void>((resolve) => {
      const channel = new MessageChannel()
      channel.port1.onmessage = () => resolve()
      channel.port2.postMessage(0)
    })
  class Stuck extends Error {}
  const onScreen = () => document.querySelector('h1')?.textContent?.trim() ?? ''
  /** Waits for `ok`; if it has not come, `again` (asking for the screen once more), then waits as long again. */
  const until = async (what: string, ok: () => boolean, again?: () => void) => {
    for (const attempt of [0, 1]) {
      const deadline = performance.now() + patienceMs
      while (!ok()) {
        if (performance.now() > deadline) break
        await yieldTask()
      }
      if (ok()) return
      if (attempt === 0 && again) again()
      else break
    }
    throw new Stuck(what)
  }
  /** Asks for a screen again: the error panel's Try again if it shows, else the address anew. */
  const askAgain = (hash: string) => () => {
    const retry = document.querySelector('.panel--out-of-order button')
    if (retry) return retry.click()
    location.hash = '#/'
    location.hash = hash
  }
  const app = () => document.getElementById('app')?.__vue_app__
  const endSession = () => {
    const running = app()
    if (!running) throw new Error('the kiosk app is not mounted on #app')
    const provides = running._context.provides
    const key = Object.getOwnPropertySymbols(provides).find((s) => s.description === 'kiosk end session')
    const end = key ? provides[key] : undefined
    if (typeof end !== 'function') throw new Error('the app provides no endSession')
    ;(end as () => void)()
    return running
  }
  const firstStep = `#/procedures/${args.procedureId}/steps/1`
  let rebuilt = 0
  const failures: SoakFailure[] = []
  for (let c = 0; c < args.cycles; c++) {
    try {
      location.hash = '#/home'
      await until('home', () => document.querySelectorAll('.door').length >= 2, askAgain('#/home'))
      location.hash = firstStep
      await until('step 1', () => !!document.querySelector('.step__next'), askAgain(firstStep))
      for (;;) {
        const next = document.querySelector('.step__next')
        if (!next) throw new Stuck('a Next link')
        const href = next.getAttribute('href') ?? ''
        const last = href.endsWith('/risks')
        next.click()
        // The screen Next leads to, and no longer the one it was tapped on.
        await until(last ? 'the risks screen' : 'the next step', () =>
          last
            ? location.hash.endsWith('/risks') && !document.querySelector('.step__next')
            : (document.querySelector('.step__next')?.getAttribute('href') ?? href) !== href,
        )
        if (last) break
      }
    } catch (err) {
      if (!(err instanceof Stuck)) throw err
      failures.push({ session: c + 1, what: err.message, hash: location.hash, onScreen: onScreen() })
    }
    const ended = endSession()
    await until(
      'the attract screen',
      () => !!app() && app() !== ended && !!document.querySelector('.attract'),
    ).catch((err: unknown) => {
      throw new Error(`session ${c + 1}: the kiosk did not come back after its reset (${String(err)})`)
    })
    rebuilt++
  }
  return { rebuilt, failures }
}

/**
 * A static copy of what is on screen: the page's HTML without scripts, with
 * every style rule the page uses gathered into one stylesheet at `cssHref`.
 * A rule's url(…) is relative to its own stylesheet (the typeface's files sit
 * beside the built CSS in assets/), so it is made absolute: the copy loads the
 * same fonts as the app.
 */
export function snapshotPage(cssHref: string): { html: string; css: string } {
  interface Sheet {
    href: string | null
    cssRules: ArrayLike<{ cssText: string }>
  }
  const doc = document as unknown as {
    styleSheets: ArrayLike<Sheet>
    adoptedStyleSheets?: Sheet[]
    baseURI: string
    documentElement: {
      cloneNode(deep: boolean): {
        querySelectorAll(s: string): ArrayLike<{ remove(): void }>
        querySelector(s: string): { append(n: unknown): void } | null
        outerHTML: string
      }
    }
    createElement(tag: string): { setAttribute(name: string, value: string): void }
  }
  const css: string[] = []
  for (const sheet of [...Array.from(doc.styleSheets), ...(doc.adoptedStyleSheets ?? [])]) {
    try {
      const base = sheet.href ?? doc.baseURI
      for (const rule of Array.from(sheet.cssRules)) {
        css.push(
          rule.cssText.replace(/url\((["']?)([^"')]+)\1\)/g, (_, quote: string, url: string) =>
            url.startsWith('data:') ? `url(${quote}${url}${quote})` : `url("${new URL(url, base).pathname}")`,
          ),
        )
      }
    } catch {
      // a sheet from elsewhere: none in this app
    }
  }
  const copy = doc.documentElement.cloneNode(true)
  for (const el of Array.from(
    copy.querySelectorAll('script, template, link[rel="modulepreload"], link[rel="stylesheet"], style'),
  ))
    el.remove()
  const link = doc.createElement('link')
  link.setAttribute('rel', 'stylesheet')
  link.setAttribute('href', cssHref)
  copy.querySelector('head')?.append(link)
  return { html: `<!doctype html>\n${copy.outerHTML}`, css: css.join('\n') }
}
