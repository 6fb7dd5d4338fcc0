/**
 * The privacy reset in real Chromium, against a preview server started with
 * `--idle-timeout 3 --idle-warning 3` (playwright.config.ts, project
 * "idle-reset"): a patient uses the kiosk, walks away, and the next person finds
 * the attract screen in English with no trace of them, in the page or in the
 * browser's storage.
 */
import { expect, test, type Page } from '@playwright/test'
import { PROCEDURE, collectConsoleErrors, expectNoAxeViolations, settled } from './kiosk-page'

/** Something nobody else would type, to look for afterwards. */
const TYPED = 'xilófono zafiro'

async function storage(page: Page) {
  return page.evaluate(async () => ({
    localStorage: localStorage.length,
    sessionStorage: sessionStorage.length,
    indexedDB: (await indexedDB.databases()).map((database) => database.name),
    cookie: document.cookie,
    caches: typeof caches === 'undefined' ? [] : await caches.keys(),
  }))
}

const EMPTY = { localStorage: 0, sessionStorage: 0, indexedDB: [], cookie: '', caches: [] }

test('a session left alone is warned about, kept on "I’m still here", then cleared without a trace', async ({
  page,
  context,
}) => {
  test.setTimeout(90_000)
  const errors = collectConsoleErrors(page)
  const dialog = page.getByRole('alertdialog')

  // A patient: Spanish, large text, a procedure, ticks, a search, reading aloud.
  await page.goto('/')
  await settled(page)
  await page
    .getByRole('main')
    .getByRole('button', { name: /^Español/ })
    .click()
  await page.getByRole('button', { name: 'Letra grande' }).click()
  await page.getByRole('link', { name: /^Su inyección de cadera/ }).click()
  await page
    .getByRole('main')
    .getByRole('link', { name: /ecografía/i })
    .first()
    .click()
  await expect(page).toHaveURL(new RegExp(`#${PROCEDURE}$`))
  await settled(page)
  await page.getByRole('link', { name: 'Mi lista y mis preguntas' }).click()
  await settled(page)
  await page.getByRole('checkbox').first().check()
  await page.getByRole('banner').getByRole('link', { name: 'Inicio' }).click()
  await page.getByRole('link', { name: /^Buscar/ }).click()
  await page.getByRole('searchbox').fill(TYPED)
  await page.mouse.wheel(0, 400)
  await page.getByRole('button', { name: 'Leer en voz alta' }).click()
  await expect(page.locator('audio')).toHaveAttribute('src', /^blob:/, { timeout: 20_000 })
  await page.getByRole('button', { name: 'Pausa' }).click()

  // Nothing the patient did was written anywhere.
  expect(await storage(page)).toEqual(EMPTY)
  expect(await context.cookies()).toEqual([])

  // Left alone: "Are you still there?", with the focus on the big button and a countdown.
  await expect(dialog).toBeVisible({ timeout: 10_000 })
  await expect(dialog).toContainText('¿Sigue ahí?')
  await expect(dialog.getByRole('timer')).toContainText(/\d segundos?/)
  const stillHere = dialog.getByRole('button', { name: 'Sigo aquí' })
  await expect(stillHere).toBeFocused()

  // "I'm still here" keeps everything.
  await stillHere.click()
  await expect(dialog).toBeHidden()
  await expect(page).toHaveURL(/#\/search$/)
  await expect(page.getByRole('searchbox')).toHaveValue(TYPED)
  await expect(page.locator('html')).toHaveAttribute('lang', 'es')
  await expect(page.getByRole('button', { name: 'Letra grande' })).toHaveAttribute('aria-pressed', 'true')

  // Left alone again, until the countdown runs out.
  await expect(dialog).toBeVisible({ timeout: 10_000 })
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hip pain: information for you', {
    timeout: 10_000,
  })

  // The attract screen, in English, every mode off, nothing of the session left.
  await expect(dialog).toHaveCount(0)
  await expect(page).toHaveURL(/#\/$/)
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  expect(await page.locator('html').getAttribute('class')).toBeFalsy()
  // The attract screen has no top bar; the toggles are checked once the next patient starts.
  await expect(page.getByRole('banner')).toHaveCount(0)
  const text = await page.locator('body').innerText()
  expect(text).not.toContain('xilófono')
  expect(text).not.toContain('ecografía')
  expect(await page.locator('input').count()).toBe(0)
  expect(await page.evaluate(() => window.scrollY)).toBe(0)
  const audio = await page.locator('audio').evaluate((element: HTMLAudioElement) => ({
    src: element.getAttribute('src'),
    paused: element.paused,
  }))
  expect(audio).toEqual({ src: null, paused: true })
  expect(await page.evaluate(() => CSS.highlights.size)).toBe(0)
  expect(await storage(page)).toEqual(EMPTY)
  expect(await context.cookies()).toEqual([])

  // The next patient starts afresh; an untouched attract screen is never interrupted.
  await page.waitForTimeout(7_000)
  await expect(dialog).toHaveCount(0)
  const size = page.viewportSize()!
  await page.touchscreen.tap(size.width - 12, size.height - 12)
  await expect(page).toHaveURL(/#\/home$/)
  for (const name of ['Large text', 'High contrast', 'Read aloud', 'English']) {
    await expect(page.getByRole('button', { name, exact: true })).toHaveAttribute(
      'aria-pressed',
      name === 'English' ? 'true' : 'false',
    )
  }
  expect(errors).toEqual([])
})

for (const modes of [[], ['Large text'], ['High contrast']]) {
  test(`the warning passes axe (${modes.join(', ') || 'default display'})`, async ({ page }) => {
    await page.goto(`/#${PROCEDURE}/steps/1`)
    await settled(page)
    for (const name of modes) await page.getByRole('button', { name }).click()
    await page.getByRole('button', { name: 'Español', exact: true }).click()
    const dialog = page.getByRole('alertdialog')
    await expect(dialog).toBeVisible({ timeout: 10_000 })
    // Stop the page's clock (timers keep running) so the 3-second countdown waits for axe.
    await page.clock.setFixedTime(await page.evaluate(() => Date.now()))
    await expectNoAxeViolations(page, 'the idle warning', '.idle')
    await expect(dialog).toBeVisible()
  })
}
