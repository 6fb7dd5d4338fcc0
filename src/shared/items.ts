/**
 * The content model: one zod schema per kind of content document. This module
 * is the single place that says what an item holds. The YAML loader validates
 * authors' files against it, the build stores each item and language as one
 * document that it validated, the content service parses the stored document
 * with it, the contract's outputs extend it, check-content walks it for patient
 * text, and the renderer's types come from it.
 *
 * Field metadata (zod's `.meta()`) says what the rest of the kiosk derives:
 * - `text: true` (the `Text` schema): words a patient reads. They are checked
 *   for plain language, make up what a translator translates (the
 *   stale-translation hash), and may differ between languages; every other
 *   field must be the same in a translation as in the English.
 * - `search: weight`: a top-level field whose patient text is searched, in a
 *   column of its own, a word found there counting `weight` in the ranking.
 * - `perLanguage: true`: not patient text, yet allowed to differ between
 *   languages (which English text a translation was made from, its review).
 *
 * A new field is one edit here: the build stores it, the service returns it,
 * the hashes, search and checks follow the metadata, and the renderer sees it
 * in its types.
 */
import { z } from 'zod'
import { ANATOMY_PARTS } from './anatomy.ts'
import { PICTURE_IDS } from './pictures.ts'
import { FREQUENCY_BANDS, RECOVERY_PERIODS, TRIAGE_LEVELS } from './vocabulary.ts'

/**
 * Words a patient reads. A line that starts "text:" or "sources:" is YAML that
 * became words (a field written "answer: >-" above its text and sources): the
 * patient would see the markup and the claim would lose its sources.
 */
export const Text = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .refine((t) => !/^\s*(text|sources):/m.test(t), {
    message:
      'looks like YAML, not words: a line starts "text:" or "sources:"; write the field name alone on its line (no ">-"), then text: and sources: under it',
  })
  .meta({ text: true })

/** Source ids (content/sources.yaml) that back a claim. */
export const SourceIds = z.array(z.string().min(1))

/** Words that state a fact, with the sources that give it. */
export const CitedText = z.strictObject({
  text: Text,
  sources: SourceIds.min(1, 'a cited claim names at least one source'),
})
/** A paragraph, a duration or an answer: plain words, or words with their sources. */
export const Claim = z.union([Text, CitedText])
export type Claim = z.infer<typeof Claim>

export function claimText(claim: Claim): string {
  return typeof claim === 'string' ? claim : claim.text
}
export function claimSources(claim: Claim): string[] {
  return typeof claim === 'string' ? [] : claim.sources
}

/**
 * Section keys that hold benefits, evidence or how well a treatment works:
 * every paragraph in them states a claim, so every paragraph cites its sources
 * (the claim-source check).
 */
export const CLAIM_SECTION_KEYS = ['benefits', 'evidence', 'how-well-it-works'] as const
export const CLAIM_SOURCE_MESSAGE = `claim-source check: a section about benefits, evidence or how well it works (${CLAIM_SECTION_KEYS.join(', ')}) must cite sources on every paragraph: write { text, sources: [ids] }`

const Paragraphs = z.array(Claim).min(1, 'needs at least one paragraph')
const searched = (weight: number) => ({ search: weight })

/** Item ids are lowercase kebab-case: safe in URLs, file names and SQL. */
export const ItemId = z
  .string()
  .max(80)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase words joined by hyphens')

export const IsoDate = z.iso.date()

/** How often a risk happens, in the words a patient hears. */
export const FrequencyBand = z.enum(FREQUENCY_BANDS)
export type FrequencyBand = z.infer<typeof FrequencyBand>

/** Recovery milestones, in the order a patient lives them. */
export const RecoveryPeriod = z.enum(RECOVERY_PERIODS)
export type RecoveryPeriod = z.infer<typeof RecoveryPeriod>

export const Picture = z.enum(PICTURE_IDS)
export const AnatomyPartId = z.enum(ANATOMY_PARTS)

