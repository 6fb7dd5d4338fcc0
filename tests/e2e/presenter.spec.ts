/**
 * The consent presenter in real Chromium, against its own `kiosk serve` (a free
 * port) on a fresh data folder with a staff PIN: the clinician's whole flow in
 * at most 25 actions (one tap, one key press or one form field each), counted
 * here; every slide of the longest procedure fitting 1920x1080, 1080x1920 and
 * 1366x768 without scrolling, in English and Spanish; the clicker's keys, blanking,
 * jumping, zoom and pointing, the mirrored diagram, the checklist; axe on each
 * kind of screen; and the screenshots in docs/screenshots.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import {
  api,
  collectConsoleErrors,
  docsScreenshot,
  expectNoAxeViolations,
  settled,
  stopServer,
  typePin,
} from './kiosk-page'

const ROOT = resolve(import.meta.dirname, '../..')
const PIN = '8642'
const PROCEDURE = 'ultrasound-guided-hip-injection'
const LANDSCAPE = { width: 1920, height: 1080 }
const PORTRAIT = { width: 1080, height: 1920 }
/** A common laptop: the shortest screen a clinician is likely to present on. */
const LAPTOP = { width: 1366, height: 768 }

let server: ChildProcess | undefined
let dataDir = ''
let base = ''

test.describe.configure({ mode: 'serial', timeout: 90_000 })

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'kiosk-presenter-'))
  execFileSync(
    process.execPath,
    ['tests/fixtures/clinic-settings.ts', dataDir, '{"clinicPhone":"020 7946 0000"}', PIN],
    {
      cwd: ROOT,
    },
  )
  // Port 0: the server picks a free port and says which, so this spec never collides with another's.
  server = spawn(process.execPath, ['src/cli/kiosk.ts', 'serve', '--port', '0', '--data-dir', dataDir], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  base = await new Promise<string>((found, failed) => {
    let out = ''
    const timer = setTimeout(() => failed(new Error(`the server did not start: ${out}`)), 30_000)
    server!.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const address = /Kiosk preview on (http:\/\/\S+)/.exec(out)?.[1]
      if (address) {
        clearTimeout(timer)
        found(address.replace(/\/$/, ''))
      }
    })
  })
})

test.afterAll(async () => {
  await stopServer(server)
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})

const heading = (page: Page) => page.getByRole('heading', { level: 1 })
const slideHeading = (page: Page) => page.locator('#explain-slide-heading')
const progress = (page: Page) => page.locator('[data-staff-explain-progress] .progress__text')

/**
 * Every slide's problems with fitting: the page or the slide scrolling, a block split over two
 * columns, or anything below the controls. Given the progress a slide shows ("Slide 3 of 24"), it
 * first waits in the page (5 s at most) until that slide is the one shown, so a walk through the
 * slides takes one round trip a slide besides the key press. Also names the slide, for the message.
 */
function fitProblems(page: Page, slide?: string): Promise<{ title: string; problems: string[] }> {
  return page.evaluate(async (slide) => {
    const problems: string[] = []
    const shown = () =>
      (document.querySelector('[data-staff-explain-progress] .progress__text')?.textContent ?? '')
        .replace(/\s+/g, ' ')
        .trim()
    const until = performance.now() + 5000
    while (slide && !shown().startsWith(slide) && performance.now() < until)
      await new Promise((frame) => requestAnimationFrame(frame))
    if (slide && !shown().startsWith(slide)) problems.push(`"${slide}" not shown: "${shown()}"`)
    const title = document.querySelector('#explain-slide-heading')?.textContent ?? ''
    const root = document.documentElement
    if (root.scrollHeight > innerHeight + 1)
      problems.push(`the page scrolls (${root.scrollHeight} > ${innerHeight})`)
    if (root.scrollWidth > innerWidth + 1) problems.push(`the page scrolls sideways (${root.scrollWidth})`)
    const area = document.querySelector<HTMLElement>('[data-staff-explain-slide] [data-blocks]')
    if (!area) return { title, problems: [...problems, 'no slide'] }
    if (area.scrollHeight > area.clientHeight + 1)
      problems.push(`the slide scrolls (${area.scrollHeight} > ${area.clientHeight})`)
    if (area.scrollWidth > area.clientWidth + 1)
      problems.push(`the slide scrolls sideways (${area.scrollWidth} > ${area.clientWidth})`)
    if (area.children.length === 1 && area.children[0]!.matches('.presenter__cell--band'))
      problems.push('a band’s heading alone, without its first risk')
    for (const cell of area.children)
      if (cell.getClientRects().length > 1)
        problems.push(`split over two columns: "${(cell.textContent ?? '').trim().slice(0, 30)}"`)
    const navTop = document.querySelector('.presenter__nav')!.getBoundingClientRect().top
    for (const element of area.querySelectorAll<HTMLElement>('*')) {
      const box = element.getBoundingClientRect()
      if (box.height > 0 && (box.bottom > navTop + 1 || box.right > innerWidth + 1))
        problems.push(
          `under the controls: ${element.tagName} "${(element.textContent ?? '').trim().slice(0, 30)}"`,
        )
    }
    return { title, problems }
  }, slide)
}

