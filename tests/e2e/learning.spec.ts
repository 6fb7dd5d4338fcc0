/**
 * The learning screens in a real browser, against the preview server and the
 * real content: glossary words, the hip diagram, search, "Check your
 * understanding" and the checklists, each checked with axe in English and
 * Spanish and in the large-text and high-contrast modes. Screens are opened by
 * their address (the home screen has its own tests).
 */
import { expect, test, type Page } from '@playwright/test'
import {
  PROCEDURE,
  collectConsoleErrors,
  expectNoAxeViolations,
  goTo,
  layoutProblems,
  settled,
  smallTapTargets,
} from './kiosk-page'

async function open(page: Page, path: string, language: 'English' | 'Español' = 'English'): Promise<void> {
  await page.goto(`/#${path}`)
  await settled(page)
  if (language === 'Español') {
    await page.getByRole('banner').getByRole('button', { name: 'Español' }).click()
    await expect(page.locator('html')).toHaveAttribute('lang', 'es')
    await settled(page)
  }
}

test('a glossary word opens its meaning in place, and closes again', async ({ page }) => {
  const errors = collectConsoleErrors(page)
  await open(page, `${PROCEDURE}/steps/4`)
  const main = page.getByRole('main')
  const word = main.getByRole('button', { name: 'ultrasound', exact: true })
  await expect(word).toHaveAttribute('aria-expanded', 'false')
  await word.click()
  await expect(word).toHaveAttribute('aria-expanded', 'true')
  const meaning = main.getByRole('group', { name: 'ultrasound' })
  await expect(meaning).toContainText('sound waves')
  await expect(meaning).toBeFocused()
  await expectNoAxeViolations(page, 'a step with a glossary meaning open')

  await page.keyboard.press('Escape')
  await expect(meaning).toHaveCount(0)
  await expect(word).toBeFocused()
  expect(errors).toEqual([])
})

test('a tap on the hip diagram shows the part and its description', async ({ page }) => {
  await open(page, '/anatomy')
  const diagram = page.getByRole('img', { name: /drawing of the hip joint/ })
  await expect(diagram).toBeVisible()
  // Tap the tendons on the outside of the hip, on the drawing itself.
  await page.locator('svg.anatomy-diagram g[data-part="tendons"] path').click()
  await expect(page.getByRole('heading', { level: 2, name: 'Tendons' })).toBeVisible()
  await expect(page.getByText(/strong cords that join muscles to bone/)).toBeVisible()
  await expect(page.getByRole('button', { name: /^Tendons/ })).toHaveAttribute('aria-pressed', 'true')
  await expect(diagram).toHaveAttribute('aria-label', /with Tendons marked/)

  // And from the list, for anyone who cannot hit a region.
  await page.getByRole('button', { name: /^Labrum/ }).click()
  await expect(page.getByRole('heading', { level: 2, name: 'Labrum' })).toBeVisible()
})