/**
 * What the kiosk says about clinical review: only what is true. No clinician
 * of the clinic has signed the content off yet (issue #19 brings that sign-off),
 * so every item is "not yet reviewed by a clinician" and carries only its
 * version. A reviewer, role or review date written into content is refused.
 */
export const REVIEW_STATUS = 'not-reviewed' as const
export const REVIEW_HONESTY_MESSAGE =
  'content is not yet reviewed by a clinician: write no reviewer, role or review date (the clinic signs content off separately, issue #19); keep only "version"'
const RefusedReviewClaim = z.never({ error: REVIEW_HONESTY_MESSAGE }).optional()
/** Fields that would claim a review that did not happen. */
export const REFUSED_REVIEW_FIELDS = [
  'review',
  'reviewedOn',
  'nextReviewDue',
  'reviewerRole',
  'reviewer',
  'reviewedBy',
] as const
const refusedReviewClaims = Object.fromEntries(
  REFUSED_REVIEW_FIELDS.map((k) => [k, RefusedReviewClaim]),
) as Record<(typeof REFUSED_REVIEW_FIELDS)[number], typeof RefusedReviewClaim>

/** The claim-source check: a section holding claims (CLAIM_SECTION_KEYS) cites on every paragraph. */
function claimSectionCites(
  s: { key: string; paragraphs: z.infer<typeof Paragraphs> },
  ctx: z.RefinementCtx,
): void {
  if (!(CLAIM_SECTION_KEYS as readonly string[]).includes(s.key)) return
  s.paragraphs.forEach((p, i) => {
    if (typeof p === 'string')
      ctx.addIssue({ code: 'custom', message: CLAIM_SOURCE_MESSAGE, path: ['paragraphs', i] })
  })
}

export const Section = z
  .strictObject({ key: ItemId, heading: Text, paragraphs: Paragraphs })
  .superRefine(claimSectionCites)
export type Section = z.infer<typeof Section>

export const Faq = z.strictObject({ question: Text, answer: Claim })
export type Faq = z.infer<typeof Faq>

export const Step = z.strictObject({
  title: Text,
  body: Text,
  feel: Text,
  /** What helps at this step ("Breathe out slowly as the needle goes in"), where there is something. */
  tip: Text.optional(),
  picture: Picture,
  /** The part of the hip this step is about: the step links to it on the diagram. */
  anatomy: AnatomyPartId.optional(),
})
export type Step = z.infer<typeof Step>

export const BAND_SOURCE_MESSAGE =
  'band-source check: a risk with a frequency band must cite the sources that give it (sources: [ids]); where no source gives a frequency, use band: unknown'

/**
 * A warning sign on a procedure: a sign and the context it happens in, both ids
 * of the triage policy (content/triage.*.yaml). What to do comes from the
 * policy's rule for the pair, so one sign has one action everywhere.
 */
export const RedFlag = z.strictObject({ sign: ItemId, context: ItemId })
export type RedFlag = z.infer<typeof RedFlag>

export const Risk = z
  .strictObject({
    name: Text,
    description: Text,
    /** The EU leaflet band (FREQUENCY_SCALE), from a cited source; "unknown" where none gives one. */
    band: FrequencyBand,
    /**
     * "About n in m", or "about n to (to) in m" where the sources give two
     * figures: only where a source gives a number. A range stays a range on
     * screen, never its first number alone.
     */
    about: z
      .strictObject({
        n: z.number().int().positive(),
        to: z.number().int().positive().optional(),
        m: z.number().int().positive(),
      })
      .refine((a) => a.n < a.m, 'n must be smaller than m')
      .refine(
        (a) => a.to === undefined || (a.n < a.to && a.to < a.m),
        'a range (n to "to" in m) must run from low to high, within m',
      )
      .optional(),
    /** The sources that give the band (and the number): required unless the band is unknown. */
    sources: SourceIds.default([]),
    /**
     * What to do if it happens: one of the triage policy's signs and its context,
     * so a risk says what the warning box says (the same level, worded once).
     * Left out where a risk asks for nothing ("a red, warm face").
     */
    warning: RedFlag.optional(),
  })
  .refine((r) => r.band === 'unknown' || r.sources.length > 0, {
    message: BAND_SOURCE_MESSAGE,
    path: ['sources'],
  })
  .refine((r) => r.band !== 'unknown' || !r.about, {
    message: 'a risk whose frequency is unknown cannot give a number (about)',
    path: ['about'],
  })
