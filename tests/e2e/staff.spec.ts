/**
 * Staff mode in real Chromium against `kiosk serve --data-dir` on a fresh data
 * folder (playwright.config.ts, project "staff"): the hidden way in and the
 * first-run PIN, a patient kept out of every staff screen, settings saved and
 * refused, explain mode with the keyboard, the usage counts from a patient's
 * visit (and their CSV, compared with usage-export), the review and content
 * screens, and axe on each. The tests share the data folder and run in order;
 * each can also run alone (it sets the PIN if no one has yet).
 */
import { execFile, execFileSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { expect, test, type Locator, type Page } from '@playwright/test'
import {
  PROCEDURE,
  collectConsoleErrors,
  docsScreenshot,
  expectNoAxeViolations,
  settled,
  typePin,
} from './kiosk-page'

// Each test holds the corner for 3 s and runs axe on a few screens: more than the default 30 s on a busy machine.
test.describe.configure({ timeout: 120_000 })

const PIN = '8642'
const DATA_DIR = process.env.E2E_STAFF_DATA_DIR ?? ''

const heading = (page: Page) => page.getByRole('heading', { level: 1 })
const badge = (page: Page) => page.getByRole('complementary', { name: 'Staff mode' })

/** Holds the mouse still in the top-left corner for a little over 3 seconds, watching the ring fill. */
async function longPressCorner(page: Page): Promise<void> {
  await page.mouse.move(6, 6)
  await page.mouse.down()
  // A third of the way, the ring in the corner is part filled, in step with the hold: CSS animates
  // its registered angle. Read in the page at the animation's own time, so a busy machine's
  // delays between the test and the page cannot make the sample late.
  const sample = await page.locator('.staff-hold').evaluate(async (ring) => {
    const fill = ring.getAnimations()[0]
    if (!fill) return null
    while (Number(fill.currentTime ?? 0) < 1_000) await new Promise(requestAnimationFrame)
    const angle = getComputedStyle(ring).getPropertyValue('--staff-hold-turn').trim()
    const duration = Number(fill.effect?.getComputedTiming().duration)
    return { angle, progress: Number(fill.currentTime) / duration, duration }
  })
  expect(sample, 'the ring animates while the corner is held').not.toBeNull()
  const { angle, progress, duration } = sample!
  expect(duration).toBe(3_000)
  const degrees = angle.endsWith('turn') ? parseFloat(angle) * 360 : parseFloat(angle)
  expect(degrees, angle).toBeGreaterThan(0)
  expect(degrees, angle).toBeLessThan(360)
  expect(Math.abs(degrees - progress * 360), `${angle} at ${Math.round(progress * 100)} %`).toBeLessThan(30)
  await page.waitForTimeout(2_300)
  await page.mouse.up()
}

/** The one-time set-up code the core wrote to the data folder (gone once a PIN is set). */
function setupCode(): string {
  return readFileSync(join(DATA_DIR, 'first-run-code.txt'), 'utf8').trim()
}

/**
 * On the PIN screen: sets the PIN if this is the first run, with the set-up code
 * from the data folder as staff would read it there, else enters it.
 */
async function passPin(page: Page): Promise<void> {
  await expect(heading(page)).toHaveText(/^(Staff|Set the staff PIN)$/)
  if ((await heading(page).textContent()) === 'Set the staff PIN') {
    await page.getByLabel('Set-up code (8 digits)').fill(setupCode())
    await typePin(page, PIN)
    await page.getByRole('button', { name: 'Next', exact: true }).click()
    await expect(page.getByLabel('Type the same PIN again')).toBeVisible()
    await typePin(page, PIN)
    await page.getByRole('button', { name: 'Set the PIN' }).click()
  } else {
    await typePin(page, PIN)
    await page.getByRole('button', { name: 'Enter', exact: true }).click()
  }
}

/** The words of these elements' text that the layout splits over two lines. */
async function wordsBrokenAcrossLines(elements: Locator): Promise<string[]> {
  return elements.evaluateAll((all) =>
    all.flatMap((element) => {
      const broken: string[] = []
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? ''
        for (const match of text.matchAll(/\S+/g)) {
          const range = document.createRange()
          range.setStart(node, match.index)
          range.setEnd(node, match.index + match[0].length)
          const tops = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)))
          if (tops.size > 1) broken.push(match[0])
        }
      }
      return broken
    }),
  )
}

