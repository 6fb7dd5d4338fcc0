/**
 * A kiosk of its own for a spec: a fresh data folder with a clinic's settings
 * (and a staff PIN) written through the core (tests/fixtures/clinic-settings.ts),
 * and `kiosk serve --data-dir` on a port of its own, so the settings it uses
 * touch no other test.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const ROOT = resolve(import.meta.dirname, '../..')

export interface ClinicServer {
  base: string
  dataDir: string
  stop(): Promise<void>
}

export async function startClinicServer(
  port: number,
  settings: Record<string, unknown>,
  pin?: string,
): Promise<ClinicServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-clinic-e2e-'))
  execFileSync(
    process.execPath,
    ['tests/fixtures/clinic-settings.ts', dataDir, JSON.stringify(settings), ...(pin ? [pin] : [])],
    { cwd: ROOT },
  )
  const server: ChildProcess = spawn(
    process.execPath,
    ['src/cli/kiosk.ts', 'serve', '--port', String(port), '--data-dir', dataDir],
    { cwd: ROOT, stdio: 'ignore' },
  )
  const base = `http://127.0.0.1:${port}`
  const stop = async () => {
    if (server.exitCode === null) {
      const exited = new Promise((r) => server.once('exit', r))
      server.kill('SIGTERM')
      await exited
    }
    rmSync(dataDir, { recursive: true, force: true })
  }
  const deadline = Date.now() + 30_000
  for (;;) {
    try {
      if ((await fetch(`${base}/`)).ok) return { base, dataDir, stop }
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline || server.exitCode !== null) {
      await stop()
      throw new Error(`no server on ${port}`)
    }
    await new Promise((r) => setTimeout(r, 200))
  }
}