/**
 * Waits until the slides are dealt for the screen as it is now: a new size or language has the
 * presenter measure its chapters again (a frame for its resize observer, then the measuring).
 */
async function slidesDealt(page: Page): Promise<void> {
  await page.evaluate(
    () => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))),
  )
  await expect(page.locator('.presenter__measure')).toHaveCount(0)
}

/** From the presenter's first slide to its last with the clicker's Page Down, checking each fits. */
async function everySlideFits(page: Page, where: string): Promise<number> {
  await slidesDealt(page)
  await page.keyboard.press('Home')
  await expect(progress(page)).toContainText(/^Slide 1 of/)
  const total = Number(/of (\d+)/.exec((await progress(page).textContent()) ?? '')![1])
  for (let n = 1; n <= total; n++) {
    const { title, problems } = await fitProblems(page, `Slide ${n} of ${total}`)
    expect(problems, `${where}, slide ${n}: ${title}`).toEqual([])
    if (n < total) await page.keyboard.press('PageDown')
  }
  return total
}

/** The procedure with the most words in a language: the hardest to fit. */
async function longestProcedure(locale: string): Promise<string> {
  const { procedures } = await api<{ procedures: { id: string }[] }>(base, 'listTopics', { locale })
  let longest = { id: '', length: 0 }
  for (const { id } of procedures) {
    const length = JSON.stringify(await api(base, 'getProcedure', { locale, id })).length
    if (length > longest.length) longest = { id, length }
  }
  return longest.id
}

/** Opens a procedure's slides, in Spanish if asked: the patient's language; the clinician's controls stay in the staff language. */
async function present(page: Page, id: string, locale: 'en' | 'es'): Promise<void> {
  await page.evaluate((hash) => (window.location.hash = hash), `#/staff/explain/${id}`)
  await expect(slideHeading(page)).toBeVisible()
  if (locale === 'en') return
  await page
    .getByRole('group', { name: 'Patient’s language' })
    .getByRole('button', { name: 'Español' })
    .click()
  await expect(page.getByRole('button', { name: /^Next/ })).toBeVisible()
}

async function enterStaff(page: Page): Promise<void> {
  await page.goto(`${base}/#/staff`)
  await typePin(page, PIN)
  await page.getByRole('button', { name: 'Enter', exact: true }).click()
  await expect(heading(page)).toHaveText('Staff menu')
}

