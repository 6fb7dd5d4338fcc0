/**
 * Runs Electronegativity (Doyensec's Electron security scanner) over src/ and
 * fails on any HIGH or MEDIUM finding that .electronegativity.json does not
 * list as a false positive with its reason, and on any file it could not parse.
 *   node scripts/electronegativity.ts
 * Called through its API: its command line needs a `commander` it does not
 * declare, and it would try the internet for translations and release lists.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'

interface Finding {
  id: string
  file: string
  severity: { name: string }
  confidence: { name: string }
  location?: { line: number }
  description?: string
}
interface Config {
  excludedChecks: { check: string; reason: string }[]
  falsePositives: { id: string; file: string; reason: string }[]
}

const root = join(import.meta.dirname, '..')
const config = JSON.parse(readFileSync(join(root, '.electronegativity.json'), 'utf8')) as Config
const require = createRequire(import.meta.url)
const run = require('@doyensec/electronegativity/dist/runner.js') as (
  options: object,
  forCli: boolean,
) => Promise<{ issues: Finding[]; errors: { file: string; message: string; tolerable: boolean }[] }>

const { issues, errors } = await run(
  {
    input: join(root, 'src'),
    isRelative: true,
    electronVersionOverride: '45.0.0',
    customScan: [],
    excludeFromScan: config.excludedChecks.map((c) => c.check),
  },
  false,
)

const allowed = (f: Finding) => config.falsePositives.some((fp) => fp.id === f.id && f.file.endsWith(fp.file))
const serious = issues.filter((f) => ['HIGH', 'MEDIUM'].includes(f.severity.name))
const failing = serious.filter((f) => !allowed(f))
const unreadable = errors.filter((e) => !e.tolerable)

for (const f of issues) {
  const mark = failing.includes(f) ? 'FAIL' : allowed(f) ? 'known false positive' : 'ok (low)'
  console.log(`${f.severity.name.padEnd(13)} ${f.id.padEnd(40)} ${f.file}:${f.location?.line ?? 0}  ${mark}`)
}
for (const e of unreadable) console.log(`UNREADABLE    ${e.file}: ${e.message}`)
console.log(
  `Electronegativity: ${issues.length} findings, ${serious.length} HIGH or MEDIUM, ${failing.length} not accounted for, ${unreadable.length} files unreadable.`,
)
process.exit(failing.length || unreadable.length ? 1 : 0)
