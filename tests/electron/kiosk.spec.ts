/**
 * The built kiosk in Electron, as a clinic runs it: locked, answering the page
 * only through the preload bridge, printing from the main process, letting
 * staff in with the PIN set by the app's own --set-pin, coming back to the
 * attract screen after renderer crashes, and going nowhere else.
 * Runs where Electron's binary is installed (npm run test:electron).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { callBridge, freshDataDir, launchKiosk, setPinWithApp } from './app.ts'
import type { RunningKiosk } from './app.ts'
import { PROCEDURE, settled } from '../e2e/kiosk-page.ts'

type Ok<T> = { ok: true; value: T }
type Failed = { ok: false; error: { code: string } }

let kiosk: RunningKiosk | null = null
test.afterEach(async () => {
  await kiosk?.close()
  kiosk = null
})

/** The main process's view of the kiosk window. */
function windowState(running: RunningKiosk) {
  return running.app.evaluate(({ BrowserWindow, Menu }) => {
    const windows = BrowserWindow.getAllWindows()
    const win = windows[0]!
    return {
      windows: windows.length,
      kiosk: win.isKiosk(),
      fullScreen: win.isFullScreen(),
      menu: Menu.getApplicationMenu() === null ? null : 'a menu',
      url: win.webContents.getURL(),
      crashed: win.webContents.isCrashed(),
      loading: win.webContents.isLoading(),
    }
  })
}

test('starts locked in kiosk mode: full screen, no menu, nothing of Node in the page', async () => {
  kiosk = await launchKiosk({ locked: true })
  await expect.poll(async () => (await windowState(kiosk!)).fullScreen).toBe(true)
  expect(await windowState(kiosk)).toMatchObject({ windows: 1, kiosk: true, menu: null })
  const globals = await kiosk.page.evaluate(() => ({
    bridge: typeof (window as unknown as { kiosk?: unknown }).kiosk,
    require: typeof (window as unknown as { require?: unknown }).require,
    process: typeof (window as unknown as { process?: unknown }).process,
  }))
  expect(globals).toEqual({ bridge: 'object', require: 'undefined', process: 'undefined' })
})

test('walks a procedure through the preload bridge, and shows it', async () => {
  kiosk = await launchKiosk({ locked: true })
  const topics = (await callBridge(kiosk.page, 'listTopics', { locale: 'en' })) as Ok<{
    procedures: { id: string; title: string }[]
  }>
  expect(topics.ok).toBe(true)
  const id = PROCEDURE.split('/').pop()!
  const summary = topics.value.procedures.find((p) => p.id === id)
  expect(summary).toBeDefined()
  const procedure = (await callBridge(kiosk.page, 'getProcedure', { locale: 'en', id })) as Ok<{
    title: string
    steps: unknown[]
    risks: unknown[]
  }>
  expect(procedure.ok).toBe(true)
  expect(procedure.value.title).toBe(summary!.title)
  expect(procedure.value.steps.length).toBeGreaterThan(0)
  // A method the contract does not have is refused, and the bridge still answers afterwards.
  expect(((await callBridge(kiosk.page, 'readFile', { path: '/etc/passwd' })) as Failed).ok).toBe(false)
  await kiosk.page.evaluate((hash) => (location.hash = hash), `#${PROCEDURE}`)
  await settled(kiosk.page)
  await expect(kiosk.page.getByRole('heading', { level: 1 })).toContainText(procedure.value.title)
})

test('prints a handout to PDF through the main process; a locked kiosk refuses to', async () => {
  const data = freshDataDir()
  const pdfPath = join(data.dir, 'handout.pdf')
  try {
    kiosk = await launchKiosk({ locked: false, dataDir: data.dir })
    // Electron's save dialog answered in the main process, as staff would answer it.
    await kiosk.app.evaluate(({ dialog }, path) => {
      dialog.showSaveDialog = (async () => ({
        canceled: false,
        filePath: path,
      })) as typeof dialog.showSaveDialog
    }, pdfPath)
    await kiosk.page.evaluate((hash) => (location.hash = hash), `#${PROCEDURE}`)
    await settled(kiosk.page)
    expect(await callBridge(kiosk.page, 'print', { paper: 'a4', mode: 'pdf' })).toEqual({
      ok: true,
      value: { done: true },
    })
    const pdf = readFileSync(pdfPath)
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    expect(pdf.length).toBeGreaterThan(2000)
    await kiosk.close()
    kiosk = await launchKiosk({ locked: true })
    const refused = (await callBridge(kiosk.page, 'print', { paper: 'a4', mode: 'pdf' })) as Failed
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } })
  } finally {
    data.remove()
  }
})

