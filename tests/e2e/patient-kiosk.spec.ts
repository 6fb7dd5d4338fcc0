/**
 * The patient's kiosk as a product, in real Chromium: an attract screen that
 * invites (the clinic's name and logo, a gentle loop through the topics, no
 * toolbar, a tap anywhere starts; still under reduced motion), a print that
 * asks first (language, pages, print or cancel) and that staff can turn off,
 * read-aloud with slower speed, repeat and back a sentence (and a read button
 * in a glossary meaning), and a "not found" page in Spanish that offers
 * English only where English has the page.
 *
 * Debian's Chromium has no system voices: read-aloud is watched through a
 * stand-in speechSynthesis installed in the page (one local voice per
 * language), which records each utterance and ends it when the test says so.
 */
import { expect, test, type Page } from '@playwright/test'
import { startClinicServer, type ClinicServer } from './clinic-server'
import { PROCEDURE, expectNoAxeViolations, goTo, settled, smallTapTargets } from './kiosk-page'

const h1 = (page: Page) => page.getByRole('heading', { level: 1 })

/** Counts the browser's own print (all a plain browser has) instead of opening its dialog. */
function countPrints(): void {
  const counted = window as unknown as { printed: number }
  counted.printed = 0
  window.print = () => {
    counted.printed += 1
  }
}
const printed = (page: Page) => page.evaluate(() => (window as unknown as { printed: number }).printed)

interface Spoken {
  text: string
  rate: number
}

/** A system voice in the page: records what is said and at what rate, and ends an utterance when told. */
function standInVoices(): void {
  type Utterance = {
    text: string
    rate: number
    onend?: () => void
    onerror?: (e: { error: string }) => void
  }
  const spoken: { text: string; rate: number }[] = []
  let current: Utterance | null = null
  class StandInUtterance {
    text: string
    rate = 1
    voice: unknown = null
    lang = ''
    onend?: () => void
    onerror?: (e: { error: string }) => void
    constructor(text: string) {
      this.text = text
    }
  }
  const voices = [
    { name: 'Stand-in English', lang: 'en-GB', localService: true, default: true, voiceURI: 'en' },
    { name: 'Stand-in Español', lang: 'es-ES', localService: true, default: false, voiceURI: 'es' },
  ]
  const synth = {
    speaking: false,
    pending: false,
    paused: false,
    getVoices: () => voices,
    speak(utterance: Utterance) {
      spoken.push({ text: utterance.text, rate: utterance.rate })
      current = utterance
    },
    cancel() {
      const was = current
      current = null
      was?.onerror?.({ error: 'interrupted' })
    },
    pause() {},
    resume() {},
    addEventListener() {},
    removeEventListener() {},
  }
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true })
  Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: StandInUtterance, configurable: true })
  Object.assign(window, {
    standIn: {
      spoken,
      finish() {
        const was = current
        current = null
        was?.onend?.()
      },
    },
  })
}
type StandIn = { standIn: { spoken: Spoken[]; finish(): void } }
const spoken = (page: Page) => page.evaluate(() => (window as unknown as StandIn).standIn.spoken)
const lastSpoken = async (page: Page) => (await spoken(page)).at(-1)

// ---------------------------------------------------------------- attract

test.describe('the attract screen', () => {
  test('has no toolbar, loops gently through the topics, and a tap anywhere starts', async ({ page }) => {
    test.setTimeout(60_000)
    await page.goto('/')
    await expect(h1(page)).toHaveText('Hip pain: information for you')
    await expect(page.getByRole('banner')).toHaveCount(0)
    await expect(page.getByRole('button', { name: 'Large text' })).toHaveCount(0)
    const loop = page.locator('[data-attract-loop]')
    await expect(loop.locator('[data-attract-topic]').first()).toBeVisible()
    expect(await loop.evaluate((element) => element.getAnimations({ subtree: true }).length)).toBeGreaterThan(
      0,
    )
    await expectNoAxeViolations(page, 'the attract screen')
    expect(await smallTapTargets(page)).toEqual([])

    // A tap on empty space, far from every button, starts the session.
    const size = page.viewportSize()!
    await page.touchscreen.tap(size.width - 12, size.height - 12)
    await expect(page).toHaveURL(/#\/home$/)
    await expect(page.getByRole('banner').getByRole('button', { name: 'Large text' })).toBeVisible()
  })

  test('keeps still for someone who asked for reduced motion', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' })
    await page.goto('/')
    const loop = page.locator('[data-attract-loop]')
    await expect(loop.locator('[data-attract-topic]').first()).toBeVisible()
    expect(await page.evaluate(() => document.getAnimations().length)).toBe(0)
  })
})

