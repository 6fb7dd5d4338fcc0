/**
 * Where a patient goes for help, in real Chromium against its own `kiosk serve
 * --data-dir` on a fresh data folder (a PIN set through the core, nothing
 * else): staff are warned before printing when the clinic's phone is not set
 * and the patient's copy says to ask at the desk; staff pick the UK preset and
 * the red-flag boxes show the clinic's phone and 999; the risks screen draws
 * its bands as icon arrays; "Where this comes from" opens beside a claim; a
 * handout lists the sources it used. axe and the 44 px check on the screens.
 */
import { expect, test, type Page } from '@playwright/test'
import {
  PROCEDURE,
  collectConsoleErrors,
  expectNoAxeViolations,
  settled,
  smallTapTargets,
  typePin,
} from './kiosk-page'
import { startClinicServer, type ClinicServer } from './clinic-server'

/** Its own server and data folder, a few ports above the main one, so the settings it saves touch no other test. */
const PORT = Number(process.env.E2E_REGION_PORT ?? Number(process.env.E2E_PORT ?? 4781) + 7)
const BASE = `http://127.0.0.1:${PORT}`
const PIN = '97531'
const PHONE = '020 7946 0000'
const PROCEDURE_ID = 'ultrasound-guided-hip-injection'

test.describe.configure({ mode: 'serial', timeout: 60_000 })

let server: ClinicServer | undefined

test.beforeAll(async () => {
  server = await startClinicServer(PORT, {}, PIN)
})

test.afterAll(async () => {
  await server?.stop()
})

const heading = (page: Page) => page.getByRole('heading', { level: 1 })

/** A staff screen by its address: the PIN screen first, then the screen asked for. */
async function asStaff(page: Page, path: string, title: string): Promise<void> {
  await page.goto(`${BASE}/#${path}`)
  await expect(heading(page)).toHaveText('Staff')
  await typePin(page, PIN)
  await page.getByRole('button', { name: 'Enter', exact: true }).click()
  await expect(heading(page)).toHaveText(title)
  await settled(page)
}

async function handoutReady(page: Page): Promise<void> {
  await expect(page.locator('[data-handout-ready="true"]')).toHaveCount(1, { timeout: 20_000 })
}

test('without a phone set, staff are warned before printing and the patient’s copy leaves a line to write it on', async ({
  page,
}) => {
  const errors = collectConsoleErrors(page)
  await asStaff(page, `/staff/handout/procedure/${PROCEDURE_ID}`, 'Prepare a handout')
  const warning = page.getByRole('note').filter({ hasText: 'phone number is not set' })
  await expect(warning).toBeVisible()
  await expect(warning).toContainText('emergency number is not set')
  await expectNoAxeViolations(page, 'the handout form with its warning')

  // The patient's copy (no staff details): never "call the clinic" without a number.
  await page.goto(`${BASE}/#/handouts/procedures/${PROCEDURE_ID}?lang=en&paper=a4`)
  await handoutReady(page)
  const help = page.locator('[data-handout-section="red-flags"]')
  await expect(help.locator('.ho-phone')).toHaveText(
    'Ask at the desk for our phone number, and write it here: ____________',
  )
  await expect(help).not.toContainText(/Call (us|the clinic) on/)
  expect(errors).toEqual([])
})

