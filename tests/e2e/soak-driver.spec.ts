/**
 * The bench's soak driver (scripts/bench/in-page.ts walkAndReset) in the real
 * kiosk page: it walks a procedure and ends each session through the app's own
 * endSession; a session that cannot finish is reported with where it stuck,
 * and the soak goes on instead of dying.
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
  const run = await page.evaluate(walkAndReset, {
    procedureId: 'no-such-procedure',
    cycles: 2,
    patienceMs: 500,
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
