/**
 * A patient's path through the kiosk in a real browser against the preview
 * server and the real content: attract screen, home, the list of injections, the
 * ultrasound-guided injection, every
 * step, the risks, the recovery timeline, then Spanish. Selectors are the ones a
 * patient or a screen reader uses: roles, names and visible words.
 */
import { expect, test, type Page } from '@playwright/test'

const PERIODS_EN = [
  'The day of the injection',
  'Days 1 and 2',
  'Days 3 to 7',
  'Weeks 2 to 6',
  'The months after',
]
const BANDS_EN = ['Common', 'Uncommon', 'Rare', 'Very rare']

/** Console errors include CSP violations: the strict policy must hold on every screen. */
function collectConsoleErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  page.on('pageerror', (error) => errors.push(error.message))
  return errors
}

async function h2Texts(page: Page): Promise<string[]> {
  return (await page.getByRole('heading', { level: 2 }).allInnerTexts()).map((text) => text.trim())
}

test('a patient walks through the ultrasound-guided hip injection, then reads it in Spanish', async ({
  page,
}) => {
  const errors = collectConsoleErrors(page)

  await page.goto('/')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hip pain: information for you')
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await page
    .getByRole('main')
    .getByRole('button', { name: /^English/ })
    .click()

  // Home: the procedure is behind the "Your hip injection" door.
  await expect(page).toHaveURL(/#\/home$/)
  await page.getByRole('link', { name: /^Your hip injection/ }).click()
  await expect(page).toHaveURL(/#\/procedures$/)
  await page
    .getByRole('main')
    .getByRole('link', { name: /injection with ultrasound/i })
    .click()
  await expect(page).toHaveURL(/#\/procedures\/ultrasound-guided-hip-injection$/)
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/ultrasound/i)
  await expect(page.getByRole('heading', { name: 'How long it takes' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'About this information' })).toBeVisible()

  // Every step, one screen each, with its progress.
  await page.getByRole('link', { name: 'See the procedure step by step' }).click()
  const progress = page.getByRole('progressbar', { name: 'Walkthrough progress' })
  await expect(progress).toHaveAttribute('aria-valuenow', '1')
  const total = Number(await progress.getAttribute('aria-valuemax'))
  expect(total).toBeGreaterThan(1)

  for (let n = 1; n <= total; n++) {
    await expect(page).toHaveURL(new RegExp(`/steps/${n}$`))
    await expect(progress).toHaveAttribute('aria-valuenow', String(n))
    await expect(page.getByText(`Step ${n} of ${total}`)).toBeVisible()
    await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1)
    await expect(page.getByRole('heading', { name: 'What you may feel' })).toBeVisible()
    await expect(page.getByRole('img').first()).toHaveAttribute('aria-label', /.+/)
    await page.getByRole('navigation', { name: 'Walkthrough' }).getByRole('link', { name: /^Next/ }).click()
  }

  // Risks: grouped by how often, most often first; red flags set apart.
  await expect(page).toHaveURL(/\/risks$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Possible risks and side effects')
  const bands = (await h2Texts(page)).filter((text) => BANDS_EN.includes(text))
  expect(bands.length).toBeGreaterThan(0)
  expect(bands).toEqual(BANDS_EN.filter((band) => bands.includes(band)))
  const help = page.getByRole('region', { name: 'When to get help' })
  await expect(help.getByRole('heading', { name: 'Emergency: now' })).toBeVisible()
  await expect(help.getByRole('heading', { name: 'Call the clinic', exact: true })).toBeVisible()

  // Recovery: the timeline in the order a patient lives it.
  await page.getByRole('link', { name: /^Next: your recovery/ }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your recovery')
  const periods = (await h2Texts(page)).filter((text) => PERIODS_EN.includes(text))
  expect(periods.length).toBeGreaterThan(0)
  expect(periods).toEqual(PERIODS_EN.filter((period) => periods.includes(period)))

  // Español: the page language, the controls and the content all switch.
  await page.getByRole('button', { name: 'Español' }).click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'es')
  await expect(page.getByRole('button', { name: 'Español' })).toHaveAttribute('aria-pressed', 'true')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Su recuperación')
  await expect(page.getByRole('heading', { name: 'El día de la inyección', level: 2 })).toBeVisible()
  await page.getByRole('banner').getByRole('link', { name: 'Inicio' }).click()
  await expect(page).toHaveURL(/#\/home$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('¿Qué le gustaría saber?')
  await expect(page.getByRole('link', { name: /^Su inyección de cadera/ })).toBeVisible()

  expect(errors).toEqual([])
})

test('an address that matches no screen gets a friendly message and a way home', async ({ page }) => {
  await page.goto('/#/no/such/screen')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('We could not find this page')
  await page.getByRole('link', { name: 'Go to the start' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('What would you like to know?')
})

test('with Large text, Back and Next stay on screen on every step, at each kiosk size', async ({ page }) => {
  await page.goto('/#/home')
  await page.getByRole('button', { name: 'Large text' }).click()
  await page.goto('/#/procedures/ultrasound-guided-hip-injection/steps/1')
  for (const size of [
    { width: 1366, height: 768 },
    { width: 1920, height: 1080 },
    { width: 1080, height: 1920 },
  ]) {
    await page.setViewportSize(size)
    for (const name of [/Back/, /Next/]) {
      const nav = page.getByRole('navigation', { name: 'Walkthrough' })
      const box = (await nav.getByRole('link', { name }).boundingBox())!
      expect(box.y, `${String(name)} at ${size.width}x${size.height}`).toBeGreaterThanOrEqual(0)
      expect(box.y + box.height, `${String(name)} at ${size.width}x${size.height}`).toBeLessThanOrEqual(
        size.height,
      )
    }
  }
})

test('each step of the ultrasound walkthrough shows its own picture, which moves gently unless the reader asks for less motion', async ({
  page,
}) => {
  await page.goto('/#/procedures/ultrasound-guided-hip-injection/steps/4')
  const picture = page.getByRole('main').getByRole('img').first()
  await expect(picture).toHaveAttribute(
    'aria-label',
    /^An ultrasound probe with gel on the skin over the hip/,
  )
  // Steps 6, 7 and 8 once shared one picture, and "Taking the needle out" showed it going in.
  const names: string[] = []
  for (const n of [6, 7, 8, 10]) {
    await page.goto(`/#/procedures/ultrasound-guided-hip-injection/steps/${n}`)
    await expect(page.getByText(`Step ${n} of 10`)).toBeVisible()
    names.push((await picture.getAttribute('aria-label')) ?? '')
  }
  expect(names[2]).toMatch(/^The needle coming out/)
  expect(names[3]).toMatch(/^Resting in a chair in the clinic/)
  expect(new Set(names).size).toBe(4)

  const moving = () => picture.evaluate((svg) => svg.getAnimations({ subtree: true }).length)
  await expect.poll(moving).toBeGreaterThan(0)
  await page.emulateMedia({ reducedMotion: 'reduce' })
  await expect.poll(moving).toBe(0)
})
