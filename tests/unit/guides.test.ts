/**
 * Guides ("Looking after your hip"): the self-care item kind, from YAML through
 * the build and the content database to the contract, and the guides the
 * library ships.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeAll, afterAll, beforeEach, describe, expect, it } from 'vitest'
import { buildContentDb } from '../../src/core/content/build.ts'
import { ContentError, loadContent } from '../../src/core/content/load.ts'
import type { ContentProblem } from '../../src/core/content/load.ts'
import { stampTranslations } from '../../src/core/content/stamp.ts'
import { openContentDb } from '../../src/core/db/open.ts'
import { createContentService } from '../../src/core/services/content-service.ts'
import { createKioskCore, type Handlers } from '../../src/core/services/handlers.ts'
import { dispatch } from '../../src/core/services/dispatch.ts'
import { CONTENT_DIR } from '../../src/core/paths.ts'
import { contract, methodsWith, type MethodOutput } from '../../src/shared/contract.ts'
import { binderItems } from '../../src/core/handouts/export.ts'
import { GUIDE_SOURCE_MESSAGE } from '../../src/shared/items.ts'
import { EXERCISE_PICTURES, PICTURE_IDS } from '../../src/shared/pictures.ts'
import { buildRealPack, copyFixtureContent, tempDir, type TempDir } from '../fixtures/library.ts'

const GUIDE_EN = `kind: guide
id: walk-more
title: Walking more
summary: A short walk each day helps your hip.
picture: exercise-walking
version: 1
sources: [src-a]
sections:
  - key: how
    heading: How to start
    picture: exercise-walking
    paragraphs:
      - text: Walk for a few minutes, then a little more each week.
        sources: [src-b]
      - Wear comfortable shoes.
redFlags:
  - { sign: fever, context: any-time }
  - { sign: pain-flare, context: beyond-first-days }
`
const GUIDE_ES = `kind: guide
id: walk-more
title: Caminar más
summary: Un paseo corto cada día ayuda a la cadera.
picture: exercise-walking
version: 1
sources: [src-a]
sections:
  - key: how
    heading: Cómo empezar
    picture: exercise-walking
    paragraphs:
      - text: Camine unos minutos y un poco más cada semana.
        sources: [src-b]
      - Use un calzado cómodo.
redFlags:
  - { sign: fever, context: any-time }
  - { sign: pain-flare, context: beyond-first-days }
`

function problemsOf(fn: () => unknown): ContentProblem[] {
  try {
    fn()
  } catch (err) {
    if (err instanceof ContentError) return err.problems
    throw err
  }
  throw new Error('expected the content to be refused')
}

describe('a guide, from YAML to the screen', () => {
  let dir: TempDir
  let content: string
  beforeEach(() => {
    dir = tempDir()
    content = copyFixtureContent(dir.path)
    mkdirSync(join(content, 'guides'))
  })
  afterEach(() => dir.remove())

  function writeGuide(en: string, es = GUIDE_ES): void {
    writeFileSync(join(content, 'guides', 'walk-more.en.yaml'), en)
    writeFileSync(join(content, 'guides', 'walk-more.es.yaml'), es)
  }

  it('is built, listed, served with its section pictures, sources and red flags, and searched', () => {
    writeGuide(GUIDE_EN)
    const out = join(dir.path, 'content.sqlite')
    expect(buildContentDb(content, out).counts.guides).toBe(1)
    const db = openContentDb(out)
    try {
      const service = createContentService(db)
      const topics = service.listTopics({ locale: 'en' })
      expect(topics.guides.map((g) => [g.id, g.kind, g.title])).toEqual([
        ['walk-more', 'guide', 'Walking more'],
      ])
      const guide = service.getGuide({ locale: 'en', id: 'walk-more' })
      expect(guide.sections[0]).toEqual({
        key: 'how',
        heading: 'How to start',
        picture: 'exercise-walking',
        paragraphs: ['Walk for a few minutes, then a little more each week.', 'Wear comfortable shoes.'],
        citations: [['src-b'], []],
      })
      expect(guide.review).toEqual({ version: 1, checkedOn: null })
      expect(guide.citedSources.map((s) => s.id)).toEqual(['src-b'])
      // Resolved through the triage policy, most urgent first.
      expect(guide.redFlags.map((f) => [f.sign, f.level])).toEqual([
        ['fever', 'emergency'],
        ['pain-flare', 'call-clinic'],
      ])
      expect(contract.getGuide.output.safeParse(guide).success).toBe(true)
      expect(
        service.search({ locale: 'en', query: 'comfortable shoes' }).hits.map((h) => [h.id, h.kind]),
      ).toEqual([['walk-more', 'guide']])
      expect(service.search({ locale: 'es', query: 'calzado' }).hits.map((h) => h.id)).toEqual(['walk-more'])
    } finally {
      db.close()
    }
  })

  const bad: { name: string; edit: (yaml: string) => string; field: string; message: RegExp }[] = [
    {
      name: 'a section picture the kiosk cannot draw',
      edit: (y) => y.replace('    picture: exercise-walking', '    picture: a-dancing-bear'),
      field: 'sections[0].picture',
      message: /Invalid option/,
    },
    {
      name: 'a section that cites no source at all',
      edit: (y) =>
        y.replace(
          '      - text: Walk for a few minutes, then a little more each week.\n        sources: [src-b]',
          '      - Walk for a few minutes, then a little more each week.',
        ),
      field: 'sections[0].paragraphs',
      message: new RegExp(GUIDE_SOURCE_MESSAGE.slice(0, 40)),
    },
    {
      name: 'a warning sign the triage policy does not know',
      edit: (y) => y.replace('sign: fever', 'sign: feeling-grumpy'),
      field: 'redFlags[0].sign',
      message: /unknown sign "feeling-grumpy"/,
    },
    {
      name: 'a source that is not in sources.yaml',
      edit: (y) => y.replace('sources: [src-b]', 'sources: [made-up-source]'),
      field: 'sections[0].paragraphs[0].sources[0]',
      message: /unknown source "made-up-source"/,
    },
    {
      name: 'a claimed clinical review',
      edit: (y) => y.replace('version: 1', 'version: 1\nreviewer: Dr Nobody'),
      field: 'reviewer',
      message: /not yet reviewed by a clinician/,
    },
  ]
  for (const c of bad) {
    it(`refuses ${c.name}, naming the file, the item and the field`, () => {
      writeGuide(c.edit(GUIDE_EN))
      const problems = problemsOf(() => buildContentDb(content, join(dir.path, 'content.sqlite')))
      expect(problems).toContainEqual(
        expect.objectContaining({
          file: expect.stringMatching(/content\/guides\/walk-more\.en\.yaml$/) as string,
          item: 'walk-more',
          field: c.field,
          message: expect.stringMatching(c.message) as string,
        }),
      )
    })
  }

  it('records which English text a guide translation was made from (stamp-translation)', () => {
    writeGuide(GUIDE_EN)
    const stamped = stampTranslations(content, loadContent(content), ['walk-more'])
    expect(stamped.map((s) => s.file)).toEqual([
      expect.stringMatching(/content\/guides\/walk-more\.es\.yaml$/),
    ])
    expect(readFileSync(join(content, 'guides', 'walk-more.es.yaml'), 'utf8')).toMatch(
      /^translatedFrom: '[0-9a-f]{12}'$/m,
    )
  })
})

describe('the guides the library ships', () => {
  const library = loadContent(CONTENT_DIR)
  const guides = library.items.filter((i) => i.item.kind === 'guide')
  const ids = [
    'pain-relief-medicines',
    'hip-exercises',
    'broken-hip-and-osteoporosis',
    'steroid-injections-and-diabetes',
    'when-the-clinic-is-closed',
  ]

  it('are the five a hip clinic expects, each in English and Spanish', () => {
    for (const locale of ['en', 'es'])
      expect(new Set(guides.filter((g) => g.locale === locale).map((g) => g.item.id))).toEqual(new Set(ids))
  })

  it('give each exercise its own picture, one that exists, with 6 to 8 exercises', () => {
    for (const { item, locale } of guides.filter((g) => g.item.id === 'hip-exercises')) {
      if (item.kind !== 'guide') throw new Error('hip-exercises must be a guide')
      const pictures = item.sections.flatMap((s) => (s.picture ? [s.picture] : []))
      expect(pictures.length, locale).toBeGreaterThanOrEqual(6)
      expect(pictures.length, locale).toBeLessThanOrEqual(8)
      expect(new Set(pictures).size, `${locale}: no picture used twice`).toBe(pictures.length)
      for (const picture of pictures) {
        expect(PICTURE_IDS).toContain(picture)
        expect(EXERCISE_PICTURES).toContain(picture)
      }
    }
  })

  it('say when a fall is an emergency, and give no doses', () => {
    const broken = guides.find((g) => g.item.id === 'broken-hip-and-osteoporosis' && g.locale === 'en')!.item
    expect(broken.kind === 'guide' && broken.redFlags).toContainEqual({
      sign: 'fall-cannot-stand',
      context: 'any-time',
    })
    const text = JSON.stringify(guides.map((g) => g.item))
    expect(text).not.toMatch(/\d+\s?(?:mg|mcg|micrograms?|milligrams?|g|ml)\b/i)
  })

  it('use, for diabetes, the same statement the procedures use', () => {
    const statement =
      'If you have diabetes, the steroid can raise your blood sugar from the first day. It can stay higher for a few days, and sometimes up to a week. Some leaflets call a rise common, but one says few people notice it. Check it more often, and agree a plan with your diabetes team. Being sick, tummy pain, fast or deep breathing, fruity breath, or feeling sleepy or confused is an emergency.'
    const procedure = readFileSync(
      join(CONTENT_DIR, 'procedures', 'ultrasound-guided-hip-injection.en.yaml'),
      'utf8',
    )
    expect(procedure.replace(/\s+/g, ' ')).toContain(statement)
    const guide = guides.find(
      (g) => g.item.id === 'steroid-injections-and-diabetes' && g.locale === 'en',
    )!.item
    expect(guide.kind === 'guide' && guide.sections[0]!.paragraphs[0]).toMatchObject({ text: statement })
    // A one-page handout: the print view tightens it to one page (tests/e2e/guides.spec.ts prints it).
    expect(guide.kind === 'guide' && guide.handoutPages).toBe(1)
  })
})

describe('the contract serves guides to patients', () => {
  const dir = tempDir()
  let handlers: Handlers
  beforeAll(() => {
    handlers = createKioskCore({ bundledContent: buildRealPack(dir.path, 'pack'), dataDir: null }).handlers
  })
  afterAll(() => dir.remove())

  it('lets a patient call getGuide, with no staff token', () => {
    expect(methodsWith('patient')).toContain('getGuide')
  })

  it('answers getGuide in both languages, checked against its output schema', async () => {
    for (const locale of ['en', 'es'] as const) {
      const r = await dispatch(handlers, 'getGuide', { locale, id: 'steroid-injections-and-diabetes' })
      if (!r.ok) throw new Error(r.error.message)
      const guide = r.value as MethodOutput<'getGuide'>
      expect(guide.kind).toBe('guide')
      expect(guide.redFlags[0]!.level).toBe('emergency')
      expect(guide.review.checkedOn).toBeNull()
    }
  })

  it('lists the guides beside conditions and procedures', async () => {
    const r = await dispatch(handlers, 'listTopics', { locale: 'es' })
    if (!r.ok) throw new Error(r.error.message)
    const { guides } = r.value as MethodOutput<'listTopics'>
    expect(guides).toHaveLength(5)
    expect(guides[0]!.title).toBe('Medicamentos para aliviar el dolor de cadera')
  })

  it('says a guide that does not exist is not found, and refuses a bad id, with typed errors', async () => {
    const missing = await dispatch(handlers, 'getGuide', { locale: 'en', id: 'no-such-guide' })
    expect(missing).toMatchObject({ ok: false, error: { code: 'not-found' } })
    // A procedure's id is not a guide's.
    const wrongKind = await dispatch(handlers, 'getGuide', { locale: 'en', id: 'prp-injection' })
    expect(wrongKind).toMatchObject({ ok: false, error: { code: 'not-found' } })
    const bad = await dispatch(handlers, 'getGuide', { locale: 'en', id: '../etc' })
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad-input', fields: ['id'] } })
  })

  it('puts every guide in the front-desk binder, after the procedures and conditions', () => {
    const items = binderItems(handlers)
    const kinds = items.map((item) => item.kind)
    expect(kinds.filter((kind) => kind === 'guide')).toHaveLength(5)
    expect(kinds.indexOf('guide')).toBeGreaterThan(kinds.lastIndexOf('condition'))
    expect(items).toContainEqual({ kind: 'guide', id: 'steroid-injections-and-diabetes' })
  })
})
