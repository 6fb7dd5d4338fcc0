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
