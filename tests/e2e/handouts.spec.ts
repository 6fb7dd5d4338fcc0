/**
 * The printable handouts in real Chromium against the preview server and the
 * real content, printed with page.pdf as the batch exporter prints them and
 * read back with poppler (pdfinfo, pdftotext, pdftoppm): page counts on A4 and
 * US Letter in English and Spanish, the red flags and the clinic's phone number,
 * the version and its honest review status, a QR code that scans, personal fields that reach
 * the paper and nothing else, printing from the patient's screens, axe, and the
 * export-handouts command itself.
 */
import { execFileSync, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import jsQR from 'jsqr'
import { PNG } from 'pngjs'
import {
  collectConsoleErrors,
  expectNoAxeViolations,
  api,
  headingsEndingPages,
  startServer,
  stopServer,
} from './kiosk-page'

const ROOT = resolve(import.meta.dirname, '../..')
const CONTENT_DB = join(ROOT, 'resources/content.sqlite')
type Lang = 'en' | 'es'
type Paper = 'a4' | 'letter'
const LANGS: Lang[] = ['en', 'es']

/** What these tests read of the content (src/shared/contract.ts has the whole shape). */
interface Topic {
  id: string
  kind: 'procedure' | 'condition' | 'guide'
}
interface Item {
  kind: 'procedure' | 'condition'
  title: string
  review: { version: number; checkedOn: string | null }
}
interface Procedure extends Item {
  kind: 'procedure'
  redFlags: { urgency: 'call' | 'emergency'; level: Level; levelText: string; text: string }[]
  sections: Section[]
  duration: string
}
interface Condition extends Item {
  kind: 'condition'
  sections: Section[]
}
interface Section {
  key: string
  heading: string
  paragraphs: string[]
}
const PAPERS: Paper[] = ['a4', 'letter']

/** The clinic of the second server: settings written into its data folder before it starts. */
const CLINIC = {
  port: Number(process.env.E2E_PORT ?? 4781) + 2,
  phone: '020 7946 0000',
  website: 'https://riverside-clinic.example/hips',
  pin: '48151623',
}

// ---------- helpers ----------

async function topics(baseURL: string) {
  return api<{ procedures: Topic[]; conditions: Topic[]; guides: Topic[] }>(baseURL, 'listTopics', {
    locale: 'en',
  })
}

const handoutPath = (kind: Topic['kind'], id: string, lang: Lang | 'both', paper: Paper) =>
  `/#/handouts/${kind}s/${id}?lang=${lang}&paper=${paper}`

/**
 * Prints what the page shows, as the batch exporter does (src/core/handouts/export.ts): once
 * the handout in the address is complete, never the one the page showed before (a new address
 * in the same page keeps the last handout, ready, until the route has changed; under load in
 * CI, 7 December, one PDF held only the top bar).
 */
async function printPdf(page: Page, paper: Paper): Promise<Buffer> {
  const [, kind, id, lang] = /#\/handouts\/(\w+)s\/([\w-]+)\?lang=([\w]+)/.exec(page.url()) ?? []
  const shown = kind
    ? `[data-handout-ready-for="${kind}/${id}/${lang}/${paper}"]`
    : '[data-handout-ready="true"]'
  await expect(page.locator(shown)).toHaveCount(1, { timeout: 20_000 })
  await page.emulateMedia({ media: 'print' })
  const pdf = await page.pdf({ format: paper === 'a4' ? 'A4' : 'Letter', printBackground: true })
  await page.emulateMedia({ media: 'screen' })
  return pdf
}

/**
 * Shows a handout: the first one by loading the page, the next ones by changing the address in
 * the same page, as the batch exporter moves from handout to handout (printPdf then waits for
 * the handout now in the address). A page for each would boot the whole app each time.
 */
async function showHandout(page: Page, url: string): Promise<void> {
  const { origin, hash } = new URL(url)
  if (page.url().startsWith(`${origin}/`)) await page.evaluate((to) => (window.location.hash = to), hash)
  else await page.goto(url)
}

function pdfInfo(file: string): { pages: number; size: string } {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' })
  return {
    pages: Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]),
    size: /^Page size:\s+(.+?)\s*(\(.*\))?$/m.exec(info)?.[1] ?? '',
  }
}

