import { defineConfig } from '@playwright/test'

/**
 * The Electron end-to-end suite (tests/electron): the built app (out/, from
 * `npm run build`) driven through Playwright's Electron support. Run it with
 * `npm run test:electron`, which says in one line when Electron's binary is
 * not on this machine instead of failing.
 */
export default defineConfig({
  testDir: 'tests/electron',
  // One Electron at a time: each test starts its own app with its own data folder.
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  reporter: [['list']],
  timeout: 60_000,
  use: { trace: 'retain-on-failure' },
})
