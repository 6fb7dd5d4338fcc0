/**
 * The on-screen keyboard, as a patient at a touchscreen with no keyboard meets
 * it: a tap on the search box opens it, taps alone type a search in English and
 * in Spanish (ñ and accents), the field stays in sight above it at every kiosk
 * screen size, its keys are big enough for a finger, and axe finds nothing.
 */
import { expect, test, type Locator, type Page } from '@playwright/test'
import { expectNoAxeViolations, goTo } from './kiosk-page'

test.use({ hasTouch: true, viewport: { width: 1920, height: 1080 } })

const SIZES = [
  { width: 1920, height: 1080 },
  { width: 1080, height: 1920 },
  { width: 1366, height: 768 },
]

async function tapKeys(keyboard: Locator, keys: string[]): Promise<void> {
  for (const key of keys) await keyboard.getByRole('button', { name: key, exact: true }).tap()
}

async function expectFieldAboveKeyboard(page: Page, field: Locator, keyboard: Locator): Promise<void> {
  const box = (await field.boundingBox())!
  const keys = (await keyboard.boundingBox())!
  expect(box.y, 'the field is on screen').toBeGreaterThanOrEqual(0)
  expect(box.y + box.height, 'the field is above the keyboard').toBeLessThanOrEqual(keys.y)
  expect(keys.y + keys.height).toBeLessThanOrEqual(page.viewportSize()!.height + 1)
}

test('a search typed by taps alone, with the field above the keyboard at every kiosk size', async ({
  page,
}) => {
  // Three kiosk sizes and an axe pass over a page of results: a minute on a loaded 2-core machine.
  test.setTimeout(60_000)
  await page.goto('/#/home')
  await goTo(page, '/search')
  const field = page.locator('#search-input')
  const keyboard = page.getByRole('group', { name: 'On-screen keyboard' })
  await expect(keyboard).toBeHidden()

  await field.tap()
  await expect(keyboard).toBeVisible()
  await tapKeys(keyboard, ['Capitals', 'S', 't', 'e', 'r', 'o', 'i', 'd', 'x', 'Delete'])
  await expect(field).toHaveValue('Steroid')
  await expect(field, 'a key press never takes the focus from the field').toBeFocused()
  await expect(page.getByRole('link', { name: /steroid/i }).first()).toBeVisible()

  for (const size of SIZES) {
    await page.setViewportSize(size)
    await expect(keyboard).toBeVisible()
    await expectFieldAboveKeyboard(page, field, keyboard)
    // Every key's size in one read of the page (two round trips a key, three sizes, took the
    // test past its time on a loaded 2-core machine).
    const keys = await keyboard.evaluate((group) =>
      Array.from(group.querySelectorAll('button, [role="button"]')).map((key) => {
        const box = key.getBoundingClientRect()
        return {
          key: key.textContent?.trim() || key.getAttribute('aria-label'),
          width: box.width,
          height: box.height,
        }
      }),
    )
    expect(keys.length, `${size.width}x${size.height}`).toBe(await keyboard.getByRole('button').count())
    expect(keys.length).toBeGreaterThan(30)
    for (const { key, width, height } of keys) {
      expect(width, `${key} at ${size.width}x${size.height}`).toBeGreaterThanOrEqual(60)
      expect(height, `${key} at ${size.width}x${size.height}`).toBeGreaterThanOrEqual(60)
    }
  }
  await expectNoAxeViolations(page, 'search with the on-screen keyboard open')

  await keyboard.getByRole('button', { name: 'Done' }).tap()
  await expect(keyboard).toBeHidden()
  await field.tap()
  await expect(keyboard, 'a tap on the field brings it back').toBeVisible()
  await keyboard.getByRole('button', { name: 'Hide keyboard' }).tap()
  await expect(keyboard).toBeHidden()
  await expect(field).toHaveValue('Steroid')
})

test('in Spanish the keyboard has ñ and the accents, and its keys speak Spanish', async ({ page }) => {
  await page.goto('/#/home')
  await page
    .getByRole('button', { name: /^Español/ })
    .first()
    .tap()
  await goTo(page, '/search')
  const field = page.locator('#search-input')
  await field.tap()
  const keyboard = page.getByRole('group', { name: 'Teclado en pantalla' })
  await expect(keyboard).toBeVisible()
  await tapKeys(keyboard, ['i', 'n', 'y', 'e', 'c', 'c', 'i', 'ó', 'n', 'Espacio', 'ñ', 'Borrar'])
  await expect(field).toHaveValue('inyección ')
  await expect(keyboard.getByRole('button', { name: 'Listo' })).toBeVisible()
  await expectNoAxeViolations(page, 'Spanish search with the on-screen keyboard open')
})
