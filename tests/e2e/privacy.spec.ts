/**
 * The privacy promise, end to end, in real Chromium against `kiosk serve` with a
 * real data folder (settings, PIN, usage counts in SQLite) and everything the
 * server prints captured in a log (playwright.config.ts, project "privacy"):
 * staff type a patient's name and instructions into a personalised handout and
 * print it; a patient ticks a checklist, answers the quiz and searches; the
 * kiosk idles out. Afterwards no file of the data folder (WAL and shared-memory
 * files included), nor the server's log, nor the content database holds any of
 * what was typed, and the page keeps no trace of it.
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { PROCEDURE, collectConsoleErrors, goTo, settled, typePin } from './kiosk-page'

// A kiosk's touchscreen: the patient's search is typed on the on-screen keyboard.
test.use({ hasTouch: true })

test.describe.configure({ timeout: 120_000 })

const PIN = '8642'
const ROOT = process.env.E2E_PRIVACY_DIR ?? ''
const DATA_DIR = join(ROOT, 'data')
const SERVER_LOG = join(ROOT, 'server.log')
const CONTENT_DB = join(import.meta.dirname, '..', '..', 'resources', 'content.sqlite')

/** What staff and the patient type: words no content, log line or setting would hold by chance. */
const CLINICIAN = 'Zebulon Quigglesworth'
const MEDICINES = 'Snorkelwax 5 mg'
const INSTRUCTIONS = 'Take Flibbertigibbet drops twice daily'
const SEARCHED = 'wobblefritz'
/** Each word on its own too: a store that split or lowercased the text would still be found. */
const NEEDLES = [
  CLINICIAN,
  MEDICINES,
  INSTRUCTIONS,
  SEARCHED,
  'Quigglesworth',
  'Snorkelwax',
  'Flibbertigibbet',
]

/** What each on-screen keyboard (simple-keyboard) instance holds as typed input. */
function keyboardBuffers(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const instances = (window as { SimpleKeyboardInstances?: Record<string, { getAllInputs(): object }> })
      .SimpleKeyboardInstances
    return Object.values(instances ?? {}).flatMap((k) => Object.values(k.getAllInputs()) as string[])
  })
}

/** Every regular file under `dir`, however deep. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
}

/**
 * Where any needle occurs in the files' raw bytes: as UTF-8 and as UTF-16LE
 * (SQLite can store text either way), each in its own case, lower and upper case.
 */
function findTraces(files: string[], needles: string[]): string[] {
  const found: string[] = []
  for (const file of files) {
    const bytes = readFileSync(file)
    for (const needle of needles) {
      for (const variant of new Set([needle, needle.toLowerCase(), needle.toUpperCase()])) {
        for (const encoding of ['utf8', 'utf16le'] as const) {
          if (bytes.includes(Buffer.from(variant, encoding)))
            found.push(`${file}: "${variant}" (${encoding})`)
        }
      }
    }
  }
  return found
}

/** The content database the server reads, with its journal files if SQLite left any. */
const contentFiles = () =>
  [CONTENT_DB, `${CONTENT_DB}-wal`, `${CONTENT_DB}-shm`, `${CONTENT_DB}-journal`].filter((f) => existsSync(f))

async function storage(page: Page) {
  return page.evaluate(async () => ({
    localStorage: localStorage.length,
    sessionStorage: sessionStorage.length,
    indexedDB: (await indexedDB.databases()).map((database) => database.name),
    cookie: document.cookie,
    caches: typeof caches === 'undefined' ? [] : await caches.keys(),
  }))
}

const heading = (page: Page) => page.getByRole('heading', { level: 1 })

async function enterStaffMode(page: Page): Promise<void> {
  await page.goto('/#/home')
  await settled(page)
  // The hidden way in: a long press in the top-left corner.
  await page.mouse.move(6, 6)
  await page.mouse.down()
  await page.waitForTimeout(3_300)
  await page.mouse.up()
  await expect(heading(page)).toHaveText('Staff')
  await typePin(page, PIN)
  await page.getByRole('button', { name: 'Enter', exact: true }).click()
  await expect(heading(page)).toHaveText('Staff menu')
}

test('the scanner finds a planted string in the data folder, in either encoding, however deep', () => {
  // A control: if the search below could not see into these files, finding nothing would prove nothing.
  const planted = join(DATA_DIR, 'control-check', 'deeper')
  mkdirSync(planted, { recursive: true })
  try {
    writeFileSync(
      join(planted, 'utf8.bin'),
      Buffer.concat([Buffer.alloc(4096), Buffer.from('Plumbobcontrol')]),
    )
    writeFileSync(join(planted, 'utf16.bin'), Buffer.from('xx Marrowquillcontrol xx', 'utf16le'))
    const files = filesUnder(DATA_DIR)
    expect(files.map((f) => f.slice(DATA_DIR.length))).toEqual(
      expect.arrayContaining(['/kiosk.sqlite', '/control-check/deeper/utf8.bin']),
    )
    expect(findTraces(files, ['Plumbobcontrol', 'Marrowquillcontrol', 'Neverwrittenatall']).sort()).toEqual([
      `${join(planted, 'utf16.bin')}: "Marrowquillcontrol" (utf16le)`,
      `${join(planted, 'utf8.bin')}: "Plumbobcontrol" (utf8)`,
    ])
    // Lower case counts too: an index that lowercased what it stored would not escape.
    writeFileSync(join(planted, 'lower.bin'), 'plumbobcontrol')
    expect(findTraces([join(planted, 'lower.bin')], ['Plumbobcontrol'])).toHaveLength(1)
  } finally {
    rmSync(join(DATA_DIR, 'control-check'), { recursive: true, force: true })
  }
})

