/**
 * Synthetic content for the size benchmarks: the real library copied `factor`
 * times, each copy with new ids and titles, written as YAML files the normal
 * content build reads. The copies keep the real text, so search finds the real
 * words `factor` times over. Glossary, anatomy and sources are copied once (they
 * do not grow with the number of items).
 */
import { copyFileSync, cpSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const ITEM_FOLDERS = ['conditions', 'procedures'] as const
const FILE_NAME = /^([a-z0-9]+(?:-[a-z0-9]+)*)\.([a-z]{2})\.ya?ml$/

/** The YAML text of copy `n` of an item: a new id, and a title that says which copy it is. */
export function copyItemYaml(text: string, id: string, n: number): string {
  const newId = `${id}-copy-${n}`
  return text.replace(/^id: .*$/m, `id: ${newId}`).replace(/^title: (.*)$/m, (_line, value: string) => {
    const v = value.trim()
    const quote = v[0] === "'" || v[0] === '"' ? v[0] : ''
    return quote && v.endsWith(quote) ? `title: ${v.slice(0, -1)} (${n})${quote}` : `title: ${v} (${n})`
  })
}

export interface SyntheticLibrary {
  dir: string
  /** Item files written (every language). */
  itemFiles: number
}

/**
 * Writes `factor` copies of every item in `sourceDir` into `outDir` (emptied
 * first). Copy 0 is the original; copies 1.. get ids `<id>-copy-<n>`.
 */
export function writeSyntheticContent(sourceDir: string, outDir: string, factor: number): SyntheticLibrary {
  if (!Number.isInteger(factor) || factor < 1) throw new RangeError('the factor is a whole number from 1')
  rmSync(outDir, { recursive: true, force: true })
  mkdirSync(outDir, { recursive: true })
  for (const entry of readdirSync(sourceDir, { withFileTypes: true })) {
    const from = join(sourceDir, entry.name)
    if (entry.isDirectory() && !(ITEM_FOLDERS as readonly string[]).includes(entry.name)) {
      cpSync(from, join(outDir, entry.name), { recursive: true })
    } else if (entry.isFile()) {
      copyFileSync(from, join(outDir, entry.name))
    }
  }
  let itemFiles = 0
  for (const folder of ITEM_FOLDERS) {
    const to = join(outDir, folder)
    mkdirSync(to, { recursive: true })
    for (const name of readdirSync(join(sourceDir, folder))) {
      const match = FILE_NAME.exec(name)
      if (!match) continue
      const [, id = '', locale = ''] = match
      const text = readFileSync(join(sourceDir, folder, name), 'utf8')
      writeFileSync(join(to, name), text)
      itemFiles++
      for (let n = 1; n < factor; n++) {
        writeFileSync(join(to, `${id}-copy-${n}.${locale}.yaml`), copyItemYaml(text, id, n))
        itemFiles++
      }
    }
  }
  return { dir: outDir, itemFiles }
}
