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
import { createKioskCore } from '../../src/core/services/handlers.ts'
import { dispatch } from '../../src/core/services/dispatch.ts'
import { createServer } from '../../src/core/server/server.ts'
import type { ReviewItem } from '../../src/shared/contract.ts'

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

describe('clinical review over the contract', () => {
  it('signs the version read, refuses a version nobody read, and a new pack reopens exactly its changed item', async () => {
    const bundled = buildRealPack(dir.path, 'contract-before')
    const changed = buildRealPack(
      dir.path,
      'contract-after',
      changeSummary('Changed after the clinician read it.'),
    )
    const core = createKioskCore({
      bundledContent: bundled,
      dataDir: join(dir.path, 'contract-data'),
      log: () => {},
    })
    const call = (method: string, input: unknown) => dispatch(core.handlers, method, input, () => {})
    await call('staffSetPin', { pin: '246813', setupCode: core.firstRunCode() })
    const login = await call('staffLogin', { pin: '246813' })
    const token = login.ok ? (login.value as { token: string }).token : ''
    const list = async () => {
      const r = await call('reviewItems', { token })
      if (!r.ok) throw new Error(r.error.message)
      return r.value as ReviewItem[]
    }

    const first = await list()
    expect(first.every((i) => i.state === 'unsigned')).toBe(true)
    const oa = first.find((i) => i.id === 'hip-osteoarthritis')!
    expect(oa.titles).toMatchObject({ en: expect.any(String), es: expect.any(String) })
    const sign = (item: ReviewItem, itemHash = item.itemHash) =>
      call('signOffItem', {
        token,
        kind: item.kind,
        id: item.id,
        itemHash,
        signer: 'Dr A. Example',
        role: 'Consultant',
      })

    expect(await sign(oa, 'f'.repeat(64))).toMatchObject({ ok: false, error: { code: 'bad-input' } })
    expect(await sign(oa)).toMatchObject({
      ok: true,
      value: { state: 'signed', signoff: { signer: 'Dr A. Example' } },
    })
    for (const item of first.filter((i) => i.kind === 'procedure')) await sign(item)
    // Without a staff session, nothing.
    expect(await call('reviewItems', { token: '0'.repeat(64) })).toMatchObject({
      ok: false,
      error: { code: 'unauthorized' },
    })

    core.importPackFile(token, changed)
    const after = await list()
    expect(after.find((i) => i.id === 'hip-osteoarthritis')?.state).toBe('changed')
    expect(after.filter((i) => i.kind === 'procedure').every((i) => i.state === 'signed')).toBe(true)

    // The file restores the same state on another kiosk with the same content.
    const exported = await call('exportSignoffs', { token })
    core.close()
    const other = createKioskCore({
      bundledContent: changed,
      dataDir: join(dir.path, 'contract-other'),
      log: () => {},
    })
    const callOther = (method: string, input: unknown) => dispatch(other.handlers, method, input, () => {})
    await callOther('staffSetPin', { pin: '246813', setupCode: other.firstRunCode() })
    const otherLogin = await callOther('staffLogin', { pin: '246813' })
    const otherToken = otherLogin.ok ? (otherLogin.value as { token: string }).token : ''
    const imported = await callOther('importSignoffs', {
      token: otherToken,
      file: exported.ok ? exported.value : null,
    })
    expect(imported).toMatchObject({ ok: true, value: { added: 7, forOtherContent: 1 } })
    const states = await callOther('reviewItems', { token: otherToken })
    const byId = new Map((states.ok ? (states.value as ReviewItem[]) : []).map((i) => [i.id, i.state]))
    expect(byId.get('hip-osteoarthritis')).toBe('changed')
    expect(byId.get('ultrasound-guided-hip-injection')).toBe('signed')
    expect(
      await callOther('importSignoffs', { token: otherToken, file: { not: 'a sign-off file' } }),
    ).toMatchObject({
      ok: false,
      error: { code: 'bad-input' },
    })
    other.close()
  })
})

