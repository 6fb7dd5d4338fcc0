/**
 * Helpers for end-to-end tests of the patient's screens: moving around without
 * reloading the page (a reload would clear the in-memory display modes), axe,
 * the layout checks for large text, and reading a printed handout back.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { resolve } from 'node:path'
import axe from 'axe-core'
import { expect, type Locator, type Page } from '@playwright/test'

export const PROCEDURE = '/procedures/ultrasound-guided-hip-injection'

/** One screen of each kind a patient meets on the way through. */
export const SCREENS = [
  '/',
  '/home',
  '/conditions',
  '/conditions/hip-osteoarthritis',
  '/procedures',
  PROCEDURE,
  `${PROCEDURE}/steps/1`,
  `${PROCEDURE}/risks`,
  `${PROCEDURE}/recovery`,
]

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

/** Console errors include CSP violations: the strict policy must hold on every screen. */
export function collectConsoleErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  page.on('pageerror', (error) => errors.push(error.message))
  return errors
}

/** The screen has finished loading: one h1, and no "Loading…". */
export async function settled(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1)
  await expect(page.getByRole('status').filter({ hasText: /^(Loading…|Cargando…)$/ })).toHaveCount(0)
}

/** Goes to a screen inside the running app, as a link would: the session (language, modes) stays. */
export async function goTo(page: Page, path: string): Promise<void> {
  await page.evaluate((hash) => {
    window.location.hash = hash
  }, `#${path}`)
  await expect(page).toHaveURL(new RegExp(`#${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`))
  await settled(page)
}

/**
 * axe with the WCAG 2.0, 2.1 and 2.2 A and AA rules; `where` names the screen in
 * the failure; `only` limits the check to part of the page (a CSS selector).
 *
 * axe-core is put into the page once and run there with its own `axe.run`. The
 * specs move between screens without reloading, so one copy serves every check of
 * a page. (`@axe-core/playwright` put the 560 KB script in again on every check,
 * and opened a second page to merge the results: 0.6 to 2 s a check, against 0.1
 * to 0.3 s for the same rules and the same results this way.)
 */
export async function expectNoAxeViolations(page: Page, where: string, only?: string): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source)
  const found = await page.evaluate(
    async ({ tags, only }) => {
      const { axe } = window as unknown as { axe: typeof import('axe-core') }
      const results = await axe.run(only ?? document, { runOnly: { type: 'tag', values: tags } })
      return results.violations.map(
        (violation) =>
          `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
      )
    },
    { tags: AXE_TAGS, only },
  )
  expect(found, `axe on ${where}`).toEqual([])
}

/** The smallest tap target a patient may meet, in CSS px, each way. */
export const MIN_TAP_PX = 44

/**
 * Controls a finger could miss: every visible button, link, form field and
 * summary smaller than 44×44 CSS px. A control's tap area is its box, or a larger
 * absolutely placed ::after where it has one (the glossary words in a sentence
 * reach 44px that way without spreading the lines). A form field inside a label
 * counts the label's box, which takes the tap too.
 */
export function smallTapTargets(page: Page): Promise<string[]> {
  return page.evaluate((min) => {
    const small: string[] = []
    const targets = document.body.querySelectorAll<HTMLElement>(
      'button, a[href], input:not([type="hidden"]), select, textarea, summary, [role="button"], [tabindex="0"]',
    )
    for (const element of targets) {
      if (element.closest('.visually-hidden')) continue
      const style = getComputedStyle(element)
      if (style.display === 'none' || style.visibility === 'hidden') continue
      const box = element.getBoundingClientRect()
      if (box.width === 0 && box.height === 0) continue
      let width = box.width
      let height = box.height
      const after = getComputedStyle(element, '::after')
      if (after.content !== 'none' && after.position === 'absolute') {
        width = Math.max(width, parseFloat(after.width) || 0)
        height = Math.max(height, parseFloat(after.height) || 0)
      }
      const label = element.closest('label')?.getBoundingClientRect()
      if (label) {
        width = Math.max(width, label.width)
        height = Math.max(height, label.height)
      }
      if (width + 0.5 < min || height + 0.5 < min) {
        const name = (element.getAttribute('aria-label') ?? element.textContent ?? '').trim().slice(0, 40)
        small.push(`${element.tagName.toLowerCase()} "${name}" ${Math.round(width)}×${Math.round(height)}`)
      }
    }
    return small
  }, MIN_TAP_PX)
}

/**
 * Ways text can be lost: the page scrolling sideways, text running out of its
 * box or off the screen, or a box that hides what does not fit. Pictures and
 * visually hidden screen-reader text are left out.
 */
export function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = []
    const root = document.documentElement
    if (root.scrollWidth > root.clientWidth) {
      problems.push(`the page scrolls sideways (${root.scrollWidth} > ${root.clientWidth})`)
    }
    const describe = (element: Element) =>
      `<${element.tagName.toLowerCase()} class="${element.getAttribute('class') ?? ''}"> "${(element.textContent ?? '').trim().slice(0, 40)}"`
    for (const element of document.body.querySelectorAll<HTMLElement>('*')) {
      if (element.closest('svg, .visually-hidden, audio, script, style')) continue
      const style = getComputedStyle(element)
      if (style.display === 'none' || style.visibility === 'hidden') continue
      const box = element.getBoundingClientRect()
      if (box.width === 0 && box.height === 0) continue
      const ownText = Array.from(element.childNodes).some(
        (node) => node.nodeType === Node.TEXT_NODE && (node.textContent ?? '').trim() !== '',
      )
      const clipsX = style.overflowX === 'hidden' || style.overflowX === 'clip'
      const clipsY = style.overflowY === 'hidden' || style.overflowY === 'clip'
      if (clipsX && element.scrollWidth > element.clientWidth + 1)
        problems.push(`cut off sideways: ${describe(element)}`)
      if (clipsY && element.scrollHeight > element.clientHeight + 1)
        problems.push(`cut off below: ${describe(element)}`)
      if (!ownText) continue
      if (!style.display.startsWith('inline') && element.scrollWidth > element.clientWidth + 1) {
        problems.push(`text wider than its box: ${describe(element)}`)
      }
      if (box.right > window.innerWidth + 1 || box.left < -1)
        problems.push(`text off the screen: ${describe(element)}`)
    }
    return problems
  })
}

/** One contract method over the preview server's HTTP API; its value, or an error naming the method. */
export async function api<T>(baseURL: string, method: string, input: unknown): Promise<T> {
  const response = await fetch(`${baseURL}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(input),
  })
  const body = (await response.json()) as { ok: boolean; value: T }
  if (!body.ok) throw new Error(`${method} failed: ${JSON.stringify(body)}`)
  return body.value
}

