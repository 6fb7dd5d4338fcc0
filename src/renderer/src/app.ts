import { createPinia } from 'pinia'
import type { App, Plugin } from 'vue'
import type { RouterHistory } from 'vue-router'
import { apiClientKey, createApiClient, type Transport } from './api/client'
import { createKioskI18n } from './i18n'
import { createKioskRouter } from './router'

export interface KioskOptions {
  transport: Transport
  history: RouterHistory
}

/**
 * Everything the app needs, installed in one place: the API client, Pinia, the
 * router and vue-i18n. main.ts uses it with the real transport and hash history;
 * tests use it with a fake bridge and memory history, so they run the real wiring.
 */
export function createKiosk(options: KioskOptions) {
  const pinia = createPinia()
  const router = createKioskRouter(options.history)
  const i18n = createKioskI18n()
  const client = createApiClient(options.transport)
  const plugin: Plugin = {
    install(app: App) {
      app.provide(apiClientKey, client)
      app.use(pinia)
      app.use(router)
      app.use(i18n)
    },
  }
  return { plugin, pinia, router, i18n }
}