test('a personalised handout, a checklist, a quiz and a search leave nothing on disk, in the logs or on the page', async ({
  page,
  context,
}) => {
  const errors = collectConsoleErrors(page)

  // ---- Staff prepare and print a personalised handout. ----
  await enterStaffMode(page)
  // The browser's own print dialog would block the page: a stand-in records the call instead.
  await page.evaluate(() => {
    const calls: number[] = []
    ;(window as unknown as { printCalls: number[] }).printCalls = calls
    window.print = () => void calls.push(Date.now())
  })
  await goTo(page, `/staff/handout/procedure/ultrasound-guided-hip-injection`)
  await expect(heading(page)).toHaveText('Prepare a handout')
  await page.getByLabel('Clinician name').pressSequentially(CLINICIAN)
  await page.getByLabel('Medicine(s) injected').pressSequentially(MEDICINES)
  await page.getByLabel('Instructions for the patient').pressSequentially(INSTRUCTIONS)
  await page.getByRole('button', { name: 'Preview and print' }).click()
  await expect(page.locator('[data-handout-ready="true"]')).toHaveCount(1, { timeout: 20_000 })
  const preview = page.locator('[data-handout-section="details"]')
  await expect(preview).toContainText(CLINICIAN)
  await expect(preview).toContainText(MEDICINES)
  await expect(preview).toContainText(INSTRUCTIONS)
  await page
    .locator('.print-action')
    .getByRole('button', { name: /^Print/ })
    .click()
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { printCalls: number[] }).printCalls.length))
    .toBe(1)
  // A browser's print window cannot say whether it printed or was cancelled: the details
  // stay for a second try, in the page's memory only, until staff clear them or leave.
  await expect(preview).toContainText(CLINICIAN)
  await page
    .getByRole('complementary', { name: 'Staff mode' })
    .getByRole('button', { name: 'Exit staff mode' })
    .click()
  await expect(page.getByRole('complementary', { name: 'Staff mode' })).toHaveCount(0)
  // Staff gone: the personal fields are gone from the page.
  await expect(page.locator('body')).not.toContainText('Quigglesworth')

  // ---- A patient ticks the checklist, answers the quiz and searches. ----
  await goTo(page, `${PROCEDURE}/checklist`)
  const boxes = page.getByRole('checkbox')
  const count = await boxes.count()
  expect(count).toBeGreaterThan(0)
  for (let i = 0; i < count; i++) await boxes.nth(i).check()
  await expect(page.getByRole('checkbox', { checked: true })).toHaveCount(count)

  await goTo(page, `${PROCEDURE}/quiz`)
  const progress = page.getByText(/^Question 1 of \d+$/)
  const total = Number((await progress.innerText()).match(/of (\d+)/)![1])
  for (let n = 1; n <= total; n++) {
    await expect(page.getByText(`Question ${n} of ${total}`)).toBeVisible()
    await page.getByRole('list', { name: 'Choose an answer' }).getByRole('button').last().click()
    await page.getByRole('button', { name: n < total ? /^Next question/ : /^See how you did/ }).click()
  }
  await expect(page.getByText(new RegExp(`^You got \\d+ of ${total} right\\.$`))).toBeVisible()

  // The patient types the search on the on-screen keyboard, by taps alone.
  await goTo(page, '/search')
  await page.getByRole('searchbox').tap()
  const keyboard = page.getByRole('group', { name: 'On-screen keyboard' })
  for (const key of SEARCHED) await keyboard.getByRole('button', { name: key, exact: true }).tap()
  await expect(page.getByRole('searchbox')).toHaveValue(SEARCHED)
  // The search went to the server and back.
  await expect(page.getByText(`We found nothing for “${SEARCHED}”.`)).toBeVisible()
  // The keyboard library keeps no copy of what was typed, even before the reset.
  expect(await keyboardBuffers(page)).toEqual([''])

  // ---- Nobody touches the kiosk: the warning, then the attract screen. ----
  await expect(page.getByRole('alertdialog')).toBeVisible({ timeout: 20_000 })
  await expect(heading(page)).toHaveText('Hip pain: information for you', { timeout: 10_000 })
  await expect(page).toHaveURL(/#\/$/)

  // The page: nothing in its text or markup, nothing in the browser's storage.
  const html = await page.content()
  for (const needle of NEEDLES) expect(html.toLowerCase()).not.toContain(needle.toLowerCase())
  expect(await keyboardBuffers(page)).not.toContain(SEARCHED)
  expect(await storage(page)).toEqual({
    localStorage: 0,
    sessionStorage: 0,
    indexedDB: [],
    cookie: '',
    caches: [],
  })
  expect(await context.cookies()).toEqual([])

  // The disk: every file of the data folder (WAL and SHM included), the server's log, the content.
  const dataFiles = filesUnder(DATA_DIR)
  const names = dataFiles.map((f) => f.slice(DATA_DIR.length + 1))
  expect(names).toContain('kiosk.sqlite')
  expect(names).toContain('kiosk.sqlite-wal')
  // The session was counted (anonymous usage went to this very folder), so the files were being written.
  expect(readFileSync(join(DATA_DIR, 'kiosk.sqlite-wal')).length).toBeGreaterThan(0)
  expect(readFileSync(SERVER_LOG, 'utf8')).toContain('Kiosk preview on')
  expect(contentFiles()).toContain(CONTENT_DB)
  expect(findTraces([...dataFiles, SERVER_LOG, ...contentFiles()], NEEDLES)).toEqual([])
  expect(errors).toEqual([])
})
