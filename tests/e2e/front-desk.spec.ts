/**
 * The front desk's first day, in real Chromium against a kiosk with its own
 * data folder: the clinic's phone number typed as the clinic writes it, the
 * printer (in a browser preview, the plain note that the print window chooses
 * it), every condition handout printed in one print job from "Print handouts",
 * a personalised handout whose details survive a print window closed without
 * printing, and a week's usage with handouts printed counted by language.
 *
 * A plain browser prints with window.print(): the spec replaces it with a stand-in
 * that records, at the moment of printing, which handouts are on the page and
 * whether each is ready, so "one print job" is one call holding all of them.
 */
import { execFileSync, type ChildProcess } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import Database from 'better-sqlite3'
import { expect, test, type Page } from '@playwright/test'
import {
  api,
  collectConsoleErrors,
  docsScreenshot,
  expectNoAxeViolations,
  settled,
  smallTapTargets,
  startServer,
  stopServer,
} from './kiosk-page'

const ROOT = resolve(import.meta.dirname, '../..')
const PORT = Number(process.env.E2E_FRONTDESK_PORT ?? Number(process.env.E2E_PORT ?? 4781) + 5)
const base = `http://127.0.0.1:${PORT}`
const PIN = '27182818'

/** YYYY-MM-DD in local time, as the kiosk counts days. */
const dayOf = (date: Date) =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`

/** A day of last calendar week (Monday to Sunday): `offset` days after its Monday. */
function lastWeek(offset: number): string {
  const now = new Date()
  const sinceMonday = (now.getDay() + 6) % 7
  return dayOf(new Date(now.getFullYear(), now.getMonth(), now.getDate() - sinceMonday - 7 + offset, 12))
}

interface PrintRecord {
  ready: string[]
  notReady: number
  titles: string[]
}

/** window.print's stand-in: each call records what was on the page to print. */
async function recordPrints(page: Page): Promise<() => Promise<PrintRecord[]>> {
  await page.addInitScript(() => {
    const host = window as unknown as { prints: PrintRecord[] }
    host.prints = []
    window.print = () => {
      host.prints.push({
        ready: Array.from(document.querySelectorAll('[data-handout-ready="true"]')).map(
          (sheet) => sheet.getAttribute('data-handout-ready-for') ?? '',
        ),
        notReady: document.querySelectorAll('[data-handout-ready="false"]').length,
        titles: Array.from(document.querySelectorAll('.handout h1')).map((h) => h.textContent?.trim() ?? ''),
      })
    }
  })
  return () => page.evaluate(() => (window as unknown as { prints: PrintRecord[] }).prints)
}

async function expectTapTargetsOk(page: Page, where: string): Promise<void> {
  expect(await smallTapTargets(page), `tap targets on ${where}`).toEqual([])
}

let server: ChildProcess | undefined
let dataDir = ''

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'kiosk-front-desk-'))
  mkdirSync(dataDir, { recursive: true })
  execFileSync(process.execPath, ['tests/fixtures/clinic-settings.ts', dataDir, '{}', PIN], { cwd: ROOT })
  // Last calendar week's counts, as the kiosk keeps them: anonymous, per day, a handout under its language.
  const db = new Database(join(dataDir, 'kiosk.sqlite'))
  const add = db.prepare('INSERT INTO usage (day, metric, key, lang, count) VALUES (?, ?, ?, ?, ?)')
  add.run(lastWeek(0), 'handout', 'hip-osteoarthritis', 'en', 3)
  add.run(lastWeek(2), 'handout', 'hip-osteoarthritis', 'es', 2)
  add.run(lastWeek(4), 'handout', 'trochanteric-pain', 'en+es', 1)
  add.run(lastWeek(4), 'session-length', '1-to-3-min', '', 6)
  db.close()
  server = await startServer(['--data-dir', dataDir], PORT)
})

test.afterAll(async () => {
  await stopServer(server)
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})

test('the front desk’s first day: the phone, the printer, every condition handout in one print job, a week’s usage', async ({
  page,
}) => {
  test.setTimeout(90_000)
  const errors = collectConsoleErrors(page)
  const prints = await recordPrints(page)
  const { conditions } = await api<{ conditions: { id: string; title: string }[] }>(base, 'listTopics', {
    locale: 'en',
  })
  expect(conditions.length).toBeGreaterThan(5)

  await page.goto(`${base}/#/staff/home`)
  const pin = page.locator('[data-staff-pin]')
  await pin.fill(PIN)
  await pin.press('Enter')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Staff menu')

  // Settings: the phone as the clinic writes it; the printer, which in a browser the print window chooses.
  await page.getByRole('link', { name: /^Settings/ }).click()
  await settled(page)
  await page.getByLabel('Phone number').fill('(555) 010-0123 ext. 12')
  await expect(page.locator('[data-staff-printer-note]')).toHaveText(
    /In this browser preview the print window chooses the printer each time/,
  )
  await expect(page.getByRole('button', { name: 'Print a test page' })).toBeVisible()
  await expectNoAxeViolations(page, 'the printer setting', '.printer-setting')
  await page.getByRole('button', { name: 'Save the settings' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Saved. The new settings apply' })).toBeVisible()

  // Print handouts: every condition, ticked at once, in English, on the paper from Settings.
  await page.goto(`${base}/#/staff/home`)
  await page.getByRole('link', { name: /^Print handouts/ }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Print handouts')
  await settled(page)
  await expect(page.locator('[data-staff-print-paper]')).toContainText('Paper: A4 (from Settings).')
  await page.getByRole('button', { name: 'Select all conditions' }).click()
  await expect(
    page.getByRole('status').filter({ hasText: `${conditions.length} handouts chosen.` }),
  ).toBeVisible()
  await page.getByRole('radio', { name: 'English', exact: true }).check()
  await expectNoAxeViolations(page, 'Print handouts')
  await expectTapTargetsOk(page, 'Print handouts')
  await page.getByRole('button', { name: `Preview and print ${conditions.length} handouts` }).click()

  await expect(page.locator('[data-handout-batch-ready="true"]')).toBeVisible({ timeout: 30_000 })
  await expect(page.locator('[data-handout-ready="true"]')).toHaveCount(conditions.length)
  // Each handout starts on a sheet of its own.
  await page.emulateMedia({ media: 'print' })
  const breaks = await page
    .locator('.handout-batch__item')
    .evaluateAll((items) => items.map((item) => getComputedStyle(item).breakBefore))
  expect(breaks).toEqual(['auto', ...conditions.slice(1).map(() => 'page')])
  // Every sheet of the pile says which handout it is and the day it was printed, but not
  // "Page 5 of 12": the page counters count the whole pile, not the sheets a patient takes.
  const pile = join(mkdtempSync(join(tmpdir(), 'batch-')), 'batch.pdf')
  writeFileSync(pile, await page.pdf({ format: 'A4', printBackground: true }))
  const sheets = execFileSync('pdftotext', [pile, '-'], { encoding: 'utf8' })
    .split('\f')
    .slice(0, -1)
    .map((sheet) => sheet.replace(/\s+/g, ' '))
  expect(sheets.length).toBeGreaterThanOrEqual(conditions.length)
  const printed = `Printed ${new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' })}`
  for (const [index, sheet] of sheets.entries()) {
    expect(sheet, `sheet ${index + 1}`).toContain(printed)
    expect(sheet, `sheet ${index + 1}`).not.toMatch(/Page \d+ of \d+/)
    expect(
      conditions.some((c) => sheet.includes(c.title)),
      `sheet ${index + 1}`,
    ).toBe(true)
  }
  rmSync(dirname(pile), { recursive: true, force: true })
  await page.emulateMedia({ media: 'screen' })
  await expectNoAxeViolations(page, 'the batch preview', '.handout-toolbar')
  await page.getByRole('button', { name: `Print all ${conditions.length} handouts` }).click()
  await expect(page.getByRole('status').filter({ hasText: 'The print window has closed.' })).toBeVisible()
  const jobs = await prints()
  expect(jobs).toHaveLength(1)
  expect(jobs[0]!.notReady).toBe(0)
  expect(jobs[0]!.ready.sort()).toEqual(conditions.map((c) => `condition/${c.id}/en/a4`).sort())

  // A personalised copy: a print window closed without printing keeps what was typed.
  await page.getByRole('link', { name: 'Back to the list' }).click()
  await expect(
    page.getByRole('status').filter({ hasText: `${conditions.length} handouts chosen.` }),
  ).toBeVisible()
  const first = conditions[0]!
  await page.getByRole('link', { name: `Personalise the handout for ${first.title}` }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Prepare a handout')
  await page.getByLabel('Clinician name', { exact: true }).fill('Dr Okonkwo-Blythe')
  await page.getByRole('button', { name: 'Preview and print' }).click()
  await expect(page.locator('[data-handout-ready="true"]')).toHaveCount(1)
  await page.getByRole('button', { name: 'Print', exact: true }).click()
  await expect.poll(async () => (await prints()).length).toBe(2)
  await page.getByRole('link', { name: 'Back to the form' }).click()
  await expect(page.getByLabel('Clinician name', { exact: true })).toHaveValue('Dr Okonkwo-Blythe')

  // Usage: today's batch in the last 7 days, and last calendar week by language.
  await page.goto(`${base}/#/staff/usage`)
  await settled(page)
  const languages = page.locator('[data-staff-usage-languages]')
  await expect(languages.getByRole('listitem').first()).toContainText('English')
  await expect(languages.getByRole('listitem').first()).toContainText(String(conditions.length + 1))
  await page.getByRole('radio', { name: 'calendar week (Monday to Sunday)' }).check()
  await expect(page.locator('[data-staff-usage-totals]')).toContainText('Handouts printed6')
  await expect(languages.getByRole('listitem')).toHaveText(['English3', 'Spanish2', 'English and Spanish1'])
  await expectNoAxeViolations(page, 'usage by language', '[data-staff-usage-languages]')

  if (process.env.FRONT_DESK_SCREENSHOTS) {
    // docs/screenshots: the Print handouts screen with every condition ticked, at two screen sizes.
    await page.goto(`${base}/#/staff/print`)
    await settled(page)
    await page.getByRole('button', { name: 'Select all conditions' }).click()
    for (const [width, height] of [
      [1920, 1080],
      [1366, 768],
    ] as const) {
      await page.setViewportSize({ width, height })
      await docsScreenshot(page, join(ROOT, `docs/screenshots/staff-print-${width}x${height}.png`))
    }
  }
  expect(errors).toEqual([])
})