export type Risk = z.infer<typeof Risk>

export const Milestone = z.strictObject({ period: RecoveryPeriod, expect: Text, todo: Text })
export type Milestone = z.infer<typeof Milestone>

export const TriageLevel = z.enum(TRIAGE_LEVELS)

/** A triage level's one wording, in one language ("Emergency: call an ambulance ..."). */
export const TriageLevelDoc = z.strictObject({ id: TriageLevel, text: Text })
/** When a sign happens ("once the numbing has worn off"), in one language. */
export const TriageContext = z.strictObject({ id: ItemId, text: Text })
/** A warning sign, in words a patient recognises, in one language. */
export const TriageSign = z.strictObject({ id: ItemId, text: Text })
/** The policy: a (sign, context) pair and its level, with the sources behind it (no patient text). */
export const TriageRule = z.strictObject({
  sign: ItemId,
  context: ItemId,
  level: TriageLevel,
  /** An effect the sources describe as normal: the level says what to do if it happens as described. */
  expected: z.boolean().default(false),
  /**
   * Beside this sign, the crisis line from the clinic's settings (someone to talk
   * to, day or night): for thoughts of self-harm, whatever the level.
   */
  crisisLine: z.boolean().default(false),
  sources: SourceIds.min(1, 'a triage rule names the sources behind it'),
  /** For clinicians: where sources disagree, or the level is the project's decision. */
  note: z.string().trim().min(1).optional(),
})
export type TriageRule = z.infer<typeof TriageRule>
export const triageRuleId = (sign: string, context: string): string => `${sign}--${context}`

export const QuizQuestion = z
  .strictObject({
    question: Text,
    options: z.array(Text).min(2, 'a question needs at least two options'),
    answer: z.number().int().nonnegative(),
    explanation: Text,
  })
  .refine((q) => q.answer < q.options.length, {
    message: 'answer must be the index of one of the options (counting from 0)',
    path: ['answer'],
  })
export type QuizQuestion = z.infer<typeof QuizQuestion>

/** What conditions and procedures share. */
const Topic = {
  id: ItemId,
  title: Text.meta(searched(10)),
  summary: Text.meta(searched(4)),
  picture: Picture,
  /** Where the item stands in its list (lower first); the most common problems come first. */
  order: z.number().int().min(1).max(999).default(500),
  /** The part of the hip the item is about: its page links to it on the diagram. */
  anatomy: AnatomyPartId.optional(),
  /** Raised by its author whenever the item's meaning changes. */
  version: z.number().int().positive().meta({ perLanguage: true }),
  ...refusedReviewClaims,
  sources: z.array(z.string().min(1)).min(1, 'every item needs at least one source'),
  faqs: z.array(Faq).default([]).meta(searched(1)),
  /**
   * Translations only: the hash of the English text this translation was made
   * from (printed by `kiosk check-content`). A different hash means the English
   * changed since, and the translation is stale.
   */
  translatedFrom: z
    .string()
    .regex(/^[0-9a-f]{12}$/, 'must be a 12-character hash')
    .optional()
    .meta({ perLanguage: true }),
}

export const Condition = z.strictObject({
  kind: z.literal('condition'),
  ...Topic,
  sections: z.array(Section).min(1, 'a condition needs at least one section').meta(searched(1)),
  /**
   * Ids only, as on a procedure: the signs that need help (a broken hip, a joint
   * infection), worded and levelled by the triage policy, so a condition page says
   * what a procedure or a guide says for the same sign.
   */
  redFlags: z.array(RedFlag).default([]),
})
export type Condition = z.infer<typeof Condition>