/** From a patient screen: the long press, the PIN, and the staff menu. */
async function enterStaffMode(page: Page): Promise<void> {
  await page.goto('/#/home')
  await settled(page)
  await longPressCorner(page)
  await expect(page).toHaveURL(/#\/staff$/)
  await passPin(page)
  await expect(heading(page)).toHaveText('Staff menu')
  await expect(badge(page)).toBeVisible()
}

async function openFromMenu(page: Page, name: RegExp, title: string): Promise<void> {
  await page.getByRole('link', { name }).click()
  await expect(heading(page)).toHaveText(title)
  await settled(page)
}

test('a patient cannot reach any staff screen without the PIN', async ({ page }) => {
  const errors = collectConsoleErrors(page)
  for (const path of [
    '/staff/home',
    '/staff/settings',
    '/staff/usage',
    '/staff/review',
    '/staff/content',
    '/staff/explain',
    `/staff/explain/ultrasound-guided-hip-injection`,
    `/staff/handout/procedure/ultrasound-guided-hip-injection`,
  ]) {
    await page.goto(`/#${path}`)
    await expect(heading(page)).toHaveText(/^(Staff|Set the staff PIN)$/)
    expect(decodeURIComponent(new URL(page.url()).hash)).toBe(`#/staff?next=${path}`)
    await expect(badge(page)).toHaveCount(0)
  }
  // Nor can anyone ask the core for staff data without a session.
  const answer = await page.request.post('/api/getSettings', { data: { token: '0'.repeat(64) } })
  expect(await answer.json()).toMatchObject({ ok: false, error: { code: 'unauthorized' } })
  // Nor choose the first PIN: that takes the one-time code from the data folder.
  const firstPin = await page.request.post('/api/staffSetPin', { data: { pin: PIN } })
  expect(await firstPin.json()).toMatchObject({
    ok: false,
    error: { code: 'unauthorized', reason: expect.stringMatching(/^(setup-code|pin-set)$/) },
  })
  // And there is nothing to see that says "staff" on a patient screen.
  await page.goto('/#/home')
  await settled(page)
  await expect(page.locator('body')).not.toContainText(/\b(staff|admin|PIN)\b/i)
  expect(errors).toEqual([])
})

test('staff get in with a long press in the corner, set the PIN on the first run with the set-up code, and leave with Exit', async ({
  page,
}) => {
  const errors = collectConsoleErrors(page)
  await page.goto('/#/home')
  await settled(page)
  // A short press does nothing.
  await page.mouse.move(6, 6)
  await page.mouse.down()
  await page.waitForTimeout(1_000)
  await page.mouse.up()
  await expect(page).toHaveURL(/#\/home$/)

  await longPressCorner(page)
  await expect(page).toHaveURL(/#\/staff$/)
  await settled(page)
  await expectNoAxeViolations(page, 'the PIN screen')
  await passPin(page)
  await expect(heading(page)).toHaveText('Staff menu')
  await expect(badge(page)).toContainText('Staff mode')
  await expectNoAxeViolations(page, 'the staff menu')

  await badge(page).getByRole('button', { name: 'Exit staff mode' }).click()
  await expect(heading(page)).toHaveText('Hip pain: information for you')
  await expect(page).toHaveURL(/#\/$/)
  await expect(badge(page)).toHaveCount(0)

  // Ctrl+Alt+S is the keyboard way in; a wrong PIN is refused and says so.
  await page.keyboard.press('Control+Alt+KeyS')
  await expect(heading(page)).toHaveText('Staff')
  await typePin(page, '0000')
  await page.getByRole('button', { name: 'Enter', exact: true }).click()
  await expect(page.getByRole('alert')).toHaveText('That PIN is not right. 4 tries left before entry locks.')
  await expectNoAxeViolations(page, 'the PIN screen after a wrong PIN')
  await page.getByLabel('PIN', { exact: true }).fill(PIN)
  await page.keyboard.press('Enter')
  await expect(heading(page)).toHaveText('Staff menu')
  // Someone may be guessing: the menu says how many wrong PINs came since the last sign-in.
  await expect(page.locator('[data-staff-failed-tries]')).toHaveText(
    '1 wrong PIN try since the last staff sign-in. If that was not staff, ask whoever looks after the kiosk to set a longer PIN (6 to 8 digits).',
  )
  await expectNoAxeViolations(page, 'the staff menu after a wrong PIN')
  // The core answers a wrong PIN with HTTP 401, which Chromium reports; nothing else went wrong.
  expect(errors.filter((error) => !/status of 401/.test(error))).toEqual([])
})

test('a setting is saved, and a bad value is refused with the old one kept', async ({ page }) => {
  await enterStaffMode(page)
  await openFromMenu(page, /^Settings/, 'Settings')
  await expectNoAxeViolations(page, 'the settings screen')

  const clinic = page.getByLabel('Clinic name')
  const idle = page.getByLabel('Idle time (seconds)')
  // A new kiosk has no name: the screens say "the clinic" in the reader's language until staff give one.
  await expect(clinic).toHaveValue('')
  await clinic.fill('Hillside Hip Clinic')
  // As the clinic writes it, with an extension: kept as typed.
  await page.getByLabel('Phone number').fill('(555) 010-0123 ext. 12')
  await page.getByRole('button', { name: 'Save the settings' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible()

  await idle.fill('5')
  await page.getByLabel('Web address (optional)').fill('not a web address')
  await page.getByRole('button', { name: 'Save the settings' }).click()
  await expect(page.getByRole('alert')).toHaveText(
    'Not saved: 2 values need fixing. All the old values are kept.',
  )
  await expect(idle).toHaveAttribute('aria-invalid', 'true')
  await expect(idle).toHaveAccessibleDescription(/At least 30 seconds.*Still saved: 90 seconds/)
  await expect(page.getByLabel('Web address (optional)')).toHaveAccessibleDescription(
    /A web address such as hillside\.example or https:\/\/hillside\.example.*Still saved: \(empty\)/,
  )
  await expect(idle).toHaveValue('5')
  await expectNoAxeViolations(page, 'the settings screen with refused values')

  // The core kept the old values: the patient side still gets them.
  const config = await page.request.post('/api/getKioskConfig', { data: {} })
  expect(await config.json()).toMatchObject({
    ok: true,
    value: {
      clinicName: 'Hillside Hip Clinic',
      clinicPhone: '(555) 010-0123 ext. 12',
      idleTimeoutSeconds: 90,
      clinicWebsite: null,
    },
  })

  // Coming back shows what is saved.
  await page.getByRole('link', { name: 'Staff menu' }).click()
  await expect(page.getByText('Hillside Hip Clinic', { exact: true })).toBeVisible()
  await openFromMenu(page, /^Settings/, 'Settings')
  await expect(page.getByLabel('Idle time (seconds)')).toHaveValue('90')
  await expect(page.getByLabel('Clinic name')).toHaveValue('Hillside Hip Clinic')
})

test('explain mode is driven with the keyboard, and hands over to the quiz', async ({ page }) => {
  const errors = collectConsoleErrors(page)
  await enterStaffMode(page)
  await openFromMenu(page, /^Explain a procedure/, 'Explain a procedure')
  await expectNoAxeViolations(page, 'the explain list')
  await page.getByRole('link', { name: 'Hip joint injection with ultrasound', exact: true }).click()
  await expect(heading(page)).toHaveText('Hip joint injection with ultrasound')
  // The presenter counts its slides on this screen (tests/e2e/presenter.spec.ts checks each one fits).
  const progress = page.locator('[data-staff-explain-progress] .progress__text')
  const slideHeading = page.locator('#explain-slide-heading')
  await expect(progress).toHaveText(/^Slide 1 of \d+ · What it is/)
  const total = Number(/of (\d+)/.exec((await progress.textContent()) ?? '')![1])
  await expectNoAxeViolations(page, 'explain mode, first slide')

  await page.keyboard.press('ArrowRight')
  await expect(progress).toHaveText(new RegExp(`^Slide 2 of ${total}`))
  await expect(slideHeading).toBeFocused()
  await page.keyboard.press('PageDown')
  await page.keyboard.press('Space')
  await page.keyboard.press('ArrowDown')
  await expect(progress).toHaveText(new RegExp(`^Slide 5 of ${total}`))
  await page.keyboard.press('PageUp')
  await expect(progress).toHaveText(new RegExp(`^Slide 4 of ${total}`))
  // The steps, in order, each with its number; step 4 with the hip diagram, its part marked in words.
  for (let shown = 0; !(await slideHeading.textContent())?.startsWith('Step 4: '); shown++) {
    expect(shown).toBeLessThan(total)
    await page.keyboard.press('PageDown')
  }
  await expect(slideHeading).toHaveText(/^Step 4: Finding the joint with ultrasound/)
  // The step's picture, words and diagram may take more than one slide: the diagram is on a later one.
  for (let more = 0; more < 3 && (await page.locator('[data-staff-explain-anatomy]').count()) === 0; more++)
    await page.keyboard.press('PageDown')
  await expect(slideHeading).toHaveText(/^Step 4: Finding the joint with ultrasound/)
  await expect(page.getByRole('img', { name: /ball/i })).toBeVisible()
  await expect(
    page.locator('[data-staff-explain-anatomy] .part--selected[data-part="ball"]').first(),
  ).toBeVisible()
  await expectNoAxeViolations(page, 'explain mode, a step with the hip diagram')
  for (let back = 0; back < 3 && (await slideHeading.textContent())?.startsWith('Step 4'); back++)
    await page.keyboard.press('PageUp')
  await expect(slideHeading).toHaveText(/^Step 3: Cleaning the skin/)

  await page.keyboard.press('End')
  await expect(progress).toHaveText(new RegExp(`^Slide ${total} of ${total}`))
  await expect(slideHeading).toHaveText(/^What next/)
  // What next may take two slides on a short screen (its questions come in groups): back past it.
  for (let back = 0; back < 3 && (await slideHeading.textContent())?.startsWith('What next'); back++)
    await page.keyboard.press('ArrowLeft')
  await expect(slideHeading).toHaveText(/^Warning signs: when to get help/)
  await page.keyboard.press('r')
  await expect(slideHeading).toHaveText(/^Risks: how likely each one is/)
  await expectNoAxeViolations(page, 'explain mode, the risks')
  await page.keyboard.press('Home')
  await expect(progress).toHaveText(new RegExp(`^Slide 1 of ${total}`))

  // Touch works too.
  await page.getByRole('button', { name: 'Next', exact: false }).last().click()
  await expect(progress).toHaveText(new RegExp(`^Slide 2 of ${total}`))

  await expect(page).toHaveURL(/\?slide=2$/)
  await page.locator('[data-staff-explain-quiz]').click()
  await expect(page).toHaveURL(new RegExp(`#${PROCEDURE}/quiz$`))
  await expect(heading(page)).toHaveText('Check your understanding')
  // Handing over ends staff mode: nothing on the patient's screen leads to settings.
  await expect(badge(page)).toHaveCount(0)
  await page.goto('/#/staff/settings')
  await expect(heading(page)).toHaveText('Staff')
  // The clinician comes back with the PIN, to the slide they left (the address keeps it across the reload).
  await page.goto(`/#${PROCEDURE}/quiz`)
  await expect(heading(page)).toHaveText('Check your understanding')
  await page.keyboard.press('Control+Alt+KeyS')
  await passPin(page)
  await expect(progress).toHaveText(new RegExp(`^Slide 2 of ${total}`))
  expect(errors).toEqual([])
})

test('staff mode locks by itself after its own idle time, and the PIN returns to the same screen', async ({
  page,
}) => {
  const save = async (seconds: string) => {
    await page.getByLabel('Staff mode locks after (seconds)').fill(seconds)
    await page.getByRole('button', { name: 'Save the settings' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible()
  }
  await enterStaffMode(page)
  await openFromMenu(page, /^Settings/, 'Settings')
  await expect(page.getByLabel('Staff mode locks after (seconds)')).toHaveValue('60')
  await save('15')
  try {
    // Settings apply from the next session: a fresh page.
    await page.goto('/#/staff/usage')
    await page.reload()
    await passPin(page)
    await expect(heading(page)).toHaveText('Usage counts')
    // Nobody touches anything.
    await page.waitForTimeout(12_000)
    await expect(badge(page)).toBeVisible()
    await expect(heading(page)).toHaveText('Staff', { timeout: 6_000 })
    await expect(badge(page)).toHaveCount(0)
    expect(decodeURIComponent(new URL(page.url()).hash)).toBe('#/staff?next=/staff/usage')
    await passPin(page)
    await expect(heading(page)).toHaveText('Usage counts')
  } finally {
    // Back to the default, for the tests that follow.
    await page.goto('/#/staff/settings')
    await expect(heading(page)).toHaveText(/^(Staff|Settings)$/)
    if ((await heading(page).textContent()) !== 'Settings') await passPin(page)
    await expect(heading(page)).toHaveText('Settings')
    await save('60')
  }
})

test('the usage table shows the counts from an earlier patient visit, and its CSV matches usage-export', async ({
  page,
  browser,
}) => {
  // A patient's visit, in a browser of its own.
  const patient = await browser.newPage()
  await patient.goto('/')
  await settled(patient)
  await patient
    .getByRole('main')
    .getByRole('button', { name: /^English/ })
    .click()
  await expect(patient).toHaveURL(/#\/home$/)
  await patient.getByRole('link', { name: /^Why does my hip hurt/ }).click()
  await settled(patient)
  await patient
    .getByRole('main')
    .getByRole('link', { name: /osteoarthritis/i })
    .first()
    .click()
  await settled(patient)
  // Counts are sent without waiting; let the last one arrive before the patient goes.
  await Promise.all([
    patient.waitForResponse((response) => response.url().endsWith('/api/recordUsage')),
    patient.getByRole('button', { name: 'Large text' }).click(),
  ])
  await patient.close()

  await enterStaffMode(page)
  await openFromMenu(page, /^Usage counts/, 'Usage counts')
  const table = page.locator('[data-staff-usage-table]')
  await expect(table).toBeVisible()
  for (const what of [
    'Screen: attract',
    'Screen: home',
    'Screen: conditions',
    'Screen: condition',
    'Language: English',
    'Display mode: large text',
  ]) {
    await expect(table.getByRole('cell', { name: what, exact: true }).first()).toBeVisible()
  }
  await expect(table.getByRole('cell', { name: /^Item opened: /, exact: false }).first()).toBeVisible()
  await expect(page.getByRole('img', { name: /Screens viewed per day, last 7 days/ })).toBeVisible()
  await expectNoAxeViolations(page, 'the usage screen')

  const downloading = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Download CSV' }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toMatch(/^kiosk-usage-\d{4}-\d{2}-\d{2}-last-7-days\.csv$/)
  const csv = readFileSync(await download.path(), 'utf8')
  expect(csv.startsWith('day,metric,key,count,language\n')).toBe(true)
  const exported = execFileSync(
    process.execPath,
    ['src/cli/kiosk.ts', 'usage-export', '--data-dir', DATA_DIR],
    {
      encoding: 'utf8',
    },
  )
  expect(csv).toBe(exported)

  await page.getByRole('radio', { name: '30 days' }).check()
  await expect(page.getByRole('img', { name: /last 30 days/ })).toBeVisible()
})

test('the review and content screens say what is due and which content is in use', async ({ page }) => {
  await enterStaffMode(page)
  await openFromMenu(page, /^Clinical review/, 'Clinical review')
  await expect(page.locator('[data-staff-review-table], [data-staff-review-none]')).toBeVisible()
  await expectNoAxeViolations(page, 'the review screen')

  await page.getByRole('link', { name: 'Staff menu' }).click()
  await openFromMenu(page, /^Content pack/, 'Content pack')
  await expect(page.locator('[data-staff-pack-source]')).toHaveText('The content bundled with the app')
  await expect(page.getByText('npm run kiosk -- import-pack FILE --data-dir DIR')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Roll back…' })).toBeDisabled()
  await expectNoAxeViolations(page, 'the content screen')
})

test('a content pack is imported from the staff screen, served at once, and undone with one tap', async ({
  page,
}) => {
  const errors = collectConsoleErrors(page)
  // A pack built like the bundled one, with one summary changed.
  const NEW_SUMMARY = 'A summary that only the imported pack has.'
  const work = mkdtempSync(join(tmpdir(), 'kiosk-e2e-pack-'))
  try {
    const content = join(work, 'content')
    cpSync(join(process.cwd(), 'content'), content, { recursive: true })
    const yaml = join(content, 'conditions', 'hip-osteoarthritis.en.yaml')
    writeFileSync(yaml, readFileSync(yaml, 'utf8').replace(/^summary: .*$/m, `summary: ${NEW_SUMMARY}`))
    const pack = join(work, 'hip-content.sqlite')
    execFileSync(process.execPath, ['src/cli/kiosk.ts', 'build-content', '--content', content, '--out', pack])
    const summary = async () => {
      const answer = await page.request.post('/api/getCondition', {
        data: { locale: 'en', id: 'hip-osteoarthritis' },
      })
      return ((await answer.json()) as { value: { summary: string } }).value.summary
    }
    const bundledSummary = await summary()

    await enterStaffMode(page)
    await openFromMenu(page, /^Content pack/, 'Content pack')
    const fileInput = page.locator('input[data-staff-pack-file]')
    await fileInput.setInputFiles(pack)
    const done = page.locator('[data-staff-import-done]')
    await expect(done).toContainText('Imported. The kiosk now uses the new content.')
    await expect(done).toContainText(/\d+ conditions, \d+ procedures and \d+ glossary terms\./)
    await expect(page.locator('[data-staff-pack-source]')).toHaveText('An imported content pack')
    await expectNoAxeViolations(page, 'the content screen after an import')
    // The patient screens get the new content straight away.
    expect(await summary()).toBe(NEW_SUMMARY)

    await page.getByRole('button', { name: 'Undo: go back to the previous content' }).click()
    await expect(page.getByText('Rolled back. The kiosk now uses the content shown here.')).toBeVisible()
    await expect(page.locator('[data-staff-pack-source]')).toHaveText('The content bundled with the app')
    expect(await summary()).toBe(bundledSummary)

    // A file that is not a pack: refused with the reason, and nothing changes.
    await fileInput.setInputFiles({
      name: 'notes.sqlite',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from('These are not the droids you are looking for.'),
    })
    const failed = page.locator('[data-staff-import-failed]')
    await expect(failed).toContainText('Not imported: The chosen file is not a SQLite database')
    await expect(failed).toContainText('The content in use has not changed.')
    await expectNoAxeViolations(page, 'the content screen after a refused pack')
    expect(await summary()).toBe(bundledSummary)
    await expect(page.locator('[data-staff-pack-source]')).toHaveText('The content bundled with the app')
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
  // The refused pack is answered with HTTP 400, which Chromium reports; nothing else went wrong.
  expect(errors.filter((error) => !/status of 400/.test(error))).toEqual([])
})

test('a clinician signs an item off; patients and the handout say so; a changed pack reopens exactly that item', async ({
  page,
}) => {
  const work = mkdtempSync(join(tmpdir(), 'kiosk-e2e-signoff-'))
  const condition = async () => {
    const answer = await page.request.post('/api/getCondition', {
      data: { locale: 'en', id: 'hip-osteoarthritis' },
    })
    return ((await answer.json()) as { value: { review: { checkedOn: string | null } } }).value.review
  }
  try {
    // The pack that changes the item, built while the clinician reads.
    const content = join(work, 'content')
    cpSync(join(process.cwd(), 'content'), content, { recursive: true })
    const yaml = join(content, 'conditions', 'hip-osteoarthritis.en.yaml')
    const CHANGED = 'A summary written after the clinician signed.'
    writeFileSync(yaml, readFileSync(yaml, 'utf8').replace(/^summary: .*$/m, `summary: ${CHANGED}`))
    const pack = join(work, 'changed.sqlite')
    const built = promisify(execFile)(process.execPath, [
      'src/cli/kiosk.ts',
      'build-content',
      '--content',
      content,
      '--out',
      pack,
    ])

    await enterStaffMode(page)
    await expect(page.locator('[data-staff-review-waiting]')).toContainText(/\d+ items wait for sign-off\./)
    await openFromMenu(page, /^Clinical review/, 'Clinical review')
    await expect(page.locator('[data-staff-review-identity]')).toHaveText(
      'With one staff PIN, the signer’s name is as typed: a record, not an identity.',
    )
    await page.getByRole('link', { name: 'Read and sign: Hip osteoarthritis' }).click()
    await expect(heading(page)).toHaveText(/^Hip osteoarthritis/)
    const text = page.locator('[data-review-text]')
    await expect(text.getByRole('columnheader')).toHaveText(['Where in the item', 'English', 'Español'])
    await expect(page.locator('[data-review-sources] li').first()).toBeVisible()
    await settled(page)
    await expectNoAxeViolations(page, 'an item opened for review')
    await page.getByLabel('Your name').fill('Dr A. Example')
    await page.getByLabel('Your role').fill('Consultant orthopaedic surgeon')
    await page.getByLabel('Registration number (optional)').fill('GMC 7654321')
    await page.getByRole('button', { name: 'Sign off', exact: true }).click()
    await expect(page.locator('[data-review-signed]')).toHaveText(
      'Signed. Patients now see “Checked by” on this item.',
    )
    await expect(page.locator('[data-review-item-state]')).toContainText(
      'Signed by Dr A. Example (Consultant orthopaedic surgeon)',
    )

    // What patients see: the patient screen and the handout, in the clinic's name.
    const signedOn = (await condition()).checkedOn
    expect(signedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    const config = await (await page.request.post('/api/getKioskConfig', { data: {} })).json()
    // In the clinic's name, or "the clinic" on a kiosk not yet named; the date as its region writes it.
    const clinic = (config.value.clinicName as string | null) || 'the clinic'
    const checked = new RegExp(`^Checked by ${clinic} on (\\d{1,2} \\w+|\\w+ \\d{1,2},) \\d{4}\\.$`)
    await page.goto('/#/conditions/hip-osteoarthritis')
    await expect(page.locator('.about [data-clinic-check]')).toHaveText(checked)
    await page.goto('/#/handouts/conditions/hip-osteoarthritis?lang=en&paper=a4')
    await expect(page.locator('.ho-foot__version [data-clinic-check]')).toHaveText(checked)
    await page.goto('/#/conditions/hip-impingement')
    await expect(page.locator('.about [data-clinic-check]')).toHaveText(
      'Not yet checked by a clinician at this clinic.',
    )

    // Export, then a pack that changes the item: exactly that item reopens, showing what changed.
    await page.goto('/#/staff/review')
    await settled(page)
    const downloading = page.waitForEvent('download')
    await page.locator('[data-staff-signoff-export]').click()
    const exported = JSON.parse(readFileSync(await (await downloading).path(), 'utf8')) as {
      signoffs: { id: string; signer: string }[]
    }
    expect(exported.signoffs.map((s) => [s.id, s.signer])).toEqual([['hip-osteoarthritis', 'Dr A. Example']])
    await built
    await page.goto('/#/staff/content')
    await page.locator('input[data-staff-pack-file]').setInputFiles(pack)
    await expect(page.locator('[data-staff-import-done]')).toContainText('Imported.')
    expect((await condition()).checkedOn).toBeNull()
    await page.goto('/#/staff/review')
    const states = page.locator('[data-review-state]')
    await expect(states.first()).toBeVisible()
    await expect(page.locator('[data-review-state="changed"]')).toHaveCount(1)
    await expect(page.locator('[data-review-state="signed"]')).toHaveCount(0)
    await expect(page.locator('[data-review-item="hip-osteoarthritis"] [data-review-state]')).toHaveAttribute(
      'data-review-state',
      'changed',
    )
    await expectNoAxeViolations(page, 'the review list')
    // On a portrait screen the review states wrap between words, never inside one.
    const viewport = page.viewportSize()!
    await page.setViewportSize({ width: 1080, height: 1920 })
    expect(await wordsBrokenAcrossLines(page.locator('[data-review-state]'))).toEqual([])
    await docsScreenshot(page, 'docs/screenshots/staff-review-1080x1920.png')
    await page.setViewportSize(viewport)
    await page.getByRole('link', { name: 'Read and sign: Hip osteoarthritis' }).click()
    const changes = page.locator('[data-review-changes] tbody tr')
    await expect(changes).toHaveCount(1)
    await expect(changes).toContainText('summary')
    await expect(changes.locator('ins')).toHaveText(CHANGED)

    // Back to the content signed: signed again; the exported file, imported, adds nothing new.
    await page.goto('/#/staff/content')
    await page.getByRole('button', { name: 'Roll back…' }).click()
    await page.getByRole('button', { name: 'Yes, roll back' }).click()
    await expect(page.getByText('Rolled back. The kiosk now uses the content shown here.')).toBeVisible()
    expect((await condition()).checkedOn).toBe(signedOn)
    await page.goto('/#/staff/review')
    await page.locator('input[data-staff-signoff-file]').setInputFiles({
      name: 'signoffs.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(exported)),
    })
    await expect(page.locator('[data-staff-signoff-imported]')).toHaveText(
      'Imported: 0 new, 1 already here, 0 for content this kiosk does not use.',
    )
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
})
