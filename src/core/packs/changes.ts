/**
 * What a content pack changes, in the words staff use: the items it adds,
 * changes and removes, by title. Each item has an item hash over its documents
 * in every language (src/core/db/format.ts), so comparing the hashes of the
 * pack in use with the pack being imported finds every change, and only those.
 */
import type { Database } from 'better-sqlite3'
import { itemVersions } from '../db/format.ts'
import { SOURCE_LOCALE } from '../../shared/vocabulary.ts'
import type { PackChanges, PackItem } from '../../shared/contract.ts'

interface ItemVersion {
  kind: string
  id: string
  itemHash: string
}

/** The items of `after` not in `before`, those in both with another hash, and those gone, each by title. */
export function compareItems(
  before: readonly ItemVersion[],
  after: readonly ItemVersion[],
  titleOf: (kind: string, id: string) => string,
): PackChanges {
  const named = (v: ItemVersion): PackItem => ({ kind: v.kind, id: v.id, title: titleOf(v.kind, v.id) })
  const keyOf = (v: ItemVersion) => `${v.kind}/${v.id}`
  const old = new Map(before.map((v) => [keyOf(v), v]))
  const now = new Set(after.map(keyOf))
  return {
    added: after.filter((v) => !old.has(keyOf(v))).map(named),
    changed: after.filter((v) => old.has(keyOf(v)) && old.get(keyOf(v))!.itemHash !== v.itemHash).map(named),
    removed: before.filter((v) => !now.has(keyOf(v))).map(named),
  }
}

/** The English title of each item (the language every item has), from a content database. */
function titles(db: Database): Map<string, string> {
  const rows = db
    .prepare<[string], { kind: string; id: string; title: string }>(
      'SELECT kind, id, title FROM documents WHERE locale = ?',
    )
    .all(SOURCE_LOCALE)
  return new Map(rows.map((r) => [`${r.kind}/${r.id}`, r.title]))
}

/** What switching from the content in `from` to the content in `to` changes. */
export function packChanges(from: Database, to: Database): PackChanges {
  const named = new Map([...titles(from), ...titles(to)])
  return compareItems(itemVersions(from), itemVersions(to), (kind, id) => named.get(`${kind}/${id}`) ?? id)
}