export const Procedure = z.strictObject({
  kind: z.literal('procedure'),
  ...Topic,
  duration: Claim,
  sections: z.array(Section).min(1, 'a procedure needs at least one section').meta(searched(1)),
  /** "Before your injection, tell us if ..." */
  preparation: z.array(Text).min(1, 'list what the patient must tell the team'),
  steps: z.array(Step).min(1, 'a procedure needs at least one step').meta(searched(1)),
  risks: z.array(Risk).min(1, 'a procedure needs its risks').meta(searched(1)),
  recovery: z.array(Milestone).min(1, 'a procedure needs recovery milestones').meta(searched(1)),
  /** Ids only: their words live in the triage policy's documents. */
  redFlags: z.array(RedFlag).min(1, 'a procedure needs its red flags'),
  questionsToAsk: z.array(Text).default([]),
  quiz: z.array(QuizQuestion).default([]),
})
export type Procedure = z.infer<typeof Procedure>

/**
 * A section of a self-care guide: like a condition's section, with an optional
 * picture (an exercise drawn step by step, a blood sugar meter).
 */
export const GuideSection = z
  .strictObject({ key: ItemId, heading: Text, paragraphs: Paragraphs, picture: Picture.optional() })
  .superRefine(claimSectionCites)
export type GuideSection = z.infer<typeof GuideSection>

export const GUIDE_SOURCE_MESSAGE =
  'guide-source check: every section of a guide states facts, so at least one of its paragraphs cites its sources ({ text, sources: [ids] })'

/**
 * A self-care guide ("Looking after your hip"): pain relief medicines, an
 * exercise programme, what to do when the clinic is closed. Ordered sections,
 * each with an optional picture; every section cites a source; warning signs,
 * where the topic has them, are triage pairs like a procedure's.
 */
export const Guide = z.strictObject({
  kind: z.literal('guide'),
  ...Topic,
  sections: z
    .array(
      GuideSection.refine((s) => s.paragraphs.some((p) => typeof p !== 'string'), {
        message: GUIDE_SOURCE_MESSAGE,
        path: ['paragraphs'],
      }),
    )
    .min(1, 'a guide needs at least one section')
    .meta(searched(1)),
  /** Ids only, as on a procedure; a guide with no warning signs leaves them out. */
  redFlags: z.array(RedFlag).default([]),
  /** The pages its handout may take (the print view tightens it to fit): 1 for a one-page handout. */
  handoutPages: z.union([z.literal(1), z.literal(2)]).default(2),
})
export type Guide = z.infer<typeof Guide>

/** A condition, a procedure or a guide: the topics a patient browses and searches. */
export const TopicDoc = z.discriminatedUnion('kind', [Condition, Procedure, Guide])
export type TopicDoc = z.infer<typeof TopicDoc>

export const GlossaryTerm = z.strictObject({
  id: ItemId,
  term: Text,
  definition: Text,
  /** Other spellings and forms that should also link to this term. */
  forms: z.array(Text).default([]),
  /**
   * The sources behind what the meaning says of a treatment (what it does, its
   * risks, how often): none for a word's plain meaning. A translation cites the
   * same ones as its English.
   */
  sources: SourceIds.default([]),
})
export type GlossaryTerm = z.infer<typeof GlossaryTerm>

export const AnatomyPart = z.strictObject({ id: AnatomyPartId, name: Text, description: Text })
export type AnatomyPart = z.infer<typeof AnatomyPart>

/** One word as a patient types it or as the content has it: letters and digits only. */
const SearchWord = z
  .string()
  .trim()
  .regex(/^[\p{L}\p{N}]+$/u, 'one word: letters and digits only, no spaces')

/**
 * Everyday words and synonyms for search, one document per language
 * (content/search/synonyms.<locale>.yaml): typing any of `words` also searches
 * for every word of `finds`, which the content in that language uses. Not
 * patient text: a patient never reads it, it only widens what a search finds.
 */
