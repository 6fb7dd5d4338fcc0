import { inject, nextTick, ref, type InjectionKey } from 'vue'
import type { KioskPrintBridge, PrintFailure, PrintRequest } from '@shared/print'
import { shellBridge } from '@renderer/api/shell'

export type PrintMode = PrintRequest['mode']

/** Where printing goes: Electron's bridge when the preload gave one, else the browser's own print. */
export interface PrintHost {
  kioskPrint?: KioskPrintBridge
  print(): void
}

export type PrintState =
  | { status: 'idle' }
  | { status: 'printing' }
  | { status: 'done'; mode: PrintMode | 'browser' }
  | { status: 'failed'; failure: PrintFailure }

/** Tests provide a fake host; the app uses the window. */
export const printHostKey: InjectionKey<PrintHost> = Symbol('kiosk print host')

function windowHost(): PrintHost {
  return {
    get kioskPrint() {
      return shellBridge()
    },
    print: () => window.print(),
  }
}

/** Lets "Printing…" reach the screen before a browser's print() blocks the page. */
function painted(): Promise<void> {
  return new Promise((resolve) => {
    const done = () => resolve()
    setTimeout(done, 100)
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(done, 0))
  })
}

/**
 * Prints the page on screen. In Electron through the shell's print (silent to the
 * configured printer for a patient, the system dialog or Save as PDF for staff);
 * in a browser through window.print(), which has its own dialog and PDF option.
 * The state says what happened in words the screen can show; the last request
 * is kept so "Try again" repeats it.
 */
export function usePrinter(options: { onPrinted?: (mode: PrintMode | 'browser') => void } = {}) {
  const host = inject(printHostKey, null) ?? windowHost()
  const state = ref<PrintState>({ status: 'idle' })
  let last: PrintRequest | null = null

  const inElectron = (): boolean => Boolean(host.kioskPrint)

  async function print(request: PrintRequest): Promise<void> {
    if (state.value.status === 'printing') return
    last = request
    state.value = { status: 'printing' }
    await nextTick()
    await painted()
    const bridge = host.kioskPrint
    if (bridge) {
      let failure: PrintFailure | null = null
      try {
        const result = await bridge.print(request)
        if (!result.ok) failure = 'failed'
        else if (!result.value.done) failure = result.value.failure ?? 'failed'
      } catch {
        failure = 'failed'
      }
      if (failure) {
        state.value = { status: 'failed', failure }
        return
      }
      state.value = { status: 'done', mode: request.mode }
      options.onPrinted?.(request.mode)
      return
    }
    try {
      host.print()
    } catch {
      state.value = { status: 'failed', failure: 'failed' }
      return
    }
    state.value = { status: 'done', mode: 'browser' }
    options.onPrinted?.('browser')
  }

  function retry(): Promise<void> {
    return last ? print(last) : Promise.resolve()
  }

  function reset(): void {
    if (state.value.status !== 'printing') state.value = { status: 'idle' }
  }

  return { state, print, retry, reset, inElectron }
}
