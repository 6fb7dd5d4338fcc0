/**
 * Screenshots of the patient's main screens, as a patient sees them (the screen,
 * not the whole page), at the three kiosk sizes, at normal and large text, into
 * docs/screenshots/. Run after `npm run build`:
 *
 *   node scripts/screenshots.ts [out-dir] [--lang es]
 *
 * It starts the loopback preview server itself (`kiosk serve --port 5399`) and
 * drives Debian's Chromium through playwright-core. The display mode is switched
 * with the top bar's own button and the window resized, never reloaded: as a
 * patient would, and as the layout E2E does.
 */
import { spawn } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type Page } from 'playwright-core'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const args = process.argv.slice(2)
const langAt = args.indexOf('--lang')
const lang = langAt >= 0 ? args.splice(langAt, 2)[1]! : 'en'
const outDir = resolve(args[0] ?? join(root, 'docs', 'screenshots'))
const EXT = '.png'
const PORT = 5399
const BASE = `http://127.0.0.1:${PORT}`
const PROCEDURE = '/procedures/ultrasound-guided-hip-injection'

/** File name and route of each main screen. */
const SCREENS: [string, string][] = [
  ['home', '/home'],
  ['conditions', '/conditions'],
  ['condition', '/conditions/hip-osteoarthritis'],
  ['procedure', PROCEDURE],
  ['step', `${PROCEDURE}/steps/3`],
  ['risks', `${PROCEDURE}/risks`],
  ['recovery', `${PROCEDURE}/recovery`],
  ['quiz', `${PROCEDURE}/quiz`],
  ['glossary', '/glossary'],
  ['search', '/search'],
]
const SIZES = [
  { name: '1920x1080', width: 1920, height: 1080 },
  { name: '1080x1920', width: 1080, height: 1920 },
  { name: '1366x768', width: 1366, height: 768 },
]

async function waitForServer(): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      if ((await fetch(`${BASE}/`)).ok) return
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 200))
  }
  throw new Error(`the preview server did not start on ${BASE}`)
}

async function show(page: Page, path: string): Promise<void> {
  await page.evaluate((hash) => {
    window.location.hash = hash
  }, `#${path}`)
  await page.getByRole('heading', { level: 1 }).first().waitFor()
  await page.waitForFunction(() => !document.querySelector('[role="status"].loading'))
  await page.waitForTimeout(150)
}

async function main(): Promise<void> {
  mkdirSync(outDir, { recursive: true })
  const server = spawn(process.execPath, ['src/cli/kiosk.ts', 'serve', '--port', String(PORT)], {
    cwd: root,
    stdio: 'ignore',
  })
  try {
    await waitForServer()
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    })
    // Half scale: every screen is still readable, and the folder stays small enough for git.
    const page = await browser.newPage({ viewport: SIZES[0]!, hasTouch: true, deviceScaleFactor: 0.5 })
    await page.goto(`${BASE}/#/home`)
    if (lang !== 'en') await page.getByRole('button', { name: /Español/ }).click()
    for (const large of [false, true]) {
      if (large) await page.getByRole('button', { name: /^(Large text|Letra grande)$/ }).click()
      for (const [name, path] of SCREENS) {
        await show(page, path)
        for (const size of SIZES) {
          await page.setViewportSize(size)
          await page.evaluate(() => window.scrollTo(0, 0))
          await page.waitForTimeout(100)
          const file = join(
            outDir,
            `${name}-${size.name}${large ? '-large' : ''}${lang === 'en' ? '' : `-${lang}`}${EXT}`,
          )
          await page.screenshot({ path: file })
        }
      }
    }
    await browser.close()
    console.log(`screenshots in ${outDir}`)
  } finally {
    server.kill()
  }
}

await main()
