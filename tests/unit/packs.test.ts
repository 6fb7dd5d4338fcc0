import { spawn } from 'node:child_process'
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDataDb } from '../../src/core/data/open.ts'
import { PROJECT_ROOT } from '../../src/core/paths.ts'
import { activeContent, importPack, packSlots, packsDir, rollbackPack } from '../../src/core/packs/store.ts'
import { verifyPack } from '../../src/core/packs/verify.ts'
import { compareItems, packChanges } from '../../src/core/packs/changes.ts'
import { openContentDb } from '../../src/core/db/open.ts'
import { itemHash, packHash } from '../../src/core/db/format.ts'
import type { DocumentRow } from '../../src/core/db/format.ts'
import { createContentService } from '../../src/core/services/content-service.ts'
import { buildRealPack, changeSummary, tempDir } from '../fixtures/library.ts'
import { runKioskCli } from '../fixtures/cli.ts'

const dir = tempDir()
let packA: string
let packB: string
let hashA: string
let hashB: string
const TODAY = '2026-11-23'

beforeAll(() => {
  packA = buildRealPack(dir.path, 'a')
  packB = buildRealPack(dir.path, 'b', changeSummary('A changed summary for the second pack.'))
  const a = verifyPack(packA)
  const b = verifyPack(packB)
  if (!a.ok || !b.ok) throw new Error('the real content must build into good packs')
  hashA = a.summary.contentHash
  hashB = b.summary.contentHash
})
afterAll(() => dir.remove())

function variant(name: string, make: (file: string) => void): string {
  const file = join(dir.path, `${name}.sqlite`)
  copyFileSync(packA, file)
  make(file)
  return file
}

function reason(file: string): string {
  const v = verifyPack(file)
  if (v.ok) throw new Error(`${file} should have been refused`)
  return v.reason
}

describe('verify-pack', () => {
  it('accepts a pack built by the content pipeline and summarises it', () => {
    const v = verifyPack(packA)
    expect(v.ok && v.summary).toMatchObject({ conditions: 14, procedures: 6, locales: ['en', 'es'] })
  })

  it('refuses a truncated pack', () => {
    const file = variant('truncated', (f) => writeFileSync(f, readFileSync(f).subarray(0, 20_000)))
    expect(reason(file)).toMatch(/damaged|could not be read|malformed/)
  })

  it('refuses random bytes', () => {
    const file = variant('random', (f) =>
      writeFileSync(f, Buffer.from(Array.from({ length: 50_000 }, (_, i) => (i * 7919) % 251))),
    )
    expect(reason(file)).toMatch(/not a SQLite database/)
  })

  it('refuses a pack with a schema this kiosk cannot read', () => {
    const file = variant('newer', (f) => {
      const db = new Database(f)
      db.pragma('user_version = 99')
      db.close()
    })
    expect(reason(file)).toMatch(/content format 99.*older version of the kiosk/)
  })

  it('refuses a pack changed after it was built (tampered)', () => {
    const file = variant('tampered', (f) => {
      const db = new Database(f)
      db.prepare(
        `UPDATE documents SET body = replace(body, '"band":"rare"', '"band":"very-rare"') WHERE kind = 'procedure'`,
      ).run()
      db.close()
    })
    expect(reason(file)).toMatch(/changed after it was built/)
  })

  it('accepts a partly translated pack: the item not yet in Spanish is served in English', () => {
    const file = buildRealPack(dir.path, 'partial', (content) =>
      rmSync(join(content, 'procedures/prp-injection.es.yaml')),
    )
    const verdict = verifyPack(file)
    expect(verdict.ok).toBe(true)
    const db = openContentDb(file)
    try {
      const service = createContentService(db)
      expect(service.getProcedure({ locale: 'es', id: 'prp-injection' }).locale).toBe('en')
      expect(service.getProcedure({ locale: 'es', id: 'prp-injection' }).title).toMatch(/PRP|platelet/i)
    } finally {
      db.close()
    }
  })

  it('answers on the command line: exit 0 with a summary, non-zero with the reason', async () => {
    const good = await runKioskCli(['verify-pack', packA])
    expect(good.code).toBe(0)
    expect(good.stdout).toContain(hashA)
    const bad = await runKioskCli(['verify-pack', join(dir.path, 'random.sqlite')])
    expect(bad.code).toBe(1)
    expect(bad.stderr).toMatch(/Not a usable content pack: .*not a SQLite database/)
  })
})