/** The PDF's words, white space collapsed, so a sentence broken across lines still reads as one. */
const pdfText = (file: string) =>
  execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim()

/** "Version 1. Not yet checked by a clinician at this clinic." in the handout's language (nothing is signed here). */
function versionLine(item: Item, lang: Lang): string {
  return lang === 'en'
    ? `Version ${item.review.version}. Not yet checked by a clinician at this clinic.`
    : `Versión ${item.review.version}. Ningún profesional sanitario de esta clínica lo ha revisado todavía.`
}

/** Today as a sheet's foot prints it ("Printed 7 Dec 2026" on this server, which has no region set). */
const printedToday = (lang: Lang) =>
  `${lang === 'en' ? 'Printed' : 'Impresa el'} ${new Date().toLocaleDateString(
    lang === 'en' ? 'en-GB' : 'es-ES',
    {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
    },
  )}`

type Level = 'emergency' | 'urgent-same-day' | 'call-clinic' | 'next-visit'
/** The clinic's number beside the red flags' heading (each level's box is headed by the level's own wording). */
const RED_FLAG_HEADINGS: Record<Lang, { phone: string }> = {
  en: { phone: `In opening hours, call us on ${CLINIC.phone}` },
  es: { phone: `En horario de atención, llámenos al ${CLINIC.phone}` },
}

/** Every file under a folder, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path) : [path]
  })
}

/** Whether any of the files holds the text, as UTF-8 or UTF-16 (SQLite may store either). */
function foundIn(files: string[], text: string): string[] {
  const needles = [Buffer.from(text, 'utf8'), Buffer.from(text, 'utf16le')]
  return files.filter((file) => {
    const bytes = readFileSync(file)
    return needles.some((needle) => bytes.includes(needle))
  })
}

// ---------- every handout, as the library stands, on both papers and in both languages ----------

test('every procedure handout is at most 4 pages and every condition 2 pages, on A4 and Letter, in English and Spanish', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(600_000)
  const errors = collectConsoleErrors(page)
  const { procedures, conditions } = await topics(baseURL!)
  expect(procedures.length).toBeGreaterThan(0)
  expect(conditions.length).toBeGreaterThan(0)
  const out = mkdtempSync(join(tmpdir(), 'handouts-'))
  const pages: string[] = []
  try {
    for (const item of [...procedures, ...conditions]) {
      for (const lang of LANGS) {
        const content =
          item.kind === 'procedure'
            ? await api<Procedure>(baseURL!, 'getProcedure', { locale: lang, id: item.id })
            : await api<Condition>(baseURL!, 'getCondition', { locale: lang, id: item.id })
        for (const paper of PAPERS) {
          await showHandout(page, `${baseURL}${handoutPath(item.kind, item.id, lang, paper)}`)
          const file = join(out, `${item.kind}-${item.id}.${lang}.${paper}.pdf`)
          writeFileSync(file, await printPdf(page, paper))
          const info = pdfInfo(file)
          pages.push(`${item.id} ${lang} ${paper}: ${info.pages}`)
          // No sheet ends on a heading whose words are on the next one (HP-16).
          const headings = await page.locator('.handout h2, .handout h3').allTextContents()
          expect(headingsEndingPages(file, headings), file).toEqual([])
          expect(info.size, file).toBe(paper === 'a4' ? '595.92 x 842.88 pts' : '612 x 792 pts')
          expect(info.pages, file).toBeLessThanOrEqual(item.kind === 'procedure' ? 4 : 2)

          const text = pdfText(file)
          expect(text, file).toContain(collapse(content.title))
          expect(text, file).toContain(versionLine(content, lang))
          // No phone is set on this server: no number is made up, and the patient is sent to the desk.
          expect(text, file).toContain(lang === 'en' ? 'Ask at the desk' : 'Pida en recepción')
          if (content.kind === 'procedure') {
            for (const flag of content.redFlags) expect(text, file).toContain(collapse(flag.text))
          }
          // A condition tightened to fit never drops what it is (HP-13): it had been left off in
          // one language and not the other, so a Spanish reader got less than an English one.
          if (content.kind === 'procedure') {
            // …nor a procedure what it can do for you: a page of risks without the benefit is
            // not a fair page to decide on.
            const benefit = content.sections.find((s) => s.key === 'benefits')!.paragraphs[0]!
            expect(text, file).toContain(
              collapse(`${lang === 'en' ? 'What it can do for you' : 'En qué le puede ayudar'}: ${benefit}`),
            )
            // How long it takes, and the other choices, waiting among them (HP-12).
            const choices = content.sections.find((s) => s.key === 'alternatives')!.paragraphs[0]!
            expect(text, file).toContain(
              collapse(`${lang === 'en' ? 'How long it takes' : 'Cuánto dura'}: ${content.duration}`),
            )
            expect(text, file).toContain(
              collapse(`${lang === 'en' ? 'Other choices' : 'Otras opciones'}: ${choices}`),
            )
          }
          if (content.kind === 'condition') {
            const whatItIs = content.sections.find((s) => s.key === 'what-it-is' || s.key === 'what-is-it')
            expect(whatItIs, `${item.id}: no "what it is" section`).toBeDefined()
            expect(text, file).toContain(collapse(whatItIs!.heading))
            expect(text, file).toContain(collapse(whatItIs!.paragraphs[0]!))
          }
          // A bullet in two columns stays whole in one (HP-15): one that ran on into the next
          // column was cut mid-sentence. A split item is laid out as two boxes.
          const split = await page
            .locator('.ho-bullets--columns > li')
            .evaluateAll((items) =>
              items.filter((li) => li.getClientRects().length > 1).map((li) => li.textContent),
            )
          expect(split, file).toEqual([])
        }
      }
    }
  } finally {
    rmSync(out, { recursive: true, force: true })
  }
  test.info().annotations.push({ type: 'pages', description: pages.join('; ') })
  expect(errors).toEqual([])
})