export const SynonymGroup = z.strictObject({
  words: z.array(SearchWord).min(1, 'list the words a patient may type'),
  finds: z.array(SearchWord).min(1, 'list the words of the content they should find'),
})
export type SynonymGroup = z.infer<typeof SynonymGroup>
export const SEARCH_SYNONYMS_ID = 'synonyms'
export const SearchSynonyms = z.strictObject({
  id: z.literal(SEARCH_SYNONYMS_ID),
  groups: z.array(SynonymGroup).min(1),
})
export type SearchSynonyms = z.infer<typeof SearchSynonyms>

/** A word as the search index holds it: without accents, in lower case (FTS5's unicode61, remove_diacritics 2). */
export function foldWord(word: string): string {
  return word.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()
}

/** How much weight a source carries, strongest first (docs/clinical/sources-proposed.yaml explains each). */
export const SOURCE_AUTHORITIES = [
  'guideline',
  'nhs-leaflet',
  'hospital-leaflet',
  'charity',
  'research',
  'product-information',
  'secondary',
  'clinic-page',
  'article',
] as const

/**
 * A cited source, recorded as it was read: who published it, where, the date
 * the page itself states (only if it states one) and the day it was read.
 * Nothing is guessed: a source whose address was not recorded has no url and
 * says so in its note.
 */
export const Source = z
  .strictObject({
    id: z.string().min(1),
    title: z.string().trim().min(1, 'must not be empty'),
    publisher: z.string().trim().min(1).optional(),
    url: z.url().optional(),
    /** Only where the page states its own date, as precisely as it states it: 2022-10-19, 2024-12 or 2016. */
    published: z
      .string()
      .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'a date as the page states it: YYYY, YYYY-MM or YYYY-MM-DD')
      .optional(),
    /** The day the page was read. */
    accessed: IsoDate.optional(),
    authority: z.enum(SOURCE_AUTHORITIES).optional(),
    note: z.string().trim().min(1).max(400, 'keep the note short (400 characters at most)').optional(),
  })
  .refine((s) => !s.url || s.accessed, {
    message: 'a source with an address must say when it was read (accessed: YYYY-MM-DD)',
    path: ['accessed'],
  })
  .refine((s) => s.url || s.note, {
    message: 'a source without an address must say why in its note',
    path: ['note'],
  })
export type Source = z.infer<typeof Source>

/**
 * Every kind of content document and its schema. The content database holds
 * one document per kind, id and language (sources: English only, for now).
 */
export const DOCUMENT_SCHEMAS = {
  condition: Condition,
  procedure: Procedure,
  guide: Guide,
  'glossary-term': GlossaryTerm,
  'anatomy-part': AnatomyPart,
  source: Source,
  'triage-level': TriageLevelDoc,
  'triage-context': TriageContext,
  'triage-sign': TriageSign,
  'triage-rule': TriageRule,
  'search-synonyms': SearchSynonyms,
} as const
export type DocumentKind = keyof typeof DOCUMENT_SCHEMAS
export const DOCUMENT_KINDS = Object.keys(DOCUMENT_SCHEMAS) as DocumentKind[]
export type DocumentOf<K extends DocumentKind> = z.output<(typeof DOCUMENT_SCHEMAS)[K]>

/** The kinds a patient browses and searches. */
export const TOPIC_KINDS = ['condition', 'procedure', 'guide'] as const satisfies readonly DocumentKind[]

// ---------------------------------------------------------------------------
// Walking a schema beside a document

interface FieldMeta {
  text?: boolean
  search?: number
  perLanguage?: boolean
}

function metaOf(schema: z.ZodType): FieldMeta {
  return (schema.meta() ?? {}) as FieldMeta
}

/** The schema inside optional, default, nullable and pipe wrappers. */
function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema
  for (;;) {
    if (s instanceof z.ZodOptional || s instanceof z.ZodNullable || s instanceof z.ZodDefault) {
      s = s.unwrap() as z.ZodType
    } else if (s instanceof z.ZodPipe) {
      s = s.in as z.ZodType
    } else {
      return s
    }
  }
}

