/**
 * Records in a translation file which English text it was translated from.
 * A translator runs this after bringing a translation up to date; it edits one
 * line, keeping the rest of the file exactly as written.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { FOLDERS, type ContentLibrary } from './load.ts'

export interface Stamped {
  id: string
  locale: string
  file: string
  hash: string
}

/** Sets `translatedFrom` in the translation files of `ids` (all translations when ids is empty). */
export function stampTranslations(contentDir: string, library: ContentLibrary, ids: string[]): Stamped[] {
  const english = new Map(library.items.filter((i) => i.locale === 'en').map((i) => [i.item.id, i]))
  const unknown = ids.filter((id) => !english.has(id))
  if (unknown.length) throw new Error(`No English item with id ${unknown.map((u) => `"${u}"`).join(', ')}.`)
  const stamped: Stamped[] = []
  for (const t of library.items) {
    if (t.locale === 'en' || (ids.length && !ids.includes(t.item.id))) continue
    const original = english.get(t.item.id)
    if (!original) continue
    const folder = Object.keys(FOLDERS).find((f) => FOLDERS[f] === t.item.kind) ?? ''
    const path = join(contentDir, folder, `${t.item.id}.${t.locale}.yaml`)
    const text = readFileSync(path, 'utf8')
    const line = `translatedFrom: '${original.textHash}'`
    const next = /^translatedFrom:.*$/m.test(text)
      ? text.replace(/^translatedFrom:.*$/m, line)
      : text.replace(/^id:.*$/m, (idLine) => `${idLine}\n${line}`)
    writeFileSync(path, next)
    stamped.push({ id: t.item.id, locale: t.locale, file: t.file, hash: original.textHash })
  }
  return stamped
}
