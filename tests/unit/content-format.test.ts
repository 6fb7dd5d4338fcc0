import { createHash } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { z } from 'zod'
import { buildContentDb } from '../../src/core/content/build.ts'
import { CONTENT_DIR } from '../../src/core/paths.ts'
import { DOCUMENT_KINDS, DOCUMENT_SCHEMAS, checkedReader } from '../../src/shared/items.ts'
import {
  CONTENT_FORMAT,
  FORMAT_READERS,
  canonicalJson,
  contentDdl,
  createContentSchema,
  fillSearchIndex,
} from '../../src/core/db/format.ts'
import type { DocumentRow } from '../../src/core/db/format.ts'
import { DatabaseError, openContentDb } from '../../src/core/db/open.ts'
import { buildFixtureDb, buildFrenchFixture, tempDir, type TempDir } from '../fixtures/library.ts'

let dir: TempDir
beforeEach(() => {
  dir = tempDir()
})
afterEach(() => dir.remove())

/**
 * The DDL of each content format, by its hash. Changing the DDL (a column, a
 * kind of document, a searched field) makes a new format: bump CONTENT_FORMAT,
 * add it to FORMAT_READERS, and record its hash here.
 */
const DDL_HASHES: Record<number, string> = {
  6: '8b6b118e7a5cdbe9a603ec8a8e578b83ffb5c27b6bb928f354b38f4f1411b81c',
  // 7: the triage policy's document kinds (levels, contexts, signs, rules)
  7: '91bbff4be2d624e43acb96a175b161c41c94e2341a9a318f8c646257477c482a',
  // 8: search's synonyms (a document kind) and each language's vocabulary (fts5vocab), for typo correction
  8: 'e2a47bcc6b02a41076e37aee2e5fd3440a415c6f7ecccce88426d9d04aa0546c',
  // 9: the guide kind (self-care topics: "Looking after your hip"), beside search's synonyms
  9: 'd5c1229401eac6c81cd87ab4c6097d08b4567ca239f565d01998e471e1da12c9',
  // 10: the same DDL; what a document may hold changed (see SCHEMA_HASHES)
  10: 'd5c1229401eac6c81cd87ab4c6097d08b4567ca239f565d01998e471e1da12c9',
  // 11: the same DDL; a source may be a charity's (see SCHEMA_HASHES)
  11: 'd5c1229401eac6c81cd87ab4c6097d08b4567ca239f565d01998e471e1da12c9',
  // 12: the same DDL; a risk's figure may be a range (see SCHEMA_HASHES)
  12: 'd5c1229401eac6c81cd87ab4c6097d08b4567ca239f565d01998e471e1da12c9',
  // 13: the same DDL; a glossary term may cite sources (see SCHEMA_HASHES)
  13: 'd5c1229401eac6c81cd87ab4c6097d08b4567ca239f565d01998e471e1da12c9',
}

/**
 * What a document may hold in each content format, as the hash of every
 * document kind's JSON Schema (zod's, as authored). A kiosk checks each
 * document of a pack against its own strict schemas, so a new field, even one
 * with a default, is refused by every kiosk built before it: that is a new
 * format too, so the older kiosk refuses the pack by its format and says which
 * kiosk reads it, instead of calling the document broken.
 */
const SCHEMA_HASHES: Record<number, string> = {
  // 10: conditions' redFlags (the triage policy's signs on condition pages) and a rule's crisisLine
  10: 'fcaa958cab63fe1fdc12b0fe30178235a690cb9aa3a62ace52a468765bae2838',
  // 11: a source's authority may be 'charity' (a patient charity's page, not a hospital's leaflet)
  11: '1a3cc76a1e46d23918f4ab39725c4ba246f2377d77318c9bbf13d5abbb7b3ece',
  // 12: a risk's figure may be a range, about: { n, to, m } ("about 3 to 6 in 100")
  12: 'af101d2950fa4cdbbfed00862bc8ab28df030a8c5a06245dc12f3646c159b962',
  // 13: a glossary term may cite the sources of what its meaning says of a treatment
  13: 'ecb6a578d78b94eaa8156b717e0522bbc9185a6a741f2a5e19a6fafadc7929a1',
}

