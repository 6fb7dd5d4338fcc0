/**
 * Puts the home screen's HTML in the built index.html, rendered at build time by Vue's
 * server renderer (src/renderer/src/app/prerender.ts), inside a <template> the first
 * session hydrates when the page opens at `#/home` (app/kiosk.ts). A template is inert:
 * any other address (the kiosk's own start is the attract screen) never shows it.
 *
 * The markup is the app's first render before the core answers, so it holds no clinic
 * setting; it keeps the page's CSP (no script, no style attribute: v-show's `display:none`
 * on the closed on-screen keyboard is dropped, and the hydration sets it again before the
 * keyboard can be seen, as the page's own render would).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import vue from '@vitejs/plugin-vue'
import { build, type Plugin } from 'vite'
import { precompileMessages } from './precompile-messages.ts'
import { PRERENDERED_HOME_ID } from '../../src/shared/prerender.ts'

const APP_DIV = '<div id="app"></div>'
const HIDDEN_BY_V_SHOW = / style="display:none;"/g

export interface PrerenderOptions {
  /** The renderer's root (the folder of index.html). */
  root: string
  alias: Record<string, string>
  define: Record<string, string>
}

/**
 * The render runs in a worker thread of its own: the app's set-up code touches `document`
 * and `window` (the page's language, its display modes), so it runs against happy-dom's,
 * registered as that thread's globals and gone with it, never the build's. The worker is
 * written beside the server bundle, so both find vue and happy-dom in the project's node_modules.
 */
const WORKER = `
import { parentPort } from 'node:worker_threads'
import { GlobalRegistrator } from '@happy-dom/global-registrator'
GlobalRegistrator.register({ url: 'http://localhost/', width: 1280, height: 800 })
const { renderHomeHtml } = await import('./prerender.js')
parentPort.postMessage(await renderHomeHtml())
`

/** The home screen's markup, checked against the page's CSP. */
export async function renderHome(options: PrerenderOptions, cacheDir: string): Promise<string> {
  // In the project's cache folder (Vite's, inside node_modules), so the server bundle finds vue
  // and the rest; a folder per render, so two builds at once never share one.
  mkdirSync(cacheDir, { recursive: true })
  const outDir = mkdtempSync(join(cacheDir, 'kiosk-prerender-'))
  try {
    await build({
      configFile: false,
      root: options.root,
      mode: 'production',
      logLevel: 'warn',
      resolve: { alias: options.alias },
      define: options.define,
      // The page's build drops template comments; the server's must too, or hydration meets nodes it never made.
      plugins: [
        vue({ isProduction: true, template: { compilerOptions: { comments: false } } }),
        precompileMessages(),
      ],
      build: {
        ssr: join(options.root, 'src/app/prerender.ts'),
        outDir,
        emptyOutDir: true,
        minify: false,
        copyPublicDir: false,
      },
    })
    writeFileSync(join(outDir, 'render.mjs'), WORKER)
    const html = await inWorker(join(outDir, 'render.mjs'))
    return checkedMarkup(html.replace(HIDDEN_BY_V_SHOW, ''))
  } finally {
    rmSync(outDir, { recursive: true, force: true })
  }
}

function inWorker(file: string): Promise<string> {
  const worker = new Worker(file)
  return new Promise<string>((done, fail) => {
    worker.once('message', (html: string) => done(html))
    worker.once('error', fail)
    worker.once('exit', (code) => fail(new Error(`the home screen's render stopped (exit code ${code})`)))
  }).finally(() => void worker.terminate())
}

/** What the CSP would refuse, or a render that is not the home screen, stops the build. */
export function checkedMarkup(html: string): string {
  const problems = [
    /<script/i.test(html) && 'a <script> element',
    / style="/i.test(html) && 'a style attribute',
    / on[a-z]+="/i.test(html) && 'an inline event handler',
    (html.match(/class="door /g) ?? []).length < 2 && 'no home screen doors',
  ].filter(Boolean)
  if (problems.length > 0)
    throw new Error(`The prerendered home screen cannot go in index.html: it has ${problems.join(', ')}.`)
  return html
}

export function prerenderHome(options: PrerenderOptions): Plugin {
  let cacheDir = ''
  return {
    name: 'kiosk-prerender-home',
    apply: 'build',
    configResolved(config) {
      cacheDir = config.cacheDir
    },
    transformIndexHtml: {
      order: 'post',
      async handler(html) {
        if (!html.includes(APP_DIV))
          throw new Error(`index.html has no ${APP_DIV} for the prerendered home screen.`)
        const markup = await renderHome(options, cacheDir)
        return html.replace(
          APP_DIV,
          `${APP_DIV}\n    <template id="${PRERENDERED_HOME_ID}">${markup}</template>`,
        )
      },
    },
  }
}