test('a bilingual handout has the English then the Spanish, each starting on a new page, each sheet with its title, print date and number', async ({
  page,
  baseURL,
}) => {
  const out = mkdtempSync(join(tmpdir(), 'handouts-'))
  try {
    await page.goto(handoutPath('procedure', 'ultrasound-guided-hip-injection', 'both', 'a4'))
    const file = join(out, 'both.pdf')
    writeFileSync(file, await printPdf(page, 'a4'))
    const { pages } = pdfInfo(file)
    expect(pages).toBeGreaterThanOrEqual(2)
    // Each language's part keeps to a procedure's limit: at most 4 pages.
    expect(pages).toBeLessThanOrEqual(8)
    const first = pdfText(file)
    const spanishStarts = Array.from({ length: pages }, (_, index) =>
      execFileSync('pdftotext', ['-f', String(index + 1), '-l', String(index + 1), file, '-'], {
        encoding: 'utf8',
      }),
    ).findIndex((text) => text.includes('Información para el paciente'))
    expect(spanishStarts).toBeGreaterThan(0)
    expect(first).toContain('What happens')
    expect(first).toContain('Qué se hace')

    // A sheet that comes loose still says what it is, how old it is and where it goes, in its
    // own language (HP-16, HP-19): "Page 3 of 4" counts the sheets in hand.
    const [en, es] = await Promise.all(
      LANGS.map((locale) =>
        api<Procedure>(baseURL!, 'getProcedure', { locale, id: 'ultrasound-guided-hip-injection' }),
      ),
    )
    const titles = { en: en!.title, es: es!.title }
    for (let number = 1; number <= pages; number++) {
      const lang = number <= spanishStarts ? 'en' : 'es'
      const sheet = collapse(
        execFileSync('pdftotext', ['-f', String(number), '-l', String(number), file, '-'], {
          encoding: 'utf8',
        }),
      )
      expect(sheet, `page ${number}`).toContain(collapse(titles[lang]))
      expect(sheet, `page ${number}`).toContain(
        `${printedToday(lang)} · ${lang === 'en' ? `Page ${number} of ${pages}` : `Página ${number} de ${pages}`}`,
      )
    }
  } finally {
    rmSync(out, { recursive: true, force: true })
  }
})

