/**
 * Importing a content pack in Electron: the page asks, the main process shows
 * its own open dialog and imports the file chosen there. The page sends only
 * its staff token, never a path, so it cannot make the kiosk open a file of its
 * choosing. Exposed by the preload as `window.kioskPacks`; absent in a plain
 * browser, which uploads the file's bytes with the importPack method instead.
 */
import type { PackImport } from './contract.ts'
import type { Result } from './result.ts'

export interface PickPackRequest {
  token: string
}

/** The import's summary, or `cancelled` when staff closed the dialog without choosing. */
export type PickPackOutcome = { cancelled: true } | ({ cancelled: false } & PackImport)

export interface KioskPacksBridge {
  pickAndImport(request: PickPackRequest): Promise<Result<PickPackOutcome>>
}

/** The largest content pack staff can import from the staff screen: packs are a little over 1 MB today. */
export const PACK_MAX_BYTES = 16 * 1024 * 1024
/** The same limit as base64 text, the form a pack takes inside a JSON request. */
export const PACK_MAX_BASE64 = Math.ceil(PACK_MAX_BYTES / 3) * 4

export const PACK_IMPORT_CHANNEL = 'kiosk-packs:pick-and-import'

/** What the open dialog offers: the files the content build writes. */
export const PACK_FILE_EXTENSIONS = ['sqlite', 'db'] as const