describe('the content database format', () => {
  it('is created from one DDL stamped with the format version, with no history to replay', () => {
    const db = new Database(':memory:')
    createContentSchema(db, ['en', 'es'])
    expect(db.pragma('user_version', { simple: true })).toBe(CONTENT_FORMAT)
    const names = db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
      .pluck()
      .all()
    expect(names).toEqual(
      expect.arrayContaining([
        'documents',
        'meta',
        'search_en',
        'search_es',
        'search_en_vocab',
        'search_es_vocab',
      ]),
    )
    db.close()
  })

  it('keeps the DDL of the current format fixed: a change needs a new format version', () => {
    const ddl = contentDdl(['en', 'es']).join(';\n')
    expect(createHash('sha256').update(ddl).digest('hex')).toBe(DDL_HASHES[CONTENT_FORMAT])
    expect(FORMAT_READERS[CONTENT_FORMAT]).toMatch(/kiosk/)
  })

  it('keeps what a document may hold fixed for the current format: a new field needs a new format version', () => {
    const schemas = Object.fromEntries(
      DOCUMENT_KINDS.map((kind) => [
        kind,
        z.toJSONSchema(DOCUMENT_SCHEMAS[kind], { io: 'input', unrepresentable: 'any' }),
      ]),
    )
    expect(createHash('sha256').update(JSON.stringify(schemas)).digest('hex')).toBe(
      SCHEMA_HASHES[CONTENT_FORMAT],
    )
  })

  it('keeps its tables STRICT: a wrong type or an unknown kind is rejected by SQLite itself', () => {
    const db = new Database(':memory:')
    createContentSchema(db, ['en'])
    const insert = db.prepare('INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    expect(() => insert.run('procedure', 'x', 'en', 'T', 'first', 'h', 'h', '{}')).toThrow(
      /cannot store TEXT value in INTEGER column/,
    )
    expect(() => insert.run('leaflet', 'x', 'en', 'T', 1, 'h', 'h', '{}')).toThrow(/CHECK constraint failed/)
    expect(() => insert.run('procedure', 'x', 'en', 'T', 1, 'h', 'h', 'not json')).toThrow(
      /CHECK constraint failed/,
    )
  })

  it('builds the search index from the documents: one row per topic, per language, refilled not added to', () => {
    const db = new Database(':memory:')
    createContentSchema(db, ['en', 'es'])
    const doc = (title: string, body: string) =>
      JSON.stringify({
        kind: 'condition',
        id: 'x',
        title,
        summary: 'About bursitis',
        picture: 'hip-joint',
        version: 1,
        sources: ['s'],
        sections: [
          { key: 'k', heading: 'Heading', paragraphs: [body] },
          { key: 'l', heading: 'Later', paragraphs: ['Tendons ache'] },
        ],
      })
    const insert = db.prepare("INSERT INTO documents VALUES ('condition', 'x', ?, ?, 1, 'h', 'h', ?)")
    insert.run('en', 'Hip', doc('Hip', 'Cartilage wears thin'))
    insert.run('es', 'Cadera', doc('Cadera', 'El cartílago'))
    const find = (table: string, word: string) =>
      db
        .prepare<[string], { item_id: string }>(`SELECT item_id FROM ${table} WHERE ${table} MATCH ?`)
        .all(word)
    expect(find('search_en', 'cartilage')).toEqual([])
    fillSearchIndex(db, ['en', 'es'])
    expect(find('search_en', 'cartilage')).toEqual([{ item_id: 'x' }])
    expect(find('search_en', 'tendons')).toEqual([{ item_id: 'x' }])
    expect(find('search_en', 'bursitis')).toEqual([{ item_id: 'x' }])
    expect(find('search_es', 'cartilago')).toEqual([{ item_id: 'x' }])
    expect(find('search_es', 'cartilage')).toEqual([])
    db.prepare("UPDATE documents SET body = ? WHERE locale = 'en'").run(doc('Hip', 'Muscles'))
    fillSearchIndex(db, ['en', 'es'])
    expect(find('search_en', 'cartilage')).toEqual([])
    expect(find('search_en', 'muscles')).toEqual([{ item_id: 'x' }])
  })
})

