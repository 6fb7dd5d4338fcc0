/**
 * The signed feed in staff mode (#23), in real Chromium against `kiosk serve`
 * on a fresh data folder of its own (a free port, so it meets no other
 * server): an operator makes a feed with the command line and publishes the
 * built content signed by two people; staff set the feed in Settings, paste
 * its root, press "Check now", and see what happened, who signed, what
 * changed and when the feed expires; a bad root is refused with its reason.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { expect, test, type Page } from '@playwright/test'
import { collectConsoleErrors, expectNoAxeViolations, settled, typePin } from './kiosk-page'

const ROOT = resolve(import.meta.dirname, '../..')
const PIN = '2468'
const run = promisify(execFile)
const kiosk = (...args: string[]) => run(process.execPath, ['src/cli/kiosk.ts', ...args], { cwd: ROOT })

test.describe.configure({ mode: 'serial', timeout: 120_000 })

let dir: string
let feedDir: string
let server: ChildProcess | undefined
let baseUrl: string

test.beforeAll(async () => {
  test.setTimeout(120_000)
  dir = mkdtempSync(join(tmpdir(), 'kiosk-feed-e2e-'))
  feedDir = join(dir, 'feed')
  const key = (name: string) => join(dir, 'keys', `${name}.key`)
  // The operator's walkthrough (README, "Signed content updates"), with the built content as the pack.
  await Promise.all(['root', 'lee', 'ed'].map((name) => kiosk('feed', 'keygen', key(name))))
  await kiosk(
    'feed',
    'init',
    feedDir,
    '--root-key',
    key('root'),
    '--content-key',
    `${key('lee')}.pub`,
    '--content-key',
    `${key('ed')}.pub`,
  )
  await kiosk('feed', 'add', feedDir, join(ROOT, 'resources', 'content.sqlite'))
  await kiosk('feed', 'sign', feedDir, '--key', key('lee'))
  await kiosk('feed', 'sign', feedDir, '--key', key('ed'))
  await kiosk('feed', 'publish', feedDir)
  const dataDir = join(dir, 'data')
  const pin = spawn(process.execPath, ['src/cli/kiosk.ts', 'set-pin', '--data-dir', dataDir], { cwd: ROOT })
  pin.stdin.end(`${PIN}\n`)
  await new Promise((r) => pin.once('exit', r))
  server = spawn(process.execPath, ['src/cli/kiosk.ts', 'serve', '--port', '0', '--data-dir', dataDir], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  baseUrl = await new Promise<string>((resolveUrl, reject) => {
    let out = ''
    server!.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const found = /Kiosk preview on (http:\/\/\S+)/.exec(out)
      if (found) resolveUrl(found[1]!)
    })
    server!.once('exit', (code) => reject(new Error(`the server exited (${code}): ${out}`)))
  })
})

test.afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((r) => server!.once('exit', r))
    server.kill('SIGTERM')
    await exited
  }
  rmSync(dir, { recursive: true, force: true })
})

const heading = (page: Page) => page.getByRole('heading', { level: 1 })

/** Straight to a staff screen: the PIN screen comes first and leads back to it. */
async function openStaffScreen(page: Page, path: string, title: string): Promise<void> {
  await page.goto(`${baseUrl}/#${path}`)
  await expect(heading(page)).toHaveText('Staff')
  await typePin(page, PIN)
  await page.getByRole('button', { name: 'Enter', exact: true }).click()
  await expect(heading(page)).toHaveText(title)
  await settled(page)
}

test('staff set the feed, install its root and press "Check now": the signed content is taken, and the screen says what happened', async ({
  page,
}) => {
  const errors = collectConsoleErrors(page)
  await openStaffScreen(page, '/staff/settings', 'Settings')
  const feedBox = page.getByLabel('Signed feed (optional)')
  await feedBox.fill('feeds/clinic')
  await page.getByRole('button', { name: 'Save the settings' }).click()
  await expect(feedBox).toHaveAccessibleDescription(/a folder given as a full path/i)
  await feedBox.fill(feedDir)
  await page.getByLabel('Daily check time (optional)').fill('06:30')
  await page.getByRole('button', { name: 'Save the settings' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible()

  await page.goto(`${baseUrl}/#/staff/content`)
  await expect(heading(page)).toHaveText('Content pack')
  await settled(page)
  const section = page.locator('[data-staff-feed-status]')
  await expect(section.locator('[data-staff-feed-address]')).toHaveText(feedDir)
  await expect(section.locator('[data-staff-feed-next]')).toContainText(/6:30|06:30/)
  await expect(section).toContainText('This kiosk trusts no feed yet')

  const rootBox = page.getByLabel('The feed’s root (root.json)')
  await rootBox.fill('{"signed": {}}')
  await page.getByRole('button', { name: 'Trust this root' }).click()
  await expect(section.locator('[data-staff-feed-outcome]')).toContainText(
    /^Not done: This root is not a feed.s root/,
  )
  await rootBox.fill(readFileSync(join(feedDir, 'metadata', 'root.json'), 'utf8'))
  await page.getByRole('button', { name: 'Trust this root' }).click()
  await expect(section.locator('[data-staff-feed-outcome]')).toHaveText('Trusted. The next check uses it.')
  await expect(section.locator('[data-staff-feed-root]')).toContainText('installed on this kiosk')

  await page.getByRole('button', { name: 'Check now' }).click()
  await expect(section.getByRole('status')).toHaveText('Checking the feed…')
  // The whole pack is downloaded, checked twice (TUF, then verify-pack) and imported: seconds on a busy machine.
  await expect(section.locator('[data-staff-feed-outcome]')).toHaveText(
    'Updated to version 1, signed by lee and ed.',
    {
      timeout: 60_000,
    },
  )
  const last = section.locator('[data-staff-feed-last]')
  await expect(last).toContainText('Signed by')
  await expect(last).toContainText('lee, ed')
  await expect(last).toContainText('The feed expires')
  await expect(section.locator('[data-staff-feed-changes]')).toContainText('0 changed, 0 removed')
  // The pack status above follows: the content is the imported pack now.
  await expect(page.locator('[data-staff-pack-source]')).not.toHaveText('The content bundled with the app')
  await expectNoAxeViolations(page, 'the content screen with the signed feed', '[data-staff-feed-status]')

  // Again: nothing new.
  await page.getByRole('button', { name: 'Check now' }).click()
  await expect(section.locator('[data-staff-feed-outcome]')).toHaveText(
    'Up to date: this kiosk already has version 1.',
    {
      timeout: 30_000,
    },
  )
  expect(errors.filter((error) => !/status of 400/.test(error))).toEqual([])
})