/** The JavaScript type a schema's values have (`typeof`, or 'array'), where it says one. */
function jsTypeOf(schema: z.ZodType): string | undefined {
  const inner = unwrap(schema)
  if (inner instanceof z.ZodString) return 'string'
  if (inner instanceof z.ZodNumber) return 'number'
  if (inner instanceof z.ZodBoolean) return 'boolean'
  if (inner instanceof z.ZodArray) return 'array'
  if (inner instanceof z.ZodObject) return 'object'
  const values: unknown[] | undefined =
    inner instanceof z.ZodLiteral ? [...inner.values] : inner instanceof z.ZodEnum ? inner.options : undefined
  const types = new Set(values?.map((v) => (v === null ? 'object' : typeof v)))
  return types.size === 1 ? [...types][0] : undefined
}

/** A piece of patient text and the field it sits in (`steps[2].body`). */
export interface PatientText {
  field: string
  text: string
}

export interface Leaf {
  /** Where the value sits, as an author writes it: `steps[2].body`. */
  path: string
  value: unknown
  text: boolean
  perLanguage: boolean
  /** A list's own entry: `value` is how many it holds. */
  list?: true
}

function join(path: string, key: string | number): string {
  return typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key
}

type Walker = (value: unknown, path: string, out: Leaf[]) => void

/** One walker per schema node and inherited metadata: zod is asked about a schema once, not per document. */
const walkers = new WeakMap<z.ZodType, Map<string, Walker>>()

function walkerFor(schema: z.ZodType, inherited: FieldMeta): Walker {
  const key = JSON.stringify(inherited)
  let byMeta = walkers.get(schema)
  if (!byMeta) walkers.set(schema, (byMeta = new Map()))
  const known = byMeta.get(key)
  if (known) return known
  const inner = unwrap(schema)
  const meta: FieldMeta = { ...inherited, ...metaOf(schema), ...metaOf(inner) }
  let walk: Walker
  if (inner instanceof z.ZodDiscriminatedUnion) {
    const tagKey = inner._zod.def.discriminator
    const options = (inner.options as z.ZodType[]).flatMap((o) =>
      o instanceof z.ZodObject
        ? [{ tag: (o.shape as Record<string, z.ZodType>)[tagKey], walk: walkerFor(o, meta) }]
        : [],
    )
    walk = (value, path, out) => {
      if (value === null || typeof value !== 'object') return
      const tag = (value as Record<string, unknown>)[tagKey]
      options.find((o) => o.tag?.safeParse(tag).success)?.walk(value, path, out)
    }
  } else if (inner instanceof z.ZodUnion) {
    // A claim: plain words, or words with sources. Walk the form the value has:
    // told apart by its JavaScript type where only one option has that type
    // (a walk runs on checked documents; asking zod was almost half of a walk),
    // else by asking zod which option it fits.
    const options = (inner.options as z.ZodType[]).map((o) => ({
      schema: o,
      type: jsTypeOf(o),
      walk: walkerFor(o, meta),
    }))
    walk = (value, path, out) => {
      if (value === undefined || value === null) return
      const type = Array.isArray(value) ? 'array' : typeof value
      const fits = options.filter((o) => o.type === type || o.type === undefined)
      const option = fits.length === 1 ? fits[0] : fits.find((o) => o.schema.safeParse(value).success)
      option?.walk(value, path, out)
    }
  } else if (inner instanceof z.ZodObject) {
    const fields = Object.entries(inner.shape as Record<string, z.ZodType>).map(
      ([name, field]) => [name, walkerFor(field, meta)] as const,
    )
    walk = (value, path, out) => {
      if (value === null || typeof value !== 'object') return
      for (const [name, fieldWalk] of fields)
        fieldWalk((value as Record<string, unknown>)[name], join(path, name), out)
    }
  } else if (inner instanceof z.ZodArray) {
    const element = walkerFor(inner.element as z.ZodType, meta)
    const perLanguage = Boolean(meta.perLanguage)
    walk = (value, path, out) => {
      if (!Array.isArray(value)) return
      out.push({ path, value: value.length, text: false, perLanguage, list: true })
      value.forEach((v, i) => element(v, join(path, i), out))
    }
  } else {
    const text = Boolean(meta.text)
    const perLanguage = Boolean(meta.perLanguage)
    walk = (value, path, out) => {
      if (value !== undefined && value !== null) out.push({ path, value, text, perLanguage })
    }
  }
  byMeta.set(key, walk)
  return walk
}