test('staff pick the UK preset: every red-flag box shows the clinic’s phone, 999 and NHS 111, on screen and in print', async ({
  page,
}) => {
  const errors = collectConsoleErrors(page)
  await asStaff(page, '/staff/settings', 'Settings')
  await page.getByLabel('Region').selectOption('uk')
  await expect(page.getByLabel('Emergency number')).toHaveValue('999')
  await expect(page.getByLabel('When the clinic is closed (English)')).toHaveValue(/NHS 111/)
  await page.getByLabel('Phone number').fill(PHONE)
  await page.getByRole('button', { name: 'Save the settings' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible()

  await page.goto(`${BASE}/#${PROCEDURE}/risks`)
  await settled(page)
  const help = page.getByRole('region', { name: 'When to get help' })
  const who = help.locator('[data-where-to-go]')
  await expect(who).toContainText('999')
  await expect(who).toContainText(PHONE)
  await expect(who).toContainText(
    'Outside opening hours, call NHS 111 (NHS 24 in Scotland), free, day or night.',
  )
  const emergency = help.locator('[data-level="emergency"]')
  await expect(emergency.getByRole('heading', { name: 'Emergency: now' })).toBeVisible()
  await expect(emergency).toContainText('Call 999')
  await expect(help.locator('[data-level="call-clinic"]')).toContainText(`Call the clinic on ${PHONE}`)

  await page.goto(`${BASE}/#/handouts/procedures/${PROCEDURE_ID}?lang=es&paper=a4`)
  await handoutReady(page)
  const paper = page.locator('[data-handout-section="red-flags"]')
  await expect(paper.locator('.ho-phone')).toContainText(PHONE)
  // The numbers go in the boxes of their levels: 999 with the emergency, NHS 111 with the same day.
  await expect(paper.locator('[data-level="urgent-same-day"]')).toContainText(
    'Fuera del horario de atención, llame gratis al NHS 111 (NHS 24 en Escocia), de día o de noche. Si necesita intérprete, diga «Interpreter, Spanish».',
  )
  await expect(paper.locator('[data-level="urgent-same-day"]')).toContainText(PHONE)
  await expect(paper.locator('[data-level="emergency"]')).toContainText('Llame al 999')
  // Staff were warned before; now nothing is missing.
  await expect(page.locator('[data-phone-warning]')).toHaveCount(0)
  expect(errors).toEqual([])
})

test('the UK preset fills the crisis line; thoughts of self-harm show it on the page and the handout, and the emergency box does not', async ({
  page,
}) => {
  const errors = collectConsoleErrors(page)
  const line = 'To talk to someone now, call Samaritans on 116 123, free, day or night.'
  await asStaff(page, '/staff/settings', 'Settings')
  // With no crisis line set, the sign still has its level's numbers, and no empty line.
  await page.getByLabel('Crisis line (English)').fill('')
  await page.getByLabel('Crisis line (Spanish)').fill('')
  await page.getByRole('button', { name: 'Save the settings' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible()
  await page.goto(`${BASE}/#/conditions/fibromyalgia`)
  await settled(page)
  const unset = page
    .getByRole('region', { name: 'When to get help' })
    .locator('[data-level="urgent-same-day"]')
  await expect(unset).toContainText('You have thoughts of harming yourself or ending your life.')
  await expect(unset).toContainText(
    'Outside opening hours, call NHS 111 (NHS 24 in Scotland), free, day or night.',
  )
  await expect(unset).not.toContainText('116 123')

  // Still in staff mode (the patient page does not end it): straight back to the settings.
  await page.goto(`${BASE}/#/staff/settings`)
  await expect(heading(page)).toHaveText('Settings')
  await settled(page)
  await page.getByLabel('Region').selectOption('uk')
  await expect(page.getByLabel('Crisis line (English)')).toHaveValue(line)
  await expect(page.getByLabel('Crisis line (Spanish)')).toHaveValue(
    /Samaritans, un servicio de escucha, al 116 123/,
  )
  await page.getByRole('button', { name: 'Save the settings' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible()

  await page.goto(`${BASE}/#/conditions/fibromyalgia`)
  await settled(page)
  const help = page.getByRole('region', { name: 'When to get help' })
  const urgent = help.locator('[data-level="urgent-same-day"]')
  await expect(urgent).toContainText('You have thoughts of harming yourself or ending your life.')
  await expect(urgent).toContainText(line)
  await expect(help.locator('[data-level="emergency"]')).toContainText('Call 999')
  await expect(help.locator('[data-level="emergency"]')).not.toContainText('116 123')

  await page.goto(`${BASE}/#/handouts/conditions/fibromyalgia?lang=es&paper=a4`)
  await handoutReady(page)
  await expect(page.locator('[data-handout-red-flag]').filter({ hasText: 'quitarse la vida' })).toContainText(
    'Para hablar con alguien ahora, llame a Samaritans, un servicio de escucha, al 116 123.',
  )
  expect(errors).toEqual([])
})

test('the risks screen draws each band as an icon array with words, and "Where this comes from" opens beside a claim', async ({
  page,
}) => {
  const errors = collectConsoleErrors(page)
  await page.goto(`${BASE}/#${PROCEDURE}/risks`)
  await settled(page)
  const common = page.locator('section.band--common')
  const picture = common.getByRole('img', { name: 'A picture of 10 people. 1 of them is coloured in.' })
  await expect(picture).toBeVisible()
  await expect(common.locator('figcaption')).toHaveText('Common: up to 1 in 10 people')

  const source = common.locator('[data-source-note]').first()
  const button = source.getByRole('button', { name: 'Where this comes from' })
  await expect(button).toHaveAttribute('aria-expanded', 'false')
  await button.click()
  await expect(button).toHaveAttribute('aria-expanded', 'true')
  const panel = source.getByRole('region', { name: 'Where this comes from' })
  await expect(panel).toBeVisible()
  await expect(panel).toContainText(/Published by .+/)
  await expect(panel).toContainText(/Read on \d{1,2} [A-Z][a-z]+ \d{4}/)
  const box = await button.boundingBox()
  expect(box!.width).toBeGreaterThanOrEqual(44)
  expect(box!.height).toBeGreaterThanOrEqual(44)

  expect(await smallTapTargets(page)).toEqual([])
  await expectNoAxeViolations(page, 'the risks screen with a source panel open')
  await panel.getByRole('button', { name: 'Close' }).click()
  await expect(panel).toBeHidden()
  expect(errors).toEqual([])
})

test('a handout lists every source it used, with publisher and address as text', async ({ page }) => {
  const answer = await (
    await fetch(`${BASE}/api/getProcedure`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ locale: 'en', id: PROCEDURE_ID }),
    })
  ).json()
  type Source = { id: string; title: string; publisher?: string; url?: string }
  const procedure = answer.value as {
    sources: Source[]
    citedSources: Source[]
    risks: { sources: string[] }[]
  }
  // What the handout prints: the item's own sources and those of its risks (printed by band).
  const riskSources = new Set(procedure.risks.flatMap((risk) => risk.sources))
  const used = [...procedure.sources, ...procedure.citedSources.filter((s) => riskSources.has(s.id))]
  expect(procedure.citedSources.length).toBeGreaterThan(0)

  await page.goto(`${BASE}/#/handouts/procedures/${PROCEDURE_ID}?lang=en&paper=a4`)
  await handoutReady(page)
  const sources = page.locator('.ho-foot__sources')
  for (const source of used) {
    await expect(sources).toContainText(source.title)
    if (source.publisher) await expect(sources).toContainText(`${source.title}, ${source.publisher}`)
    if (source.url) await expect(sources).toContainText(source.url)
  }
  await expect(page.locator('.ho-foot__version')).toContainText(
    'Not yet checked by a clinician at this clinic.',
  )
})
