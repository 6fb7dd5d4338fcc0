/**
 * `kiosk-app --update [--feed URL|PATH]`: one check of the signed feed, into the
 * app's own data folder. A packaged kiosk has no Node to run `kiosk update`
 * with (the RunAsNode fuse is off), so the app takes the argument itself (for
 * a systemd timer or a scheduled task); the work is the core's
 * (checkForUpdate), and a running kiosk serves the switch within 30 s.
 * Free of Electron imports, so the arguments are tested without Electron.
 */
import { checkForUpdate } from '../core/feed/update.ts'

export const UPDATE_FLAG = '--update'
const FEED_FLAG = '--feed'

/** null for an ordinary start; else the feed asked for (undefined: the one the data folder remembers). */
export function updateRequest(argv: readonly string[]): { feed?: string } | null {
  if (!argv.includes(UPDATE_FLAG)) return null
  const inline = argv.find((arg) => arg.startsWith(`${FEED_FLAG}=`))
  if (inline) return { feed: inline.slice(FEED_FLAG.length + 1) }
  const at = argv.indexOf(FEED_FLAG)
  const next = at >= 0 ? argv[at + 1] : undefined
  return next && !next.startsWith('--') ? { feed: next } : {}
}

/** Runs the check and says what happened: exit code 0 when up to date or updated, 1 when refused. */
export async function runUpdate(
  dataDir: string,
  request: { feed?: string; bundledRoot?: string; bundledContent?: string },
  out: { log: (line: string) => void; error: (line: string) => void } = console,
): Promise<number> {
  const result = await checkForUpdate({ dataDir, ...request })
  if (result.outcome === 'refused') {
    out.error(`Not updated: ${result.message}`)
    return 1
  }
  out.log(result.message)
  return 0
}