// ---------------------------------------------------------------- printing

test.describe('a patient’s print', () => {
  test('asks first: the language, how many pages, then prints or cancels', async ({ page }) => {
    await page.addInitScript(countPrints)
    await page.goto(`/#${PROCEDURE}`)
    await settled(page)
    await page.getByRole('link', { name: 'Print a handout' }).click()
    const dialog = page.getByRole('dialog', { name: 'Print this handout?' })
    await expect(dialog).toBeVisible()
    await expect(page.locator('[data-handout-ready="true"]')).toHaveCount(1)
    await expect(dialog.getByRole('radio', { name: 'English', exact: true })).toBeChecked()
    await expect(dialog.getByRole('radio', { name: 'Español', exact: true })).not.toBeChecked()
    const pages = async () => Number(/It will be (\d+) pages?/.exec(await dialog.innerText())?.[1])
    await expect.poll(pages).toBeGreaterThanOrEqual(2)
    const english = await pages()
    expect(await printed(page)).toBe(0)
    await expectNoAxeViolations(page, 'the print dialog')
    expect(await smallTapTargets(page)).toEqual([])

    // Both languages: the handout shows both, and the count says so.
    await dialog.getByRole('radio', { name: /^Both/ }).check()
    await expect(page).toHaveURL(/lang=both/)
    await expect.poll(pages).toBeGreaterThan(english)

    // Cancel prints nothing.
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    await expect(dialog).toBeHidden()
    await page.waitForTimeout(300)
    expect(await printed(page)).toBe(0)

    // Print on the preview asks again; confirming prints once.
    await page.getByRole('button', { name: 'Print', exact: true }).click()
    await expect(dialog).toBeVisible()
    await dialog.getByRole('button', { name: /^Print \d+ pages$/ }).click()
    await expect.poll(() => printed(page)).toBe(1)
    await expect(dialog).toBeHidden()
  })
})

// ---------------------------------------------------------------- read aloud