test('the clinician’s flow, from staff mode to the patient’s quiz, takes at most 25 actions', async ({
  page,
}) => {
  const errors = collectConsoleErrors(page)
  await page.setViewportSize(LANDSCAPE)
  let actions = 0
  const tap = async (locator: ReturnType<Page['locator']>) => {
    actions++
    await locator.click()
  }
  const key = async (name: string) => {
    actions++
    await page.keyboard.press(name)
  }
  const fill = async (locator: ReturnType<Page['locator']>, value: string) => {
    actions++
    await locator.fill(value)
  }

  await page.goto(`${base}/#/home`)
  await settled(page)
  // Into staff mode: the shortcut, the PIN on the pad, Enter.
  await key('Control+Alt+KeyS')
  actions += PIN.length
  await typePin(page, PIN)
  await tap(page.getByRole('button', { name: 'Enter', exact: true }))
  await tap(page.getByRole('link', { name: /^Explain a procedure/ }))
  await tap(page.getByRole('link', { name: 'Hip joint injection with ultrasound', exact: true }))

  // Full screen: no patient top bar, no staff badge; one progress indicator.
  await expect(slideHeading(page)).toHaveText(/^What is it\?/)
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0)
  await expect(page.getByRole('complementary', { name: 'Staff mode' })).toHaveCount(0)
  await expect(page.getByRole('progressbar')).toHaveCount(1)
  await expectNoAxeViolations(page, 'the presenter, first slide')

  // The clicker only.
  await key('PageDown')
  await key('PageDown')
  await key('PageUp')
  await expect(progress(page)).toContainText(/^Slide 2 of/)
  // "What about infection?": R goes to the risks, and the infection card is on screen, above the controls.
  await key('r')
  await expect(slideHeading(page)).toHaveText(/^Risks: how likely each one is/)
  const infection = page
    .locator('[data-risk]')
    .filter({ hasText: /infection/i })
    .first()
  // On a screen too small for every risk, the rarer ones are one clicker press on.
  for (let more = 0; more < 3 && (await infection.count()) === 0; more++) await key('PageDown')
  await expect(infection).toBeInViewport({ ratio: 1 })
  expect((await fitProblems(page)).problems).toEqual([])
  const risksSlide = await progress(page).textContent()

  // The patient's side: the diagram is mirrored, and the handout form already knows it.
  await tap(page.getByRole('group', { name: 'Patient’s side' }).getByRole('button', { name: 'Left hip' }))
  await tap(page.locator('[data-staff-explain-handout]'))
  await expect(heading(page)).toHaveText('Prepare a handout')
  await expect(page.getByRole('radio', { name: 'Left', exact: true })).toBeChecked()
  await fill(page.getByLabel('Clinician name', { exact: true }), 'Dr Quill')
  await tap(page.getByRole('button', { name: 'Preview and print' }))
  await expect(page.locator('[data-handout-ready="true"]')).toHaveCount(1, { timeout: 20_000 })
  await page.evaluate(() => {
    window.print = () => {}
  })
  await tap(page.getByRole('button', { name: 'Print', exact: true }))
  await expect(page.getByRole('status').filter({ hasText: 'The print window has closed.' })).toBeVisible()
  // One tap back, to the slide it was on.
  await tap(page.locator('[data-back-to-presenter]'))
  await expect(progress(page)).toHaveText(risksSlide!)
  await expect(slideHeading(page)).toHaveText(/^Risks/)

  // Hand over: the quiz, with staff mode ended.
  await tap(page.locator('[data-staff-explain-quiz]'))
  await expect(heading(page)).toHaveText('Check your understanding')
  await expect(page.getByRole('complementary', { name: 'Staff mode' })).toHaveCount(0)
  expect(actions, 'actions in the clinician’s flow').toBeLessThanOrEqual(25)

  // Coming back takes the PIN, and finds the same slide.
  await page.keyboard.press('Control+Alt+KeyS')
  await typePin(page, PIN)
  await page.getByRole('button', { name: 'Enter', exact: true }).click()
  await expect(progress(page)).toHaveText(risksSlide!)
  await page.goto(`${base}/#/staff/settings`)
  expect(errors).toEqual([])
})

test('every slide of the longest procedure fits 1920x1080, 1080x1920 and a 1366x768 laptop, in English and Spanish', async ({
  page,
}) => {
  test.setTimeout(180_000)
  const errors = collectConsoleErrors(page)
  await page.setViewportSize(LANDSCAPE)
  await enterStaff(page)
  for (const locale of ['en', 'es'] as const) {
    const id = await longestProcedure(locale)
    await present(page, id, locale)
    for (const size of [LANDSCAPE, PORTRAIT, LAPTOP]) {
      await page.setViewportSize(size)
      const total = await everySlideFits(page, `${id} (${locale}) at ${size.width}x${size.height}`)
      expect(total).toBeGreaterThan(10)
    }
    await page.setViewportSize(LANDSCAPE)
  }
  expect(errors).toEqual([])
})

