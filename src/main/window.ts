/**
 * The one place a window is made. Every window, visible or not, gets the
 * hardened webPreferences; the navigation and new-window guards come from the
 * app's `web-contents-created` hook (src/main/index.ts), once for every
 * WebContents whatever made it.
 */
import { BrowserWindow } from 'electron'
import type { BrowserWindowConstructorOptions } from 'electron'
import { secureWebPreferences } from './security.ts'

export function createHardenedWindow(
  preload: string,
  options: Omit<BrowserWindowConstructorOptions, 'webPreferences'> = {},
): BrowserWindow {
  return new BrowserWindow({ ...options, webPreferences: secureWebPreferences(preload) })
}