test('the handout preview screen passes axe, in both languages', async ({ page }) => {
  test.setTimeout(120_000)
  const errors = collectConsoleErrors(page)
  for (const lang of ['en', 'es', 'both'] as const) {
    await page.goto(handoutPath('procedure', 'diagnostic-hip-injection', lang, 'letter'))
    await expect(page.locator('[data-handout-ready="true"]')).toHaveCount(1)
    await expectNoAxeViolations(page, `the procedure handout preview (${lang})`)
  }
  await page.goto(handoutPath('condition', 'septic-arthritis', 'en', 'a4'))
  await expect(page.locator('[data-handout-ready="true"]')).toHaveCount(1)
  await expectNoAxeViolations(page, 'the condition handout preview')
  expect(errors).toEqual([])
})

test('a patient prints a handout from the procedure and condition pages, and a slip from the checklist', async ({
  page,
}) => {
  // The browser's own print is all a plain browser has; count its calls instead of opening a dialog.
  await page.addInitScript(() => {
    const counted = window as unknown as { printed: number }
    counted.printed = 0
    window.print = () => {
      counted.printed += 1
    }
  })
  const counts: unknown[] = []
  page.on('request', (request) => {
    if (request.url().endsWith('/api/recordUsage')) {
      const body = request.postDataJSON() as { event: { metric: string } }
      if (body.event.metric === 'handout') counts.push(body)
    }
  })
  const printed = () => page.evaluate(() => (window as unknown as { printed: number }).printed)

  // A patient's print asks first (the language and the pages: patient-kiosk.spec.ts); Print prints.
  const confirm = async (title = 'Print this handout?') => {
    const dialog = page.getByRole('dialog', { name: title })
    await dialog.getByRole('button', { name: /^Print \d+ pages?$/ }).click()
    await expect(dialog).toBeHidden()
  }

  await page.goto('/#/procedures/ultrasound-guided-hip-injection')
  await page.getByRole('link', { name: 'Print a handout' }).click()
  await expect(page.locator('[data-handout-ready="true"]')).toHaveCount(1)
  await confirm()
  await expect.poll(printed).toBe(1)
  await expect(page).toHaveURL(/#\/handouts\/procedures\/ultrasound-guided-hip-injection\?lang=en$/)
  await expect(page.getByRole('status').filter({ hasText: 'The print window has closed.' })).toBeVisible()
  await expect
    .poll(() => counts)
    .toEqual([{ event: { metric: 'handout', key: 'ultrasound-guided-hip-injection', lang: 'en' } }])

  // Print again by hand; "Back" returns to the procedure.
  await page.getByRole('button', { name: 'Print', exact: true }).click()
  await confirm()
  await expect.poll(printed).toBe(2)
  await page.getByRole('link', { name: /Back/ }).click()
  await expect(page).toHaveURL(/#\/procedures\/ultrasound-guided-hip-injection$/)

  await page.goto('/#/conditions/hip-osteoarthritis')
  await page.getByRole('link', { name: 'Print a handout' }).click()
  await confirm()
  await expect.poll(printed).toBe(3)

  await page.goto('/#/procedures/ultrasound-guided-hip-injection/checklist')
  await page.getByRole('button', { name: 'Print this list' }).click()
  await confirm('Print this list?')
  await expect.poll(printed).toBe(4)
  // The slip alone goes on paper, small: one page, no kiosk buttons.
  const out = mkdtempSync(join(tmpdir(), 'slip-'))
  try {
    const file = join(out, 'slip.pdf')
    await page.emulateMedia({ media: 'print' })
    writeFileSync(file, await page.pdf({ format: 'A4', printBackground: true }))
    expect(pdfInfo(file).pages).toBe(1)
    const text = pdfText(file)
    expect(text).toContain('My questions')
    expect(text).not.toContain('Print this list')
    expect(text).not.toContain('Read aloud')
  } finally {
    rmSync(out, { recursive: true, force: true })
  }
})

// ---------- a clinic with its own phone number, website and staff PIN ----------

test.describe.serial('a clinic’s handouts', () => {
  let server: ChildProcess | undefined
  let dataDir = ''
  const base = `http://127.0.0.1:${CLINIC.port}`

  test.beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'kiosk-data-'))
    // The command line cannot set these yet: the core's openDataDb and updateSettings write them
    // into the data folder's kiosk.sqlite (tests/fixtures/clinic-settings.ts) before the server starts.
    const settings = {
      clinicName: 'Riverside Hip Clinic',
      clinicPhone: CLINIC.phone,
      clinicWebsite: CLINIC.website,
    }
    execFileSync(
      process.execPath,
      ['tests/fixtures/clinic-settings.ts', dataDir, JSON.stringify(settings), CLINIC.pin],
      {
        cwd: ROOT,
      },
    )
    server = await startServer(['--data-dir', dataDir], CLINIC.port)
  })

  test.afterAll(async () => {
    await stopServer(server)
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  })

  test('carry the red flags, the clinic’s phone number, the version and review date, in both languages', async ({
    page,
  }) => {
    test.setTimeout(240_000)
    const { procedures, conditions } = await topics(base)
    const out = mkdtempSync(join(tmpdir(), 'handouts-'))
    try {
      for (const item of [...procedures, ...conditions]) {
        for (const lang of LANGS) {
          const paper: Paper = lang === 'en' ? 'a4' : 'letter'
          await showHandout(page, `${base}${handoutPath(item.kind, item.id, lang, paper)}`)
          const file = join(out, `${item.id}.${lang}.pdf`)
          writeFileSync(file, await printPdf(page, paper))
          expect(pdfInfo(file).pages, file).toBeLessThanOrEqual(item.kind === 'procedure' ? 4 : 2)
          const text = pdfText(file)
          expect(text, file).toContain('Riverside Hip Clinic')
          expect(text, file).toContain(RED_FLAG_HEADINGS[lang].phone)
          if (item.kind === 'procedure') {
            const content = await api<Procedure>(base, 'getProcedure', { locale: lang, id: item.id })
            for (const levelText of new Set(content.redFlags.map((flag) => flag.levelText)))
              expect(text, file).toContain(collapse(levelText))
            for (const flag of content.redFlags) expect(text, file).toContain(collapse(flag.text))
            expect(text, file).toContain(versionLine(content, lang))
          } else {
            const content = await api<Condition>(base, 'getCondition', { locale: lang, id: item.id })
            expect(text, file).toContain(versionLine(content, lang))
          }
        }
      }
    } finally {
      rmSync(out, { recursive: true, force: true })
    }
  })

  test('carry a QR code that scans to the clinic’s website', async ({ page }) => {
    const out = mkdtempSync(join(tmpdir(), 'handouts-'))
    try {
      for (const [kind, id] of [
        ['procedure', 'diagnostic-hip-injection'],
        ['condition', 'trochanteric-bursitis'],
      ] as const) {
        await page.goto(`${base}${handoutPath(kind, id, 'en', 'letter')}`)
        const file = join(out, `${id}.pdf`)
        writeFileSync(file, await printPdf(page, 'letter'))
        const { pages } = pdfInfo(file)
        // The code sits at the end, beside "More information".
        execFileSync('pdftoppm', [
          '-png',
          '-r',
          '150',
          '-f',
          String(pages),
          '-l',
          String(pages),
          file,
          join(out, id),
        ])
        const image = readdirSync(out).find((name) => name.startsWith(id) && name.endsWith('.png'))!
        const png = PNG.sync.read(readFileSync(join(out, image)))
        const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)
        expect(code?.data, `${id}: the QR code`).toBe(CLINIC.website)
        expect(pdfText(file)).toContain('More information: riverside-clinic.example/hips')
      }
    } finally {
      rmSync(out, { recursive: true, force: true })
    }
  })

  test('print what staff typed for one patient, and keep it nowhere: not the address, the browser or the disk', async ({
    page,
  }) => {
    test.setTimeout(90_000)
    const errors = collectConsoleErrors(page)
    const typed = {
      clinician: 'Dr Xanthippe Quillfeather',
      medicines: 'Zorbamycin 7 mg',
      instructions: 'Keep the plaster on; no swimming until Thursday. Ref Q7-Vellichor.',
    }
    const out = mkdtempSync(join(tmpdir(), 'handouts-'))
    try {
      // Staff screens are behind the PIN (issue 6); the form is one of them.
      await page.goto(`${base}/#/staff/handout/procedure/ultrasound-guided-hip-injection`)
      const form = page.getByRole('heading', { level: 1, name: 'Prepare a handout' })
      const pin = page.locator('[data-staff-pin]')
      await expect(form.or(pin)).toBeVisible()
      if (await pin.isVisible()) {
        await pin.fill(CLINIC.pin)
        await pin.press('Enter')
      }
      await expect(form).toBeVisible()
      await expectNoAxeViolations(page, 'the staff handout form')

      await page.getByLabel('Procedure date', { exact: true }).fill('2026-03-03')
      await page.getByLabel('Time', { exact: true }).fill('10:30')
      await page.getByRole('radio', { name: 'Left', exact: true }).check()
      await page.getByLabel('Medicine(s) injected', { exact: true }).fill(typed.medicines)
      await page.getByLabel('Clinician name', { exact: true }).fill(typed.clinician)
      await page.getByLabel('Follow-up date', { exact: true }).fill('2026-04-14')
      await page.getByLabel('Instructions for the patient', { exact: true }).fill(typed.instructions)
      await page.getByRole('radio', { name: 'English and Spanish', exact: true }).check()
      // The paper is the one in Settings (A4 here): the form does not ask it again.
      await expect(page.locator('[data-staff-handout-paper]')).toContainText('Paper: A4 (from Settings).')
      await page.getByRole('button', { name: 'Preview and print' }).click()

      await expect(page).toHaveURL(
        /#\/handouts\/procedures\/ultrasound-guided-hip-injection\?lang=both&paper=a4$/,
      )
      const file = join(out, 'personal.pdf')
      writeFileSync(file, await printPdf(page, 'a4'))
      const text = pdfText(file)
      for (const value of Object.values(typed)) {
        expect(text).toContain(value)
        expect(page.url()).not.toContain(encodeURIComponent(value).slice(0, 12))
      }
      expect(text).toMatch(/Tuesday,? 3 March 2026, 10:30/)
      expect(text).toContain('Which hip: Left')
      expect(text).toContain('Qué cadera: Izquierda')
      const { pages } = pdfInfo(file)
      // Two languages, each at most a procedure's 4 pages.
      expect(pages).toBeLessThanOrEqual(8)

      // Staff in a browser print with its own dialog, which cannot say whether it printed or was
      // cancelled: the fields stay for another try, until staff clear them.
      await page.evaluate(() => {
        window.print = () => {}
      })
      await page.getByRole('button', { name: 'Print', exact: true }).click()
      await expect(page.getByRole('status').filter({ hasText: 'The print window has closed.' })).toBeVisible()
      await expect(page.locator('.ho-part').first()).toContainText(typed.clinician)
      await page.getByRole('button', { name: 'Clear the details' }).click()
      await expect(page.locator('.ho-part').first()).not.toContainText(typed.clinician)

      const stored = await page.evaluate(async () => ({
        local: localStorage.length,
        session: sessionStorage.length,
        cookie: document.cookie,
        databases: (await indexedDB.databases()).length,
      }))
      expect(stored).toEqual({ local: 0, session: 0, cookie: '', databases: 0 })
    } finally {
      rmSync(out, { recursive: true, force: true })
    }
    await page.close()
    // Nothing typed reached the kiosk's data folder (settings, counts, WAL) or the content database.
    await stopServer(server)
    server = undefined
    const files = [...filesUnder(dataDir), CONTENT_DB]
    expect(files.length).toBeGreaterThan(1)
    for (const value of Object.values(typed)) expect(foundIn(files, value), value).toEqual([])
    expect(errors).toEqual([])
  })
})