test.describe('read aloud', () => {
  test('reads slower or at normal speed, goes back a sentence and repeats one', async ({ page }) => {
    await page.addInitScript(standInVoices)
    await page.goto(`/#${PROCEDURE}/steps/1`)
    await settled(page)
    const title = await h1(page).innerText()
    await page.getByRole('button', { name: 'Read aloud' }).click()
    await expect.poll(async () => (await spoken(page)).length).toBe(1)
    const normal = (await lastSpoken(page))!
    expect(normal.text).toBe(title)

    const bar = page.getByRole('region', { name: 'Reading aloud' })
    for (const name of ['Slower', 'Back a sentence', 'Repeat', 'Pause', 'Stop'])
      await expect(bar.getByRole('button', { name, exact: true })).toBeVisible()
    await expectNoAxeViolations(page, 'the reading bar', '.read-aloud__bar')
    expect(await smallTapTargets(page)).toEqual([])

    // Slower says the sentence again, slower; a second tap goes back to normal speed.
    const slower = bar.getByRole('button', { name: 'Slower', exact: true })
    await slower.click()
    await expect(slower).toHaveAttribute('aria-pressed', 'true')
    await expect.poll(async () => (await spoken(page)).length).toBe(2)
    expect(await lastSpoken(page)).toEqual({ text: title, rate: expect.any(Number) })
    expect((await lastSpoken(page))!.rate).toBeLessThan(normal.rate)
    await slower.click()
    await expect(slower).toHaveAttribute('aria-pressed', 'false')
    await expect.poll(async () => (await spoken(page)).length).toBe(3)
    expect(await lastSpoken(page)).toEqual(normal)

    // On to the next sentence, then back one, then that one again.
    await page.evaluate(() => (window as unknown as StandIn).standIn.finish())
    await expect.poll(async () => (await spoken(page)).length).toBe(4)
    const second = (await lastSpoken(page))!.text
    expect(second).not.toBe(title)
    await bar.getByRole('button', { name: 'Back a sentence' }).click()
    await expect.poll(async () => (await spoken(page)).length).toBe(5)
    expect((await lastSpoken(page))!.text).toBe(title)
    await bar.getByRole('button', { name: 'Repeat' }).click()
    await expect.poll(async () => (await spoken(page)).length).toBe(6)
    expect((await lastSpoken(page))!.text).toBe(title)
  })

  test('a glossary meaning is read on its own from its read button', async ({ page }) => {
    await page.addInitScript(standInVoices)
    await page.goto(`/#${PROCEDURE}/steps/4`)
    await settled(page)
    const main = page.getByRole('main')
    await main.getByRole('button', { name: 'ultrasound', exact: true }).click()
    const meaning = main.getByRole('group', { name: 'ultrasound' })
    await meaning.getByRole('button', { name: 'Read aloud: ultrasound' }).click()
    await expect.poll(async () => (await spoken(page)).length).toBe(1)
    expect((await lastSpoken(page))!.text).toBe('ultrasound')
    // Sentence by sentence to the end of the meaning, and no further: the step's own text is not read.
    const bar = page.getByRole('region', { name: 'Reading aloud' })
    for (let i = 0; i < 6 && (await bar.count()) > 0; i++) {
      const before = (await spoken(page)).length
      await page.evaluate(() => (window as unknown as StandIn).standIn.finish())
      await expect
        .poll(async () => (await spoken(page)).length > before || (await bar.count()) === 0)
        .toBe(true)
    }
    await expect(bar).toHaveCount(0)
    const meaningText = (await meaning.innerText()).replace(/\s+/g, ' ')
    const said = (await spoken(page)).map((s) => s.text)
    expect(said.join(' ')).toContain('sound waves')
    for (const sentence of said) expect(meaningText).toContain(sentence)
    expect(await smallTapTargets(page)).toEqual([])
  })
})

// ---------------------------------------------------------------- not found, in Spanish

test.describe('“not found” in Spanish', () => {
  async function inSpanish(page: Page, path: string): Promise<void> {
    await page.goto('/#/home')
    await settled(page)
    await page.getByRole('banner').getByRole('button', { name: 'Español', exact: true }).click()
    await expect(h1(page)).toHaveText('¿Qué le gustaría saber?')
    await page.evaluate((hash) => (window.location.hash = hash), `#${path}`)
  }

  test('an item that English does not have either: the list, not English', async ({ page }) => {
    await inSpanish(page, '/conditions/no-such-condition')
    await expect(h1(page)).toHaveText('No encontramos esta página')
    await expect(page.getByRole('button', { name: /Leer en inglés/ })).toHaveCount(0)
    await page.getByRole('link', { name: 'Ver la lista' }).click()
    await expect(page).toHaveURL(/#\/conditions$/)
    await expect(h1(page)).toHaveText('¿Por qué me duele la cadera?')
  })

  test('an item English has: English', async ({ page }) => {
    // A handout asked for in a language this kiosk does not offer: the condition is there in English.
    await inSpanish(page, '/handouts/conditions/hip-osteoarthritis?lang=fr')
    await expect(h1(page)).toHaveText('Esta información todavía no está disponible en español')
    await page.getByRole('button', { name: /Leer en inglés/ }).click()
    await expect(page.locator('[data-handout-ready="true"]')).toHaveCount(1)
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  })
})

// ---------------------------------------------------------------- the home screen from the build

type DoorWitness = { firstDoor: Element | null }

/** Remembers the first door element the page shows, to tell a takeover of the build's markup from a rebuild. */
function rememberFirstDoor(): void {
  const seen = window as unknown as DoorWitness
  seen.firstDoor = null
  new MutationObserver((_, observer) => {
    const door = document.querySelector('#app .door')
    if (door) {
      seen.firstDoor = door
      observer.disconnect()
    }
  }).observe(document, { childList: true, subtree: true })
}

test.describe('the home screen rendered at build time', () => {
  test('opened at home, the page takes over the build’s markup: no mismatch, no CSP report, doors that work', async ({
    page,
    request,
  }) => {
    const served = await (await request.get('/')).text()
    expect(served).toMatch(
      /<template id="prerendered-home">[^]*What would you like to know\?[^]*<\/template>/,
    )
    const complaints: string[] = []
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') complaints.push(message.text())
    })
    await page.addInitScript(rememberFirstDoor)
    await page.goto('/#/home')
    await settled(page)
    await expect(page.locator('.guides li').first()).toBeVisible()
    // The door the build wrote is the one on screen: hydrated, not thrown away and built again.
    expect(
      await page.evaluate(
        () => document.querySelector('#app .door') === (window as unknown as DoorWitness).firstDoor,
      ),
    ).toBe(true)
    expect(complaints).toEqual([])
    // The closed keyboard's v-show, left out of the markup for the CSP, is the hydration's to apply.
    await expect(page.getByRole('group', { name: 'On-screen keyboard' })).toBeHidden()
    await page.locator('.door').first().tap()
    await expect(h1(page)).toHaveText('Why does my hip hurt?')
  })

  test('opened anywhere else (the kiosk starts at the attract screen), the build’s home screen never shows', async ({
    page,
  }) => {
    const firstDoor = () => page.evaluate(() => (window as unknown as DoorWitness).firstDoor)
    await page.addInitScript(rememberFirstDoor)
    await page.goto('/')
    await expect(page.locator('[data-attract-loop] [data-attract-topic]').first()).toBeVisible()
    expect(await firstDoor()).toBeNull()
    await page.goto('about:blank')
    await page.goto(`/#${PROCEDURE}`)
    await settled(page)
    expect(await firstDoor()).toBeNull()
  })
})