describe('what patients are told, over the real HTTP API', () => {
  it('says "checked" only for the signed version, and with "hide unchecked items" leaks nothing unchecked', async () => {
    const bundled = buildRealPack(dir.path, 'http-before')
    const core = createKioskCore({
      bundledContent: bundled,
      dataDir: join(dir.path, 'http-data'),
      log: () => {},
    })
    const app = await createServer({ handlers: core.handlers, rendererDir: null })
    const base = await app.listen({ port: 0, host: '127.0.0.1' })
    try {
      const api = async (method: string, input: unknown) =>
        (await (
          await fetch(`${base}/api/${method}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(input),
          })
        ).json()) as Answer
      await api('staffSetPin', { pin: '246813', setupCode: core.firstRunCode() })
      const token = (await api('staffLogin', { pin: '246813' })).value.token as string
      const items = (await api('reviewItems', { token })).value as ReviewItem[]
      const oa = items.find((i) => i.id === 'hip-osteoarthritis')!
      const term = items.find((i) => i.kind === 'glossary-term')!

      const condition = () => api('getCondition', { locale: 'es', id: 'hip-osteoarthritis' })
      expect((await condition()).value.review.checkedOn).toBeNull()

      const signed = await api('signOffItem', {
        token,
        kind: 'condition',
        id: oa.id,
        itemHash: oa.itemHash,
        signer: 'Dr A. Example',
        role: 'Consultant',
        registration: 'GMC 1234567',
      })
      expect(signed.value.signoff).toMatchObject({ registration: 'GMC 1234567' })
      const on = signed.value.signoff.signedOn as string
      expect((await condition()).value.review.checkedOn).toBe(on)
      const detail = (await api('reviewItem', { token, kind: 'condition', id: oa.id })).value
      expect(detail.documents.map((d: { locale: string }) => d.locale)).toEqual(['en', 'es'])
      expect(detail.sources.length).toBeGreaterThan(0)
      expect(detail.changes).toEqual([])

      expect(
        (await api('updateSettings', { token, changes: { hideUncheckedItems: true } })).value,
      ).toMatchObject({ hideUncheckedItems: true })
      const topics = (await api('listTopics', { locale: 'en' })).value
      expect(topics.conditions.map((t: { id: string }) => t.id)).toEqual(['hip-osteoarthritis'])
      expect(topics.procedures).toEqual([])
      const { hits } = (await api('search', { locale: 'en', query: 'hip' })).value as {
        hits: { id: string }[]
      }
      expect(hits.map((h) => h.id)).toEqual(['hip-osteoarthritis'])
      expect((await api('getGlossary', { locale: 'en' })).value).toEqual([])
      expect(
        await api('getProcedure', { locale: 'en', id: 'ultrasound-guided-hip-injection' }),
      ).toMatchObject({
        ok: false,
        error: { code: 'not-found', hiddenItem: true },
      })

      await api('signOffItem', { token, ...pick(term), signer: 'Dr A. Example', role: 'Consultant' })
      expect(
        ((await api('getGlossary', { locale: 'en' })).value as { id: string }[]).map((t) => t.id),
      ).toEqual([term.id])

      // A new pack that changes the condition: its "checked" goes, and review shows what changed.
      const changed = buildRealPack(dir.path, 'http-after', changeSummary('Changed since it was checked.'))
      core.importPackFile(token, changed)
      expect(await condition()).toMatchObject({ ok: false, error: { hiddenItem: true } })
      const reopened = (await api('reviewItem', { token, kind: 'condition', id: oa.id })).value
      expect(reopened.state).toBe('changed')
      expect(reopened.changes).toEqual([
        {
          locale: 'en',
          field: 'summary',
          before: expect.not.stringContaining('Changed since'),
          after: 'Changed since it was checked.',
        },
      ])

      // The exported file, on another kiosk of the clinic with a fresh data folder and the content
      // signed: the same items signed, and patients told so; a file that is not one is refused.
      const file = (await api('exportSignoffs', { token })).value
      const other = await kioskOverHttp(bundled, join(dir.path, 'http-fresh'))
      try {
        expect(await other.api('importSignoffs', { token: other.token, file })).toMatchObject({
          ok: true,
          value: { added: 2, alreadyHere: 0, forOtherContent: 0 },
        })
        const restored = (await other.api('reviewItems', { token: other.token })).value as ReviewItem[]
        expect(new Set(restored.filter((i) => i.state === 'signed').map((i) => i.id))).toEqual(
          new Set([oa.id, term.id]),
        )
        expect((await other.api('getCondition', { locale: 'en', id: oa.id })).value.review.checkedOn).toBe(on)
        expect(
          await other.api('importSignoffs', { token: other.token, file: { signoffs: 'no' } }),
        ).toMatchObject({
          ok: false,
          error: { code: 'bad-input' },
        })
      } finally {
        await other.close()
      }
    } finally {
      await app.close()
      core.close()
    }
  })
})

/** A kiosk on a data folder of its own, served on 127.0.0.1, with staff signed in. */
async function kioskOverHttp(bundledContent: string, dataDir: string) {
  const core = createKioskCore({ bundledContent, dataDir, log: () => {} })
  const app = await createServer({ handlers: core.handlers, rendererDir: null })
  const base = await app.listen({ port: 0, host: '127.0.0.1' })
  const api = async (method: string, input: unknown) =>
    (await (
      await fetch(`${base}/api/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(input),
      })
    ).json()) as Answer
  await api('staffSetPin', { pin: '246813', setupCode: core.firstRunCode() })
  const token = (await api('staffLogin', { pin: '246813' })).value.token as string
  return {
    api,
    token,
    close: async () => {
      await app.close()
      core.close()
    },
  }
}

/** JSON from the wire: each test asserts the shape it reads. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Answer = { ok: boolean; value?: any; error?: unknown }

const pick = (i: ReviewItem) => ({ kind: i.kind, id: i.id, itemHash: i.itemHash })
