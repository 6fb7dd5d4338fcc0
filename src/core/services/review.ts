/**
 * The clinical review methods (issue #19): every item a clinician signs with
 * where its review stands, signing the version read, and moving sign-offs
 * between kiosks of one clinic. Sign-offs live in kiosk.sqlite
 * (src/core/data/signoffs.ts), keyed to the item hashes of the content in use.
 */
import type { Database } from 'better-sqlite3'
import type { MethodParams, ReviewItem } from '../../shared/contract.ts'
import { ApiFailure } from '../../shared/result.ts'
import { SignOffFileError, exportSignoffs, importSignoffs, reviewState, signOff } from '../data/signoffs.ts'
import { itemVersions } from '../db/format.ts'
import type { Handlers } from './handlers.ts'

export type ReviewHandlers = Pick<
  Handlers,
  'reviewItems' | 'signOffItem' | 'exportSignoffs' | 'importSignoffs'
>

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

  return {
    reviewItems({ token }) {
      deps.requireStaff(token)
      return items()
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
      signOff(deps.dataDb, { ...record, signedOn: deps.today() })
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
