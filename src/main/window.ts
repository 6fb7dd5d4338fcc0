/**
 * The one place a window is made. Every window, visible or not, gets the
 * hardened webPreferences and the navigation and new-window guards.
 */
import { BrowserWindow } from 'electron'
import type { BrowserWindowConstructorOptions } from 'electron'
import { hardenContents, secureWebPreferences } from './security.ts'

export function createHardenedWindow(
  preload: string,
  options: Omit<BrowserWindowConstructorOptions, 'webPreferences'> = {},
): BrowserWindow {
  const win = new BrowserWindow({ ...options, webPreferences: secureWebPreferences(preload) })
  hardenContents(win.webContents)
  return win
}
