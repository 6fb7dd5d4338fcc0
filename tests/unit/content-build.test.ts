import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { buildContentDb } from '../../src/core/content/build.ts'
import { openContentDb } from '../../src/core/db/open.ts'
import { createContentService } from '../../src/core/services/content-service.ts'
import { parse as parseYaml } from 'yaml'
import { ContentError, readYamlFast, textHashOf, loadContent } from '../../src/core/content/load.ts'
import { CONTENT_DIR } from '../../src/core/paths.ts'
import type { ContentProblem } from '../../src/core/content/load.ts'
import { copyFixtureContent, editFile, FIXTURE_CONTENT, tempDir, type TempDir } from '../fixtures/library.ts'

let dir: TempDir
let content: string
let out: string
beforeEach(() => {
  dir = tempDir()
  content = copyFixtureContent(dir.path)
  out = join(dir.path, 'content.sqlite')
})
afterEach(() => dir.remove())

function problemsOf(fn: () => unknown): ContentProblem[] {
  try {
    fn()
  } catch (err) {
    if (err instanceof ContentError) return err.problems
    throw err
  }
  throw new Error('expected the content to be refused')
}

function dump(file: string): unknown {
  const db = new Database(file, { readonly: true })
  const names = db
    .prepare<[], { name: string }>(
      "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT GLOB 'search_*' ORDER BY name",
    )
    .all()
  const all = Object.fromEntries(names.map(({ name }) => [name, db.prepare(`SELECT * FROM "${name}"`).all()]))
  db.close()
  return all
}

describe('building the content database', () => {
  it('compiles every item, step, risk and milestone into SQLite', () => {
    const summary = buildContentDb(content, out)
    expect(summary.counts).toEqual({
      conditions: 1,
      procedures: 1,
      guides: 0,
      glossary: 2,
      locales: ['en', 'es'],
    })
    const db = new Database(out, { readonly: true })
    const body = db
      .prepare(
        "SELECT body FROM documents WHERE kind = 'procedure' AND id = 'test-injection' AND locale = 'en'",
      )
      .pluck()
      .get() as string
    const procedure = JSON.parse(body) as { steps: { title: string }[]; risks: Record<string, unknown>[] }
    expect(procedure.steps.map((s) => s.title)).toEqual(['Lie down', 'Clean the skin', 'The injection'])
    expect(procedure.risks.find((r) => r.name === 'Infection')).toMatchObject({
      about: { n: 1, m: 10000 },
      warning: { sign: 'fever', context: 'any-time' },
    })
    expect(db.prepare("SELECT value FROM meta WHERE key = 'pack_hash'").get()).toEqual({
      value: summary.contentHash,
    })
    db.close()
  })

  it('creates the output folder when it does not exist yet (a fresh clone)', () => {
    const nested = join(dir.path, 'fresh', 'resources', 'content.sqlite')
    buildContentDb(content, nested)
    expect(existsSync(nested)).toBe(true)
  })

  it('lists topics in their clinical order, then by title', () => {
    const text = readFileSync(join(content, 'conditions/sore-hip.en.yaml'), 'utf8')
    writeFileSync(
      join(content, 'conditions/zebra-hip.en.yaml'),
      text
        .replace('id: sore-hip', 'id: zebra-hip')
        .replace('title: Sore hip', 'title: Zebra hip')
        .replace('picture: hip-joint', 'picture: hip-joint\norder: 1'),
    )
    writeFileSync(
      join(content, 'conditions/aardvark-hip.en.yaml'),
      text.replace('id: sore-hip', 'id: aardvark-hip').replace('title: Sore hip', 'title: Aardvark hip'),
    )
    buildContentDb(content, out)
    const db = openContentDb(out)
    expect(
      createContentService(db)
        .listTopics({ locale: 'en' })
        .conditions.map((t) => t.id),
    ).toEqual(['zebra-hip', 'aardvark-hip', 'sore-hip'])
    db.close()
  })

  it('is deterministic: the same sources give the same hash and the same rows', () => {
    const first = buildContentDb(content, out)
    const firstDump = dump(out)
    const other = join(dir.path, 'again.sqlite')
    const second = buildContentDb(content, other)
    expect(second.contentHash).toBe(first.contentHash)
    expect(dump(other)).toEqual(firstDump)
    expect(readFileSync(other)).toEqual(readFileSync(out))
  })

  it('gives a different hash when any text changes', () => {
    const before = buildContentDb(content, out).contentHash
    editFile(content, 'procedures/test-injection.en.yaml', (t) =>
      t.replace('A small bruise.', 'A small bruise may form.'),
    )
    expect(buildContentDb(content, out).contentHash).not.toBe(before)
  })

  it('marks a translation stale when its English text changes, and fresh when re-stamped', () => {
    expect(buildContentDb(content, out).staleTranslations).toEqual([{ id: 'sore-hip', locale: 'es' }])
    const english = loadContent(content).items.find((i) => i.item.id === 'sore-hip' && i.locale === 'en')
    editFile(content, 'conditions/sore-hip.es.yaml', (t) =>
      t.replace("'000000000000'", `'${english?.textHash}'`),
    )
    expect(buildContentDb(content, out).staleTranslations).toEqual([])
    editFile(content, 'conditions/sore-hip.en.yaml', (t) =>
      t.replace('It can ache at night.', 'It can ache in bed.'),
    )
    expect(buildContentDb(content, out).staleTranslations).toEqual([{ id: 'sore-hip', locale: 'es' }])
  })

  it('changes the item hash of exactly the item whose text changed, in all its languages', () => {
    const hashes = () => {
      const db = new Database(out, { readonly: true })
      const rows = db
        .prepare<[], { key: string; item_hash: string }>(
          "SELECT kind || ':' || id || ':' || locale AS key, item_hash FROM documents ORDER BY key",
        )
        .all()
      db.close()
      return new Map(rows.map((r) => [r.key, r.item_hash]))
    }
    buildContentDb(content, out)
    const before = hashes()
    expect(before.get('condition:sore-hip:en')).toBe(before.get('condition:sore-hip:es'))
    editFile(content, 'conditions/sore-hip.es.yaml', (t) => t.replace('Cadera dolorida', 'Cadera que duele'))
    buildContentDb(content, out)
    const after = hashes()
    const changed = [...before.keys()].filter((k) => before.get(k) !== after.get(k))
    expect(changed).toEqual(['condition:sore-hip:en', 'condition:sore-hip:es'])
  })

  it('stores each document as its author wrote it, so a new field with a default changes no hash', () => {
    buildContentDb(content, out)
    const db = new Database(out, { readonly: true })
    const body = db
      .prepare(
        "SELECT body FROM documents WHERE kind = 'procedure' AND id = 'test-injection' AND locale = 'en'",
      )
      .pluck()
      .get() as string
    db.close()
    const bruising = (JSON.parse(body) as { risks: Record<string, unknown>[] }).risks.find(
      (r) => r.name === 'Bruising',
    )
    // The author gave this risk no action; the schema's default ("none") is applied when read, not stored.
    expect(bruising).toBeDefined()
    expect(bruising).not.toHaveProperty('action')
  })

  it('does not count the version as a change of text', () => {
    const item = loadContent(FIXTURE_CONTENT).items[0]!.item
    expect(textHashOf({ ...item, version: 9 })).toBe(textHashOf(item))
  })
})

