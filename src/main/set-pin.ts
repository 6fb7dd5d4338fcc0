/**
 * `kiosk-app --set-pin`: sets the staff PIN in the app's own data folder, with
 * the PIN typed on standard input. A packaged kiosk has no Node to run the
 * command line with (the RunAsNode fuse is off), so the app takes the same
 * argument itself; the work is the core's (setPinFromStdin), as for `kiosk set-pin`.
 * Free of Electron imports, so the argument is tested without Electron.
 */
export const SET_PIN_FLAG = '--set-pin'

/**
 * What the command line asks for: 'set-pin', 'pin-in-argument' (--set-pin=1234:
 * refused, since the process list and shell history would keep the PIN), or
 * null for an ordinary start.
 */
export function setPinRequest(argv: readonly string[]): 'set-pin' | 'pin-in-argument' | null {
  if (argv.some((arg) => arg.startsWith(`${SET_PIN_FLAG}=`))) return 'pin-in-argument'
  return argv.includes(SET_PIN_FLAG) ? 'set-pin' : null
}

export const PIN_IN_ARGUMENT_MESSAGE =
  'Not set: never put the PIN on the command line. Run with --set-pin alone and type the PIN when asked.'
