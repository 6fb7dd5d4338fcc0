/**
 * The only bridge between the page and the main process: one function per
 * contract method, each a single ipcRenderer.invoke on that method's channel.
 * The page never sees ipcRenderer itself.
 */
import { contextBridge, ipcRenderer } from 'electron'
import { METHOD_NAMES, ipcChannel } from '../shared/methods.ts'
import type { KioskBridge } from '../shared/bridge.ts'
import { PRINT_CHANNEL } from '../shared/print.ts'
import { PACK_IMPORT_CHANNEL } from '../shared/packs.ts'
import type { KioskPacksBridge } from '../shared/packs.ts'
import { END_SESSION_CHANNEL } from '../shared/shell.ts'
import type { KioskShellBridge } from '../shared/shell.ts'
import type { KioskPrintBridge } from '../shared/print.ts'

const bridge = Object.fromEntries(
  METHOD_NAMES.map((method) => [method, (input: unknown) => ipcRenderer.invoke(ipcChannel(method), input)]),
) as KioskBridge

contextBridge.exposeInMainWorld('kiosk', bridge)

const printing: KioskPrintBridge = { print: (request) => ipcRenderer.invoke(PRINT_CHANNEL, request) }
contextBridge.exposeInMainWorld('kioskPrint', printing)

const shell: KioskShellBridge = { endSession: () => ipcRenderer.invoke(END_SESSION_CHANNEL) }
contextBridge.exposeInMainWorld('kioskShell', shell)

const packs: KioskPacksBridge = {
  pickAndImport: (request) => ipcRenderer.invoke(PACK_IMPORT_CHANNEL, request),
}
contextBridge.exposeInMainWorld('kioskPacks', packs)
