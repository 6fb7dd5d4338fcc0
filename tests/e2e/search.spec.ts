/**
 * Search that forgives, in a real browser against the real content: a
 * misspelt word finds the right item first and says what it searched for, an
 * everyday word finds the injections, and words of the other language switch
 * to it in one tap.
 */
import { expect, test, type Page } from '@playwright/test'
import { collectConsoleErrors, expectNoAxeViolations, settled } from './kiosk-page'

/** A steroid injection, or the guide about steroid injections: what a search for steroid leads with. */
const STEROID_INJECTION = /ultrasound|X-ray|outside of the hip|^Steroid injections/i

async function searchFor(page: Page, words: string): Promise<void> {
  await page.getByLabel(/Type a word to search|Escriba una palabra para buscar/).pressSequentially(words)
}

/** The first result, whichever group it is in. */
const firstResult = (page: Page) => page.locator('.search-hit').first()

test('a misspelt word finds the steroid injections first, and the words as typed are a tap away', async ({
  page,
}) => {
  const errors = collectConsoleErrors(page)
  await page.goto('/#/search')
  await settled(page)
  await searchFor(page, 'steriod')
  await expect(page.getByText('Showing results for “steroid”.')).toBeVisible()
  // The group holding the best result comes first.
  await expect(page.getByRole('heading', { level: 2 }).first()).toHaveText(
    /^(Procedures|Looking after your hip)$/,
  )
  await expect(firstResult(page).locator('.search-hit__title')).toHaveText(STEROID_INJECTION)
  await expect(firstResult(page).locator('mark').first()).toHaveText(/^steroid/i)
  await expectNoAxeViolations(page, 'search corrected')

  await page.getByRole('button', { name: 'Search for “steriod” instead' }).click()
  await expect(page.getByText('We found nothing for “steriod”.')).toBeVisible()
  await expect(page.getByRole('link', { name: 'All procedures' })).toBeVisible()
  expect(errors).toEqual([])
})

test('an everyday word finds the injections; Spanish words in English offer Español in one tap', async ({
  page,
}) => {
  await page.goto('/#/search')
  await settled(page)
  await searchFor(page, 'cortisone')
  await expect(firstResult(page).locator('.search-hit__title')).toHaveText(STEROID_INJECTION)

  await page.getByRole('searchbox').fill('')
  await searchFor(page, 'dolor nocturno')
  await expect(page.getByText('No results in English.')).toBeVisible()
  await expectNoAxeViolations(page, 'search with nothing found and another language offered')
  await page.getByRole('button', { name: /^\d+ results? in Español: show (them|it)$/ }).click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'es')
  await expect(firstResult(page)).toContainText(/dolor/i)
  await expect(firstResult(page).locator('.search-hit__title')).toHaveText(/noche/i)
})
