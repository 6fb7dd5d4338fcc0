/**
 * A Spanish-speaking patient's way through the kiosk in real Chromium against
 * the preview server and the real content: the attract screen, Español, an
 * injection walkthrough to its end, the risks, the recovery and back home; then
 * large text, high contrast and read aloud. axe checks every screen, in both
 * languages and in each display mode.
 */
import { expect, test, type Page } from '@playwright/test'
import {
  PROCEDURE,
  SCREENS,
  smallTapTargets,
  collectConsoleErrors,
  expectNoAxeViolations,
  goTo,
  layoutProblems,
  settled,
} from './kiosk-page'

const h1 = (page: Page) => page.getByRole('heading', { level: 1 })

test('attract → Español → an injection, step by step → risks → recovery → home, accessible all the way', async ({
  page,
}) => {
  test.setTimeout(240_000)
  const errors = collectConsoleErrors(page)

  await page.goto('/')
  await expect(h1(page)).toHaveText('Hip pain: information for you')
  await expect(page.getByText('Dolor de cadera: información para usted')).toHaveAttribute('lang', 'es')
  await expectNoAxeViolations(page, 'the attract screen')

  await page
    .getByRole('main')
    .getByRole('button', { name: /^Español/ })
    .click()
  await expect(page).toHaveURL(/#\/home$/)
  await expect(page.locator('html')).toHaveAttribute('lang', 'es')
  await expect(h1(page)).toHaveText('¿Qué le gustaría saber?')
  await expect(page.getByRole('link', { name: /^Buscar/ })).toBeVisible()
  await expectNoAxeViolations(page, 'home (es)')

  await page.getByRole('link', { name: /^Su inyección de cadera/ }).click()
  await expect(page).toHaveURL(/#\/procedures$/)
  await settled(page)
  await expect(h1(page)).toHaveText('Su inyección de cadera')
  await expectNoAxeViolations(page, 'the list of procedures (es)')

  await page
    .getByRole('main')
    .getByRole('link', { name: /ecografía/i })
    .first()
    .click()
  await expect(page).toHaveURL(new RegExp(`#${PROCEDURE}$`))
  await settled(page)
  await expectNoAxeViolations(page, 'the procedure overview (es)')

  await page.getByRole('link', { name: 'Ver el procedimiento paso a paso' }).click()
  const progress = page.getByRole('progressbar', { name: 'Avance del recorrido' })
  const total = Number(await progress.getAttribute('aria-valuemax'))
  expect(total).toBeGreaterThan(1)
  for (let n = 1; n <= total; n++) {
    await expect(page).toHaveURL(new RegExp(`/steps/${n}$`))
    await expect(page.getByText(`Paso ${n} de ${total}`)).toBeVisible()
    await expectNoAxeViolations(page, `step ${n} (es)`)
    await page
      .getByRole('navigation', { name: 'Recorrido paso a paso' })
      .getByRole('link', { name: /^Siguiente/ })
      .click()
  }

  await expect(page).toHaveURL(/\/risks$/)
  await expect(h1(page)).toHaveText('Posibles riesgos y efectos secundarios')
  await expectNoAxeViolations(page, 'the risks (es)')

  await page.getByRole('link', { name: /^Siguiente: su recuperación/ }).click()
  await expect(page).toHaveURL(/\/recovery$/)
  await expect(h1(page)).toHaveText('Su recuperación')
  await expectNoAxeViolations(page, 'the recovery (es)')

  await page.getByRole('banner').getByRole('link', { name: 'Inicio' }).click()
  await expect(page).toHaveURL(/#\/home$/)
  await expect(h1(page)).toHaveText('¿Qué le gustaría saber?')
  await expect(page.locator('html')).toHaveAttribute('lang', 'es')

  expect(errors).toEqual([])
})

test('"Why does my hip hurt?" lists the conditions most common first, and the Home button comes back', async ({
  page,
}) => {
  await page.goto('/#/home')
  await page.getByRole('link', { name: /^Why does my hip hurt\?/ }).click()
  await expect(page).toHaveURL(/#\/conditions$/)
  await settled(page)
  const cards = page.getByRole('main').getByRole('listitem')
  await expect(cards.first()).toContainText('Hip osteoarthritis')
  expect(await cards.count()).toBeGreaterThan(5)
  await page.getByRole('banner').getByRole('link', { name: 'Home' }).click()
  await expect(page).toHaveURL(/#\/home$/)
})

test.describe('display modes', () => {
  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 1024, height: 768 },
  ]) {
    test(`large text doubles the body text and loses nothing at ${viewport.width}x${viewport.height}`, async ({
      page,
    }) => {
      test.setTimeout(180_000)
      await page.setViewportSize(viewport)
      await page.goto('/#/home')
      await settled(page)
      // Body text doubles; headings, already large, grow less (global.css), so a title leaves room for its text.
      const bodyText = page.getByRole('main').locator('p').first()
      await expect(bodyText).toBeVisible()
      const normal = await bodyText.evaluate((element) => parseFloat(getComputedStyle(element).fontSize))

      const toggle = page.getByRole('button', { name: 'Large text' })
      await expect(toggle).toHaveAttribute('aria-pressed', 'false')
      await toggle.click()
      await expect(toggle).toHaveAttribute('aria-pressed', 'true')
      const large = await bodyText.evaluate((element) => parseFloat(getComputedStyle(element).fontSize))
      expect(large).toBeCloseTo(normal * 2, 0)

      for (const locale of ['English', 'Español']) {
        await page.getByRole('banner').getByRole('button', { name: locale, exact: true }).click()
        for (const path of SCREENS) {
          await goTo(page, path)
          expect(await layoutProblems(page), `${path} in ${locale}`).toEqual([])
        }
      }

      // One tap turns it off again, from any screen.
      await page.getByRole('button', { name: 'Letra grande' }).click()
      const back = await bodyText.evaluate((element) => parseFloat(getComputedStyle(element).fontSize))
      expect(back).toBeLessThan(large)
    })
  }

  test('high contrast turns the page black on white, with a pressed toggle, from any screen', async ({
    page,
  }) => {
    await page.goto(`/#${PROCEDURE}/steps/2`)
    await settled(page)
    const toggle = page.getByRole('button', { name: 'High contrast' })
    await expect(toggle).toHaveAttribute('aria-pressed', 'false')
    await toggle.click()
    await expect(toggle).toHaveAttribute('aria-pressed', 'true')

    const colours = () =>
      page.evaluate(() => {
        const body = getComputedStyle(document.body)
        const root = getComputedStyle(document.documentElement)
        const next = document.querySelector('.button--primary')!
        return {
          text: body.color,
          paper: root.backgroundColor,
          primary: getComputedStyle(next).backgroundColor,
        }
      })
    expect(await colours()).toEqual({
      text: 'rgb(0, 0, 0)',
      paper: 'rgb(255, 255, 255)',
      primary: 'rgb(0, 0, 0)',
    })

    // It stays on from screen to screen, and one tap turns it off.
    await page.getByRole('link', { name: /^Next/ }).click()
    await expect(page).toHaveURL(/\/steps\/3$/)
    await expect(toggle).toHaveAttribute('aria-pressed', 'true')
    await toggle.click()
    expect((await colours()).paper).not.toBe('rgb(255, 255, 255)')
  })

  test('the attract screen keeps still for someone who asked for reduced motion', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' })
    await page.goto('/')
    const start = page.getByRole('main').getByRole('button', { name: /^English/ })
    expect(await start.evaluate((element) => getComputedStyle(element).animationName)).toBe('none')

    await page.emulateMedia({ reducedMotion: 'no-preference' })
    expect(await start.evaluate((element) => getComputedStyle(element).animationName)).not.toBe('none')
  })
})

test.describe('axe on every screen', () => {
  const modes = [
    { name: 'default', toggles: [] },
    { name: 'large text', toggles: ['Large text'] },
    { name: 'high contrast', toggles: ['High contrast'] },
  ]
  for (const mode of modes) {
    for (const locale of ['English', 'Español']) {
      test(`${mode.name}, ${locale}`, async ({ page }) => {
        test.setTimeout(240_000)
        // From home: the attract screen (first in SCREENS) has no top bar to choose from.
        await page.goto('/#/home')
        await settled(page)
        for (const name of mode.toggles) await page.getByRole('button', { name }).click()
        await page.getByRole('banner').getByRole('button', { name: locale, exact: true }).click()
        for (const path of SCREENS) {
          await goTo(page, path)
          await expectNoAxeViolations(page, `${path} (${mode.name}, ${locale})`)
          expect(await smallTapTargets(page), `tap targets under 44×44 px on ${path}`).toEqual([])
        }
      })
    }
  }
})

test.describe('read aloud', () => {
  test('is a button in the top bar of every screen but the attract screen, which has none', async ({
    page,
  }) => {
    await page.goto('/')
    for (const path of [...SCREENS.filter((path) => path !== '/'), '/no/such/screen']) {
      await goTo(page, path)
      await expect(page.getByRole('banner').getByRole('button', { name: 'Read aloud' })).toHaveAttribute(
        'aria-pressed',
        'false',
      )
    }
  })

  test('reads the screen with the bundled voice, marks the sentence, pauses, continues and stops', async ({
    page,
  }) => {
    test.setTimeout(60_000)
    const errors = collectConsoleErrors(page)
    await page.goto(`/#${PROCEDURE}/steps/3`)
    await settled(page)
    const audio = page.locator('audio')
    const readAloud = page.getByRole('button', { name: 'Read aloud' })

    // Every sentence marked, in order, kept in the page: a busy machine may have read past the
    // heading by the time the test looks, so the order is checked, not one moment of it.
    await page.evaluate(() => {
      const marked: string[] = []
      ;(window as unknown as { __marked: string[] }).__marked = marked
      new MutationObserver(() => {
        const text = document.querySelector('[data-reading]')?.textContent?.trim()
        if (text && marked.at(-1) !== text) marked.push(text)
      }).observe(document.body, {
        subtree: true,
        childList: true,
        attributes: true,
        attributeFilter: ['data-reading'],
      })
    })
    await readAloud.click()
    await expect(readAloud).toHaveAttribute('aria-pressed', 'true')
    // Headless Chromium has no system voices: this is eSpeak NG, synthesized in the page.
    await expect(audio).toHaveAttribute('src', /^blob:/, { timeout: 20_000 })
    await expect
      .poll(() => audio.evaluate((element: HTMLAudioElement) => element.duration))
      .toBeGreaterThan(0)
    // It starts with the screen's heading, and marks one sentence at a time.
    const first = () => page.evaluate(() => (window as unknown as { __marked: string[] }).__marked[0] ?? '')
    await expect.poll(first).toBe((await h1(page).innerText()).trim())
    await expect(page.locator('[data-reading]')).toHaveCount(1)
    expect(await page.evaluate(() => CSS.highlights.has('kiosk-reading'))).toBe(true)

    await page.getByRole('button', { name: 'Pause' }).click()
    await expect(page.getByText('Paused')).toBeVisible()
    expect(await audio.evaluate((element: HTMLAudioElement) => element.paused)).toBe(true)
    await expect(page.locator('[data-reading]')).toHaveCount(1)

    await page.getByRole('button', { name: 'Continue' }).click()
    await expect.poll(() => audio.evaluate((element: HTMLAudioElement) => element.paused)).toBe(false)

    await page.getByRole('button', { name: 'Stop' }).click()
    await expect(readAloud).toHaveAttribute('aria-pressed', 'false')
    await expect(page.locator('[data-reading]')).toHaveCount(0)
    expect(await audio.evaluate((element: HTMLAudioElement) => element.paused)).toBe(true)
    expect(errors).toEqual([])
  })

  test('moves on sentence by sentence, and stops when the patient leaves the screen', async ({ page }) => {
    test.setTimeout(60_000)
    await page.goto(`/#${PROCEDURE}/steps/1`)
    await settled(page)
    await page.getByRole('button', { name: 'Read aloud' }).click()
    const reading = page.locator('[data-reading]')
    await expect(reading).toHaveText(await h1(page).innerText())
    // The title is a few words: the next sentence is highlighted once it has been said.
    await expect(reading).not.toHaveText(await h1(page).innerText(), { timeout: 20_000 })

    await page.getByRole('link', { name: /^Next/ }).click()
    await expect(page).toHaveURL(/\/steps\/2$/)
    await expect(page.getByRole('button', { name: 'Read aloud' })).toHaveAttribute('aria-pressed', 'false')
    await expect(reading).toHaveCount(0)
    expect(await page.locator('audio').evaluate((element: HTMLAudioElement) => element.paused)).toBe(true)
  })

  test('reads in Spanish when the screen is in Spanish', async ({ page }) => {
    test.setTimeout(60_000)
    await page.goto(`/#${PROCEDURE}/steps/1`)
    await page.getByRole('button', { name: 'Español' }).click()
    await expect(h1(page)).not.toHaveText(/^$/)
    await page.getByRole('button', { name: 'Leer en voz alta' }).click()
    await expect(page.locator('audio')).toHaveAttribute('src', /^blob:/, { timeout: 20_000 })
    await expect(page.getByText('Leyendo en voz alta…')).toBeVisible()
    await page.getByRole('button', { name: 'Parar' }).click()
    await expect(page.getByRole('button', { name: 'Leer en voz alta' })).toHaveAttribute(
      'aria-pressed',
      'false',
    )
  })
})
