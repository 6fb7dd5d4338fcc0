/**
 * The content database schema, one migration per version. Each runs inside a
 * transaction that also sets PRAGMA user_version, so a database is always at
 * exactly one known version. Never edit a shipped migration: add the next one.
 */
import type { Database } from 'better-sqlite3'
import { ANATOMY_PARTS } from '../../shared/anatomy.ts'

export interface Migration {
  version: number
  description: string
  up: (db: Database) => void
}

const REVIEW_COLUMNS = `
  version INTEGER NOT NULL CHECK (version > 0),
  reviewed_on TEXT NOT NULL CHECK (date(reviewed_on) IS reviewed_on),
  next_review_due TEXT NOT NULL CHECK (date(next_review_due) IS next_review_due),
  reviewer_role TEXT NOT NULL`

/**
 * Every table that holds patient text, and the columns the search index reads.
 * Migration 1's triggers kept its row-by-row FTS5 index in step with these
 * tables; migration 5 replaced both with a document per item (SEARCH_COLUMNS).
 */
const SEARCHABLE: { table: string; text: string[] }[] = [
  { table: 'items', text: ['title', 'summary'] },
  { table: 'sections', text: ['heading', 'body'] },
  { table: 'steps', text: ['title', 'body', 'feel'] },
  { table: 'risks', text: ['name', 'description'] },
  { table: 'recovery', text: ['expect', 'todo'] },
  { table: 'red_flags', text: ['text'] },
  { table: 'faqs', text: ['question', 'answer'] },
]

/**
 * The columns of a search document (migration 5): where each column's text
 * comes from, and how much a word found there counts in the ranking.
 */
const SEARCH_COLUMNS: { column: string; table: string; text: string[]; weight: number }[] = [
  { column: 'title', table: 'items', text: ['title'], weight: 10 },
  { column: 'summary', table: 'items', text: ['summary'], weight: 4 },
  { column: 'sections', table: 'sections', text: ['heading', 'body'], weight: 1 },
  { column: 'steps', table: 'steps', text: ['title', 'body', 'feel'], weight: 1 },
  { column: 'risks', table: 'risks', text: ['name', 'description'], weight: 1 },
  { column: 'recovery', table: 'recovery', text: ['expect', 'todo'], weight: 1 },
  { column: 'red_flags', table: 'red_flags', text: ['text'], weight: 1 },
  { column: 'faqs', table: 'faqs', text: ['question', 'answer'], weight: 1 },
]