test("enters staff mode with the PIN set by the app's own --set-pin", async () => {
  const data = freshDataDir()
  try {
    expect(await setPinWithApp(data.dir, '12')).toMatchObject({ code: 1 })
    const set = await setPinWithApp(data.dir, '2468')
    expect(set.code, set.output).toBe(0)
    kiosk = await launchKiosk({ locked: true, dataDir: data.dir })
    expect(await callBridge(kiosk.page, 'staffStatus', {})).toMatchObject({
      ok: true,
      value: { pinSet: true },
    })
    expect(((await callBridge(kiosk.page, 'staffLogin', { pin: '1357' })) as Failed).ok).toBe(false)
    const login = (await callBridge(kiosk.page, 'staffLogin', { pin: '2468' })) as Ok<{ token: string }>
    expect(login.ok).toBe(true)
    const settings = (await callBridge(kiosk.page, 'getSettings', { token: login.value.token })) as Ok<{
      kioskLock: boolean
    }>
    expect(settings.ok).toBe(true)
  } finally {
    await kiosk?.close()
    kiosk = null
    data.remove()
  }
})

test('comes back to the attract screen after each of 100 renderer crashes', async () => {
  test.setTimeout(600_000)
  kiosk = await launchKiosk({ locked: true })
  for (let crash = 1; crash <= 100; crash++) {
    // Somewhere other than the attract screen, then the renderer dies.
    await kiosk.app.evaluate(async ({ BrowserWindow }, hash) => {
      const contents = BrowserWindow.getAllWindows()[0]!.webContents
      await contents.executeJavaScript(`location.hash = ${JSON.stringify(hash)}`)
      contents.forcefullyCrashRenderer()
    }, `#${PROCEDURE}`)
    await expect
      .poll(
        async () => {
          const state = await windowState(kiosk!)
          return !state.crashed && !state.loading && state.url.endsWith('index.html#/')
        },
        { message: `back to the attract screen after crash ${crash}`, timeout: 10_000 },
      )
      .toBe(true)
  }
  const state = await windowState(kiosk)
  expect(state).toMatchObject({ windows: 1, kiosk: true })
  const text = await kiosk.app.evaluate(({ BrowserWindow }) =>
    BrowserWindow.getAllWindows()[0]!.webContents.executeJavaScript('document.body.innerText.trim().length'),
  )
  expect(text).toBeGreaterThan(0)
})

/** Entries in Chromium's on-disk cache of compiled scripts (beside its index files). */
function compiledScripts(dataDir: string): string[] {
  const dir = join(dataDir, 'user-data', 'Code Cache', 'js')
  if (!existsSync(dir)) return []
  return readdirSync(dir).filter((name) => name !== 'index' && name !== 'index-dir')
}

test('keeps a compiled copy of its scripts on disk, so the next start need not compile them again', async () => {
  kiosk = await launchKiosk({ locked: true })
  // Chromium writes a script's compiled copy when it runs it again (not the first time): a reload
  // stands in for the next morning's start or the reload after a renderer crash.
  for (let load = 0; load < 2; load++) {
    await kiosk.page.reload()
    await expect(kiosk.page).toHaveURL(/^kiosk:\/\/app\/index\.html#\/$/)
    await settled(kiosk.page)
  }
  await expect
    .poll(() => compiledScripts(kiosk!.dataDir).length, {
      message: 'entries in user-data/Code Cache/js',
      timeout: 15_000,
    })
    .toBeGreaterThan(0)
})

test('refuses navigation away from the app and new windows', async () => {
  kiosk = await launchKiosk({ locked: true })
  const before = (await windowState(kiosk)).url
  await kiosk.page.evaluate(() => {
    location.href = 'https://example.com/'
  })
  const opened = await kiosk.page.evaluate(() => window.open('https://example.com/') === null)
  expect(opened).toBe(true)
  await kiosk.page.evaluate(() => {
    const link = document.createElement('a')
    link.href = 'https://example.com/'
    link.target = '_blank'
    document.body.append(link)
    link.click()
  })
  // Give a navigation the time it would take to start, then check nothing moved.
  await kiosk.page.waitForTimeout(1000)
  expect(await windowState(kiosk)).toMatchObject({ windows: 1, url: before })
})