// ---------- the batch export, as front-desk staff would run it ----------

test('export-handouts writes one PDF per item and language, and says which engine printed', async ({
  baseURL,
}) => {
  test.setTimeout(600_000)
  const { procedures, conditions, guides } = await topics(baseURL!)
  // What each file must show, asked before the export (its minutes leave the API's sockets idle).
  const shown = new Map<string, Item>()
  for (const item of [...procedures, ...conditions]) {
    for (const lang of LANGS) {
      const method = item.kind === 'procedure' ? 'getProcedure' : 'getCondition'
      shown.set(
        `${item.kind}-${item.id}.${lang}`,
        await api<Item>(baseURL!, method, { locale: lang, id: item.id }),
      )
    }
  }
  const out = mkdtempSync(join(tmpdir(), 'binder-'))
  try {
    const log = execFileSync(
      process.execPath,
      ['src/cli/kiosk.ts', 'export-handouts', '--out', out, '--lang', 'both', '--paper', 'letter'],
      { cwd: ROOT, encoding: 'utf8', timeout: 540_000 },
    )
    expect(log).toMatch(/^Printing with Chromium at .+ \(through playwright-core\)$/m)
    const expected = [...procedures, ...conditions, ...guides].flatMap((item) =>
      LANGS.map((lang) => `${item.kind}-${item.id}.${lang}.pdf`),
    )
    expect(readdirSync(out).sort()).toEqual(expected.sort())
    expect(log).toContain(`Exported ${expected.length} handouts to ${out}`)
    for (const name of expected) {
      const info = pdfInfo(join(out, name))
      expect(info.size, name).toBe('612 x 792 pts')
      expect(info.pages, name).toBeLessThanOrEqual(name.startsWith('procedure-') ? 4 : 2)
    }
    // The exporter moves one loaded page from handout to handout: each file must
    // hold its own item in its own language, never the handout shown before it.
    for (const [name, content] of shown) {
      const lang = name.slice(-2) as Lang
      const text = pdfText(join(out, `${name}.pdf`))
      expect(text, name).toContain(collapse(content.title))
      expect(text, name).toContain(collapse(versionLine(content, lang)))
    }
  } finally {
    rmSync(out, { recursive: true, force: true })
  }
})