test('the patient’s large text makes the slides larger, never the controls, and every slide still fits a 1366x768 laptop', async ({
  page,
}) => {
  test.setTimeout(180_000)
  const errors = collectConsoleErrors(page)
  await page.setViewportSize(LAPTOP)
  // The patient turned large text on; then staff came (the shortcut keeps the page, and the choice).
  await page.goto(`${base}/#/home`)
  await settled(page)
  await page.getByRole('button', { name: 'Large text' }).click()
  await page.keyboard.press('Control+Alt+KeyS')
  await typePin(page, PIN)
  await page.getByRole('button', { name: 'Enter', exact: true }).click()
  await expect(heading(page)).toHaveText('Staff menu')
  await page.evaluate((hash) => (window.location.hash = hash), `#/staff/explain/${PROCEDURE}`)
  await expect(slideHeading(page)).toHaveText(/^What is it\?/)
  await slidesDealt(page)
  const large = page.locator('.presenter__bar').getByRole('button', { name: 'Large text' })
  await expect(large).toHaveAttribute('aria-pressed', 'true')

  // Most of the screen is the slide; every control is on screen and big enough to tap.
  const stage = (await page.locator('[data-staff-explain-slide]').boundingBox())!
  expect(stage.height).toBeGreaterThan(LAPTOP.height * 0.6)
  for (const control of await page.locator('.presenter__bar .button, .presenter__nav .button').all()) {
    const box = (await control.boundingBox())!
    expect(box.height).toBeGreaterThanOrEqual(44)
    expect(box.y + box.height).toBeLessThanOrEqual(LAPTOP.height)
  }
  const largeHeading = (await slideHeading(page).boundingBox())!.height
  const largeTotal = await everySlideFits(page, `${PROCEDURE} in large text at 1366x768`)
  await docsScreenshot(page, 'docs/screenshots/presenter-1366x768-large-text.png')

  // One tap in the presenter's bar turns it off: smaller slides, fewer of them.
  await large.click()
  await expect(large).toHaveAttribute('aria-pressed', 'false')
  const total = await everySlideFits(page, `${PROCEDURE} at 1366x768`)
  expect((await slideHeading(page).boundingBox())!.height * 1.25).toBeLessThan(largeHeading)
  expect(total).toBeLessThan(largeTotal)

  // The longest procedure in Spanish, in large text, at each size.
  await large.click()
  const id = await longestProcedure('es')
  await present(page, id, 'es')
  for (const size of [LAPTOP, PORTRAIT, LANDSCAPE]) {
    await page.setViewportSize(size)
    await everySlideFits(page, `${id} (es) in large text at ${size.width}x${size.height}`)
  }
  expect(errors).toEqual([])
})

