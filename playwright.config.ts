import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
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
/**
 * The staff tests' server: its own port and a real, fresh data folder (PIN, settings,
 * counts) for each run. The folder is made once, here in the runner, and handed to the
 * workers through the environment (the spec compares its CSV with usage-export's).
 */
const staffPort = Number(process.env.E2E_STAFF_PORT ?? 4784)
if (!process.env.E2E_STAFF_DATA_DIR) {
  const made = mkdtempSync(join(tmpdir(), 'kiosk-staff-e2e-'))
  process.env.E2E_STAFF_DATA_DIR = made
  process.once('exit', () => rmSync(made, { recursive: true, force: true }))
}
const staffDataDir = process.env.E2E_STAFF_DATA_DIR
const STAFF_SPEC = /staff\.spec\.ts$/
/**
 * The privacy test's server: a fresh data folder with a staff PIN set through the CLI,
 * everything the server prints captured in a log file, and a short idle timeout. The
 * spec reads every file of the folder, the log and the content database afterwards.
 */
const privacyPort = Number(process.env.E2E_PRIVACY_PORT ?? 4785)
if (!process.env.E2E_PRIVACY_DIR) {
  const made = mkdtempSync(join(tmpdir(), 'kiosk-privacy-e2e-'))
  process.env.E2E_PRIVACY_DIR = made
  process.once('exit', () => rmSync(made, { recursive: true, force: true }))
}
const privacyDir = process.env.E2E_PRIVACY_DIR
const privacyData = JSON.stringify(join(privacyDir, 'data'))
const privacyLog = JSON.stringify(join(privacyDir, 'server.log'))
const PRIVACY_SPEC = /privacy\.spec\.ts$/

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  // One retry on CI: timing-based tests (the 3 s idle reset) on a busy 2-core machine. A test that fails twice fails.
  retries: process.env.CI ? 1 : 0,
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
  // The files whose tests run one after another in one worker come first, so the other worker
  // takes the kiosk's tests beside them; last, they left one worker idle for a minute and a half.
  projects: [
    // One data folder for the whole file: its tests run in order, in one worker.
    {
      name: 'staff',
      testMatch: STAFF_SPEC,
      fullyParallel: false,
      use: { baseURL: `http://127.0.0.1:${staffPort}` },
    },
    // The control check first, then the session, in one worker.
    {
      name: 'privacy',
      testMatch: PRIVACY_SPEC,
      fullyParallel: false,
      use: { baseURL: `http://127.0.0.1:${privacyPort}` },
    },
    { name: 'idle-reset', testMatch: IDLE_SPEC, use: { baseURL: `http://127.0.0.1:${idlePort}` } },
    { name: 'kiosk', testIgnore: [IDLE_SPEC, STAFF_SPEC, PRIVACY_SPEC] },
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
    {
      command: `node src/cli/kiosk.ts serve --port ${staffPort} --data-dir ${JSON.stringify(staffDataDir)}`,
      url: `http://127.0.0.1:${staffPort}/`,
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: 'pipe',
    },
    {
      // The PIN goes in on standard input, as staff would type it; the server's stdout and stderr go to the log.
      command:
        `echo 8642 | node src/cli/kiosk.ts set-pin --data-dir ${privacyData} > /dev/null && ` +
        `exec node src/cli/kiosk.ts serve --port ${privacyPort} --data-dir ${privacyData} ` +
        `--idle-timeout 10 --idle-warning 3 > ${privacyLog} 2>&1`,
      url: `http://127.0.0.1:${privacyPort}/`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
  ],
})
