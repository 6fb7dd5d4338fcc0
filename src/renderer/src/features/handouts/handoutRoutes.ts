import type { ItemKind } from '@shared/contract'

/** The print view's route for an item of this kind (router.ts names them). */
export function handoutRoute(kind: ItemKind): `handout-${ItemKind}` {
  return `handout-${kind}`
}