test('the clicker, the number keys, the overview, blanking, zoom, pointing and the checklist', async ({
  page,
}) => {
  const errors = collectConsoleErrors(page)
  await page.setViewportSize(LANDSCAPE)
  await enterStaff(page)
  await page.evaluate((hash) => (window.location.hash = hash), `#/staff/explain/${PROCEDURE}`)
  await expect(slideHeading(page)).toHaveText(/^What is it\?/)
  await docsScreenshot(page, 'docs/screenshots/presenter-1920x1080-start.png')

  // Number keys, and two digits for slides past 9.
  await page.keyboard.press('3')
  await expect(progress(page)).toContainText(/^Slide 3 of/)
  // (Digits more than 0.8 s apart are two jumps; within it, one number.) The two are sent
  // together: on a busy test machine Playwright's two presses were once more than 0.8 s
  // apart, while a slide was being drawn (CI, 7 December), and became slide 2.
  await page.waitForTimeout(900)
  await page.evaluate(() => {
    for (const key of ['1', '2'])
      document.body.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }))
  })
  await expect(progress(page)).toContainText(/^Slide 12 of/)
  await page.keyboard.press('ArrowLeft')
  await expect(progress(page)).toContainText(/^Slide 11 of/)

  // B blanks the screen, . brings it back.
  await page.keyboard.press('b')
  await expect(page.locator('[data-blank]')).toBeVisible()
  await page.keyboard.press('.')
  await expect(page.locator('[data-blank]')).toHaveCount(0)

  // A tap on the progress bar goes there: its left end is the first slide.
  const bar = page.getByRole('progressbar')
  const box = (await bar.boundingBox())!
  await page.mouse.click(box.x + 3, box.y + box.height / 2)
  await expect(progress(page)).toContainText(/^Slide 1 of/)

  // The overview: every slide, one tap away.
  await page.locator('[data-overview-open]').click()
  const overview = page.getByRole('dialog', { name: /All slides/ })
  await expect(overview).toBeVisible()
  await expect(overview.locator('[data-overview-keys]')).toHaveText(
    /Page Down.*R for the risks.*B or \. to blank/,
  )
  await expectNoAxeViolations(page, 'the slide overview')
  await overview
    .getByRole('button', { name: /Questions so far\?/ })
    .first()
    .click()
  await expect(slideHeading(page)).toHaveText('Questions so far?')

  // A step with the diagram, mirrored for a left hip, zoomed and pointed at.
  await page.getByRole('group', { name: 'Patient’s side' }).getByRole('button', { name: 'Left hip' }).click()
  await page.keyboard.press('PageDown')
  while (!(await page.locator('[data-staff-explain-slide] [data-staff-explain-anatomy]').count()))
    await page.keyboard.press('PageDown')
  const diagram = page.locator('[data-staff-explain-slide] [data-staff-explain-anatomy]')
  await expect(diagram).toHaveAttribute('aria-label', /left hip/)
  await expect(diagram.locator('g').first()).toHaveAttribute('transform', /scale\(-1 1\)/)
  await expectNoAxeViolations(page, 'a step with the mirrored diagram')
  await docsScreenshot(page, 'docs/screenshots/presenter-1920x1080-step.png')
  await page.locator('[data-staff-explain-slide] [data-zoom]').first().click()
  await expect(page.locator('[data-zoomed]')).toBeVisible()
  const zoomedBox = (await page.locator('[data-zoomed]').boundingBox())!
  // Zoomed, the picture takes most of the screen's height (a slide's picture is a third of it).
  expect(zoomedBox.height).toBeGreaterThan(page.viewportSize()!.height * 0.6)
  await page.mouse.move(zoomedBox.x + zoomedBox.width / 2, zoomedBox.y + zoomedBox.height / 2)
  await expect(page.locator('[data-pointer-spot]')).toBeVisible()
  await page.keyboard.press('PageUp')
  await expect(page.locator('[data-zoomed]')).toHaveCount(0)

  // The consent checklist: ticked as the talk goes, printable, and never sent anywhere.
  const sent: string[] = []
  page.on('request', (request) => sent.push(`${request.url()} ${request.postData() ?? ''}`))
  await page.keyboard.press('r')
  await page.locator('[data-checklist-open]').click()
  await page.locator('[data-consent-point="risks"]').check()
  await page.locator('[data-consent-point="benefits"]').check()
  await expect(page.locator('[data-checklist-open]')).toContainText('(2/6)')
  await expectNoAxeViolations(page, 'the risks with the checklist open')
  await docsScreenshot(page, 'docs/screenshots/presenter-1920x1080-risks-checklist.png')
  expect(sent.filter((line) => /consent|checklist|benefits|risks/i.test(line))).toEqual([])
  const stored = await page.evaluate(() => ({ local: localStorage.length, session: sessionStorage.length }))
  expect(stored).toEqual({ local: 0, session: 0 })

  await page.setViewportSize(PORTRAIT)
  await page.locator('[data-consent-close]').click()
  await expect(slideHeading(page)).toHaveText(/^Risks/)
  await docsScreenshot(page, 'docs/screenshots/presenter-1080x1920-risks.png')
  expect(errors).toEqual([])
})
