/**
 * The kiosk layout at the three screens it is set up on (1920x1080, 1080x1920,
 * 1366x768), in both languages, at normal and large text: every main screen's
 * primary controls are on screen without scrolling, axe finds nothing and no
 * control is under 44 px. One page per language, switched and resized as a
 * patient's session would be, never reloaded.
 */
import { expect, test, type Locator, type Page } from '@playwright/test'
import {
  KIOSK_SIZES,
  PROCEDURE,
  controlsOffScreen,
  expectNoAxeViolations,
  goTo,
  smallTapTargets,
} from './kiosk-page'

/** A control's name in either language: its start, so an arrow or a count may follow. */
const named = (en: string, es: string) => new RegExp(`^\\s*(${en}|${es})`)

const home = (page: Page) => page.getByRole('banner').getByRole('link', { name: named('Home', 'Inicio') })
const actions = (page: Page) =>
  page.getByRole('navigation', { name: named('On this screen', 'En esta pantalla') })
const walkthrough = (page: Page) =>
  page.getByRole('navigation', { name: named('Walkthrough', 'Recorrido paso a paso') })
/** "Top", in whichever bar the screen names its controls. */
const top = (page: Page) => page.getByRole('navigation').getByRole('button', { name: named('Top', 'Arriba') })

/** Home, and Back and Next in the walkthrough's bar. */
const backAndNext = (page: Page) => ({
  Home: home(page),
  Back: walkthrough(page).getByRole('link', { name: named('Back', 'Atrás') }),
  Next: walkthrough(page).getByRole('link', { name: named('Next', 'Siguiente') }),
})

/** Each main screen and the controls it must show without scrolling, named as a patient sees them. */
const SCREENS: { path: string; controls: (page: Page) => Record<string, Locator> }[] = [
  {
    path: '/home',
    controls: (page) => ({
      Home: home(page),
      'first door': page.getByRole('link', { name: named('Why does my hip hurt', '¿Por qué me duele') }),
      'second door': page.getByRole('link', { name: named('Your hip injection', 'Su inyección') }),
    }),
  },
  {
    path: '/conditions',
    controls: (page) => ({
      Home: home(page),
      'first condition': page.getByRole('main').getByRole('link').first(),
    }),
  },
  {
    path: '/conditions/hip-osteoarthritis',
    controls: (page) => ({
      Home: home(page),
      Top: top(page),
      'all causes': actions(page).getByRole('link', { name: named('All causes', 'Todas las causas') }),
    }),
  },
  {
    path: PROCEDURE,
    controls: (page) => ({
      Home: home(page),
      Top: top(page),
      'See the procedure step by step': actions(page).getByRole('link', {
        name: named('See the procedure step by step', 'Ver el procedimiento paso a paso'),
      }),
    }),
  },
  {
    path: `${PROCEDURE}/steps/3`,
    controls: (page) => ({
      ...backAndNext(page),
      // What the step is about starts on screen: the first lines of "What happens".
      'what happens': page.getByRole('main').locator('.step__text > p').first(),
    }),
  },
  { path: `${PROCEDURE}/risks`, controls: (page) => ({ ...backAndNext(page), Top: top(page) }) },
  {
    path: `${PROCEDURE}/recovery`,
    controls: (page) => ({
      Home: home(page),
      Top: top(page),
      Back: walkthrough(page).getByRole('link', { name: named('Back to the risks', 'Volver a los riesgos') }),
      Quiz: walkthrough(page).getByRole('link', {
        name: named('Check your understanding', 'Compruebe lo que ha entendido'),
      }),
    }),
  },
  {
    path: `${PROCEDURE}/quiz`,
    controls: (page) => ({
      Home: home(page),
      'first answer': page
        .getByRole('list', { name: named('Choose an answer', 'Elija una respuesta') })
        .getByRole('button')
        .first(),
    }),
  },
  {
    path: '/glossary',
    controls: (page) => ({
      Home: home(page),
      Top: top(page),
      'first letter': page
        .getByRole('navigation', { name: named('Go to a letter', 'Ir a una letra') })
        .getByRole('button')
        .first(),
    }),
  },
  {
    path: '/search',
    controls: (page) => ({ Home: home(page), 'search box': page.getByRole('searchbox') }),
  },
]

