import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'
import { I18N_FLAGS, precompileMessages } from './scripts/vite/precompile-messages.ts'

const alias = {
  '@renderer': resolve(import.meta.dirname, 'src/renderer/src'),
  '@shared': resolve(import.meta.dirname, 'src/shared'),
}

export default defineConfig({
  test: {
    // One worker a core. Vitest's default in a run is one fewer, which on a 2-core CI machine is one
    // worker: the files ran one at a time (193 s), while most of their time is spent waiting on the
    // child processes, servers and SQLite files they start (105 s with two).
    maxWorkers: '100%',
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'node',
          environment: 'node',
          include: ['tests/unit/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
      {
        // The messages precompiled as in the build (electron.vite.config.ts).
        plugins: [vue(), precompileMessages()],
        define: I18N_FLAGS,
        resolve: { alias },
        test: {
          name: 'dom',
          environment: 'happy-dom',
          include: ['tests/renderer/**/*.test.ts', 'tests/integration/**/*.test.ts'],
        },
      },
    ],
  },
})
