/**
 * Compiles the validated content library into the SQLite file the app ships.
 * The database is written to a temporary file and renamed into place only when
 * complete, so a failed build never leaves a half-written database behind and
 * never replaces a good one.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync } from 'node:fs'
import { dirname } from 'node:path'
import Database from 'better-sqlite3'
import type { Database as Db } from 'better-sqlite3'
import { computeContentHash } from '../db/content-hash.ts'
import { fillSearchIndex } from '../db/migrations.ts'
import { migrate } from '../db/open.ts'
import { loadContent } from './load.ts'
import type { ContentLibrary } from './load.ts'

export interface BuildSummary {
  outFile: string
  contentHash: string
  schemaVersion: number
  counts: { conditions: number; procedures: number; glossary: number; locales: string[] }
  staleTranslations: { id: string; locale: string }[]
}

/** Writes the library's rows, then the hash of those rows (see content-hash.ts). */
function writeLibrary(db: Db, library: ContentLibrary): string {
  const insert = {
    meta: db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)'),
    source: db.prepare('INSERT INTO sources (id, title, url) VALUES (?, ?, ?)'),
    item: db.prepare(`INSERT INTO items (id, locale, kind, title, summary, picture, duration, version,
        reviewed_on, next_review_due, reviewer_role, text_hash, translated_from, display_order, anatomy)
      VALUES (@id, @locale, @kind, @title, @summary, @picture, @duration, @version,
        @reviewedOn, @nextReviewDue, @reviewerRole, @textHash, @translatedFrom, @order, @anatomy)`),
    itemSource: db.prepare('INSERT INTO item_sources (item_id, locale, position, source_id) VALUES (?, ?, ?, ?)'),
    section: db.prepare('INSERT INTO sections (item_id, locale, position, key, heading, body) VALUES (?, ?, ?, ?, ?, ?)'),
    faq: db.prepare('INSERT INTO faqs (item_id, locale, position, question, answer) VALUES (?, ?, ?, ?, ?)'),
    preparation: db.prepare('INSERT INTO preparation (item_id, locale, position, text) VALUES (?, ?, ?, ?)'),
    step: db.prepare(
      'INSERT INTO steps (item_id, locale, position, title, body, feel, picture, anatomy) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    risk: db.prepare(`INSERT INTO risks (item_id, locale, position, name, description, band, about_n, about_m, action)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    recovery: db.prepare('INSERT INTO recovery (item_id, locale, position, period, expect, todo) VALUES (?, ?, ?, ?, ?, ?)'),
    redFlag: db.prepare('INSERT INTO red_flags (item_id, locale, position, level, text) VALUES (?, ?, ?, ?, ?)'),
    question: db.prepare('INSERT INTO questions_to_ask (item_id, locale, position, text) VALUES (?, ?, ?, ?)'),
    quiz: db.prepare('INSERT INTO quiz (item_id, locale, position, question, options, answer, explanation) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    term: db.prepare('INSERT INTO glossary (id, locale, term, definition, forms) VALUES (?, ?, ?, ?, ?)'),
    part: db.prepare('INSERT INTO anatomy (id, locale, position, name, description) VALUES (?, ?, ?, ?, ?)'),
  }

  return db.transaction(() => {
    for (const s of library.sources) insert.source.run(s.id, s.title, s.url ?? null)
    for (const { locale, item, textHash } of library.items) {
      const key = [item.id, locale] as const
      insert.item.run({
        id: item.id,
        locale,
        kind: item.kind,
        title: item.title,
        summary: item.summary,
        picture: item.picture,
        duration: item.kind === 'procedure' ? item.duration : null,
        version: item.review.version,
        reviewedOn: item.review.reviewedOn,
        nextReviewDue: item.review.nextReviewDue,
        reviewerRole: item.review.reviewerRole,
        textHash,
        translatedFrom: item.translatedFrom ?? null,
        order: item.order,
        anatomy: item.anatomy ?? null,
      })
      item.sources.forEach((s, i) => insert.itemSource.run(...key, i, s))
      item.sections.forEach((s, i) => insert.section.run(...key, i, s.key, s.heading, s.paragraphs.join('\n\n')))
      item.faqs.forEach((f, i) => insert.faq.run(...key, i, f.question, f.answer))
      if (item.kind !== 'procedure') continue
      item.preparation.forEach((t, i) => insert.preparation.run(...key, i, t))
      item.steps.forEach((s, i) =>
        insert.step.run(...key, i, s.title, s.body, s.feel, s.picture, s.anatomy ?? null),
      )
      item.risks.forEach((r, i) =>
        insert.risk.run(...key, i, r.name, r.description, r.band, r.about?.n ?? null, r.about?.m ?? null, r.action),
      )
      item.recovery.forEach((m, i) => insert.recovery.run(...key, i, m.period, m.expect, m.todo))
      item.redFlags.forEach((f, i) => insert.redFlag.run(...key, i, f.level, f.text))
      item.questionsToAsk.forEach((q, i) => insert.question.run(...key, i, q))
      item.quiz.forEach((q, i) => insert.quiz.run(...key, i, q.question, JSON.stringify(q.options), q.answer, q.explanation))
    }
    for (const { locale, term } of library.glossary) {
      insert.term.run(term.id, locale, term.term, term.definition, JSON.stringify(term.forms))
    }
    for (const { locale, parts } of library.anatomy) {
      parts.forEach((p, i) => insert.part.run(p.id, locale, i, p.name, p.description))
    }
    fillSearchIndex(db)
    const contentHash = computeContentHash(db)
    insert.meta.run('content_hash', contentHash)
    return contentHash
  })()
}

/** Translations whose English text changed after they were made. */
export function staleTranslations(library: ContentLibrary): { id: string; locale: string }[] {
  const english = new Map(library.items.filter((i) => i.locale === 'en').map((i) => [i.item.id, i.textHash]))
  return library.items
    .filter((i) => i.locale !== 'en' && i.item.translatedFrom !== english.get(i.item.id))
    .map((i) => ({ id: i.item.id, locale: i.locale }))
}

/**
 * Validates content/ and writes the database to outFile atomically.
 * Throws ContentError (naming file, item and field) when the content is wrong;
 * outFile is then untouched.
 */
export function buildContentDb(contentDir: string, outFile: string): BuildSummary {
  const library = loadContent(contentDir)
  let contentHash = ''
  const tmp = `${outFile}.${process.pid}.tmp`
  mkdirSync(dirname(outFile), { recursive: true })
  rmSync(tmp, { force: true })
  let schemaVersion = 0
  try {
    const db = new Database(tmp)
    try {
      // A private temporary file, renamed into place only when complete: no
      // journal and no syncs while filling it, then one fsync once closed, so
      // what is renamed is on disk. (Written once from empty, it has nothing
      // for a VACUUM to reclaim, and rewriting it cost a fifth of the build.)
      db.pragma('journal_mode = OFF')
      db.pragma('synchronous = OFF')
      schemaVersion = migrate(db)
      contentHash = writeLibrary(db, library)
    } finally {
      db.close()
    }
    const fd = openSync(tmp, 'r+')
    try {
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
    renameSync(tmp, outFile)
  } catch (err) {
    rmSync(tmp, { force: true })
    throw err
  }
  const en = library.items.filter((i) => i.locale === 'en')
  return {
    outFile,
    contentHash,
    schemaVersion,
    counts: {
      conditions: en.filter((i) => i.item.kind === 'condition').length,
      procedures: en.filter((i) => i.item.kind === 'procedure').length,
      glossary: library.glossary.filter((g) => g.locale === 'en').length,
      locales: [...new Set(library.items.map((i) => i.locale))].sort(),
    },
    staleTranslations: staleTranslations(library),
  }
}
