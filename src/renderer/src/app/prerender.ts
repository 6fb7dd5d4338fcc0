/**
 * The build's render of the home screen (scripts/vite/prerender-home.ts): the whole app at
 * `#/home` as its first render sees it, before the core has answered anything, so the page's
 * own first render matches it and can hydrate it (app/kiosk.ts). The clinic's language and
 * the guides arrive from the core afterwards, exactly as without it (the clinic's name and logo
 * are on the attract screen, never prerendered): nothing a clinic sets is baked into the build.
 */
import { createSSRApp } from 'vue'
import { renderToString } from 'vue/server-renderer'
import { createMemoryHistory } from 'vue-router'
import type { Transport } from '@renderer/api/client'
import AppRoot from './App.vue'
import { createKiosk } from './kiosk'

/** A core that has not answered yet: every call stays pending, as on the page before its first reply. */
const NOT_YET: Transport = { kind: 'http', call: () => new Promise(() => {}) }

export async function renderHomeHtml(): Promise<string> {
  // Links are written as the page's hash history writes them (`#/conditions`).
  const kiosk = createKiosk({ transport: NOT_YET, history: createMemoryHistory('/#') })
  const app = createSSRApp(AppRoot).use(kiosk.plugin)
  await kiosk.router.push({ name: 'home' })
  await kiosk.router.isReady()
  return renderToString(app)
}
