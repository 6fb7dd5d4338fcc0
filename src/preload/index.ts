/**
 * The only bridge between the page and the main process, and the only global
 * it adds: `window.kiosk.call(method, input)`, a single ipcRenderer.invoke on
 * the one channel. The main process checks the sender and validates the method
 * and its input (src/main/ipc.ts); the page never sees ipcRenderer itself.
 */
import { contextBridge, ipcRenderer } from 'electron'
import { CALL_CHANNEL } from '../shared/bridge.ts'
import type { KioskBridge } from '../shared/bridge.ts'

const bridge: KioskBridge = {
  call: (method: string, input: unknown) => ipcRenderer.invoke(CALL_CHANNEL, method, input),
}

contextBridge.exposeInMainWorld('kiosk', bridge)
