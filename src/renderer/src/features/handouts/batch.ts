import type { ItemKind, Locale } from '@shared/contract'
import { LOCALE_CODE } from '@shared/vocabulary'

/** One handout of a batch: which item. */
export interface BatchItem {
  kind: Extract<ItemKind, 'condition' | 'procedure'>
  id: string
}

const ITEM = /^(condition|procedure):([a-z0-9][a-z0-9-]{0,79})$/

/** The batch in an address: "condition:hip-osteoarthritis,procedure:x". Only ids and kinds, nothing typed. */
export function batchQuery(items: readonly BatchItem[]): string {
  return items.map((item) => `${item.kind}:${item.id}`).join(',')
}

/** The batch an address names; anything that is not a kind and an id is left out. */
export function batchItems(query: unknown): BatchItem[] {
  if (typeof query !== 'string') return []
  const seen = new Set<string>()
  const items: BatchItem[] = []
  for (const part of query.split(',')) {
    const match = ITEM.exec(part)
    if (!match || seen.has(part)) continue
    seen.add(part)
    items.push({ kind: match[1] as BatchItem['kind'], id: match[2]! })
  }
  return items
}

/** The language asked for in an address: a language code or "both"; otherwise the fallback. */
export function batchLang(query: unknown, fallback: Locale): Locale | 'both' {
  return typeof query === 'string' && (query === 'both' || LOCALE_CODE.test(query)) ? query : fallback
}