function searchTriggers(): string {
  return SEARCHABLE.map(({ table, text }) => {
    const id = table === 'items' ? 'id' : 'item_id'
    const joined = (row: 'NEW' | 'OLD') => text.map((c) => `${row}.${c}`).join(` || ' ' || `)
    const insert = `INSERT INTO search_fts (item_id, locale, origin, text) VALUES (NEW.${id}, NEW.locale, '${table}:' || NEW.rowid, ${joined('NEW')});`
    const remove = `DELETE FROM search_fts WHERE origin = '${table}:' || OLD.rowid;`
    return `
      CREATE TRIGGER ${table}_search_insert AFTER INSERT ON ${table} BEGIN ${insert} END;
      CREATE TRIGGER ${table}_search_delete AFTER DELETE ON ${table} BEGIN ${remove} END;
      CREATE TRIGGER ${table}_search_update AFTER UPDATE ON ${table} BEGIN ${remove} ${insert} END;`
  }).join('\n')
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'content: items, procedure parts, glossary, sources, full-text search',
    up(db) {
      db.exec(`
        CREATE TABLE meta (
          key TEXT PRIMARY KEY,
          value TEXT NOT NULL
        ) STRICT;

        CREATE TABLE sources (
          id TEXT PRIMARY KEY,
          title TEXT NOT NULL,
          url TEXT
        ) STRICT;

        CREATE TABLE items (
          id TEXT NOT NULL,
          locale TEXT NOT NULL CHECK (locale IN ('en', 'es')),
          kind TEXT NOT NULL CHECK (kind IN ('condition', 'procedure')),
          title TEXT NOT NULL,
          summary TEXT NOT NULL,
          picture TEXT NOT NULL,
          duration TEXT,
          ${REVIEW_COLUMNS},
          text_hash TEXT NOT NULL,
          translated_from TEXT,
          PRIMARY KEY (id, locale)
        ) STRICT;

        CREATE TABLE item_sources (
          item_id TEXT NOT NULL,
          locale TEXT NOT NULL,
          position INTEGER NOT NULL,
          source_id TEXT NOT NULL REFERENCES sources (id),
          PRIMARY KEY (item_id, locale, position),
          FOREIGN KEY (item_id, locale) REFERENCES items (id, locale)
        ) STRICT;

        CREATE TABLE sections (
          item_id TEXT NOT NULL,
          locale TEXT NOT NULL,
          position INTEGER NOT NULL,
          key TEXT NOT NULL,
          heading TEXT NOT NULL,
          -- paragraphs separated by a blank line
          body TEXT NOT NULL,
          PRIMARY KEY (item_id, locale, position),
          FOREIGN KEY (item_id, locale) REFERENCES items (id, locale)
        ) STRICT;

        CREATE TABLE preparation (
          item_id TEXT NOT NULL,
          locale TEXT NOT NULL,
          position INTEGER NOT NULL,
          text TEXT NOT NULL,
          PRIMARY KEY (item_id, locale, position),
          FOREIGN KEY (item_id, locale) REFERENCES items (id, locale)
        ) STRICT;

        CREATE TABLE steps (
          item_id TEXT NOT NULL,
          locale TEXT NOT NULL,
          position INTEGER NOT NULL,
          title TEXT NOT NULL,
          body TEXT NOT NULL,
          feel TEXT NOT NULL,
          picture TEXT NOT NULL,
          PRIMARY KEY (item_id, locale, position),
          FOREIGN KEY (item_id, locale) REFERENCES items (id, locale)
        ) STRICT;

        CREATE TABLE risks (
          item_id TEXT NOT NULL,
          locale TEXT NOT NULL,
          position INTEGER NOT NULL,
          name TEXT NOT NULL,
          description TEXT NOT NULL,
          band TEXT NOT NULL CHECK (band IN ('common', 'uncommon', 'rare', 'very-rare')),
          about_n INTEGER CHECK (about_n > 0),
          about_m INTEGER CHECK (about_m > about_n),
          action TEXT NOT NULL CHECK (action IN ('none', 'call', 'emergency')),
          CHECK ((about_n IS NULL) = (about_m IS NULL)),
          PRIMARY KEY (item_id, locale, position),
          FOREIGN KEY (item_id, locale) REFERENCES items (id, locale)
        ) STRICT;

        CREATE TABLE recovery (
          item_id TEXT NOT NULL,
          locale TEXT NOT NULL,
          position INTEGER NOT NULL,
          period TEXT NOT NULL CHECK (period IN ('same-day', 'day-1-2', 'days-3-7', 'weeks-2-6', 'months')),
          expect TEXT NOT NULL,
          todo TEXT NOT NULL,
          PRIMARY KEY (item_id, locale, position),
          FOREIGN KEY (item_id, locale) REFERENCES items (id, locale)
        ) STRICT;

        CREATE TABLE red_flags (
          item_id TEXT NOT NULL,
          locale TEXT NOT NULL,
          position INTEGER NOT NULL,
          level TEXT NOT NULL CHECK (level IN ('call', 'emergency')),
          text TEXT NOT NULL,
          PRIMARY KEY (item_id, locale, position),
          FOREIGN KEY (item_id, locale) REFERENCES items (id, locale)
        ) STRICT;

        CREATE TABLE faqs (
          item_id TEXT NOT NULL,
          locale TEXT NOT NULL,
          position INTEGER NOT NULL,
          question TEXT NOT NULL,
          answer TEXT NOT NULL,
          PRIMARY KEY (item_id, locale, position),
          FOREIGN KEY (item_id, locale) REFERENCES items (id, locale)
        ) STRICT;

        CREATE TABLE questions_to_ask (
          item_id TEXT NOT NULL,
          locale TEXT NOT NULL,
          position INTEGER NOT NULL,
          text TEXT NOT NULL,
          PRIMARY KEY (item_id, locale, position),
          FOREIGN KEY (item_id, locale) REFERENCES items (id, locale)
        ) STRICT;

        CREATE TABLE quiz (
          item_id TEXT NOT NULL,
          locale TEXT NOT NULL,
          position INTEGER NOT NULL,
          question TEXT NOT NULL,
          -- JSON array of the answer options
          options TEXT NOT NULL CHECK (json_valid(options) AND json_type(options) = 'array'),
          answer INTEGER NOT NULL CHECK (answer >= 0 AND answer < json_array_length(options)),
          explanation TEXT NOT NULL,
          PRIMARY KEY (item_id, locale, position),
          FOREIGN KEY (item_id, locale) REFERENCES items (id, locale)
        ) STRICT;

        CREATE TABLE glossary (
          id TEXT NOT NULL,
          locale TEXT NOT NULL CHECK (locale IN ('en', 'es')),
          term TEXT NOT NULL,
          definition TEXT NOT NULL,
          -- JSON array of other forms of the word
          forms TEXT NOT NULL CHECK (json_valid(forms) AND json_type(forms) = 'array'),
          PRIMARY KEY (id, locale)
        ) STRICT;

        -- One row per piece of patient text. remove_diacritics lets "inyeccion"
        -- find "inyección"; prefix indexes make search-as-you-type cheap.
        CREATE VIRTUAL TABLE search_fts USING fts5 (
          text,
          item_id UNINDEXED,
          locale UNINDEXED,
          origin UNINDEXED,
          tokenize = 'unicode61 remove_diacritics 2',
          prefix = '2 3'
        );

        ${searchTriggers()}
      `)
    },
  },
  {
    version: 2,
    description: 'anatomy: plain descriptions of the parts of the hip for the diagram',
    up(db) {
      db.exec(`
        CREATE TABLE anatomy (
          id TEXT NOT NULL,
          locale TEXT NOT NULL CHECK (locale IN ('en', 'es')),
          position INTEGER NOT NULL,
          name TEXT NOT NULL,
          description TEXT NOT NULL,
          PRIMARY KEY (id, locale)
        ) STRICT;
      `)
    },
  },
  {
    version: 3,
    description: 'display order for topics; the anatomy part a walkthrough step is about',
    up(db) {
      db.exec(`
        ALTER TABLE items ADD COLUMN display_order INTEGER NOT NULL DEFAULT 500 CHECK (display_order > 0);
        ALTER TABLE steps ADD COLUMN anatomy TEXT
          CHECK (anatomy IS NULL OR anatomy IN (${ANATOMY_PARTS.map((p) => `'${p}'`).join(', ')}));
      `)
    },
  },
  {
    version: 4,
    description: 'the part of the hip an item is about, for a link to the anatomy diagram',
    up(db) {
      db.exec(`
        ALTER TABLE items ADD COLUMN anatomy TEXT
          CHECK (anatomy IS NULL OR anatomy IN (${ANATOMY_PARTS.map((p) => `'${p}'`).join(', ')}));
      `)
    },
  },
  {
    version: 5,
    description: 'search: one document per item and language, in a search table per language',
    up(db) {
      // Row-by-row triggers made every bm25 ranking visit each matching row of
      // both languages (over 100 ms at 100 times the library). A document per
      // item, a table per language, ranks a fiftieth of the rows; the content
      // build fills the tables once, after the rows are in (fillSearchIndex).
      const triggers = SEARCHABLE.flatMap(({ table }) =>
        ['insert', 'delete', 'update'].map((op) => `DROP TRIGGER ${table}_search_${op};`),
      )
      db.exec(`
        ${triggers.join('\n')}
        DROP TABLE search_fts;
        ${(['en', 'es'] as const)
          .map(
            (locale) => `
        CREATE VIRTUAL TABLE search_${locale} USING fts5 (
          item_id UNINDEXED,
          ${SEARCH_COLUMNS.map((c) => c.column).join(', ')},
          tokenize = 'unicode61 remove_diacritics 2',
          prefix = '2 3'
        );
        -- A word in the title counts most, then the summary, then the rest.
        INSERT INTO search_${locale} (search_${locale}, rank)
          VALUES ('rank', 'bm25(0, ${SEARCH_COLUMNS.map((c) => c.weight).join(', ')})');`,
          )
          .join('\n')}
      `)
    },
  },
]

