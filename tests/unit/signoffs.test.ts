/**
 * The clinic's sign-offs, keyed to item hashes: over real content packs built
 * from content/, and real kiosk.sqlite files.
 */
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDataDb } from '../../src/core/data/open.ts'
import {
  SignOffFileError,
  exportSignoffs,
  importSignoffs,
  reviewState,
  signOff,
} from '../../src/core/data/signoffs.ts'
import { itemVersions } from '../../src/core/db/format.ts'
import { openContentDb } from '../../src/core/db/open.ts'
import { buildRealPack, changeSummary, tempDir } from '../fixtures/library.ts'

const dir = tempDir()
let before: ReturnType<typeof itemVersions>
let after: ReturnType<typeof itemVersions>

function versionsOf(file: string) {
  const db = openContentDb(file)
  try {
    return itemVersions(db)
  } finally {
    db.close()
  }
}

beforeAll(() => {
  before = versionsOf(buildRealPack(dir.path, 'before'))
  after = versionsOf(
    buildRealPack(dir.path, 'after', changeSummary('A new summary a clinician has not read yet.')),
  )
})
afterAll(() => dir.remove())

const signer = { signer: 'Dr A. Example', role: 'Consultant', registration: null, signedOn: '2026-12-06' }

describe("the clinic's sign-offs", () => {
  it('cover every item but sources, each with the hash of its documents in every language', () => {
    expect(before.length).toBeGreaterThan(90)
    expect(before.some((v) => v.kind === 'source')).toBe(false)
    expect(new Set(before.map((v) => v.itemHash)).size).toBe(before.length)
  })

  it('a new pack reopens review for exactly the item it changed', () => {
    const db = openDataDb(join(dir.path, 'data-reopen'))
    for (const v of before) signOff(db, { ...v, ...signer })
    const states = after.map((v) => ({ id: v.id, ...reviewState(db, v) }))
    expect(states.filter((s) => s.state !== 'signed').map((s) => [s.id, s.state])).toEqual([
      ['hip-osteoarthritis', 'changed'],
    ])
    // What changed shows who signed the version before.
    expect(states.find((s) => s.id === 'hip-osteoarthritis')?.signoff).toMatchObject({
      signer: 'Dr A. Example',
    })
    db.close()
  })

  it('says unsigned for an item nobody has signed, and keeps the first sign-off of a version', () => {
    const db = openDataDb(join(dir.path, 'data-unsigned'))
    const item = before[0]!
    expect(reviewState(db, item)).toEqual({ state: 'unsigned', signoff: null })
    expect(signOff(db, { ...item, ...signer })).toBe(true)
    expect(signOff(db, { ...item, ...signer, signer: 'Someone else' })).toBe(false)
    expect(reviewState(db, item).signoff?.signer).toBe('Dr A. Example')
    db.close()
  })

  it('travel to another kiosk of the clinic in a file, restoring the same state on a fresh data folder', () => {
    const first = openDataDb(join(dir.path, 'data-first'))
    for (const v of after.slice(0, 10)) signOff(first, { ...v, ...signer, registration: 'GMC 0000000' })
    const file = JSON.parse(JSON.stringify(exportSignoffs(first)))
    first.close()
    const fresh = openDataDb(join(dir.path, 'data-fresh'))
    expect(importSignoffs(fresh, file, after)).toEqual({ added: 10, alreadyHere: 0, forOtherContent: 0 })
    expect(after.slice(0, 10).every((v) => reviewState(fresh, v).state === 'signed')).toBe(true)
    expect(reviewState(fresh, after[10]!).state).toBe('unsigned')
    // Importing again adds nothing; a kiosk on older content is told how many are for other versions.
    expect(importSignoffs(fresh, file, before)).toMatchObject({ added: 0, alreadyHere: 10 })
    fresh.close()
  })

  it('refuses a file that is not a sign-off file, whole, adding nothing', () => {
    const db = openDataDb(join(dir.path, 'data-bad'))
    const good = { kind: 'condition', id: 'x', itemHash: 'a'.repeat(64), ...signer }
    const bad = { format: 'kiosk-signoffs', version: 1, signoffs: [good, { ...good, itemHash: 'nope' }] }
    expect(() => importSignoffs(db, bad, before)).toThrow(SignOffFileError)
    expect(() => importSignoffs(db, { hello: 'world' }, before)).toThrow(/not a sign-off file/)
    expect(exportSignoffs(db).signoffs).toEqual([])
    db.close()
  })
})