/**
 * Every leaf value of a document, in schema order, with what its schema says
 * about it, and every list with its length. Metadata is inherited downwards
 * (a `perLanguage` object marks all its fields).
 */
export function leavesOf(schema: z.ZodType, value: unknown): Leaf[] {
  const out: Leaf[] = []
  walkerFor(schema, {})(value, '', out)
  return out
}

/**
 * Every source id a topic cites, wherever it sits (the item, a risk, a paragraph), with its path.
 * `leaves`: the topic's leaves, where the caller has walked it already.
 */
export function citedSources(
  item: TopicDoc,
  leaves: readonly Leaf[] = leavesOf(TopicDoc, item),
): { path: string; id: string }[] {
  return leaves
    .filter((l) => !l.list && /(?:^|\.)sources\[\d+\]$/.test(l.path) && typeof l.value === 'string')
    .map((l) => ({ path: l.path, id: l.value as string }))
}

/** Every piece of patient text in a document, with where it sits (`leaves`: its leaves, if walked already). */
export function patientTexts(
  schema: z.ZodType,
  doc: unknown,
  leaves: readonly Leaf[] = leavesOf(schema, doc),
): PatientText[] {
  return leaves
    .filter((l) => l.text && !l.list && typeof l.value === 'string')
    .map((l) => ({ field: l.path, text: l.value as string }))
}

// ---------------------------------------------------------------------------
// Reading a checked document

type Reader = (value: unknown) => unknown

/** A schema part a reader cannot follow (a transform, a catch-all): such documents are read with zod. */
class NotReadable extends Error {}

const readers = new WeakMap<z.ZodType, Reader>()

const unfit = (): never => {
  throw new Error('a checked document does not fit its schema')
}

/**
 * What `schema.parse(value)` gives for a value already known to be valid,
 * without checking it again: defaults filled in, zod's overwrites applied
 * (trimmed text), keys the schema does not name dropped. For documents the
 * build or verify-pack has checked (the kiosk opens an imported pack only
 * after verify-pack passes it; the bundled database is the build's own):
 * checking every document again on each first read was half of answering for
 * a procedure. Undefined when the schema holds a part a reader cannot follow.
 */
export function checkedReader(schema: z.ZodType): Reader | undefined {
  try {
    return readerOf(schema)
  } catch (err) {
    if (err instanceof NotReadable) return undefined
    throw err
  }
}

function readerOf(schema: z.ZodType): Reader {
  const known = readers.get(schema)
  if (known) return known
  const read = plainReaderOf(schema)
  const overwrites = (schema._zod.def.checks ?? []).flatMap((c) =>
    c._zod.def.check === 'overwrite' ? [(c as z.core.$ZodCheckOverwrite)._zod.def.tx as Reader] : [],
  )
  const reader: Reader = overwrites.length
    ? (value) => overwrites.reduce((v, overwrite) => overwrite(v), read(value))
    : read
  readers.set(schema, reader)
  return reader
}