for (const [index, language] of ['English', 'Español'].entries()) {
  test(`${language}: every main screen shows its primary controls without scrolling, at each kiosk size, at normal and large text`, async ({
    page,
  }) => {
    // 60 layouts and 5 axe runs: about 30 s on a quiet machine.
    test.setTimeout(180_000)
    await page.setViewportSize(KIOSK_SIZES[0])
    await page.goto('/#/home')
    await page.getByRole('banner').getByRole('button', { name: language }).click()
    const largeText = page
      .getByRole('banner')
      .getByRole('button', { name: named('Large text', 'Letra grande') })

    const problems: string[] = []
    let large = false
    for (const screen of SCREENS) {
      await goTo(page, screen.path)
      // Both text sizes, starting from the one the last screen left on.
      for (const _ of [0, 1]) {
        for (const size of KIOSK_SIZES) {
          await page.setViewportSize(size)
          const where = `${screen.path} at ${size.width}x${size.height}${large ? ', large text' : ''}`
          for (const problem of await controlsOffScreen(page, screen.controls(page)))
            problems.push(`${where}: ${problem}`)
        }
        // Where the layout is most pressed, the small screen (the last size): no small targets, and
        // axe with large text, each language taking every other screen (axe is slow; both meet every screen).
        for (const small of await smallTapTargets(page)) problems.push(`${screen.path}: small ${small}`)
        if (large && SCREENS.indexOf(screen) % 2 === index)
          await expectNoAxeViolations(page, `${screen.path} with large text at 1366x768`)
        await largeText.click()
        large = !large
      }
    }
    expect(problems).toEqual([])
  })
}

test('a procedure overview leads with "See the procedure step by step" and an "On this page" list', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 })
  await page.goto(`/#${PROCEDURE}`)
  const start = page.getByRole('main').getByRole('link', { name: 'See the procedure step by step' }).first()
  // Before any section of text in reading order, and on the first screen.
  const before = await start.evaluate((link) => {
    const firstSection = document.querySelector('main .item-section h2')!
    return Boolean(link.compareDocumentPosition(firstSection) & Node.DOCUMENT_POSITION_FOLLOWING)
  })
  expect(before, 'See the procedure step by step comes before the first section').toBe(true)
  await expect(start).toBeInViewport()

  const onThisPage = page.getByRole('navigation', { name: 'On this page' })
  await expect(onThisPage.getByRole('link')).toHaveText([
    /Steps/,
    'Possible risks',
    'Your recovery',
    'Questions you may want to ask',
  ])
  await onThisPage.getByRole('link', { name: 'Questions you may want to ask' }).click()
  await expect(page.getByRole('heading', { name: 'Questions you may want to ask' })).toBeInViewport()
  await expect(page).toHaveURL(new RegExp(`#${PROCEDURE}$`))
})

test('a long condition page links to its sections, and each link brings its section on screen', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1080, height: 1920 })
  await page.goto('/#/conditions/hip-osteoarthritis')
  const onThisPage = page.getByRole('navigation', { name: 'On this page' })
  const sectionHeadings = page.locator('.item-section h2')
  // The screen comes in its own chunk: read the headings once it is on screen.
  await expect(onThisPage).toBeVisible()
  await expect(sectionHeadings.first()).toBeVisible()
  const headings = await sectionHeadings.allInnerTexts()
  expect(headings.length).toBeGreaterThan(2)
  await expect(onThisPage.getByRole('link')).toHaveText(headings.map((text) => text.trim()))
  const last = headings.at(-1)!.trim()
  await onThisPage.getByRole('link', { name: last }).click()
  await expect(page.getByRole('heading', { name: last, level: 2 })).toBeInViewport()
  // The section's heading is not left under the top bar.
  const heading = (await page.getByRole('heading', { name: last, level: 2 }).boundingBox())!
  const bar = (await page.getByRole('banner').boundingBox())!
  expect(heading.y).toBeGreaterThanOrEqual(bar.y + bar.height)
  // "Top" goes back up to the title.
  await page.getByRole('navigation', { name: 'On this screen' }).getByRole('button', { name: 'Top' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toBeInViewport()
})