describe('reading YAML', () => {
  const yamlFilesIn = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true, recursive: true })
      .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
      .map((e) => join(e.parentPath, e.name))

  it('reads every content file to the same values on the fast path as with line positions', () => {
    const files = [...yamlFilesIn(CONTENT_DIR), ...yamlFilesIn(FIXTURE_CONTENT)]
    expect(files.length).toBeGreaterThan(40)
    for (const file of files) {
      const text = readFileSync(file, 'utf8')
      expect({ file, value: readYamlFast(text) }).toEqual({
        file,
        value: { ok: true, value: parseYaml(text) },
      })
    }
  })

  it('keeps dates, yes/no and numbers-with-zeros as YAML 1.2 does', () => {
    const text = 'reviewedOn: 2026-01-01\nanswer: no\nversion: 3\nlabel: "007"\nempty:\n'
    expect(readYamlFast(text)).toEqual({ ok: true, value: parseYaml(text) })
    expect(readYamlFast(text)).toEqual({
      ok: true,
      value: { reviewedOn: '2026-01-01', answer: 'no', version: 3, label: '007', empty: null },
    })
  })

  it('refuses a repeated key on the fast path, so the slow path reports it with its line', () => {
    expect(readYamlFast('id: a\nid: b\n')).toEqual({ ok: false })
  })
})