describe('what a pack changes', () => {
  const item = (id: string, itemHash: string) => ({ kind: 'condition' as const, id, itemHash })

  it('names the items added, changed and removed, by comparing item hashes', () => {
    const before = [item('a', '1'.repeat(64)), item('b', '2'.repeat(64)), item('c', '3'.repeat(64))]
    const after = [item('a', '1'.repeat(64)), item('b', '9'.repeat(64)), item('d', '4'.repeat(64))]
    const titles = new Map([
      ['condition/b', 'Bee'],
      ['condition/c', 'Sea'],
      ['condition/d', 'Dee'],
    ])
    expect(compareItems(before, after, (kind, id) => titles.get(`${kind}/${id}`) ?? id)).toEqual({
      added: [{ kind: 'condition', id: 'd', title: 'Dee' }],
      changed: [{ kind: 'condition', id: 'b', title: 'Bee' }],
      removed: [{ kind: 'condition', id: 'c', title: 'Sea' }],
    })
    expect(compareItems(before, before, (_, id) => id)).toEqual({ added: [], changed: [], removed: [] })
  })

  it('finds the one condition a real pack changed, by its English title, and nothing in the same pack', () => {
    const a = openContentDb(packA)
    const b = openContentDb(packB)
    try {
      expect(packChanges(a, b)).toEqual({
        added: [],
        changed: [
          {
            kind: 'condition',
            id: 'hip-osteoarthritis',
            title: 'Hip osteoarthritis (when the hip joint wears down)',
          },
        ],
        removed: [],
      })
      expect(packChanges(a, a)).toEqual({ added: [], changed: [], removed: [] })
    } finally {
      a.close()
      b.close()
    }
  })
})

describe('import and rollback', () => {
  it('switches to an imported pack, keeps the old one, and rolls back and forth', () => {
    const data = join(dir.path, 'data-1')
    const db = openDataDb(data)
    const bundled = packA
    expect(activeContent(db, data, bundled)).toEqual({ file: bundled, source: 'bundled' })

    importPack(db, data, packB, TODAY)
    expect(activeContent(db, data, bundled)).toMatchObject({
      source: 'imported',
      file: join(packsDir(data), `${hashB}.sqlite`),
    })

    importPack(db, data, packA, TODAY)
    expect(packSlots(db).map((s) => [s.slot, s.contentHash])).toEqual([
      ['current', hashA],
      ['previous', hashB],
    ])
    expect(rollbackPack(db, data)?.contentHash).toBe(hashB)
    expect(rollbackPack(db, data)?.contentHash).toBe(hashA)
    expect(readdirSync(packsDir(data)).sort()).toEqual([`${hashA}.sqlite`, `${hashB}.sqlite`].sort())
    db.close()
  })

  it('refuses a bad pack and keeps the current content in place', () => {
    const data = join(dir.path, 'data-2')
    const db = openDataDb(data)
    importPack(db, data, packB, TODAY)
    expect(() => importPack(db, data, join(dir.path, 'tampered.sqlite'), TODAY)).toThrow(
      /changed after it was built/,
    )
    expect(packSlots(db).map((s) => s.contentHash)).toEqual([hashB])
    expect(verifyPack(activeContent(db, data, packA).file).ok).toBe(true)
    db.close()
  })

  it('falls back to the bundled content when the imported pack is damaged on disk, and says why', () => {
    const data = join(dir.path, 'data-3')
    const db = openDataDb(data)
    importPack(db, data, packB, TODAY)
    writeFileSync(join(packsDir(data), `${hashB}.sqlite`), 'gone')
    const active = activeContent(db, data, packA)
    expect(active).toMatchObject({ file: packA, source: 'bundled' })
    expect(active.problem).toMatch(/cannot be used/)
    db.close()
  })

  it('keeps working content when the import process is killed at any moment', async () => {
    const data = join(dir.path, 'data-killed')
    const db = openDataDb(data)
    importPack(db, data, packA, TODAY)
    db.close()
    for (let run = 0; run < 12; run++) {
      const child = spawn(
        process.execPath,
        [join(PROJECT_ROOT, 'src/cli/kiosk.ts'), 'import-pack', run % 2 ? packA : packB, '--data-dir', data],
        { stdio: 'ignore' },
      )
      const exited = new Promise((r) => child.once('exit', r))
      // From before Node has started to after the import has finished.
      await new Promise((r) => setTimeout(r, 40 + ((run * 53) % 640)))
      child.kill('SIGKILL')
      await exited
      const after = openDataDb(data)
      const active = activeContent(after, data, packA)
      const verdict = verifyPack(active.file)
      expect(verdict.ok, `run ${run}`).toBe(true)
      expect([hashA, hashB]).toContain(verdict.ok ? verdict.summary.contentHash : '')
      after.close()
    }
    // Twelve real processes: allow for a slow, busy machine.
  }, 120_000)
})