test('a glossary word in a sentence takes a tap 22 px above and below its middle, without spreading the lines', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1920, height: 1080 })
  await page.goto(`/#${PROCEDURE}/risks`)
  const word = page.getByRole('main').locator('.glossary-word').first()
  await expect(word).toBeVisible()
  // In the middle of the screen, clear of the bars.
  await word.evaluate((element) => element.scrollIntoView({ block: 'center' }))
  const reach = await word.evaluate((element) => {
    const box = element.getBoundingClientRect()
    const middle = box.top + box.height / 2
    const x = box.left + box.width / 2
    const lands = (y: number) => {
      const hit = document.elementFromPoint(x, y)
      return hit === element || element.contains(hit)
    }
    const paragraph = element.closest('p')!
    const lineHeight = parseFloat(getComputedStyle(paragraph).lineHeight)
    return {
      above: lands(middle - 21.5),
      below: lands(middle + 21.5),
      lineHeight,
      fontSize: parseFloat(getComputedStyle(paragraph).fontSize),
    }
  })
  expect(reach.above, 'a tap 21.5 px above the middle').toBe(true)
  expect(reach.below, 'a tap 21.5 px below the middle').toBe(true)
  // Body text at arm's length: 24 px at least, lines 1.5 apart as in every other paragraph.
  expect(reach.fontSize).toBeGreaterThanOrEqual(24)
  expect(reach.lineHeight / reach.fontSize).toBeCloseTo(1.5, 1)
})

test('at arm’s length: body text 24 px or more, and the width used, picture beside the text in landscape and above it in portrait', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1920, height: 1080 })
  await page.goto('/#/home')
  const small: string[] = []
  for (const path of [
    `${PROCEDURE}/steps/3`,
    `${PROCEDURE}/risks`,
    `${PROCEDURE}/recovery`,
    `${PROCEDURE}/quiz`,
    '/conditions/hip-osteoarthritis',
  ]) {
    await goTo(page, path)
    const sizes = await page
      .getByRole('main')
      .locator('p, li, dd')
      .evaluateAll((elements) =>
        elements.map(
          (element) =>
            `${parseFloat(getComputedStyle(element).fontSize)} px: ${(element.textContent ?? '').trim().slice(0, 30)}`,
        ),
      )
    small.push(...sizes.filter((size) => parseFloat(size) < 24).map((size) => `${path} ${size}`))
  }
  expect(small).toEqual([])

  for (const path of [`${PROCEDURE}/steps/3`, '/conditions/hip-osteoarthritis']) {
    await goTo(page, path)
    const picture = page.getByRole('main').getByRole('img').first()
    const heading = page.getByRole('heading', { level: 1 })
    await page.setViewportSize({ width: 1920, height: 1080 })
    const text = (await page.getByRole('main').locator('article').boundingBox())!
    expect(text.width, `${path}: the page's width at 1920`).toBeGreaterThan(1920 * 0.75)
    let [pictureBox, headingBox] = [(await picture.boundingBox())!, (await heading.boundingBox())!]
    expect(
      pictureBox.x + pictureBox.width,
      `${path}: picture beside the text at 1920x1080`,
    ).toBeLessThanOrEqual(headingBox.x + 1)
    await page.setViewportSize({ width: 1080, height: 1920 })
    ;[pictureBox, headingBox] = [(await picture.boundingBox())!, (await heading.boundingBox())!]
    expect(pictureBox.y, `${path}: picture above the text at 1080x1920`).toBeLessThan(headingBox.y)
    expect(pictureBox.width, `${path}: picture across the portrait screen`).toBeGreaterThan(1080 * 0.6)
  }
})
