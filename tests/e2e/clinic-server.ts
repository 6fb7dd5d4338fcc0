/**
 * A kiosk of its own for a spec: a fresh data folder with a clinic's settings
 * (and a staff PIN) written through the core (tests/fixtures/clinic-settings.ts),
 * and `kiosk serve --data-dir` on a port of its own, so the settings it uses
 * touch no other test.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { startServer, stopServer } from './kiosk-page'

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
  const base = `http://127.0.0.1:${port}`
  const server = await startServer(['--data-dir', dataDir], port).catch((error: unknown) => {
    rmSync(dataDir, { recursive: true, force: true })
    throw error
  })
  const stop = async () => {
    await stopServer(server)
    rmSync(dataDir, { recursive: true, force: true })
  }
  return { base, dataDir, stop }
}