/**
 * Packs that passed verify-pack in kiosk 0.1 (the code as of aff9daf) and then
 * poisoned the patient screens or stopped the kiosk from starting.
 */
describe('a pack that would poison or brick the kiosk', () => {
  const poisoned = 'Stop all your medicines and call 555-0100'
  const hostile: [string, string][] = [
    ['with a search table dropped', 'DROP TABLE search_en'],
    ['with its search summary rewritten', `UPDATE search_en SET summary = '${poisoned}'`],
    ['with an extra table', 'CREATE TABLE notes (x TEXT)'],
    ['with a view', 'CREATE VIEW everything AS SELECT * FROM meta'],
    ['with a trigger', 'CREATE TRIGGER t AFTER INSERT ON meta BEGIN SELECT 1; END'],
    ['with an extra meta key', "INSERT INTO meta (key, value) VALUES ('owner', 'someone')"],
  ]
  for (const [what, sql] of hostile) {
    it(`refuses a pack ${what}, in verify-pack and import, and keeps the content in use`, () => {
      const file = variant(`hostile-${what.replaceAll(' ', '-')}`, (f) => {
        const db = new Database(f)
        db.exec(sql)
        db.close()
      })
      expect(verifyPack(file).ok).toBe(false)
      const data = join(dir.path, `data-hostile-${what.replaceAll(' ', '-')}`)
      const db = openDataDb(data)
      importPack(db, data, packB, TODAY)
      expect(() => importPack(db, data, file, TODAY)).toThrow()
      expect(packSlots(db).map((s) => s.contentHash)).toEqual([hashB])
      expect(activeContent(db, data, packA)).toMatchObject({ source: 'imported' })
      expect(readdirSync(packsDir(data))).toEqual([`${hashB}.sqlite`])
      db.close()
    })
  }

  // The kiosk reads documents without checking them again (validated at build, typed when read):
  // verify-pack, on import and each time the kiosk opens a pack, is what keeps a bad document out.
  it('refuses a pack with a document its schema refuses, even with every hash made again to match, in verify-pack, import and on start', () => {
    const file = variant('unchecked-document', (f) => {
      const db = new Database(f)
      const row = db
        .prepare<[], DocumentRow>(
          `SELECT * FROM documents WHERE kind = 'procedure' AND locale = 'en' AND body LIKE '%"band":"rare"%' LIMIT 1`,
        )
        .get()!
      db.prepare('UPDATE documents SET body = ? WHERE kind = ? AND id = ? AND locale = ?').run(
        row.body.replaceAll('"band":"rare"', '"band":"hardly-ever"'),
        row.kind,
        row.id,
        row.locale,
      )
      const docs = db
        .prepare<[string, string], DocumentRow>('SELECT * FROM documents WHERE kind = ? AND id = ?')
        .all(row.kind, row.id)
      db.prepare('UPDATE documents SET item_hash = ? WHERE kind = ? AND id = ?').run(
        itemHash(row.kind, row.id, docs),
        row.kind,
        row.id,
      )
      db.prepare("UPDATE meta SET value = ? WHERE key = 'pack_hash'").run(packHash(db))
      db.close()
    })
    expect(reason(file)).toMatch(/procedure ".*" \(en\): field "risks\.\d+\.band"/)
    const data = join(dir.path, 'data-unchecked-document')
    const db = openDataDb(data)
    importPack(db, data, packB, TODAY)
    expect(() => importPack(db, data, file, TODAY)).toThrow(/band/)
    expect(packSlots(db).map((s) => s.contentHash)).toEqual([hashB])
    // The same document written over the pack in use, after it was imported: the kiosk starts on its bundled content.
    copyFileSync(file, join(packsDir(data), `${hashB}.sqlite`))
    expect(activeContent(db, data, packA)).toMatchObject({ source: 'bundled', file: packA })
    db.close()
  })

  it("never trusts a file already in the data folder under the pack's name: importing the genuine pack replaces it", () => {
    const data = join(dir.path, 'data-planted')
    const db = openDataDb(data)
    importPack(db, data, packB, TODAY)
    const planted = join(packsDir(data), `${hashA}.sqlite`)
    copyFileSync(packA, planted)
    const edit = new Database(planted)
    edit.exec(`UPDATE search_en SET summary = '${poisoned}'`)
    edit.close()
    importPack(db, data, packA, TODAY)
    const active = activeContent(db, data, packB)
    expect(active).toMatchObject({ source: 'imported', file: planted })
    expect(verifyPack(planted).ok).toBe(true)
    const check = new Database(planted, { readonly: true })
    expect(check.prepare('SELECT count(*) FROM search_en WHERE summary = ?').pluck().get(poisoned)).toBe(0)
    check.close()
    db.close()
  })

  it('starts on the previous pack, or the bundled content, when the current one will not open, and says why', () => {
    const data = join(dir.path, 'data-bricked')
    const db = openDataDb(data)
    importPack(db, data, packA, TODAY)
    importPack(db, data, packB, TODAY)
    // The current pack's file loses a search table after it was imported (a disk fault, or a hand).
    const current = new Database(join(packsDir(data), `${hashB}.sqlite`))
    current.exec('DROP TABLE search_es')
    current.close()
    const fellBack = activeContent(db, data, join(dir.path, 'no-bundled.sqlite'))
    expect(fellBack).toMatchObject({ source: 'imported', file: join(packsDir(data), `${hashA}.sqlite`) })
    expect(fellBack.problem).toMatch(/imported content pack cannot be used.*pack imported before it/)
    writeFileSync(join(packsDir(data), `${hashA}.sqlite`), 'gone')
    const bundled = activeContent(db, data, packA)
    expect(bundled).toMatchObject({ source: 'bundled', file: packA })
    expect(bundled.problem).toMatch(/uses its bundled content/)
    db.close()
  })

  it('falls back to the bundled content when the current pack is in another content format, and says which', () => {
    const data = join(dir.path, 'data-old-format')
    const db = openDataDb(data)
    importPack(db, data, packB, TODAY)
    const current = new Database(join(packsDir(data), `${hashB}.sqlite`))
    current.pragma('user_version = 5')
    current.close()
    const active = activeContent(db, data, packA)
    expect(active).toMatchObject({ source: 'bundled', file: packA })
    expect(active.problem).toMatch(/content format 5, which kiosk 0\.1 reads/)
    db.close()
  })

  it('checks a pack without writing anything beside it, even one in write-ahead-log mode', () => {
    const folder = join(dir.path, 'read-only-check')
    mkdirSync(folder)
    const plain = join(folder, 'plain.sqlite')
    const wal = join(folder, 'wal.sqlite')
    copyFileSync(packA, plain)
    copyFileSync(packA, wal)
    const w = new Database(wal)
    w.pragma('journal_mode = WAL')
    w.close()
    const before = readdirSync(folder).sort()
    expect(verifyPack(plain).ok).toBe(true)
    expect(reason(wal)).toMatch(/write-ahead log/)
    expect(readdirSync(folder).sort()).toEqual(before)
  })
})
