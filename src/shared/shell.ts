/**
 * The Electron shell's own methods: what only the main process can do for the
 * page. They travel on the same single IPC channel as the contract's methods
 * (src/main/ipc.ts), each validated against its entry here, and the page
 * reaches them through the same `window.kiosk.call`. In a plain browser (the
 * preview server) there is no shell: the renderer prints with the browser,
 * uploads a pack's bytes with importPack, and resets without the shell's help.
 */
import { z } from 'zod'
import { PackImport, StaffToken } from './contract.ts'
import type { PrintOutcome, PrintRequest, SystemPrinter } from './print.ts'
import type { PickPackOutcome } from './packs.ts'

const PrintFailure = z.enum(['no-printer', 'printer-offline', 'cancelled', 'failed'])

export const shellContract = {
  /** Prints the page that asked: the system dialog, silently to the configured printer, or as a PDF. */
  print: {
    input: z.strictObject({
      paper: z.enum(['a4', 'letter']),
      mode: z.enum(['dialog', 'silent', 'pdf']),
    }) satisfies z.ZodType<PrintRequest>,
    output: z.object({
      done: z.boolean(),
      failure: PrintFailure.optional(),
    }) satisfies z.ZodType<PrintOutcome>,
  },
  /** Staff's "Import a content pack…": the file comes from the main process's own dialog, never from the page. */
  pickAndImportPack: {
    input: z.strictObject({ token: StaffToken }),
    output: z.union([
      z.object({ cancelled: z.literal(true) }),
      PackImport.extend({ cancelled: z.literal(false) }),
    ]) satisfies z.ZodType<PickPackOutcome>,
  },
  /** The system's printers (Electron's getPrintersAsync), for staff to choose the kiosk's printer in settings. */
  listPrinters: {
    input: z.strictObject({}),
    output: z.object({
      printers: z.array(z.object({ name: z.string(), label: z.string(), description: z.string() })),
    }) satisfies z.ZodType<{ printers: SystemPrinter[] }>,
  },
  /** The end of a patient's session: forget the routes visited, storage, cache and HTTP authentication. */
  endSession: { input: z.strictObject({}), output: z.object({}) },
}

export type ShellMethod = keyof typeof shellContract
export type ShellInput<S extends ShellMethod> = z.output<(typeof shellContract)[S]['input']>
export type ShellOutput<S extends ShellMethod> = z.output<(typeof shellContract)[S]['output']>

/** The renderer's view of the shell's session clearing (built on window.kiosk.call). */
export interface KioskShellBridge {
  endSession(): Promise<void>
}

export function isShellMethod(name: unknown): name is ShellMethod {
  return typeof name === 'string' && Object.hasOwn(shellContract, name)
}
