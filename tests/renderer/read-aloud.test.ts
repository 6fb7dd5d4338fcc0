/**
 * Read aloud: what is read (the main text, sentence by sentence, in reading
 * order), and how the reading moves on, pauses, stops and marks the sentence
 * being read. The voice is a fake (FakeVoice) that "says" a sentence until the
 * test ends it.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { collectSentences } from '@renderer/features/read-aloud/sentences'
import { sayNumbers, settingsNumbers } from '@renderer/features/read-aloud/spokenNumbers'
import { REGION_PRESETS, presetSettings } from '@shared/regions'
import { procedureEn } from './fixtures'
import { removeKiosk, runKiosk, type RunningKiosk } from './kiosk-session'

let kiosk: RunningKiosk | null = null

afterEach(() => {
  if (kiosk) removeKiosk(kiosk)
  kiosk = null
  document.body.innerHTML = ''
})

function page(html: string): HTMLElement {
  const main = document.createElement('main')
  main.innerHTML = html
  document.body.appendChild(main)
  return main
}

describe('what is read', () => {
  it('reads headings, paragraphs and list items one sentence at a time, in order', () => {
    const main = page(`
      <h1>Your recovery</h1>
      <p>Rest today. Walk gently tomorrow! Is it sore? Use ice.</p>
      <ul><li>One thing.</li><li>Another thing.</li></ul>`)
    expect(collectSentences(main, 'en').map((s) => s.text)).toEqual([
      'Your recovery',
      'Rest today.',
      'Walk gently tomorrow!',
      'Is it sore?',
      'Use ice.',
      'One thing.',
      'Another thing.',
    ])
  })

  it('keeps a sentence whole across bold words and links', () => {
    const main = page('<p>Call the <strong>clinic</strong> if it gets <a href="#">worse</a>. Then rest.</p>')
    const sentences = collectSentences(main, 'en')
    expect(sentences.map((s) => s.text)).toEqual(['Call the clinic if it gets worse.', 'Then rest.'])
    // Each sentence knows exactly where it is on the page, for the highlight.
    expect(sentences[0]!.range.toString()).toBe('Call the clinic if it gets worse.')
    expect(sentences[1]!.range.toString()).toBe('Then rest.')
    expect(sentences[0]!.block.tagName).toBe('P')
  })

  it('cuts Spanish sentences the Spanish way', () => {
    const main = page('<p>¿Le duele? Sí, un poco. Póngase hielo.</p>')
    expect(collectSentences(main, 'es').map((s) => s.text)).toEqual([
      '¿Le duele?',
      'Sí, un poco.',
      'Póngase hielo.',
    ])
  })

  it('reads a tappable word as part of its sentence', () => {
    const main = page('<p>Your <button type="button">bursa</button> is sore. Rest it.</p>')
    expect(collectSentences(main, 'en').map((s) => s.text)).toEqual(['Your bursa is sore.', 'Rest it.'])
  })

  it('says text marked as another kiosk language in that language', () => {
    const main = page('<h1>Hip pain</h1><p lang="es">Dolor de cadera. Toque para empezar.</p>')
    expect(collectSentences(main, 'en').map((s) => [s.text, s.locale])).toEqual([
      ['Hip pain', 'en'],
      ['Dolor de cadera.', 'es'],
      ['Toque para empezar.', 'es'],
    ])
  })

  it('leaves out pictures, navigation, hidden text and closed answers', () => {
    const main = page(`
      <p aria-hidden="true">Step 1 of 3</p>
      <svg><text>Ball</text></svg>
      <nav><a href="#">Next</a></nav>
      <p hidden>Not shown.</p>
      <div data-read-aloud="skip"><p>Not for reading.</p></div>
      <details><summary>Will it hurt?</summary><p>A little.</p></details>
      <details open><summary>Is it safe?</summary><p>Yes, mostly.</p></details>
      <p>The end.</p>`)
    expect(collectSentences(main, 'en').map((s) => s.text)).toEqual([
      'Will it hurt?',
      'Is it safe?',
      'Yes, mostly.',
      'The end.',
    ])
  })
})

describe('reading a screen aloud', () => {
  const step2 = `/procedures/${procedureEn.id}/steps/2`

  it('reads the screen from its title, marking each sentence as it is read', async () => {
    const k = (kiosk = await runKiosk(step2))
    const button = k.button('Read aloud')
    expect(button.getAttribute('aria-pressed')).toBe('false')

    await k.tap(button)

    expect(button.getAttribute('aria-pressed')).toBe('true')
    expect(k.voice.said).toEqual([{ text: 'You lie down', locale: 'en' }])
    expect(document.querySelector('[data-reading]')?.tagName).toBe('H1')

    k.voice.finish()
    await k.tap(document.body) // let the reading move on
    expect(k.voice.said.map((s) => s.text)).toEqual(['You lie down', 'What happens'])
    expect(document.querySelector('[data-reading]')?.textContent).toBe('What happens')
    expect(document.querySelectorAll('[data-reading]')).toHaveLength(1)
  })

  it('reads the whole main text, then stops by itself and clears the mark', async () => {
    const k = (kiosk = await runKiosk(step2))
    await k.tap(k.button('Read aloud'))
    for (let i = 0; i < 10 && k.voice.speaking; i++) {
      k.voice.finish()
      await k.tap(document.body)
    }
    expect(k.voice.said.map((s) => s.text)).toEqual([
      'You lie down',
      'What happens',
      'You lie on your back.',
      'What you may feel',
      'A firm couch.',
    ])
    expect(document.querySelector('[data-reading]')).toBeNull()
    expect(k.button('Read aloud').getAttribute('aria-pressed')).toBe('false')
    expect(k.container.querySelector('[aria-label="Reading aloud"]')).toBeNull()
  })

  it('pauses on the sentence being read and continues from the start of it', async () => {
    const k = (kiosk = await runKiosk(step2))
    await k.tap(k.button('Read aloud'))
    k.voice.finish()
    await k.tap(document.body)

    await k.tap(k.button('Pause'))
    expect(k.voice.speaking).toBe(false)
    expect(k.text()).toContain('Paused')
    expect(document.querySelector('[data-reading]')?.textContent).toBe('What happens')
    expect(k.button('Read aloud').getAttribute('aria-pressed')).toBe('true')

    await k.tap(k.button('Continue'))
    expect(k.voice.said.map((s) => s.text)).toEqual(['You lie down', 'What happens', 'What happens'])
    expect(k.voice.speaking).toBe(true)
  })

  it('stops with Stop, or with a second tap on Read aloud', async () => {
    const k = (kiosk = await runKiosk(step2))
    await k.tap(k.button('Read aloud'))
    await k.tap(k.button('Stop'))
    expect(k.voice.speaking).toBe(false)
    expect(document.querySelector('[data-reading]')).toBeNull()
    expect(k.button('Read aloud').getAttribute('aria-pressed')).toBe('false')

    await k.tap(k.button('Read aloud'))
    await k.tap(k.button('Read aloud'))
    expect(k.voice.speaking).toBe(false)
    expect(k.voice.said).toHaveLength(2)
  })

  it('stops when the patient moves to another screen', async () => {
    const k = (kiosk = await runKiosk(step2))
    await k.tap(k.button('Read aloud'))
    await k.tap(k.link(/^Next/))
    expect(k.heading()).toBe('The injection')
    expect(k.voice.speaking).toBe(false)
    expect(document.querySelector('[data-reading]')).toBeNull()
    expect(k.voice.said).toHaveLength(1)
  })

  it('reads in the language on screen', async () => {
    const k = (kiosk = await runKiosk(step2))
    await k.tap(k.button('Español'))
    await k.tap(k.button('Leer en voz alta'))
    expect(k.voice.said).toEqual([{ text: 'Paso en español 2', locale: 'es' }])
  })

  it('says calmly when no voice can read, and lets the patient close the message', async () => {
    const k = (kiosk = await runKiosk(step2))
    k.voice.failNext = true
    await k.tap(k.button('Read aloud'))
    expect(k.text()).toContain('Reading aloud is not working right now. Please ask at the desk.')
    expect(document.querySelector('[data-reading]')).toBeNull()
    await k.tap(k.button('Close'))
    expect(k.text()).not.toContain('Reading aloud is not working')
  })

  it('is offered on every screen but the attract screen, which has no top bar', async () => {
    for (const path of ['/home', '/conditions', '/procedures', step2]) {
      const k = await runKiosk(path)
      expect(k.button('Read aloud').getAttribute('aria-pressed'), path).toBe('false')
      removeKiosk(k)
    }
  })
})

describe('phone numbers read aloud', () => {
  it('says the emergency number, the clinic’s phone and the helplines digit by digit, as a patient dials them', async () => {
    // Before: "Call 999." was said "Call nine hundred and ninety-nine", and the clinic's
    // number "zero two zero, seven thousand nine hundred and forty-six …".
    const k = (kiosk = await runKiosk(`/procedures/${procedureEn.id}/recovery`))
    expect(k.text()).toContain('999')
    await k.tap(k.button('Read aloud'))
    for (let sentence = 0; sentence < 200 && k.voice.speaking; sentence++) {
      k.voice.finish()
      await k.tap(document.body)
    }
    const said = k.voice.said.map((s) => s.text).join(' ')
    // Each number after its label and a pause, not run into it ("Emergency:999").
    expect(said).toContain('Emergency: 9 9 9')
    expect(said).toContain('Riverside Clinic: 0 2 0, 7 9 4 6, 0 0 0 0')
    expect(said).toContain('1 1 1')
    expect(said).not.toMatch(/\b999\b|7946|\b111\b/)
    // The screen still shows the numbers as they are written.
    expect(k.text()).toContain('999')
    expect(k.text()).toContain('020 7946 0000')
  })
})

describe('which numbers are said digit by digit', () => {
  type Settings = ReturnType<typeof presetSettings> & { clinicPhone: string | null }
  const us: Settings = { ...presetSettings('us'), clinicPhone: '1-800-222-1222' }
  const config = (settings: Settings) => ({
    emergencyNumber: settings.emergencyNumber,
    clinicPhone: settings.clinicPhone,
    outOfHours: { en: settings.outOfHoursEn, es: settings.outOfHoursEs },
    crisisLine: { en: settings.crisisLineEn, es: settings.crisisLineEs },
  })

  it('only the settings’ numbers: the content’s frequencies, times and "NHS 24" stay numbers', () => {
    const uk = settingsNumbers(config({ ...presetSettings('uk'), clinicPhone: '020 7946 0000' }))
    expect(uk).toEqual(['020 7946 0000', '116 123', '999', '111'])
    expect(sayNumbers('About 1 in 1,000 people. It takes 15 to 20 minutes, or 24 hours.', uk)).toBe(
      'About 1 in 1,000 people. It takes 15 to 20 minutes, or 24 hours.',
    )
    expect(sayNumbers('Outside opening hours, call NHS 111 (NHS 24 in Scotland).', uk)).toBe(
      'Outside opening hours, call NHS 1 1 1 (NHS 24 in Scotland).',
    )
  })

  it('in every region’s own words, and a number written with hyphens', () => {
    const numbers = settingsNumbers(config(us))
    expect(sayNumbers(`Call ${REGION_PRESETS.us.emergencyNumber}.`, numbers)).toBe('Call 9 1 1.')
    expect(sayNumbers(REGION_PRESETS.us.crisisLine.es, numbers)).toContain('llame al 9 8 8 y marque 2')
    expect(sayNumbers('Call us on 1-800-222-1222 or 1 800 222 1222.', numbers)).toBe(
      'Call us on 1, 8 0 0, 2 2 2, 1 2 2 2 or 1, 8 0 0, 2 2 2, 1 2 2 2.',
    )
    const spain = settingsNumbers(config({ ...presetSettings('es'), clinicPhone: null }))
    expect(sayNumbers('Llame al 112. O llame al 024.', spain)).toBe('Llame al 1 1 2. O llame al 0 2 4.')
  })

  it('in a sentence the clinic wrote, the numbers to dial, not a count of days or a year', () => {
    // Before: every run of 3 digits in the out-of-hours and crisis-line sentences was said
    // digit by digit, so "365 days" became "3 6 5 days".
    const own = settingsNumbers(
      config({
        ...presetSettings('uk'),
        clinicPhone: null,
        outOfHoursEn: 'Outside opening hours, call our on-call nurse on 01632 960983, 365 days a year.',
        outOfHoursEs: 'Fuera del horario, llame al 061 o a la enfermera de guardia, los 365 días del año.',
        crisisLineEn: 'Since 2019 our partner line answers on 211 and on 0800 123 4567.',
        crisisLineEs: 'Llame al 112 o al 988, o a Samaritans al 116 123.',
      }),
    )
    expect(sayNumbers('call our on-call nurse on 01632 960983, 365 days a year.', own)).toBe(
      'call our on-call nurse on 0 1 6 3 2, 9 6 0 9 8 3, 365 days a year.',
    )
    expect(sayNumbers('llame al 061 o a la enfermera de guardia, los 365 días del año.', own)).toBe(
      'llame al 0 6 1 o a la enfermera de guardia, los 365 días del año.',
    )
    expect(sayNumbers('Since 2019 our partner line answers on 211 and on 0800 123 4567.', own)).toBe(
      'Since 2019 our partner line answers on 2 1 1 and on 0 8 0 0, 1 2 3, 4 5 6 7.',
    )
    // A region's service numbers, short as they are, are numbers to dial in whichever sentence.
    expect(sayNumbers('Llame al 112 o al 988, o a Samaritans al 116 123.', own)).toBe(
      'Llame al 1 1 2 o al 9 8 8, o a Samaritans al 1 1 6, 1 2 3.',
    )
  })
})
