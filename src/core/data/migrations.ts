/**
 * The kiosk's own writable database (kiosk.sqlite in the data folder): staff
 * settings, the staff PIN, anonymous usage counts and which content pack is in
 * use. Separate from the read-only content database, with its own migrations.
 */
import type { Migration } from '../db/open.ts'

/**
 * What usage is counted: a closed list, so nothing else can be written. The
 * usage table's CHECK holds the same list (migrations 1 and 5); a new metric needs a
 * migration that widens it (tests/unit/staff.test.ts checks they agree).
 */
export const USAGE_METRICS = [
  'screen',
  'item',
  'handout',
  'language',
  'display-mode',
  'session-length',
  'quiz',
] as const

export const DATA_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'settings, staff PIN, usage counts, content pack slots',
    up(db) {
      db.exec(`
        CREATE TABLE settings (
          key TEXT PRIMARY KEY,
          value TEXT NOT NULL CHECK (json_valid(value))
        ) STRICT;

        CREATE TABLE staff (
          id INTEGER PRIMARY KEY CHECK (id = 1),
          pin_hash TEXT NOT NULL,
          failed_tries INTEGER NOT NULL DEFAULT 0 CHECK (failed_tries >= 0),
          lockouts INTEGER NOT NULL DEFAULT 0 CHECK (lockouts >= 0),
          locked_until INTEGER NOT NULL DEFAULT 0
        ) STRICT;

        -- Counts only, per day: no times finer than a day, no free text.
        CREATE TABLE usage (
          day TEXT NOT NULL CHECK (date(day) IS day),
          -- Written out, not taken from USAGE_METRICS: a shipped migration never changes.
          metric TEXT NOT NULL CHECK (metric IN ('screen', 'item', 'handout', 'language', 'display-mode', 'session-length', 'quiz')),
          key TEXT NOT NULL CHECK (length(key) BETWEEN 1 AND 80),
          count INTEGER NOT NULL CHECK (count > 0),
          PRIMARY KEY (day, metric, key)
        ) STRICT;

        CREATE TABLE packs (
          slot TEXT PRIMARY KEY CHECK (slot IN ('current', 'previous')),
          file TEXT NOT NULL,
          content_hash TEXT NOT NULL,
          imported_on TEXT NOT NULL
        ) STRICT;
      `)
    },
  },
  {
    version: 2,
    description: 'when the last wrong PIN was tried, and how many since the last sign-in',
    up(db) {
      db.exec(`
        -- A streak of wrong tries is forgotten an hour after its last one (pin.ts).
        ALTER TABLE staff ADD COLUMN last_failed_at INTEGER NOT NULL DEFAULT 0;
        -- Shown to staff at their next sign-in, then set back to 0.
        ALTER TABLE staff ADD COLUMN failed_since_login INTEGER NOT NULL DEFAULT 0
          CHECK (failed_since_login >= 0);
      `)
    },
  },
  {
    version: 3,
    description: "the clinic's sign-offs: who checked which version of an item, keyed to its item hash",
    up(db) {
      db.exec(`
        -- One row per item and version signed: a new pack that changes an item
        -- gives it a new item hash, so its earlier sign-off no longer applies.
        CREATE TABLE signoffs (
          kind TEXT NOT NULL CHECK (length(kind) BETWEEN 1 AND 40),
          id TEXT NOT NULL CHECK (length(id) BETWEEN 1 AND 80),
          item_hash TEXT NOT NULL CHECK (length(item_hash) = 64),
          -- As typed: with one staff PIN, a record, not an identity.
          signer TEXT NOT NULL CHECK (length(signer) BETWEEN 1 AND 120),
          role TEXT NOT NULL CHECK (length(role) BETWEEN 1 AND 120),
          registration TEXT CHECK (registration IS NULL OR length(registration) BETWEEN 1 AND 60),
          signed_on TEXT NOT NULL CHECK (date(signed_on) IS signed_on),
          PRIMARY KEY (kind, id, item_hash)
        ) STRICT;
      `)
    },
  },
  {
    version: 4,
    description: 'the text of each version signed, so review can show what changed since',
    up(db) {
      db.exec(`
        -- The item's documents (every language) as they were when signed here;
        -- a sign-off imported from another kiosk comes without them.
        CREATE TABLE signed_texts (
          item_hash TEXT PRIMARY KEY CHECK (length(item_hash) = 64),
          documents TEXT NOT NULL CHECK (json_valid(documents))
        ) STRICT;
      `)
    },
  },
  {
    version: 5,
    description: 'the language each handout was printed in, beside its count',
    up(db) {
      // SQLite cannot change a primary key in place: the table is made again and the counts copied over.
      db.exec(`
        CREATE TABLE usage_by_language (
          day TEXT NOT NULL CHECK (date(day) IS day),
          metric TEXT NOT NULL CHECK (metric IN ('screen', 'item', 'handout', 'language', 'display-mode', 'session-length', 'quiz')),
          key TEXT NOT NULL CHECK (length(key) BETWEEN 1 AND 80),
          -- A handout's language: a language code, or two joined by "+" for a two-language
          -- handout; '' for every other count, and for handouts counted before this migration.
          lang TEXT NOT NULL DEFAULT '' CHECK (
            lang = '' OR (metric = 'handout' AND (lang GLOB '[a-z][a-z]' OR lang GLOB '[a-z][a-z]+[a-z][a-z]'))
          ),
          count INTEGER NOT NULL CHECK (count > 0),
          PRIMARY KEY (day, metric, key, lang)
        ) STRICT;
        INSERT INTO usage_by_language (day, metric, key, count) SELECT day, metric, key, count FROM usage;
        DROP TABLE usage;
        ALTER TABLE usage_by_language RENAME TO usage;
      `)
    },
  },
]