describe('canonical JSON (what both hashes cover)', () => {
  /** How format 9's documents and hashes were first written: keys sorted by a JSON.stringify replacer. */
  const asFirstWritten = (value: unknown) =>
    JSON.stringify(value, (_key, v: unknown) =>
      v && typeof v === 'object' && !Array.isArray(v)
        ? Object.fromEntries(
            Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
          )
        : v,
    )

  it('sorts keys at every level and leaves no white space', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: null }], c: 'x' }, e: undefined })).toBe(
      '{"a":{"c":"x","d":[{"y":null,"z":1}]},"b":1}',
    )
  })

  it('writes any JSON value exactly as the packs already published were written, so no hash changes', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(canonicalJson(value)).toBe(asFirstWritten(value))
      }),
      { numRuns: 500 },
    )
  })
})

describe('reading a checked document (validated at build, typed when read)', () => {
  it('reads every document of the real library and the French fixture exactly as zod parses it', () => {
    const real = join(dir.path, 'real.sqlite')
    buildContentDb(CONTENT_DIR, real)
    let read = 0
    for (const file of [real, buildFrenchFixture(dir.path)]) {
      const db = new Database(file, { readonly: true })
      for (const row of db.prepare<[], DocumentRow>('SELECT * FROM documents').iterate()) {
        const schema = DOCUMENT_SCHEMAS[row.kind]
        const doc = checkedReader(schema)?.(JSON.parse(row.body))
        const parsed = schema.parse(JSON.parse(row.body))
        // The same values, the same keys (none left undefined), in the same order.
        expect(doc, `${row.kind} ${row.id} ${row.locale}`).toStrictEqual(parsed)
        expect(JSON.stringify(doc)).toBe(JSON.stringify(parsed))
        read++
      }
      db.close()
    }
    expect(read).toBeGreaterThan(400)
  })

  it('leaves a schema it cannot follow (a transform) to zod', () => {
    expect(checkedReader(z.object({ n: z.string().transform(Number) }))).toBeUndefined()
    expect(checkedReader(z.object({ s: z.string().trim().default('x') }))?.({ s: ' y ' })).toEqual({ s: 'y' })
  })
})

describe('opening the content database', () => {
  it('opens a built database read-only', () => {
    const db = openContentDb(buildFixtureDb(dir.path))
    expect(db.readonly).toBe(true)
    expect(() => db.exec("INSERT INTO meta VALUES ('x', 'y')")).toThrow(/readonly/)
    db.close()
  })

  it('refuses a database in a newer format than the code, with a clear message', () => {
    const file = buildFixtureDb(dir.path)
    const w = new Database(file)
    w.pragma(`user_version = ${CONTENT_FORMAT + 5}`)
    w.close()
    const err = catchError(() => openContentDb(file))
    expect(err).toBeInstanceOf(DatabaseError)
    expect((err as DatabaseError).problem).toBe('too-new')
    expect(err.message).toContain(`content format ${CONTENT_FORMAT + 5}`)
    expect(err.message).toContain('Did you start an older version of the kiosk?')
  })

  it('refuses a database in an older format, naming the kiosk version that reads it', () => {
    const file = join(dir.path, 'old.sqlite')
    const old = new Database(file)
    old.exec('CREATE TABLE items (id TEXT) STRICT')
    old.pragma('user_version = 5')
    old.close()
    const err = catchError(() => openContentDb(file))
    expect((err as DatabaseError).problem).toBe('other-format')
    expect(err.message).toMatch(
      new RegExp(`content format 5, which kiosk 0\\.1 reads.*reads content format ${CONTENT_FORMAT} only`),
    )
  })

  it('says clearly when the file is missing', () => {
    const err = catchError(() => openContentDb(join(dir.path, 'nope.sqlite')))
    expect((err as DatabaseError).problem).toBe('missing')
    expect(err.message).toMatch(/does not exist.*npm run build:content/)
  })

  it('says clearly when the file is not SQLite', () => {
    const file = join(dir.path, 'content.sqlite')
    writeFileSync(file, 'this is a text file, not a database\n'.repeat(50))
    const err = catchError(() => openContentDb(file))
    expect((err as DatabaseError).problem).toBe('not-sqlite')
    expect(err.message).toMatch(/is not a SQLite database/)
  })
})

function catchError(fn: () => unknown): Error {
  try {
    fn()
  } catch (err) {
    return err as Error
  }
  throw new Error('expected an error')
}