describe('bad content fails the build, naming file, item and field', () => {
  const PROCEDURE = 'procedures/test-injection.en.yaml'
  const procedureFile = join('content', PROCEDURE)

  const cases: {
    name: string
    file: string
    edit: (t: string) => string
    expected: Partial<ContentProblem>
  }[] = [
    {
      name: 'a missing field',
      file: PROCEDURE,
      edit: (t) => t.replace(/^duration: .*\n/m, ''),
      expected: { item: 'test-injection', field: 'duration' },
    },
    {
      name: 'an unknown source reference',
      file: PROCEDURE,
      edit: (t) => t.replace('sources: [src-a, src-b]', 'sources: [src-a, src-nowhere]'),
      expected: {
        item: 'test-injection',
        field: 'sources[1]',
        message: expect.stringContaining('unknown source "src-nowhere"'),
      },
    },
    {
      name: 'a source with an address but no day it was read',
      file: 'sources.yaml',
      edit: (t) => t.replace('    accessed: 2026-12-06\n', ''),
      expected: {
        item: '(sources)',
        field: 'sources[1].accessed',
        message: expect.stringContaining('must say when it was read'),
      },
    },
    {
      name: 'a source with neither an address nor a note saying why',
      file: 'sources.yaml',
      edit: (t) => t.replace('    note: Supplied to the project; original address not recorded.\n', ''),
      expected: { item: '(sources)', field: 'sources[0].note' },
    },
    {
      name: 'a source listed twice (the build would stop on the database, not the file)',
      file: 'sources.yaml',
      edit: (t) =>
        t.replace(
          '  - id: src-b\n',
          '  - id: src-a\n    title: A second A\n    note: Again.\n  - id: src-b\n',
        ),
      expected: {
        item: '(sources)',
        field: 'sources[1].id',
        message: expect.stringContaining('duplicate id: "src-a" is also sources[0]'),
      },
    },
    {
      name: 'a source date the page did not state in a date format',
      file: 'sources.yaml',
      edit: (t) => t.replace('published: 2024-03', 'published: spring 2024'),
      expected: { item: '(sources)', field: 'sources[1].published' },
    },
    {
      name: 'a wrong type',
      file: PROCEDURE,
      edit: (t) => t.replace('version: 1\n', 'version: first\n'),
      expected: {
        item: 'test-injection',
        field: 'version',
        message: expect.stringContaining('expected number'),
      },
    },
    {
      name: 'an empty step list',
      file: PROCEDURE,
      edit: (t) => t.replace(/^steps:\n(?:  .*\n)+/m, 'steps: []\n'),
      expected: { item: 'test-injection', field: 'steps', message: 'a procedure needs at least one step' },
    },
    {
      name: 'an unknown frequency band',
      file: PROCEDURE,
      edit: (t) => t.replace('band: rare', 'band: sometimes'),
      expected: { item: 'test-injection', field: 'risks[1].band' },
    },
    {
      name: 'a quiz answer that is not one of the options',
      file: PROCEDURE,
      edit: (t) => t.replace('    answer: 1', '    answer: 2'),
      expected: { item: 'test-injection', field: 'quiz[0].answer' },
    },
    {
      name: 'a picture that does not exist',
      file: PROCEDURE,
      edit: (t) => t.replace('picture: skin-cleaning', 'picture: stock-photo'),
      expected: { item: 'test-injection', field: 'steps[1].picture' },
    },
    {
      name: 'a field the schema does not know (a typo)',
      file: PROCEDURE,
      edit: (t) => t.replace('questionsToAsk:', 'questionToAsk:'),
      expected: { item: 'test-injection', field: '(whole file)' },
    },
    {
      name: 'an id that does not match its file name',
      file: PROCEDURE,
      edit: (t) => t.replace('id: test-injection', 'id: other-injection'),
      expected: { item: 'other-injection', field: 'id' },
    },
    {
      name: 'broken YAML',
      file: PROCEDURE,
      edit: (t) => t.replace('title: Test injection', 'title: [Test injection'),
      expected: { item: 'test-injection', field: '(YAML syntax)' },
    },
  ]

  for (const c of cases) {
    it(`refuses ${c.name}`, () => {
      editFile(content, c.file, c.edit)
      const problems = problemsOf(() => buildContentDb(content, out))
      expect(problems).toContainEqual(
        expect.objectContaining({
          file: expect.stringMatching(new RegExp(`${c.file.replace('.', '\\.')}$`)),
          ...c.expected,
        }),
      )
    })
  }

  it('gives the line of the field in the file', () => {
    editFile(content, PROCEDURE, (t) => t.replace('band: rare', 'band: sometimes'))
    const [problem] = problemsOf(() => loadContent(content))
    const lines = readFileSync(join(content, PROCEDURE), 'utf8').split('\n')
    expect(lines[problem!.line! - 1]).toContain('band: sometimes')
  })

  it('refuses a claim that cites a secondary source alone, unless sources.yaml says why it stands alone', () => {
    // src-b becomes a third party's summary; "Relief often lasts a few weeks." and the Bruising risk cite it alone.
    editFile(content, 'sources.yaml', (t) => t.replace('authority: guideline', 'authority: secondary'))
    const alone = problemsOf(() => loadContent(content)).filter((p) => /cited alone/.test(p.message))
    expect(alone).toContainEqual(
      expect.objectContaining({
        file: expect.stringMatching(/procedures\/test-injection\.en\.yaml$/),
        item: 'test-injection',
        field: 'sections[1].paragraphs[0].sources',
        message: expect.stringMatching(/"src-b" is a secondary source .* cited alone/),
      }),
    )
    // A claim that cites it beside a primary is fine.
    expect(alone.map((p) => p.field)).not.toContain('risks[1].sources')
    editFile(content, 'sources.yaml', (t) =>
      t.replace(
        /^sources:/m,
        'standsAlone:\n  - source: src-b\n    why: The guideline itself was not reached; a clinician checks it.\nsources:',
      ),
    )
    expect(() => loadContent(content)).not.toThrow()
  })

  it('refuses a duplicate id in another file', () => {
    const text = readFileSync(join(content, 'procedures/test-injection.en.yaml'), 'utf8')
    writeFileSync(join(content, 'conditions/test-injection.en.yaml'), text)
    const problems = problemsOf(() => loadContent(content))
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: expect.stringMatching(/procedures\/test-injection\.en\.yaml$/),
        item: 'test-injection',
        field: 'id',
        message: expect.stringMatching(
          /duplicate id: "test-injection" is also defined in .*conditions\/test-injection\.en\.yaml/,
        ),
      }),
    )
  })

  it('refuses a translation with no English original', () => {
    rmSync(join(content, 'conditions/sore-hip.en.yaml'))
    expect(problemsOf(() => loadContent(content))).toContainEqual(
      expect.objectContaining({
        item: 'sore-hip',
        field: 'id',
        message: expect.stringContaining('no English original'),
      }),
    )
  })

  it('refuses anatomy that leaves out a part of the hip', () => {
    editFile(content, 'anatomy.en.yaml', (t) => t.replace(/^  - \{ id: labrum.*\n/m, ''))
    expect(problemsOf(() => loadContent(content))).toContainEqual(
      expect.objectContaining({
        file: expect.stringMatching(/anatomy\.en\.yaml$/),
        field: 'parts',
        message: expect.stringContaining('labrum'),
      }),
    )
  })

  it('refuses a duplicate glossary id across files', () => {
    writeFileSync(
      join(content, 'glossary/more.en.yaml'),
      'terms:\n  - id: joint\n    term: joint\n    definition: Again.\n',
    )
    expect(problemsOf(() => loadContent(content))).toContainEqual(
      expect.objectContaining({ item: 'joint', field: 'terms[0].id' }),
    )
  })

  it('lists every problem at once, and the message names file, item and field', () => {
    editFile(content, PROCEDURE, (t) =>
      t.replace(/^duration: .*\n/m, '').replace('band: rare', 'band: often'),
    )
    try {
      buildContentDb(content, out)
      expect.unreachable()
    } catch (err) {
      expect((err as ContentError).problems).toHaveLength(2)
      expect((err as Error).message).toContain(`${procedureFile}`)
      expect((err as Error).message).toMatch(/item "test-injection": field "duration"/)
      expect((err as Error).message).toMatch(/item "test-injection": field "risks\[1\]\.band"/)
    }
  })

  it('leaves the previous database in place and no temporary file behind', () => {
    const good = buildContentDb(content, out)
    const before = readFileSync(out)
    editFile(content, PROCEDURE, (t) => t.replace(/^steps:\n(?:  .*\n)+/m, 'steps: []\n'))
    expect(() => buildContentDb(content, out)).toThrow(ContentError)
    expect(readFileSync(out)).toEqual(before)
    expect(readdirSync(dir.path).filter((f) => f.endsWith('.tmp'))).toEqual([])
    const db = new Database(out, { readonly: true })
    expect(db.prepare("SELECT value FROM meta WHERE key = 'pack_hash'").get()).toEqual({
      value: good.contentHash,
    })
    db.close()
  })

  it('refuses a synonym that finds a word the content never uses, and accepts words from any topic, any case or accent', () => {
    mkdirSync(join(content, 'search'))
    // "cartilage" is in the condition's sections, "couch" only in the last topic's steps, "summary" nowhere searched.
    writeFileSync(
      join(content, 'search', 'synonyms.en.yaml'),
      'groups:\n  - words: [gristle]\n    finds: [Cartílage, couch]\n  - words: [overview]\n    finds: [summary]\n',
    )
    expect(problemsOf(() => loadContent(content))).toEqual([
      {
        file: expect.stringContaining('synonyms.en.yaml'),
        item: '(synonyms)',
        field: 'groups[1].finds[0]',
        message: '"summary" is not a word of the en content, so it would find nothing',
      },
    ])
    editFile(content, 'search/synonyms.en.yaml', (t) => t.replace('[summary]', '[firm]'))
    expect(loadContent(content).synonyms.map((s) => s.locale)).toEqual(['en'])
  })

  it('writes nothing at all when there was no database before', () => {
    editFile(content, PROCEDURE, (t) => t.replace(/^duration: .*\n/m, ''))
    expect(() => buildContentDb(content, out)).toThrow(ContentError)
    expect(existsSync(out)).toBe(false)
  })
})
