/**
 * The bench's soak driver (scripts/bench/in-page.ts walkAndReset) in the real
 * kiosk page: it walks a procedure and ends each session through the app's own
 * endSession; a session that cannot finish is reported with where it stuck,
 * and the soak goes on instead of dying. Then a short soak through the bench's
 * own bare protocol client, in a Chromium of its own.
 */
import { expect, test } from '@playwright/test'
import { PROCEDURE, settled } from './kiosk-page'

// The driver's module declares the page globals it uses for itself (it is type-checked with
// the bench), so it is loaded by a path this project does not follow; its shape is restated here.
interface SoakFailure {
  session: number
  what: string
  hash: string
  onScreen: string
}
type WalkAndReset = (args: {
  procedureId: string
  cycles: number
  patienceMs?: number
}) => Promise<{ rebuilt: number; failures: SoakFailure[] }>
const driverPath = '../../scripts/bench/in-page.ts'
const { walkAndReset } = (await import(driverPath)) as { walkAndReset: WalkAndReset }
// The whole soak, with its bare protocol client (scripts/bench/browser.ts, cdp.ts), loaded the same way.
interface SoakModule {
  measureSoak(
    chromium: string,
    baseUrl: string,
    procedureId: string,
    plan: { sessions: number; steadyFrom: number; every: number; driver: 'bare' },
  ): Promise<{
    failures: SoakFailure[]
    protocolDomains: string[] | null
    checkpoints: { sessions: number; documentNodes: number; appBytes: number; rendererKb: number | null }[]
  }>
}
const soakPath = '../../scripts/bench/browser.ts'
const cdpPath = '../../scripts/bench/cdp.ts'

const procedureId = PROCEDURE.split('/').at(-1)!

test('walks every step and rebuilds the app once per session, with no failure', async ({ page }) => {
  await page.goto('/')
  await settled(page)
  const run = await page.evaluate(walkAndReset, { procedureId, cycles: 3 })
  expect(run).toEqual({ rebuilt: 3, failures: [] })
  await expect(page.locator('.attract')).toBeVisible()
})

test('reports a session that cannot reach its walkthrough and still runs the next ones', async ({ page }) => {
  await page.goto('/')
  await settled(page)
  // Patience for the "not found" panel to come (two answers from the core): the driver gives up
  // after twice this, and on a busy machine 2 x 500 ms could leave it reading a screen still loading.
  const run = await page.evaluate(walkAndReset, {
    procedureId: 'no-such-procedure',
    cycles: 2,
    patienceMs: 2000,
  })
  expect(run.rebuilt).toBe(2)
  expect(run.failures).toEqual([
    expect.objectContaining({ session: 1, what: 'step 1', hash: '#/procedures/no-such-procedure/steps/1' }),
    expect.objectContaining({ session: 2, what: 'step 1' }),
  ])
  expect(run.failures[0]!.onScreen).not.toBe('')
  // Each failed session was still ended: the next patient meets the attract screen.
  await expect(page.locator('.attract')).toBeVisible()
})

test('the bare soak drives the page without the Network domain, and checkpoints it', async ({ baseURL }) => {
  // A browser of its own, two checkpoints: longer than an ordinary test on a busy machine.
  test.setTimeout(120_000)
  const { measureSoak } = (await import(soakPath)) as SoakModule
  const { BARE_DOMAINS } = (await import(cdpPath)) as { BARE_DOMAINS: readonly string[] }
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
  const run = await measureSoak(chromium, baseURL!, procedureId, {
    sessions: 4,
    steadyFrom: 2,
    every: 2,
    driver: 'bare',
  })
  expect(run.failures).toEqual([])
  expect(run.checkpoints.map((c) => c.sessions)).toEqual([2, 4])
  // Playwright would have enabled Network, and DevTools would keep every answer's body in the renderer.
  expect(run.protocolDomains).not.toContain('Network')
  expect(run.protocolDomains!.every((d) => BARE_DOMAINS.includes(d))).toBe(true)
  const last = run.checkpoints.at(-1)!
  // The app is on screen at the checkpoint, and the renderer process was found and read.
  expect(last.documentNodes).toBeGreaterThan(50)
  expect(last.appBytes).toBeGreaterThan(100_000)
  expect(last.rendererKb).toBeGreaterThan(10_000)
})
