import { execFileSync } from 'node:child_process'
import { defineConfig } from '@playwright/test'

/** Debian's Chromium when installed (its own download cannot run here); Playwright's browser elsewhere. */
function systemChromium(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH
  for (const name of ['chromium', 'chromium-browser']) {
    try {
      return execFileSync('which', [name], { encoding: 'utf8' }).trim() || undefined
    } catch {
      // not on the PATH
    }
  }
  return undefined
}

const port = Number(process.env.E2E_PORT ?? 4781)
/** A second server with a short idle timeout, for the privacy-reset test (3 s idle + 3 s warning). */
const idlePort = Number(process.env.E2E_IDLE_PORT ?? 4782)
const IDLE_SPEC = /idle-reset\.spec\.ts$/

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  reporter: [['list']],
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    viewport: { width: 1280, height: 800 },
    hasTouch: true,
    launchOptions: {
      executablePath: systemChromium(),
      // Quiet on a closed network: no background calls home.
      args: [
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [
    { name: 'kiosk', testIgnore: IDLE_SPEC },
    { name: 'idle-reset', testMatch: IDLE_SPEC, use: { baseURL: `http://127.0.0.1:${idlePort}` } },
  ],
  webServer: [
    {
      command: `node src/cli/kiosk.ts serve --port ${port}`,
      url: `http://127.0.0.1:${port}/`,
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: 'pipe',
    },
    {
      command: `node src/cli/kiosk.ts serve --port ${idlePort} --idle-timeout 3 --idle-warning 3`,
      url: `http://127.0.0.1:${idlePort}/`,
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: 'pipe',
    },
  ],
})