/** Taps a PIN on the staff screen's number pad, digit by digit. */
export async function typePin(page: Page, pin: string): Promise<void> {
  for (const digit of pin)
    await page
      .getByRole('group', { name: 'Number pad' })
      .getByRole('button', { name: digit, exact: true })
      .click()
}

const ROOT = resolve(import.meta.dirname, '../..')

/** A kiosk preview server of the spec's own (`kiosk serve` with these arguments), once it answers. */
export async function startServer(args: string[], port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['src/cli/kiosk.ts', 'serve', '--port', String(port), ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const deadline = Date.now() + 30_000
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/`)).ok) return child
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline || child.exitCode !== null)
      throw new Error(`the server on ${port} did not start`)
    await new Promise((r) => setTimeout(r, 200))
  }
}

export async function stopServer(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null) return
  const exited = new Promise((r) => child.once('exit', r))
  child.kill('SIGTERM')
  await exited
}

/** The three screens a kiosk is set up on: landscape, portrait, and a small laptop-sized one. */
export const KIOSK_SIZES = [
  { width: 1920, height: 1080 },
  { width: 1080, height: 1920 },
  { width: 1366, height: 768 },
] as const

/**
 * Controls a patient cannot reach without scrolling, from the top of the screen:
 * a control counts as on screen when it is inside the window (a tall card by its
 * first 88 px, enough to read and tap its title) and a tap there lands on it,
 * not on a bar or overlay over it. Each control is the first match of its
 * locator; a locator that matches nothing is reported too.
 */
export async function controlsOffScreen(page: Page, controls: Record<string, Locator>): Promise<string[]> {
  await page.evaluate(() => window.scrollTo(0, 0))
  const problems: string[] = []
  for (const [name, locator] of Object.entries(controls)) {
    if ((await locator.count()) === 0) {
      problems.push(`${name}: not on this screen`)
      continue
    }
    const problem = await locator.first().evaluate((element) => {
      const box = element.getBoundingClientRect()
      const bottom = Math.min(box.bottom, box.top + 88)
      if (
        box.top < -1 ||
        bottom > window.innerHeight + 1 ||
        box.left < -1 ||
        box.right > window.innerWidth + 1
      )
        return `at y ${Math.round(box.top)} to ${Math.round(box.bottom)} on a ${window.innerHeight} px screen`
      const hit = document.elementFromPoint(box.left + box.width / 2, (box.top + bottom) / 2)
      if (!hit || !(element === hit || element.contains(hit)))
        return `covered by <${hit?.tagName.toLowerCase()} class="${hit?.getAttribute('class') ?? ''}">`
      return null
    })
    if (problem) problems.push(`${name}: ${problem}`)
  }
  return problems
}

/**
 * A screenshot for docs/screenshots, taken only when asked (KIOSK_DOCS_SCREENSHOTS=1), so a
 * test run leaves the checkout as it found it.
 */
export async function docsScreenshot(page: Page, path: string): Promise<void> {
  if (process.env.KIOSK_DOCS_SCREENSHOTS === '1') await page.screenshot({ path })
}

const collapseSpace = (text: string) => text.replace(/\s+/g, ' ').trim()

/**
 * The headings that are the last words on a page but the last (above the sheet's foot), as
 * `pdftotext -layout` lays each page out: a column's last line is one cell of the page's last
 * lines, cells being apart by 3 spaces or more.
 */
export function headingsEndingPages(file: string, headings: string[]): string[] {
  const wanted = new Set(headings.map(collapseSpace))
  const sheets = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
    .split('\f')
    .slice(0, -1)
  return sheets.slice(0, -1).flatMap((sheet, index) => {
    // Without the foot (its last line), the page's last two lines, by column.
    const lines = sheet
      .split('\n')
      .filter((line) => line.trim() !== '')
      .slice(0, -1)
      .slice(-2)
    const cells = lines.flatMap((line) => line.split(/\s{3,}/).map(collapseSpace))
    return cells.filter((cell) => wanted.has(cell)).map((cell) => `page ${index + 1}: ${cell}`)
  })
}
