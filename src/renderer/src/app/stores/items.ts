import { defineStore } from 'pinia'
import type { Condition, Guide, ItemKind, Locale, MethodOutput, Procedure } from '@shared/contract'
import type { Result } from '@shared/result'
import { useApiClient } from '@renderer/api/client'

export type Item = Procedure | Condition | Guide
export type Topics = MethodOutput<'listTopics'>

/**
 * Every procedure, condition and guide this session has loaded, by kind, language and
 * id: the screen, the handout and explain mode share one copy, so no screen asks
 * again for what another already holds. A request in flight is shared too; a
 * failed answer is dropped, so "Try again" really asks again. It lives in the
 * session's Pinia, so the idle reset forgets it with everything else.
 */
export const useItemStore = defineStore('items', () => {
  const api = useApiClient()
  const cache = new Map<string, Promise<Result<Item | Topics>>>()

  function cached<T extends Item | Topics>(key: string, fetch: () => Promise<Result<T>>): Promise<Result<T>> {
    let answer = cache.get(key) as Promise<Result<T>> | undefined
    if (!answer) {
      answer = fetch().then((result) => {
        if (!result.ok) cache.delete(key)
        return result
      })
      cache.set(key, answer)
    }
    return answer
  }

  /** The topic lists (conditions, procedures, guides) in one language: the home screen's guides, the lists. */
  function getTopics(locale: Locale): Promise<Result<Topics>> {
    return cached(`topics/${locale}`, () => api.listTopics({ locale }))
  }

  function getProcedure(locale: Locale, id: string): Promise<Result<Procedure>> {
    return cached(`procedure/${locale}/${id}`, () => api.getProcedure({ locale, id }))
  }

  function getCondition(locale: Locale, id: string): Promise<Result<Condition>> {
    return cached(`condition/${locale}/${id}`, () => api.getCondition({ locale, id }))
  }

  function getGuide(locale: Locale, id: string): Promise<Result<Guide>> {
    return cached(`guide/${locale}/${id}`, () => api.getGuide({ locale, id }))
  }

  function getItem(kind: ItemKind, locale: Locale, id: string): Promise<Result<Item>> {
    const get = { procedure: getProcedure, condition: getCondition, guide: getGuide }[kind]
    return get(locale, id)
  }

  /** After a content pack is switched: what is cached is the old library's. */
  function forget(): void {
    cache.clear()
  }

  return { getTopics, getProcedure, getCondition, getGuide, getItem, forget }
})