// ---------- the first page as an image ----------

test('the first page, as an image, keeps inside its margins and shows the clinic’s heading', async ({
  page,
}, testInfo) => {
  const out = mkdtempSync(join(tmpdir(), 'handouts-'))
  try {
    await page.goto(handoutPath('procedure', 'ultrasound-guided-hip-injection', 'en', 'a4'))
    const file = join(out, 'first.pdf')
    writeFileSync(file, await printPdf(page, 'a4'))
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '72',
      '-f',
      '1',
      '-l',
      '1',
      '-singlefile',
      file,
      join(out, 'first'),
    ])
    const image = join(out, 'first.png')
    await testInfo.attach('first page (A4, English)', { path: image, contentType: 'image/png' })
    const png = PNG.sync.read(readFileSync(image))
    // 72 dpi: 1 px = 1 pt. Nothing may be drawn in the outer 7 mm (20 pt) of the sheet.
    const band = 20
    const inked: string[] = []
    for (let y = 0; y < png.height; y++) {
      for (let x = 0; x < png.width; x++) {
        if (x >= band && x < png.width - band && y >= band && y < png.height - band) continue
        const i = (y * png.width + x) * 4
        if (png.data[i]! < 200 || png.data[i + 1]! < 200 || png.data[i + 2]! < 200) inked.push(`${x},${y}`)
      }
    }
    expect(inked.slice(0, 5), 'ink in the page margin').toEqual([])
    // Something on every quarter of the page: no half-empty first page.
    const quarter = Math.floor(png.height / 4)
    for (let q = 0; q < 4; q++) {
      let dark = 0
      for (let y = q * quarter; y < (q + 1) * quarter; y++)
        for (let x = band; x < png.width - band; x++) if (png.data[(y * png.width + x) * 4]! < 128) dark++
      expect(dark, `quarter ${q + 1} of the first page`).toBeGreaterThan(500)
    }
  } finally {
    rmSync(out, { recursive: true, force: true })
  }
})
