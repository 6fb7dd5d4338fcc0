import { describe, expect, it } from 'vitest'
import { createApp } from 'vue'
import { createPinia, setActivePinia } from 'pinia'
import type { KioskBridge } from '@shared/bridge'
import { apiClientKey, bridgeTransport, createApiClient, type ApiClient } from '@renderer/api/client'
import { useContentStore } from '@renderer/app/stores/content'
import { useLocaleStore } from '@renderer/app/stores/locale'
import { fakeBridge, procedureEn } from './fixtures'

/** A store wired to a bridge, outside any component, as the app wires it. */
function storeOver(bridge: KioskBridge) {
  const app = createApp({})
  const pinia = createPinia()
  app.use(pinia).provide(apiClientKey, createApiClient(bridgeTransport(bridge)))
  setActivePinia(pinia)
  return app.runWithContext(() => ({ content: useContentStore(), locale: useLocaleStore() }))
}

function deferred<T>() {
  let resolve!: (value: T) => void
  const promise = new Promise<T>((r) => (resolve = r))
  return { promise, resolve }
}

describe('the content store', () => {
  it('keeps the screen the patient moved on to when an older answer arrives late', async () => {
    const bridge = fakeBridge()
    const slow = deferred<Awaited<ReturnType<ApiClient['getProcedure']>>>()
    bridge.getProcedure = () => slow.promise
    const { content } = storeOver(bridge)

    const first = content.loadProcedure(procedureEn.id)
    await content.loadTopics() // the patient tapped Home before the procedure arrived
    slow.resolve({ ok: false, error: { code: 'unavailable', message: 'too late' } })
    await first

    expect(content.error).toBeNull()
    expect(content.loading).toBe(false)
    expect(content.topics?.procedures[0]?.id).toBe(procedureEn.id)
  })

  it('reloads what is on screen in the new language', async () => {
    const bridge = fakeBridge()
    const { content, locale } = storeOver(bridge)
    await content.loadProcedure(procedureEn.id)
    locale.setLocale('es')
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(content.procedure?.title).toBe('Inyección de cadera guiada por ecografía')
  })

  it('does not ask again for what it already has in this language', async () => {
    const bridge = fakeBridge()
    const { content } = storeOver(bridge)
    await content.loadProcedure(procedureEn.id)
    await content.loadProcedure(procedureEn.id)
    expect(bridge.calls).toHaveLength(1)
  })
})
