/**
 * The clinical review methods (issue #19): every item a clinician signs with
 * where its review stands, signing the version read, and moving sign-offs
 * between kiosks of one clinic. Sign-offs live in kiosk.sqlite
 * (src/core/data/signoffs.ts), keyed to the item hashes of the content in use.
 */
import type { Database } from 'better-sqlite3'
import type { MethodParams, ReviewChange, ReviewItem, ReviewItemDetail } from '../../shared/contract.ts'
import { DOCUMENT_KINDS, DOCUMENT_SCHEMAS, leavesOf, patientTexts } from '../../shared/items.ts'
import type { DocumentKind, Source } from '../../shared/items.ts'
import { ApiFailure } from '../../shared/result.ts'
import {
  SignOffFileError,
  exportSignoffs,
  importSignoffs,
  keepSignedText,
  reviewState,
  signOff,
  signedText,
} from '../data/signoffs.ts'
import type { SignedDocuments } from '../data/signoffs.ts'
import { itemVersions } from '../db/format.ts'
import type { Handlers } from './handlers.ts'

export type ReviewHandlers = Pick<
  Handlers,
  'reviewItems' | 'reviewItem' | 'signOffItem' | 'exportSignoffs' | 'importSignoffs'
>

const isDocumentKind = (kind: string): kind is DocumentKind =>
  (DOCUMENT_KINDS as readonly string[]).includes(kind)

/** Each language's patient text, in schema order, with where each piece sits. */
function textsOf(kind: DocumentKind, documents: SignedDocuments) {
  return documents.map((d) => {
    const doc: unknown = JSON.parse(d.body)
    return { locale: d.locale, texts: patientTexts(DOCUMENT_SCHEMAS[kind], doc), doc }
  })
}

/** The patient text that differs between the version signed and the one in use, language by language. */
function changesBetween(kind: DocumentKind, before: SignedDocuments, after: SignedDocuments): ReviewChange[] {
  const old = new Map(
    textsOf(kind, before).map((d) => [d.locale, new Map(d.texts.map((t) => [t.field, t.text]))]),
  )
  const now = new Map(
    textsOf(kind, after).map((d) => [d.locale, new Map(d.texts.map((t) => [t.field, t.text]))]),
  )
  const changes: ReviewChange[] = []
  for (const locale of [...new Set([...now.keys(), ...old.keys()])].sort()) {
    const a = old.get(locale) ?? new Map<string, string>()
    const b = now.get(locale) ?? new Map<string, string>()
    for (const field of [...new Set([...b.keys(), ...a.keys()])]) {
      const beforeText = a.get(field) ?? null
      const afterText = b.get(field) ?? null
      if (beforeText !== afterText) changes.push({ locale, field, before: beforeText, after: afterText })
    }
  }
  return changes
}

export interface ReviewDeps {
  dataDb: Database
  /** The content in use; null when none could be opened. */
  contentDb: () => Database | null
  requireStaff: (token: string) => void
  today: () => string
}

export function createReviewHandlers(deps: ReviewDeps): ReviewHandlers {
  function items(): ReviewItem[] {
    const db = deps.contentDb()
    if (!db) return []
    const titles = db.prepare<[string, string], { locale: string; title: string }>(
      'SELECT locale, title FROM documents WHERE kind = ? AND id = ? ORDER BY locale',
    )
    return itemVersions(db).map((v) => {
      const { state, signoff } = reviewState(deps.dataDb, v)
      return {
        ...v,
        titles: Object.fromEntries(titles.all(v.kind, v.id).map((t) => [t.locale, t.title])),
        state,
        signoff: signoff && {
          itemHash: signoff.itemHash,
          signer: signoff.signer,
          role: signoff.role,
          registration: signoff.registration,
          signedOn: signoff.signedOn,
        },
      }
    })
  }

  function documentsOf(db: Database, kind: string, id: string): SignedDocuments {
    return db
      .prepare<[string, string], { locale: string; body: string }>(
        'SELECT locale, body FROM documents WHERE kind = ? AND id = ? ORDER BY locale',
      )
      .all(kind, id)
  }

  function detail(kind: string, id: string): ReviewItemDetail {
    const db = deps.contentDb()
    const item = items().find((i) => i.kind === kind && i.id === id)
    if (!db || !item || !isDocumentKind(kind))
      throw new ApiFailure('not-found', 'There is no such item in the content in use.')
    const documents = documentsOf(db, kind, id)
    const read = textsOf(kind, documents)
    // Every source the item cites, wherever it sits (the item, a risk, a paragraph).
    const sourceIds = new Set(
      read.flatMap((d) =>
        leavesOf(DOCUMENT_SCHEMAS[kind], d.doc)
          .filter((l) => !l.list && /(?:^|\.)sources\[\d+\]$/.test(l.path) && typeof l.value === 'string')
          .map((l) => l.value as string),
      ),
    )
    const source = db.prepare<[string], { body: string }>(
      "SELECT body FROM documents WHERE kind = 'source' AND id = ? ORDER BY locale = 'en' DESC LIMIT 1",
    )
    const sources = [...sourceIds].map((sid): Source => {
      const row = source.get(sid)
      return row ? (JSON.parse(row.body) as Source) : { id: sid, title: sid }
    })
    let changes: ReviewChange[] | null = []
    if (item.state === 'changed' && item.signoff) {
      const before = signedText(deps.dataDb, item.signoff.itemHash)
      changes = before ? changesBetween(kind, before, documents) : null
    }
    return {
      ...item,
      documents: read.map((d) => ({ locale: d.locale, title: item.titles[d.locale] ?? '', texts: d.texts })),
      sources,
      changes,
    }
  }

  return {
    reviewItems({ token }) {
      deps.requireStaff(token)
      return items()
    },

    reviewItem({ token, kind, id }) {
      deps.requireStaff(token)
      return detail(kind, id)
    },

    signOffItem(input: MethodParams<'signOffItem'>) {
      deps.requireStaff(input.token)
      const current = items().find((i) => i.kind === input.kind && i.id === input.id)
      if (!current) throw new ApiFailure('not-found', 'There is no such item in the content in use.')
      if (current.itemHash !== input.itemHash)
        throw new ApiFailure(
          'bad-input',
          'This item has changed since it was opened for review. Read it again, then sign it.',
        )
      const { token: _token, ...record } = input
      const db = deps.contentDb()
      deps.dataDb.transaction(() => {
        signOff(deps.dataDb, { ...record, signedOn: deps.today() })
        // The text signed, so the next version can show what changed since.
        if (db) keepSignedText(deps.dataDb, current.itemHash, documentsOf(db, input.kind, input.id))
      })()
      return items().find((i) => i.kind === input.kind && i.id === input.id) ?? current
    },

    exportSignoffs({ token }) {
      deps.requireStaff(token)
      return exportSignoffs(deps.dataDb)
    },

    importSignoffs({ token, file }) {
      deps.requireStaff(token)
      const db = deps.contentDb()
      try {
        return importSignoffs(deps.dataDb, file, db ? itemVersions(db) : [])
      } catch (err) {
        if (err instanceof SignOffFileError) throw new ApiFailure('bad-input', err.message)
        throw err
      }
    },
  }
}
