/**
 * Languages are data: French added as content files (tests/fixtures/french, one
 * procedure translated) and one messages file (src/renderer/src/locales/fr.json),
 * with no code, in real Chromium against a kiosk serving that content. The
 * language switch offers it by its own name; the translated procedure is in
 * French; an item not yet translated is in English with a note, on screen and
 * on its handout.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { expect, test } from '@playwright/test'
import { collectConsoleErrors } from './kiosk-page'

const ROOT = resolve(import.meta.dirname, '../..')
const NOTE_FR = "Cette page n'est pas encore disponible en français ; elle est affichée en anglais."

let dir = ''
let server: ChildProcess | undefined
let base = ''

test.describe.configure({ mode: 'serial' })

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kiosk-languages-'))
  const content = join(dir, 'content')
  cpSync(join(ROOT, 'tests/fixtures/content'), content, { recursive: true })
  cpSync(join(ROOT, 'tests/fixtures/french'), content, {
    recursive: true,
    filter: (source) => !source.endsWith('README.md'),
  })
  const db = join(dir, 'content.sqlite')
  execFileSync(process.execPath, ['src/cli/kiosk.ts', 'build-content', '--content', content, '--out', db], {
    cwd: ROOT,
    stdio: 'ignore',
  })
  server = spawn(process.execPath, ['src/cli/kiosk.ts', 'serve', '--port', '0', '--db', db], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  base = await new Promise<string>((resolveBase, reject) => {
    let out = ''
    server!.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const found = /Kiosk preview on (http:\/\/\S+)/.exec(out)
      if (found) resolveBase(found[1]!.replace(/\/$/, ''))
    })
    server!.once('exit', () => reject(new Error(`the server stopped: ${out}`)))
  })
})

test.afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((r) => server!.once('exit', r))
    server.kill('SIGTERM')
    await exited
  }
  if (dir) rmSync(dir, { recursive: true, force: true })
})

test('a language added as files: the switch offers it, translated items are in it, others in English with a note', async ({
  page,
}) => {
  const errors = collectConsoleErrors(page)
  await page.goto(`${base}/`)
  // The attract screen offers each language by its own name; French starts the session in French.
  await page.getByRole('button', { name: 'Français Touchez pour commencer' }).click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Que voulez-vous savoir ?')
  const bar = page.getByRole('group', { name: 'Langue' })
  await expect(bar.getByRole('button')).toHaveText(['English', 'Español', 'Français'])

  // The translated procedure: in French, with no note.
  await page.goto(`${base}/#/procedures`)
  await expect(page.getByRole('link', { name: /Injection d'essai/ })).toBeVisible()
  await page.goto(`${base}/#/procedures/test-injection/steps/1`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Allongez-vous')
  await expect(page.getByText('Étape 1 sur 3')).toBeVisible()
  await expect(page.locator('[data-translation-note]')).toHaveCount(0)
  // Its risks, each band in the language's own words and numbers (its messages file, not code).
  await page.goto(`${base}/#/procedures/test-injection/risks`)
  await expect(page.getByRole('heading', { level: 2, name: 'Fréquent', exact: true })).toBeVisible()
  await expect(page.getByText('Fréquent : jusqu’à 1 personne sur 10', { exact: true }).first()).toBeVisible()

  // Not yet in French: listed in English, marked, and shown whole in English with the note.
  await page.goto(`${base}/#/conditions`)
  // A message French does not have yet falls back to English, never a raw key.
  await expect(page.getByText('The most common causes come first. Tap one to read about it.')).toBeVisible()
  const card = page.getByRole('link', { name: /Sore hip/ })
  await expect(card.locator('[data-translation-note]')).toHaveText('En anglais')
  await card.click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sore hip')
  await expect(page.getByRole('note')).toHaveText(NOTE_FR)

  // The handouts: the French procedure in French; the condition in English, the note first, in French.
  await page.goto(`${base}/#/handouts/procedures/test-injection?lang=fr&paper=a4`)
  const ready = page.locator('[data-handout-ready="true"]')
  await expect(ready).toBeVisible()
  await expect(ready.locator('[data-handout-lang="fr"]')).toContainText("Injection d'essai")
  await expect(ready.locator('[data-handout-section="risks"]')).toContainText(
    'Fréquent : jusqu’à 1 personne sur 10',
  )
  await page.goto(`${base}/#/handouts/conditions/sore-hip?lang=fr&paper=a4`)
  await expect(ready).toBeVisible()
  await expect(ready.locator('[data-handout-lang="en"]')).toContainText('Sore hip')
  await expect(ready.locator('[data-translation-note]')).toHaveText(NOTE_FR)
  await expect(ready.locator('[data-translation-note]')).toHaveAttribute('lang', 'fr')
  expect(errors).toEqual([])
})