test.describe('a clinic whose kiosk speaks Spanish first', () => {
  let clinic: ClinicServer | undefined
  test.beforeAll(async () => {
    clinic = await startClinicServer(Number(process.env.E2E_PORT ?? 4781) + 11, { defaultLocale: 'es' })
  })
  test.afterAll(async () => clinic?.stop())

  test('home opened cold is in Spanish: the English of the build gives way to the clinic’s language', async ({
    page,
  }) => {
    await page.goto(`${clinic!.base}/#/home`)
    await expect(h1(page)).toHaveText('¿Qué le gustaría saber?')
    await expect(page.locator('html')).toHaveAttribute('lang', 'es')
    await page.locator('.door').first().tap()
    await expect(h1(page)).toHaveText('¿Por qué me duele la cadera?')
  })
})

// ---------------------------------------------------------------- a clinic's own kiosk

test.describe.serial('a clinic with its name, its logo, and patient printing turned off', () => {
  const LOGO =
    'data:image/svg+xml;base64,' +
    Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4" fill="#0b4f8a"/></svg>',
    ).toString('base64')
  let clinic: ClinicServer | undefined

  test.beforeAll(async () => {
    clinic = await startClinicServer(Number(process.env.E2E_PORT ?? 4781) + 9, {
      clinicName: 'Hillside Hip Clinic',
      clinicLogo: LOGO,
      patientPrinting: false,
    })
  })
  test.afterAll(async () => clinic?.stop())

  test('the attract screen shows the clinic’s name and logo', async ({ page }) => {
    await page.goto(`${clinic!.base}/`)
    await expect(page.getByText('Hillside Hip Clinic')).toBeVisible()
    await expect(page.locator(`img[src="${LOGO}"]`)).toBeVisible()
    await expectNoAxeViolations(page, 'the attract screen with a logo')
  })

  test('no print button anywhere a patient goes', async ({ page }) => {
    await page.goto(`${clinic!.base}/#${PROCEDURE}`)
    await settled(page)
    await expect(page.getByRole('main')).toContainText('See the procedure step by step')
    await expect(page.getByRole('link', { name: 'Print a handout' })).toHaveCount(0)
    await goTo(page, '/conditions/hip-osteoarthritis')
    await expect(page.getByRole('link', { name: 'Print a handout' })).toHaveCount(0)
    await goTo(page, `${PROCEDURE}/checklist`)
    await expect(page.getByRole('button', { name: 'Print this list' })).toHaveCount(0)
  })
})