export const LATEST_SCHEMA_VERSION = MIGRATIONS.at(-1)?.version ?? 0

/** The search tables, one per language (migration 5). */
export function searchTable(locale: 'en' | 'es'): string {
  return locale === 'es' ? 'search_es' : 'search_en'
}

/**
 * Fills the search tables from the content tables: one document per item and
 * language, a column per kind of text (migration 5), rows in their order. The
 * content build calls it once, after every row is written.
 */
export function fillSearchIndex(db: Database): void {
  const text = (table: string, columns: string[]) =>
    `(SELECT group_concat(${columns.join(` || char(10) || `)}, char(10) ORDER BY position)
        FROM ${table} WHERE item_id = i.id AND locale = i.locale)`
  const values = SEARCH_COLUMNS.map(({ column, table, text: columns }) =>
    table === 'items' ? `i.${column}` : text(table, columns),
  )
  for (const locale of ['en', 'es'] as const) {
    const fts = searchTable(locale)
    db.exec(`DELETE FROM ${fts}`)
    db.prepare(
      `INSERT INTO ${fts} (item_id, ${SEARCH_COLUMNS.map((c) => c.column).join(', ')})
       SELECT i.id, ${values.join(', ')} FROM items i WHERE i.locale = ? ORDER BY i.id`,
    ).run(locale)
  }
}