test('a walkthrough step leads to its part on the hip diagram', async ({ page }) => {
  await open(page, `${PROCEDURE}/steps/1`)
  let n = 1
  // Walk until a step points at the diagram (the content links at least one).
  while (!(await page.getByRole('link', { name: 'See this on the hip diagram' }).count())) {
    await page.getByRole('navigation', { name: 'Walkthrough' }).getByRole('link', { name: /^Next/ }).click()
    await expect(page).toHaveURL(new RegExp(`/steps/${++n}$`))
  }
  await page.getByRole('link', { name: 'See this on the hip diagram' }).click()
  await expect(page).toHaveURL(/#\/anatomy\/[a-z-]+$/)
  await expect(page.getByRole('main').getByRole('button', { pressed: true })).toHaveCount(1)
})

test('search finds the injection as you type, and opens it', async ({ page }) => {
  const errors = collectConsoleErrors(page)
  await open(page, '/search')
  await page.getByLabel('Type a word to search').fill('injection')
  await expect(page.getByRole('status').filter({ hasText: /results?$/ })).toHaveText(/^\d+ results?$/)
  const procedures = page.getByRole('region', { name: 'Procedures' })
  await expect(page.getByRole('region', { name: 'Conditions' })).toBeVisible()
  const result = procedures.getByRole('link', { name: /Hip joint injection with ultrasound/ })
  await expect(result.locator('mark').first()).toHaveText(/^injection/i)
  await result.click()
  await expect(page).toHaveURL(/#\/procedures\/ultrasound-guided-hip-injection$/)
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/ultrasound/i)

  await open(page, '/search')
  await page.getByLabel('Type a word to search').fill('qwzx')
  await expect(page.getByText('We found nothing for “qwzx”.')).toBeVisible()
  await expect(page.getByText(/Try a simpler word, like “injection”/)).toBeVisible()
  expect(errors).toEqual([])
})

test('"Check your understanding" runs from the first question to a friendly summary', async ({ page }) => {
  await open(page, `${PROCEDURE}/quiz`)
  const progress = page.getByText(/^Question 1 of \d+$/)
  await expect(progress).toBeVisible()
  const total = Number((await progress.innerText()).match(/of (\d+)/)![1])
  expect(total).toBeGreaterThan(0)

  for (let n = 1; n <= total; n++) {
    await expect(page.getByText(`Question ${n} of ${total}`)).toBeVisible()
    await page.getByRole('list', { name: 'Choose an answer' }).getByRole('button').first().click()
    await expect(page.locator('.quiz__verdict')).toHaveText(
      /^(That’s right\.|Not quite\. The answer is: .+)$/,
    )
    await page.getByRole('button', { name: n < total ? /^Next question/ : /^See how you did/ }).click()
  }
  await expect(page.getByRole('heading', { level: 2, name: 'Thank you for checking' })).toBeVisible()
  await expect(page.getByText(new RegExp(`^You got \\d+ of ${total} right\\.$`))).toBeVisible()
  await page.getByRole('link', { name: 'Back to the procedure' }).click()
  await expect(page).toHaveURL(/#\/procedures\/ultrasound-guided-hip-injection$/)
  // Nothing was kept anywhere the browser could keep it.
  expect(
    await page.evaluate(() => localStorage.length + sessionStorage.length + document.cookie.length),
  ).toBe(0)
})

test('a checklist item can be ticked with one tap anywhere on its row', async ({ page }) => {
  await open(page, `${PROCEDURE}/checklist`)
  await expect(page.getByRole('group', { name: 'Before my injection, tell us if…' })).toBeVisible()
  const first = page.getByRole('group', { name: 'My questions' }).getByRole('checkbox').first()
  await expect(first).not.toBeChecked()
  await page
    .locator('.tick-list__text')
    .filter({ hasText: 'What do you think is causing my hip pain?' })
    .click()
  await expect(first).toBeChecked()
})

const SCREENS = [
  { path: '/search', prepare: (page: Page) => page.getByRole('searchbox').fill('injection') },
  { path: '/glossary' },
  { path: '/anatomy/labrum' },
  {
    path: `${PROCEDURE}/quiz`,
    prepare: (page: Page) => page.getByRole('list').getByRole('button').first().click(),
  },
  { path: `${PROCEDURE}/checklist`, prepare: (page: Page) => page.getByRole('checkbox').first().check() },
  { path: `${PROCEDURE}/risks` },
]

for (const language of ['English', 'Español'] as const) {
  for (const screen of SCREENS) {
    test(`axe finds nothing on ${screen.path} in ${language}`, async ({ page }) => {
      const errors = collectConsoleErrors(page)
      await open(page, screen.path, language)
      if (screen.prepare) await screen.prepare(page)
      await page.waitForTimeout(500) // the search's pause, and the quiz's feedback
      await expectNoAxeViolations(page, `${screen.path} in ${language}`)
      expect(await smallTapTargets(page), `tap targets under 44×44 px on ${screen.path}`).toEqual([])
      expect(errors).toEqual([])
    })
  }
}

test('the learning screens keep all their text in large text and high contrast', async ({ page }) => {
  test.setTimeout(90_000)
  await open(page, '/search')
  await page.getByRole('button', { name: 'Large text' }).click()
  await page.getByRole('button', { name: 'High contrast' }).click()
  for (const screen of SCREENS) {
    await goTo(page, screen.path)
    if (screen.prepare) await screen.prepare(page)
    await page.waitForTimeout(500)
    expect(await layoutProblems(page), screen.path).toEqual([])
    await expectNoAxeViolations(page, `${screen.path} in large text and high contrast`)
  }
})
