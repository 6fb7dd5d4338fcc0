/**
 * When printing fails: whatever went wrong (the printer's answer, a bridge that
 * throws, a browser print that throws), the screen says so plainly and offers
 * "Try again", and nothing staff typed for the handout is lost on the way.
 * (Each printer failure's words are in handouts.test.ts; Chromium's reasons →
 * failures in tests/unit/electron-shell.test.ts.)
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { enableAutoUnmount, flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createMemoryHistory } from 'vue-router'
import type { KioskPrintBridge, PrintOutcome } from '@shared/print'
import type { Result } from '@shared/result'
import App from '@renderer/app/App.vue'
import { bridgeTransport } from '@renderer/api/client'
import { createKiosk } from '@renderer/app/kiosk'
import { printHostKey, type PrintHost } from '@renderer/features/handouts/usePrinter'
import { useHandoutDetailsStore } from '@renderer/features/handouts/handoutDetailsStore'
import { fakeBridge, procedureEn } from './fixtures'
import { confirmPrint } from './helpers'

enableAutoUnmount(afterEach)

const PATIENCE = { timeout: 10_000 }
const HANDOUT = `/handouts/procedures/${procedureEn.id}?lang=en`
const DID_NOT_PRINT = 'The page did not print. Please try again, or ask at the desk.'

async function mountHandout(host: PrintHost, details?: { clinician: string; instructions: string }) {
  const kiosk = createKiosk({ transport: bridgeTransport(fakeBridge()), history: createMemoryHistory() })
  await kiosk.router.push('/home')
  const wrapper = mount(App, {
    global: { plugins: [kiosk.plugin], provide: { [printHostKey as symbol]: host } },
    attachTo: document.body,
  })
  await flushPromises()
  const store = useHandoutDetailsStore(kiosk.pinia)
  if (details) {
    store.prepare('procedure', procedureEn.id)
    Object.assign(store.details, details)
  }
  await kiosk.router.push(HANDOUT)
  await vi.waitFor(async () => {
    await flushPromises()
    expect(wrapper.find('[data-handout-ready="true"]').exists()).toBe(true)
  }, PATIENCE)
  return { wrapper, store }
}

const status = (wrapper: VueWrapper) =>
  wrapper.get('.print-action [role="status"]').text().replace(/\s+/g, ' ').trim()
const tryAgain = (wrapper: VueWrapper) =>
  wrapper.findAll('.print-action button').find((button) => button.text() === 'Try again')

async function waitForStatus(wrapper: VueWrapper, expected: string | RegExp): Promise<void> {
  await vi.waitFor(async () => {
    await flushPromises()
    if (typeof expected === 'string') expect(status(wrapper)).toBe(expected)
    else expect(status(wrapper)).toMatch(expected)
  }, PATIENCE)
}

describe('a print that fails', () => {
  it('keeps what staff typed, prints it on "Try again", and clears it only once printed', async () => {
    // The printer is off the first time and back the second; each print notes what the page held.
    const outcomes: PrintOutcome[] = [{ done: false, failure: 'printer-offline' }, { done: true }]
    const printedPages: string[] = []
    const kioskPrint: KioskPrintBridge = {
      print: vi.fn(async (): Promise<Result<PrintOutcome>> => {
        printedPages.push(document.body.textContent ?? '')
        return { ok: true, value: outcomes.shift()! }
      }),
    }
    const { wrapper, store } = await mountHandout(
      { kioskPrint, print: vi.fn() },
      { clinician: 'Dr Quentin Zebedee', instructions: 'No swimming for 2 days.' },
    )
    await wrapper.get('.print-action .button--primary').trigger('click')
    await waitForStatus(
      wrapper,
      'The printer is not answering. It may be off or out of paper. Please ask at the desk.',
    )

    expect(store.details.clinician).toBe('Dr Quentin Zebedee')
    expect(store.details.instructions).toBe('No swimming for 2 days.')
    expect(wrapper.text()).toContain('Dr Quentin Zebedee')

    await tryAgain(wrapper)!.trigger('click')
    await waitForStatus(wrapper, /^Sent to the printer/)

    expect(printedPages).toHaveLength(2)
    expect(printedPages[1]).toContain('Dr Quentin Zebedee')
    expect(printedPages[1]).toContain('No swimming for 2 days.')
    expect(store.details.clinician).toBe('')
    expect(store.details.instructions).toBe('')
    expect(wrapper.text()).not.toContain('Zebedee')
  })

  it('says the page did not print, with "Try again", when the print bridge throws', async () => {
    const print = vi
      .fn<KioskPrintBridge['print']>()
      .mockRejectedValueOnce(new Error('the main process went away'))
      .mockResolvedValueOnce({ ok: true, value: { done: true } })
    const { wrapper, store } = await mountHandout(
      { kioskPrint: { print }, print: vi.fn() },
      { clinician: 'Dr Quentin Zebedee', instructions: '' },
    )
    await wrapper.get('.print-action .button--primary').trigger('click')
    await waitForStatus(wrapper, DID_NOT_PRINT)
    expect(store.details.clinician).toBe('Dr Quentin Zebedee')
    // The buttons work again after a failure: nothing stays stuck on "Printing…".
    expect(wrapper.get('.print-action .button--primary').attributes('disabled')).toBeUndefined()

    await tryAgain(wrapper)!.trigger('click')
    await waitForStatus(wrapper, /^Sent to the printer/)
    expect(print).toHaveBeenCalledTimes(2)
  })

  it('says the page did not print when the shell answers with an error instead of an outcome', async () => {
    const print = vi.fn<KioskPrintBridge['print']>(async () => ({
      ok: false,
      error: { code: 'bad-input', message: 'This request did not come from the kiosk page.' },
    }))
    const { wrapper } = await mountHandout({ kioskPrint: { print }, print: vi.fn() })
    await wrapper.get('.print-action .button--primary').trigger('click')
    await confirmPrint(wrapper)
    await waitForStatus(wrapper, DID_NOT_PRINT)
    expect(tryAgain(wrapper)).toBeDefined()
    // The shell's words are for developers: the patient never sees them.
    expect(wrapper.text()).not.toContain('did not come from the kiosk page')
  })

  it('says the page did not print when the browser’s own print throws', async () => {
    const browserPrint = vi.fn<() => void>().mockImplementationOnce(() => {
      throw new Error('printing is disabled')
    })
    const { wrapper } = await mountHandout({ print: browserPrint })
    await wrapper.get('.print-action .button--primary').trigger('click')
    await confirmPrint(wrapper)
    await waitForStatus(wrapper, DID_NOT_PRINT)

    await tryAgain(wrapper)!.trigger('click')
    await waitForStatus(wrapper, 'The print window has closed.')
    expect(browserPrint).toHaveBeenCalledTimes(2)
  })
})
