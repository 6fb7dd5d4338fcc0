import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import vue from '@vitejs/plugin-vue'
import type { Plugin } from 'vite'
import { I18N_FLAGS, precompileMessages } from './scripts/vite/precompile-messages.ts'
import { precompress } from './scripts/vite/precompress.ts'
import { prerenderHome } from './scripts/vite/prerender-home.ts'

const shared = resolve(import.meta.dirname, 'src/shared')
const rendererRoot = resolve(import.meta.dirname, 'src/renderer')
const rendererAlias = { '@renderer': resolve(rendererRoot, 'src'), '@shared': shared }

/**
 * The dev server injects CSS as <style> elements, which the page's strict
 * style-src forbids. Relax it for `electron-vite dev` only; the built app keeps
 * the strict policy.
 */
const devStylesCsp: Plugin = {
  name: 'kiosk-dev-styles-csp',
  apply: 'serve',
  transformIndexHtml: (html) => html.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"),
}

/**
 * The bundled typeface is asked for in the page's head, so it downloads with the
 * script instead of after the first layout finds text that needs it: the home
 * screen and a handout (which measures itself only once the font is there) wait
 * less. Only the woff2 files, which every Chromium uses.
 */
const preloadTypeface: Plugin = {
  name: 'kiosk-preload-typeface',
  apply: 'build',
  transformIndexHtml: {
    order: 'post',
    handler: (_html, ctx) =>
      Object.keys(ctx.bundle ?? {})
        .filter((file) => /atkinson-hyperlegible-next-latin-\d+-normal-[\w-]+\.woff2$/.test(file))
        .sort()
        .map((file) => ({
          tag: 'link',
          attrs: { rel: 'preload', href: `./${file}`, as: 'font', type: 'font/woff2', crossorigin: '' },
          injectTo: 'head' as const,
        })),
  },
}

export default defineConfig({
  main: {
    resolve: { alias: { '@shared': shared } },
    build: {
      // better-sqlite3 is native and stays in node_modules; electron-vite keeps
      // every dependency external to the main bundle by default.
      rollupOptions: { input: { index: resolve(import.meta.dirname, 'src/main/index.ts') } },
    },
  },
  preload: {
    resolve: { alias: { '@shared': shared } },
    build: {
      // A sandboxed preload must be CommonJS and self-contained: bundle zod and
      // the contract into it instead of requiring them at run time.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: rendererRoot,
    resolve: { alias: rendererAlias },
    // The messages are compiled here, so vue-i18n's message compiler stays out of the page.
    // The preview server sends the Brotli or gzip copies precompress() writes; Electron reads the files as they are.
    // The home screen's HTML is rendered at build time for a page opened at home to hydrate.
    plugins: [
      vue(),
      precompileMessages(),
      devStylesCsp,
      preloadTypeface,
      prerenderHome({ root: rendererRoot, alias: rendererAlias, define: I18N_FLAGS }),
      precompress(),
    ],
    define: I18N_FLAGS,
    build: {
      minify: true,
      rollupOptions: { input: resolve(import.meta.dirname, 'src/renderer/index.html') },
    },
  },
})
