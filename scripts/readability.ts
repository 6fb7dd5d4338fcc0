/**
 * Writers' aid: prints the readability of every text in the YAML files given,
 * flagging paragraphs over grade 8 and sentences over 20 words.
 *   node scripts/readability.ts content/procedures/x.en.yaml [...]
 */
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import {
  READABILITY_LIMITS,
  fernandezHuerta,
  fleschKincaidGrade,
  sentencesOf,
  wordsOf,
} from '../src/core/content/readability.ts'

const SKIP = new Set(['id', 'kind', 'picture', 'band', 'action', 'period', 'level', 'translatedFrom', 'key', 'reviewerRole'])

function* texts(node: unknown, path: string): Generator<[string, string]> {
  if (typeof node === 'string') yield [path, node]
  else if (Array.isArray(node)) for (const [i, v] of node.entries()) yield* texts(v, `${path}[${i}]`)
  else if (node && typeof node === 'object')
    for (const [k, v] of Object.entries(node)) {
      if (SKIP.has(k) || k === 'review' || k === 'sources') continue
      yield* texts(v, path ? `${path}.${k}` : k)
    }
}

let failures = 0
for (const file of process.argv.slice(2)) {
  const es = file.includes('.es.')
  const grades: number[] = []
  for (const [path, text] of texts(parse(readFileSync(file, 'utf8')), '')) {
    const long = sentencesOf(text, es ? 'es' : 'en').filter((s) => wordsOf(s, es ? 'es' : 'en').length > READABILITY_LIMITS.maxWordsPerSentence)
    if (es) {
      const fh = fernandezHuerta(text)
      if (long.length) {
        failures++
        console.log(`${file} ${path}: long sentence: ${long.join(' | ')}`)
      }
      if (fh < 60) console.log(`${file} ${path}: Fernández-Huerta ${fh.toFixed(0)} (aim 60+)`)
      continue
    }
    const grade = fleschKincaidGrade(text)
    grades.push(grade)
    if (grade > READABILITY_LIMITS.maxGradePerParagraph || long.length) {
      failures++
      console.log(`${file} ${path}: grade ${grade.toFixed(1)}${long.length ? `, long sentence: ${long.join(' | ')}` : ''}\n    ${text}`)
    }
  }
  if (grades.length) console.log(`${file}: mean grade ${(grades.reduce((a, b) => a + b, 0) / grades.length).toFixed(2)} over ${grades.length} texts`)
}
process.exitCode = failures ? 1 : 0
