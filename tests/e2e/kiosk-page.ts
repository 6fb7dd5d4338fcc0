/**
 * Helpers for end-to-end tests of the patient's screens: moving around without
 * reloading the page (a reload would clear the in-memory display modes), axe,
 * and the layout checks for large text.
 */
import AxeBuilder from '@axe-core/playwright'
import type { ChildProcess } from 'node:child_process'
import { expect, type Page } from '@playwright/test'

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
 */
export async function expectNoAxeViolations(page: Page, where: string, only?: string): Promise<void> {
  const builder = new AxeBuilder({ page }).withTags(AXE_TAGS)
  if (only) builder.include(only)
  const results = await builder.analyze()
  const found = results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
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

/** Stops a server a spec started itself, and waits until it has gone. */
export async function stopServer(server: ChildProcess | undefined): Promise<void> {
  if (!server || server.exitCode !== null) return
  const exited = new Promise((r) => server.once('exit', r))
  server.kill('SIGTERM')
  await exited
}
