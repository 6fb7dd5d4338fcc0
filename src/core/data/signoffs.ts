/**
 * The clinic's own sign-off of its content (issue #19): a clinician of the
 * clinic reads an item and signs that version of it. A sign-off is keyed to
 * the item hash (src/core/db/format.ts), which covers the item's documents in
 * every language as written, so a pack that changes an item reopens review
 * for exactly that item, and one that changes nothing else keeps every other
 * sign-off. With one staff PIN the signer is as typed: a record, not an identity.
 *
 * Sign-offs travel between kiosks of one clinic as a JSON file: exported from
 * one, imported into another, where only those for the content in use show.
 */
import type { Database } from 'better-sqlite3'
import { SignOffFile, SignOffRecord } from '../../shared/contract.ts'

type SignOff = SignOffRecord
type SignOffFileType = SignOffFile

export type ReviewState = 'signed' | 'changed' | 'unsigned'

export interface ItemVersion {
  kind: string
  id: string
  itemHash: string
}

interface Row {
  kind: string
  id: string
  item_hash: string
  signer: string
  role: string
  registration: string | null
  signed_on: string
}

const fromRow = (r: Row): SignOff => ({
  kind: r.kind,
  id: r.id,
  itemHash: r.item_hash,
  signer: r.signer,
  role: r.role,
  registration: r.registration,
  signedOn: r.signed_on,
})

/** Records a sign-off; signing the same version again keeps the first. Returns true when it is new. */
export function signOff(db: Database, signoff: SignOff): boolean {
  const s = SignOffRecord.parse(signoff)
  const info = db
    .prepare(
      `INSERT OR IGNORE INTO signoffs (kind, id, item_hash, signer, role, registration, signed_on)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(s.kind, s.id, s.itemHash, s.signer, s.role, s.registration, s.signedOn)
  return info.changes === 1
}

/**
 * Where an item stands: signed (this version), changed (an earlier version was
 * signed, this one is not), or unsigned; with the sign-off that applies, or
 * the latest earlier one for a changed item.
 */
export function reviewState(
  db: Database,
  item: ItemVersion,
): { state: ReviewState; signoff: SignOff | null } {
  const rows = db
    .prepare<[string, string], Row>(
      'SELECT * FROM signoffs WHERE kind = ? AND id = ? ORDER BY signed_on DESC, rowid DESC',
    )
    .all(item.kind, item.id)
  const current = rows.find((r) => r.item_hash === item.itemHash)
  if (current) return { state: 'signed', signoff: fromRow(current) }
  const earlier = rows[0]
  return earlier ? { state: 'changed', signoff: fromRow(earlier) } : { state: 'unsigned', signoff: null }
}

/** The documents signed by the sign-off of `itemHash`, kept so a later version can show what changed. */
export type SignedDocuments = { locale: string; body: string }[]

export function keepSignedText(db: Database, itemHash: string, documents: SignedDocuments): void {
  db.prepare('INSERT OR IGNORE INTO signed_texts (item_hash, documents) VALUES (?, ?)').run(
    itemHash,
    JSON.stringify(documents),
  )
}

export function signedText(db: Database, itemHash: string): SignedDocuments | null {
  const row = db
    .prepare<[string], { documents: string }>('SELECT documents FROM signed_texts WHERE item_hash = ?')
    .get(itemHash)
  return row ? (JSON.parse(row.documents) as SignedDocuments) : null
}

/**
 * The items of the content in use whose very version is signed, with the day
 * it was (the first sign-off of that version): what patients are told was checked.
 */
export function checkedItems(db: Database, current: ItemVersion[]): Map<string, string> {
  const signed = new Map<string, string>()
  for (const r of db
    .prepare<[], Pick<Row, 'kind' | 'id' | 'item_hash' | 'signed_on'>>(
      'SELECT kind, id, item_hash, min(signed_on) AS signed_on FROM signoffs GROUP BY kind, id, item_hash',
    )
    .all())
    signed.set(`${r.kind}\u0000${r.id}\u0000${r.item_hash}`, r.signed_on)
  const out = new Map<string, string>()
  for (const v of current) {
    const on = signed.get(`${v.kind}\u0000${v.id}\u0000${v.itemHash}`)
    if (on) out.set(checkedKey(v.kind, v.id), on)
  }
  return out
}

export const checkedKey = (kind: string, id: string): string => `${kind}\u0000${id}`

export function exportSignoffs(db: Database): SignOffFileType {
  const rows = db.prepare<[], Row>('SELECT * FROM signoffs ORDER BY kind, id, signed_on, item_hash').all()
  return { format: 'kiosk-signoffs', version: 1, signoffs: rows.map(fromRow) }
}

export interface SignOffImport {
  added: number
  alreadyHere: number
  /** Sign-offs of versions this kiosk's content does not have (kept, in case that content comes). */
  forOtherContent: number
}

/**
 * Merges another kiosk's sign-offs: all or nothing, in one transaction.
 * `current` is the content in use, to say how many apply to it.
 */
export function importSignoffs(db: Database, file: unknown, current: ItemVersion[]): SignOffImport {
  const parsed = SignOffFile.safeParse(file)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new SignOffFileError(
      `This is not a sign-off file from a kiosk: ${issue?.path.join('.') || 'the file'}: ${issue?.message ?? 'not valid'}`,
    )
  }
  const here = new Set(current.map((v) => `${v.kind}\u0000${v.id}\u0000${v.itemHash}`))
  return db.transaction(() => {
    const result: SignOffImport = { added: 0, alreadyHere: 0, forOtherContent: 0 }
    for (const s of parsed.data.signoffs) {
      if (signOff(db, s)) result.added++
      else result.alreadyHere++
      if (!here.has(`${s.kind}\u0000${s.id}\u0000${s.itemHash}`)) result.forOtherContent++
    }
    return result
  })()
}

export class SignOffFileError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'SignOffFileError'
  }
}
