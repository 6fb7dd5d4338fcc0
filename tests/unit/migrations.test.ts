import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { fillSearchIndex, LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../src/core/db/migrations.ts'
import { DatabaseError, migrate, openContentDb, schemaVersion } from '../../src/core/db/open.ts'
import { buildFixtureDb, tempDir, type TempDir } from '../fixtures/library.ts'

let dir: TempDir
beforeEach(() => {
  dir = tempDir()
})
afterEach(() => dir.remove())

function tables(db: Database.Database): string[] {
  return db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
    .all()
    .map((r) => r.name)
}

describe('content schema migrations', () => {
  for (const m of MIGRATIONS) {
    for (const where of [':memory:', 'a file'] as const) {
      it(`migration ${m.version} (${m.description}) applies on ${where} and sets user_version`, () => {
        const db = new Database(where === ':memory:' ? ':memory:' : join(dir.path, `m${m.version}.sqlite`))
        migrate(
          db,
          MIGRATIONS.filter((x) => x.version < m.version),
        )
        expect(schemaVersion(db)).toBe(m.version - 1)
        migrate(
          db,
          MIGRATIONS.filter((x) => x.version <= m.version),
        )
        expect(schemaVersion(db)).toBe(m.version)
        expect(tables(db)).toEqual(
          expect.arrayContaining(['items', 'steps', 'risks', 'recovery', 'glossary']),
        )
        // The search index: row by row until migration 5, then a table per language.
        expect(tables(db)).toEqual(
          expect.arrayContaining(m.version < 5 ? ['search_fts'] : ['search_en', 'search_es']),
        )
        db.close()
      })
    }
  }

  it('is idempotent: migrating an up-to-date database changes nothing', () => {
    const db = new Database(':memory:')
    migrate(db)
    const before = tables(db)
    expect(migrate(db)).toBe(LATEST_SCHEMA_VERSION)
    expect(tables(db)).toEqual(before)
  })

  it('rolls a failing migration back whole, leaving the old version', () => {
    const db = new Database(':memory:')
    const broken = [
      ...MIGRATIONS,
      {
        version: LATEST_SCHEMA_VERSION + 1,
        description: 'fails half way',
        up: (d: Database.Database) => {
          d.exec('CREATE TABLE half_done (x INTEGER) STRICT')
          d.exec('THIS IS NOT SQL')
        },
      },
    ]
    expect(() => migrate(db, broken)).toThrow()
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION)
    expect(tables(db)).not.toContain('half_done')
  })

  it('refuses to migrate a database newer than the code', () => {
    const db = new Database(':memory:')
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`)
    expect(() => migrate(db)).toThrow(/older version of the kiosk/)
  })

  it('keeps tables STRICT: a wrong type or an unknown band is rejected by SQLite itself', () => {
    const db = new Database(':memory:')
    migrate(db)
    expect(() =>
      db
        .prepare(
          "INSERT INTO items (id, locale, kind, title, summary, picture, duration, version, reviewed_on, next_review_due, reviewer_role, text_hash, translated_from) VALUES ('y', 'en', 'procedure', 'T', 'S', 'hip-joint', NULL, 'two', '2026-01-01', '2027-01-01', 'r', 'h', NULL)",
        )
        .run(),
    ).toThrow(/cannot store TEXT value in INTEGER column/)
    db.prepare(
      "INSERT INTO items (id, locale, kind, title, summary, picture, duration, version, reviewed_on, next_review_due, reviewer_role, text_hash, translated_from) VALUES ('x', 'en', 'procedure', 'T', 'S', 'hip-joint', NULL, 1, '2026-01-01', '2027-01-01', 'r', 'h', NULL)",
    ).run()
    expect(() =>
      db.prepare("INSERT INTO risks VALUES ('x', 'en', 0, 'n', 'd', 'sometimes', NULL, NULL, 'none')").run(),
    ).toThrow(/CHECK constraint failed/)
  })

  it('links a step only to a known part of the hip (migration 3)', () => {
    const db = new Database(':memory:')
    migrate(db)
    db.prepare(
      "INSERT INTO items (id, locale, kind, title, summary, picture, duration, version, reviewed_on, next_review_due, reviewer_role, text_hash, translated_from) VALUES ('x', 'en', 'procedure', 'T', 'S', 'hip-joint', NULL, 1, '2026-01-01', '2027-01-01', 'r', 'h', NULL)",
    ).run()
    const step = db.prepare("INSERT INTO steps VALUES ('x', 'en', ?, 't', 'b', 'f', 'numbing', ?)")
    step.run(0, 'capsule')
    step.run(1, null)
    expect(() => step.run(2, 'spleen')).toThrow(/CHECK constraint failed/)
    expect(db.prepare("SELECT display_order FROM items WHERE id = 'x'").get()).toEqual({ display_order: 500 })
  })

  it('builds the search index from the content tables: one document per item, per language', () => {
    const db = new Database(':memory:')
    migrate(db)
    const item = db.prepare(
      "INSERT INTO items (id, locale, kind, title, summary, picture, duration, version, reviewed_on, next_review_due, reviewer_role, text_hash, translated_from) VALUES (?, ?, 'condition', 'Hip', ?, 'hip-joint', NULL, 1, '2026-01-01', '2027-01-01', 'r', 'h', NULL)",
    )
    item.run('x', 'en', 'About bursitis')
    item.run('x', 'es', 'Sobre la bursitis')
    db.prepare("INSERT INTO sections VALUES ('x', 'en', 0, 'k', 'Heading', 'Cartilage wears thin')").run()
    db.prepare("INSERT INTO sections VALUES ('x', 'en', 1, 'l', 'Later', 'Tendons ache')").run()
    const find = (table: string, word: string) =>
      db
        .prepare<[string], { item_id: string }>(`SELECT item_id FROM ${table} WHERE ${table} MATCH ?`)
        .all(word)
    expect(find('search_en', 'cartilage')).toEqual([])
    fillSearchIndex(db)
    expect(find('search_en', 'cartilage')).toEqual([{ item_id: 'x' }])
    expect(find('search_en', 'tendons')).toEqual([{ item_id: 'x' }])
    expect(find('search_en', 'bursitis')).toEqual([{ item_id: 'x' }])
    expect(find('search_es', 'bursitis')).toEqual([{ item_id: 'x' }])
    expect(find('search_es', 'cartilage')).toEqual([])
    // Filling again replaces the documents rather than adding to them.
    db.prepare("UPDATE sections SET body = 'Muscles' WHERE item_id = 'x'").run()
    fillSearchIndex(db)
    expect(find('search_en', 'cartilage')).toEqual([])
    expect(find('search_en', 'muscles')).toEqual([{ item_id: 'x' }])
  })
})

describe('opening the content database', () => {
  it('opens a built database read-only', () => {
    const db = openContentDb(buildFixtureDb(dir.path))
    expect(db.readonly).toBe(true)
    expect(() => db.exec("INSERT INTO meta VALUES ('x', 'y')")).toThrow(/readonly/)
    db.close()
  })

  it('refuses a database whose user_version is newer than the code, with a clear message', () => {
    const file = buildFixtureDb(dir.path)
    const w = new Database(file)
    w.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`)
    w.close()
    const err = catchError(() => openContentDb(file))
    expect(err).toBeInstanceOf(DatabaseError)
    expect((err as DatabaseError).problem).toBe('too-new')
    expect(err.message).toContain(`schema version ${LATEST_SCHEMA_VERSION + 5}`)
    expect(err.message).toContain('Did you start an older version of the kiosk?')
  })

  it('refuses a database older than the code', () => {
    const file = join(dir.path, 'old.sqlite')
    const old = new Database(file)
    old.exec('CREATE TABLE something_else (x INTEGER) STRICT')
    old.close()
    expect(catchError(() => openContentDb(file)).message).toMatch(/schema version 0.*needs version/)
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