function plainReaderOf(schema: z.ZodType): Reader {
  const def = schema._zod.def
  switch (def.type) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'literal':
    case 'enum':
      return (value) => value
    case 'default': {
      const inner = readerOf((schema as z.ZodDefault).unwrap() as z.ZodType)
      return (value) => (value === undefined ? (schema as z.ZodDefault)._zod.def.defaultValue : inner(value))
    }
    case 'optional': {
      const inner = readerOf((schema as z.ZodOptional).unwrap() as z.ZodType)
      return (value) => (value === undefined ? undefined : inner(value))
    }
    case 'nullable': {
      const inner = readerOf((schema as z.ZodNullable).unwrap() as z.ZodType)
      return (value) => (value === null ? null : inner(value))
    }
    case 'array': {
      const element = readerOf((schema as z.ZodArray).element as z.ZodType)
      return (value) => (value as unknown[]).map((v) => element(v))
    }
    case 'object': {
      const object = schema as z.ZodObject
      const catchall = object._zod.def.catchall
      if (catchall && catchall._zod.def.type !== 'never') throw new NotReadable('catchall')
      const fields = Object.entries(object.shape as Record<string, z.ZodType>).map(([key, field]) => ({
        key,
        read: readerOf(field),
        // As zod does: an absent optional field stays absent; a defaulted one gets its default.
        mayBeAbsent: field._zod.optin === 'optional' && field._zod.optout === 'optional',
      }))
      return (value) => {
        const input = value as Record<string, unknown>
        const out: Record<string, unknown> = {}
        for (const { key, read, mayBeAbsent } of fields) {
          if (mayBeAbsent && !(key in input)) continue
          out[key] = read(input[key])
        }
        return out
      }
    }
    case 'union': {
      const options = (schema as z.ZodUnion).options as z.ZodType[]
      const discriminator = (schema as z.ZodDiscriminatedUnion)._zod.def.discriminator
      const choices = options.map((o) => ({
        schema: o,
        read: readerOf(o),
        type: jsTypeOf(o),
        tags: discriminator ? new Set((o as z.ZodObject).shape[discriminator]?._zod.values ?? []) : undefined,
      }))
      return (value) => {
        const type = Array.isArray(value) ? 'array' : typeof value
        const tag = discriminator ? (value as Record<string, unknown>)[discriminator] : undefined
        const fits = choices.filter((c) =>
          c.tags ? c.tags.has(tag as z.core.util.Primitive) : c.type === type || c.type === undefined,
        )
        const choice = fits.length === 1 ? fits[0] : fits.find((c) => c.schema.safeParse(value).success)
        return choice ? choice.read(value) : unfit()
      }
    }
    case 'never':
      return unfit
    default:
      throw new NotReadable(def.type)
  }
}

/**
 * What a translation must share with its English original: every value that is
 * not patient text (pictures, bands, links, answers, order), and how many of
 * everything there are.
 */
export function structureOf(schema: z.ZodType, doc: unknown): Map<string, string> {
  const out = new Map<string, string>()
  for (const leaf of leavesOf(schema, doc)) {
    if (leaf.perLanguage) continue
    out.set(leaf.path, leaf.list ? String(leaf.value) : leaf.text ? '(text)' : JSON.stringify(leaf.value))
  }
  return out
}

/**
 * Where a translation's structure differs from its English original's, in
 * words for its author. Within a list of a different length, only the length
 * is named.
 */
export function structureDifferences(
  english: Map<string, string>,
  translation: Map<string, string>,
): string[] {
  const paths = [...new Set([...english.keys(), ...translation.keys()])]
  const differs = paths.filter((p) => english.get(p) !== translation.get(p))
  const lists = differs.filter((p) => /^\d+$/.test(english.get(p) ?? translation.get(p) ?? ''))
  return differs
    .filter((p) => !lists.some((l) => l !== p && (p.startsWith(`${l}[`) || p.startsWith(`${l}.`))))
    .map(
      (p) =>
        `${p}: the English has ${english.get(p) ?? 'nothing'}, this translation has ${translation.get(p) ?? 'nothing'}`,
    )
}

export interface SearchColumn {
  /** The top-level field the column's text comes from. */
  field: string
  weight: number
}

/** The search columns: every top-level field of a topic kind marked `search`, in schema order. */
export function searchColumns(): SearchColumn[] {
  const columns: SearchColumn[] = []
  for (const kind of TOPIC_KINDS) {
    for (const [field, schema] of Object.entries(DOCUMENT_SCHEMAS[kind].shape as Record<string, z.ZodType>)) {
      const weight = metaOf(schema).search ?? metaOf(unwrap(schema)).search
      if (weight !== undefined && !columns.some((c) => c.field === field)) columns.push({ field, weight })
    }
  }
  return columns
}
