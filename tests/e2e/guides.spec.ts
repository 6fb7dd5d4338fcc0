/**
 * The self-care guides ("Looking after your hip") in real Chromium against the
 * preview server and the real content: each opens from the home screen, the
 * exercise programme shows a picture per exercise, and the diabetes guide's
 * handout prints from its screen and fits one page in English and Spanish.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import {
  collectConsoleErrors,
  expectNoAxeViolations,
  goTo,
  settled,
  api,
  headingsEndingPages,
} from './kiosk-page'

interface Topic {
  id: string
  title: string
}
interface Guide {
  title: string
  sections: { heading: string; paragraphs: string[]; picture?: string }[]
  redFlags: { urgency: 'call' | 'emergency'; text: string }[]
  review: { version: number }
}

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim()

test('each guide opens from "Looking after your hip" on the home screen', async ({ page, baseURL }) => {
  const errors = collectConsoleErrors(page)
  const { guides } = await api<{ guides: Topic[] }>(baseURL!, 'listTopics', { locale: 'en' })
  expect(guides.map((g) => g.id)).toEqual([
    'pain-relief-medicines',
    'hip-exercises',
    'broken-hip-and-osteoporosis',
    'steroid-injections-and-diabetes',
    'when-the-clinic-is-closed',
  ])
  await page.goto('/#/home')
  await settled(page)
  const group = page.getByRole('region', { name: 'Looking after your hip' })
  for (const guide of guides) {
    await group.getByRole('link', { name: new RegExp(`^${guide.title}`) }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(guide.title)
    await settled(page)
    await expect(
      page.getByText('Not yet checked by a clinician at this clinic', { exact: false }).first(),
    ).toBeVisible()
    if (guide.id === 'hip-exercises') {
      // Seven exercises, each drawn: a picture named for what it shows, beside its steps.
      const pictures = page.locator('[data-guide-section] svg[role="img"]')
      await expect(pictures).toHaveCount(7)
      const names = await pictures.evaluateAll((svgs) => svgs.map((svg) => svg.getAttribute('aria-label')))
      expect(new Set(names).size).toBe(7)
      await expectNoAxeViolations(page, 'the exercise guide')
    }
    if (guide.id === 'broken-hip-and-osteoporosis') {
      await expect(page.getByRole('main')).toContainText('cannot get up or stand')
    }
    await goTo(page, '/home')
  }
  expect(errors).toEqual([])
})

test('the diabetes handout prints from its guide, on one page in English and in Spanish', async ({
  page,
  baseURL,
}) => {
  const errors = collectConsoleErrors(page)
  // A patient's print goes to the printer: count the prints instead.
  await page.addInitScript(() => {
    const counted = window as unknown as { printed: number }
    counted.printed = 0
    window.print = () => {
      counted.printed += 1
    }
  })
  await page.goto('/#/guides/steroid-injections-and-diabetes')
  await settled(page)
  await page.getByRole('link', { name: 'Print a handout' }).click()
  await expect(page).toHaveURL(/#\/handouts\/guides\/steroid-injections-and-diabetes\?lang=en/)
  // A patient's print asks first: this guide is one page, and nothing prints until Print is tapped.
  const consent = page.getByRole('dialog', { name: 'Print this handout?' })
  await consent.getByRole('button', { name: 'Print 1 page' }).click()
  await expect(consent).toBeHidden()
  await expect.poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1)

  const out = mkdtempSync(join(tmpdir(), 'guide-handout-'))
  try {
    for (const lang of ['en', 'es'] as const) {
      const guide = await api<Guide>(baseURL!, 'getGuide', {
        locale: lang,
        id: 'steroid-injections-and-diabetes',
      })
      await page.goto(`/#/handouts/guides/steroid-injections-and-diabetes?lang=${lang}&paper=a4`)
      await expect(page.locator('[data-handout-ready="true"]')).toHaveCount(1, { timeout: 15_000 })
      await page.emulateMedia({ media: 'print' })
      const file = join(out, `diabetes.${lang}.pdf`)
      writeFileSync(file, await page.pdf({ format: 'A4', printBackground: true }))
      await page.emulateMedia({ media: 'screen' })
      const pages = Number(
        /^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1],
      )
      expect(pages, file).toBe(1)
      const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')
      expect(text).toContain(collapse(guide.title))
      // The one diabetes statement, as the procedures say it.
      expect(text).toContain(collapse(guide.sections[0]!.paragraphs[0]!))
      for (const flag of guide.redFlags) expect(text).toContain(collapse(flag.text))
      expect(text).toContain(
        lang === 'en'
          ? `Version ${guide.review.version}. Not yet checked by a clinician at this clinic.`
          : `Versión ${guide.review.version}. Ningún profesional sanitario de esta clínica lo ha revisado todavía.`,
      )
    }
  } finally {
    rmSync(out, { recursive: true, force: true })
  }
  expect(errors).toEqual([])
})

test('every guide handout fits the pages it allows on A4 and Letter, in English and Spanish', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(120_000)
  const { guides } = await api<{ guides: Topic[] }>(baseURL!, 'listTopics', { locale: 'en' })
  const out = mkdtempSync(join(tmpdir(), 'guide-handouts-'))
  const allowed = async (id: string) =>
    (await api<{ handoutPages: number }>(baseURL!, 'getGuide', { locale: 'en', id })).handoutPages
  const pages: string[] = []
  try {
    for (const guide of guides) {
      for (const lang of ['en', 'es'] as const) {
        for (const paper of ['a4', 'letter'] as const) {
          await page.goto(`/#/handouts/guides/${guide.id}?lang=${lang}&paper=${paper}`)
          await expect(page.locator('[data-handout-ready="true"]')).toHaveCount(1, { timeout: 15_000 })
          await page.emulateMedia({ media: 'print' })
          const file = join(out, `${guide.id}.${lang}.${paper}.pdf`)
          const format = paper === 'a4' ? 'A4' : 'Letter'
          writeFileSync(file, await page.pdf({ format, printBackground: true }))
          await page.emulateMedia({ media: 'screen' })
          // No sheet ends on a heading whose words are on the next one (HP-16).
          const headings = await page.locator('.handout h2, .handout h3').allTextContents()
          expect.soft(headingsEndingPages(file, headings), file).toEqual([])
          const count = Number(
            /^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1],
          )
          pages.push(`${guide.id} ${lang} ${paper}: ${count}`)
          expect.soft(count, file).toBeLessThanOrEqual(await allowed(guide.id))
        }
      }
    }
  } finally {
    rmSync(out, { recursive: true, force: true })
  }
  test.info().annotations.push({ type: 'pages', description: pages.join('; ') })
})
