import { inject, ref, type InjectionKey } from 'vue'
import type { PackImport } from '@shared/contract'
import { PACK_MAX_BYTES, type KioskPacksBridge } from '@shared/packs'
import { shellBridge } from '@renderer/api/shell'
import { useStaffApi } from './useStaffApi'
import { useContentStore } from '@renderer/app/stores/content'
import { useStaffStore } from './staffStore'
import { readAsDataUrl } from './settingsForm'

/** Where a pack comes from: Electron's own dialog when the preload gave one, else a file input here. */
export interface PackHost {
  kioskPacks?: KioskPacksBridge
}

/** Tests provide a fake host; the app uses the window. */
export const packHostKey: InjectionKey<PackHost> = Symbol('kiosk pack host')

export type PackImportState =
  | { status: 'idle' }
  | { status: 'checking' }
  | { status: 'done'; result: PackImport }
  | { status: 'failed'; problem: { kind: 'refused'; reason: string } | { kind: 'tooBig'; mb: number } }

/**
 * "Import a content pack…". In Electron the main process shows its own open
 * dialog and imports what staff choose there (the page never names a file); in
 * a browser the page reads the file staff chose in a file input and sends its
 * bytes to importPack. Either way the core verifies the pack before switching,
 * and a refused pack leaves the content in use as it was.
 */
export function usePackImport() {
  const host = inject(packHostKey, null) ?? {
    get kioskPacks() {
      return shellBridge()
    },
  }
  const staffApi = useStaffApi()
  const staff = useStaffStore()
  const content = useContentStore()
  const state = ref<PackImportState>({ status: 'idle' })

  const native = (): boolean => Boolean(host.kioskPacks)

  function settle(result: Awaited<ReturnType<typeof staffApi.call<'importPack'>>>): void {
    if (result.ok) {
      state.value = { status: 'done', result: result.value }
      content.forget()
    } else if (result.error.code === 'unauthorized') state.value = { status: 'idle' }
    else {
      // A refused size comes as a field error on `data`; anything else names the pack's problem.
      const reason =
        result.error.fieldErrors?.find((f) => f.field === 'data')?.message ?? result.error.message
      state.value = { status: 'failed', problem: { kind: 'refused', reason } }
    }
  }

  /** Electron: the main process's dialog, then its import. */
  async function pickAndImport(): Promise<void> {
    const bridge = host.kioskPacks
    const token = staff.currentToken()
    if (!bridge || !token || state.value.status === 'checking') return
    state.value = { status: 'checking' }
    let answer: Awaited<ReturnType<KioskPacksBridge['pickAndImport']>>
    try {
      answer = await bridge.pickAndImport({ token })
    } catch {
      answer = { ok: false, error: { code: 'unavailable', message: 'The kiosk did not answer.' } }
    }
    if (!answer.ok) {
      if (answer.error.code === 'unauthorized') staff.end()
      settle(answer)
      return
    }
    const outcome = answer.value
    if (outcome.cancelled) {
      state.value = { status: 'idle' }
      return
    }
    staff.extend()
    const { cancelled: _cancelled, ...imported } = outcome
    settle({ ok: true, value: imported })
  }

  /** A browser: the file chosen in the page's file input, sent as its bytes. */
  async function importFile(file: File): Promise<void> {
    if (state.value.status === 'checking') return
    if (file.size > PACK_MAX_BYTES) {
      state.value = {
        status: 'failed',
        problem: { kind: 'tooBig', mb: Math.ceil(file.size / 1024 / 1024) },
      }
      return
    }
    state.value = { status: 'checking' }
    let data: string
    try {
      const url = await readAsDataUrl(file)
      data = url.slice(url.indexOf(',') + 1)
    } catch {
      state.value = { status: 'failed', problem: { kind: 'refused', reason: 'The file could not be read.' } }
      return
    }
    settle(await staffApi.call('importPack', { data }))
  }

  function reset(): void {
    state.value = { status: 'idle' }
  }

  return { state, native, pickAndImport, importFile, reset }
}
