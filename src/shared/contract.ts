/**
 * The one API contract. Every method the renderer may call is one entry here:
 * its input and output (zod) and who may call it. The method list, the staff
 * and loopback-only lists, the IPC dispatch, the HTTP routes and the renderer
 * client's types all derive from it. Adding a method is one entry here plus
 * its handler in the core (src/core/services).
 */
import { z } from 'zod'
import { ITEM_KINDS, LOCALE_CODE, RED_FLAG_LEVELS, TRIAGE_LEVELS } from './vocabulary.ts'
import {
  AnatomyPart as AnatomyPartDoc,
  Condition as ConditionDoc,
  GlossaryTerm as GlossaryTermDoc,
  Guide as GuideDoc,
  IsoDate,
  ItemId,
  Procedure as ProcedureDoc,
  REFUSED_REVIEW_FIELDS,
  Risk as RiskDoc,
  Source,
} from './items.ts'
import { PACK_MAX_BASE64, PACK_MAX_BYTES } from './packs.ts'
import { KEYBOARD_MODES, PAPER_SIZES } from './setting-fields.ts'
import { DATE_FORMATS, REGIONS } from './regions.ts'
import { isDialable, SHORT_NUMBER } from './phone.ts'

export { PACK_MAX_BASE64, PACK_MAX_BYTES } from './packs.ts'
export {
  FREQUENCY_BANDS,
  ITEM_KINDS,
  LOCALE_CODE,
  RECOVERY_PERIODS,
  RED_FLAG_LEVELS,
  SOURCE_LOCALE,
  TRIAGE_LEVELS,
} from './vocabulary.ts'

/**
 * A language code. Which languages exist is data (the content's and the
 * messages' files): the content service refuses a code its content does not
 * offer, with a typed bad-input error on the field `locale`.
 */
export const Locale = z.string().regex(LOCALE_CODE, 'a two-letter language code, such as "en"')
export type Locale = z.infer<typeof Locale>

export { IsoDate, ItemId, FrequencyBand, RecoveryPeriod } from './items.ts'

export const ItemKind = z.enum(ITEM_KINDS)
export type ItemKind = z.infer<typeof ItemKind>

/**
 * What a screen says about an item's review: its version, and the day a
 * clinician of this clinic signed this very version off (null: not yet
 * checked by this clinic; src/core/services/review.ts).
 */
export const ReviewInfo = z.object({ version: z.number().int().positive(), checkedOn: IsoDate.nullable() })
export type ReviewInfo = z.infer<typeof ReviewInfo>
export type SourceRef = Source
export type { Milestone, QuizQuestion, Step } from './items.ts'

/**
 * A warning sign as the screens get it: resolved through the triage policy in
 * the reader's language. `level` is the policy's level; `urgency` says whether
 * it is an emergency or not, for screens that only show those two groups.
 */
export const RedFlag = z.object({
  sign: ItemId,
  context: ItemId,
  level: z.enum(TRIAGE_LEVELS),
  urgency: z.enum(RED_FLAG_LEVELS),
  /** The sign and its context in one sentence: "You cannot put weight on your leg, once the numbing has worn off." */
  text: z.string(),
  signText: z.string(),
  contextText: z.string(),
  /** The level's one wording: "Emergency: call an ambulance or go to the emergency department now." */
  levelText: z.string(),
  /** An effect the sources describe as normal at this time. */
  expected: z.boolean(),
  /** The clinic's crisis line goes beside this sign (KioskConfig.crisisLine). */
  crisisLine: z.boolean(),
})
export type RedFlag = z.infer<typeof RedFlag>

/** A risk as the screens get it: its warning resolved through the triage policy, like the warning box's. */
export const Risk = z.object({ ...RiskDoc.shape, warning: RedFlag.optional() })
export type Risk = z.infer<typeof Risk>

/**
 * A section as the screens get it: each paragraph's words, and beside them the
 * ids of the sources each paragraph cites (looked up in the item's `sources`),
 * so a screen can show a claim with where it comes from.
 */
export const Section = z.object({
  key: ItemId,
  heading: z.string(),
  paragraphs: z.array(z.string()),
  /** citations[i]: the source ids of paragraphs[i] (empty when it cites none). */
  citations: z.array(z.array(z.string())),
})
export type Section = z.infer<typeof Section>

export const Faq = z.object({ question: z.string(), answer: z.string(), answerSources: z.array(z.string()) })
export type Faq = z.infer<typeof Faq>

export const TopicSummary = z.object({
  kind: ItemKind,
  /** The language it is shown in: the one asked for, or English when not yet translated into it. */
  locale: Locale,
  ...ConditionDoc.pick({ id: true, title: true, summary: true, picture: true }).shape,
})
export type TopicSummary = z.infer<typeof TopicSummary>

/**
 * What the screens get of a topic: its document as written (src/shared/items.ts),
 * its sources looked up, and whether its translation is stale. Fields that
 * only the build uses stay behind.
 */
const Served = {
  /** The language the page is shown in: the one asked for, or English (whole) when not yet translated into it. */
  locale: Locale,
  review: ReviewInfo,
  /** The sources of the item as a whole (what a handout's footer lists). */
  sources: z.array(Source),
  /** The other sources its claims cite (risks, paragraphs, durations, answers), for looking their ids up. */
  citedSources: z.array(Source),
  /** True when the English text changed after this translation was made. */
  stale: z.boolean(),
}
const BUILD_ONLY = {
  order: true,
  translatedFrom: true,
  sources: true,
  version: true,
  ...(Object.fromEntries(REFUSED_REVIEW_FIELDS.map((k) => [k, true])) as Record<
    (typeof REFUSED_REVIEW_FIELDS)[number],
    true
  >),
} as const

const ServedClaims = { sections: z.array(Section), faqs: z.array(Faq) }

export const Condition = ConditionDoc.omit(BUILD_ONLY)
  .extend(Served)
  .extend({
    ...ServedClaims,
    /** Most urgent first; empty for a condition without warning signs. */
    redFlags: z.array(RedFlag),
  })
export type Condition = z.infer<typeof Condition>

export const Procedure = ProcedureDoc.omit(BUILD_ONLY)
  .extend(Served)
  .extend({
    ...ServedClaims,
    duration: z.string(),
    durationSources: z.array(z.string()),
    risks: z.array(Risk),
    /** Most urgent first. */
    redFlags: z.array(RedFlag),
  })
export type Procedure = z.infer<typeof Procedure>

/** A guide's section as the screens get it: a section, with its picture where it has one. */
export const GuideSection = Section.extend({ picture: GuideDoc.shape.sections.element.shape.picture })
export type GuideSection = z.infer<typeof GuideSection>

/** A self-care guide, served like a procedure: its warning signs resolved through the triage policy. */
export const Guide = GuideDoc.omit(BUILD_ONLY)
  .extend(Served)
  .extend({
    sections: z.array(GuideSection),
    faqs: z.array(Faq),
    /** Most urgent first; empty for a guide without warning signs. */
    redFlags: z.array(RedFlag),
  })
export type Guide = z.infer<typeof Guide>

/** A glossary word as written, with the sources its meaning cites looked up. */
export const GlossaryTerm = GlossaryTermDoc.extend({ sources: z.array(Source) })
export type GlossaryTerm = z.infer<typeof GlossaryTerm>

export const AnatomyPart = AnatomyPartDoc
export type AnatomyPart = z.infer<typeof AnatomyPart>

export const SnippetPart = z.object({ text: z.string(), match: z.boolean() })
export const SearchHit = z.object({
  id: ItemId,
  kind: ItemKind,
  /** The language of the hit: English for an item not yet translated into the one searched. */
  locale: Locale,
  title: z.string(),
  snippet: z.array(SnippetPart),
})
export type SearchHit = z.infer<typeof SearchHit>

/** What a search found, best first, and how it forgave what was typed. */
export const SearchResult = z.object({
  hits: z.array(SearchHit),
  /** The words searched for instead, when a word found nothing as typed ("steriod": "steroid"); else null. */
  correctedTo: z.string().nullable(),
  /** When this language finds nothing: the other languages that find something, and how much. */
  elsewhere: z.array(z.object({ locale: Locale, count: z.number().int().positive() })),
})
export type SearchResult = z.infer<typeof SearchResult>

export const ContentInfo = z.object({
  contentHash: z.string(),
  schemaVersion: z.number().int(),
  locales: z.array(Locale),
  counts: z.object({
    conditions: z.number().int(),
    procedures: z.number().int(),
    glossary: z.number().int(),
  }),
})
export type ContentInfo = z.infer<typeof ContentInfo>

export const PHONE_MESSAGE = 'a phone number: digits, spaces, + ( ) and -'

/** A full path on Linux, macOS or Windows (a drive or a share): a folder the kiosk can find whatever its working folder. */
export const isFullPath = (text: string): boolean => /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(text)
/** A feed is an http(s) address or a folder. */
export const isFeedAddress = (text: string): boolean => /^https?:\/\/[^\s]+$/i.test(text) || isFullPath(text)

/** Staff settings, each checked on its own: a bad value is refused and the old one stays. */
export const Settings = z.object({
  /** None until staff name it: the kiosk then says "the clinic" in the reader's language. */
  clinicName: z.string().trim().min(1, 'enter the clinic name').max(80).nullable(),
  /** Checked here for any region the kiosk knows, and for the chosen one in src/core/data/settings.ts. */
  clinicPhone: z
    .string()
    .trim()
    .max(40)
    .refine((text) => isDialable(text, null), PHONE_MESSAGE)
    .nullable(),
  /** The preset staff last chose (src/shared/regions.ts); the values it filled stay editable. */
  region: z.enum(REGIONS).nullable(),
  emergencyNumber: z
    .string()
    .trim()
    .max(40)
    .refine(
      (text) => SHORT_NUMBER.test(text) || isDialable(text, null),
      'a short number of 2 to 6 digits, such as 911, 999 or 112',
    )
    .nullable(),
  /** What to do when the clinic is closed, in each language the kiosk speaks. */
  outOfHoursEn: z.string().trim().min(1).max(160, 'at most 160 characters').nullable(),
  outOfHoursEs: z.string().trim().min(1).max(160, 'como mucho 160 caracteres').nullable(),
  /** A crisis line to talk to someone now, day or night, in each language (beside thoughts of self-harm). */
  crisisLineEn: z.string().trim().min(1).max(160, 'at most 160 characters').nullable(),
  crisisLineEs: z.string().trim().min(1).max(160, 'como mucho 160 caracteres').nullable(),
  dateFormat: z.enum(DATE_FORMATS),
  /** Typed with or without "https://": a bare address gets it added. */
  clinicWebsite: z
    .string()
    .trim()
    .transform((text) => (/^[a-z][a-z0-9+.-]*:(?!\d)/i.test(text) ? text : `https://${text}`))
    .pipe(
      z
        .url({
          protocol: /^https?$/,
          error: 'a web address such as hillside.example or https://hillside.example',
        })
        .max(200),
    )
    .nullable(),
  /** A small PNG, JPEG or SVG image as a data: URL. */
  clinicLogo: z
    .string()
    .max(300_000, 'the logo must be smaller than about 200 KB')
    .regex(/^data:image\/(png|jpeg|svg\+xml);base64,[A-Za-z0-9+/]+=*$/, 'a PNG, JPEG or SVG image')
    .nullable(),
  defaultLocale: Locale,
  /** The language of a clinician's own controls in explain mode (the content follows the patient's). */
  staffLanguage: Locale,
  idleTimeoutSeconds: z.number().int().min(30, 'at least 30 seconds').max(600, 'at most 10 minutes'),
  /** Staff mode locks (back to the PIN) after this long untouched; the patient countdown never extends it. */
  staffIdleSeconds: z.number().int().min(15, 'at least 15 seconds').max(600, 'at most 10 minutes'),
  /**
   * The same in explain mode, where a clinician talks without touching anything. At most the
   * staff session's own 10 minutes unused (src/core/data/sessions.ts), which ends it anyway.
   */
  explainIdleSeconds: z.number().int().min(60, 'at least 60 seconds').max(600, 'at most 10 minutes'),
  paperSize: z.enum(PAPER_SIZES),
  printerName: z.string().trim().min(1).max(120).nullable(),
  /** Off: patients see no print button (a clinic without a printer in the waiting room); staff still print. */
  patientPrinting: z.boolean(),
  kioskLock: z.boolean(),
  /** When the on-screen keyboard opens for a text field. */
  onScreenKeyboard: z.enum(KEYBOARD_MODES),
  /** Items no clinician of the clinic has signed (this version of) stay out of every patient screen and handout. */
  hideUncheckedItems: z.boolean(),
  /** The signed feed this kiosk updates from (src/core/feed): an http(s) address or a folder (a full path), or none. */
  feedAddress: z
    .string()
    .trim()
    .max(500)
    .refine(isFeedAddress, 'a web address (https://…) or a folder given as a full path (such as /mnt/feed)')
    .nullable(),
  /** The time of day (24-hour, the kiosk's clock) the kiosk checks its feed; none: only "Check now" and `kiosk update`. */
  feedCheckTime: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time of day such as 07:00')
    .nullable(),
  /** Where the kiosk writes its daily anonymous counts as CSV files (a full path, such as a mounted share), or none. */
  countsOutFolder: z
    .string()
    .trim()
    .max(500)
    .refine(isFullPath, 'a folder given as a full path (such as /mnt/clinic-share/counts)')
    .nullable(),
  /** This kiosk's name in the counts files' names ("waiting-room-1"); without one, an id made once for this kiosk. */
  kioskName: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, 'letters, digits, dots and dashes, up to 40')
    .nullable(),
})
export type Settings = z.infer<typeof Settings>
export const SETTING_KEYS = Object.keys(Settings.shape) as (keyof Settings)[]

/** What the patient screens need to know about the kiosk: no secrets here. */
export const KioskConfig = z.object({
  /** Seconds without a touch before "Are you still there?". */
  idleTimeoutSeconds: z.number().int().min(1).max(3600),
  /** Seconds the "Are you still there?" countdown lasts before everything is cleared. */
  idleWarningSeconds: z.number().int().min(1).max(600),
  /** Seconds untouched before staff mode locks; explain mode has its own, longer time. */
  staffIdleSeconds: z.number().int().min(1).max(3600),
  explainIdleSeconds: z.number().int().min(1).max(3600),
  defaultLocale: Locale,
  /** Explain mode's own controls are in this language; the slides are in the patient's. */
  staffLanguage: Locale,
  clinicName: z.string().nullable(),
  clinicPhone: z.string().nullable(),
  /** Where to go: the emergency number and the out-of-hours advice (in each language), beside every warning sign. */
  emergencyNumber: z.string().nullable(),
  outOfHours: z.object({ en: z.string().nullable(), es: z.string().nullable() }),
  /** Someone to talk to now, day or night (in each language), beside the signs that ask for it. */
  crisisLine: z.object({ en: z.string().nullable(), es: z.string().nullable() }),
  dateFormat: z.enum(DATE_FORMATS),
  clinicWebsite: z.string().nullable(),
  clinicLogo: z.string().nullable(),
  paperSize: z.enum(PAPER_SIZES),
  /** Locked kiosk: a patient's print goes straight to the printer, with no dialog to get lost in. */
  kioskLock: z.boolean(),
  /** Whether patients may print handouts and slips (staff always may). */
  patientPrinting: z.boolean(),
  onScreenKeyboard: z.enum(KEYBOARD_MODES),
})
export type KioskConfig = z.infer<typeof KioskConfig>

/** Screens counted in the anonymous usage figures. */
export const USAGE_SCREENS = [
  'attract',
  'home',
  'conditions',
  'condition',
  'procedures',
  'procedure',
  'guides',
  'guide',
  'step',
  'risks',
  'recovery',
  'quiz',
  'checklist',
  'search',
  'anatomy',
  'glossary',
  'explain',
] as const

/**
 * The language a handout was printed in: a language code, or two joined by "+"
 * for a two-language handout ("en+es"). Never words: the usage table's CHECK
 * holds the same shape (migration 5).
 */
export const HandoutLanguage = z
  .string()
  .regex(/^[a-z]{2}(\+[a-z]{2})?$/, 'a language code, or two joined by "+", such as "en+es"')

/** One anonymous count: a closed vocabulary, so nothing a patient typed can be recorded. */
export const UsageEvent = z.discriminatedUnion('metric', [
  z.strictObject({ metric: z.literal('screen'), key: z.enum(USAGE_SCREENS) }),
  z.strictObject({ metric: z.literal('item'), key: ItemId }),
  z.strictObject({ metric: z.literal('handout'), key: ItemId, lang: HandoutLanguage.optional() }),
  z.strictObject({ metric: z.literal('language'), key: Locale }),
  z.strictObject({
    metric: z.literal('display-mode'),
    key: z.enum(['large-text', 'high-contrast', 'read-aloud']),
  }),
  z.strictObject({
    metric: z.literal('session-length'),
    key: z.enum(['under-1-min', '1-to-3-min', '3-to-10-min', 'over-10-min']),
  }),
  z.strictObject({ metric: z.literal('quiz'), key: z.enum(['started', 'completed']) }),
])
export type UsageEvent = z.infer<typeof UsageEvent>

export const UsageRow = z.object({
  day: IsoDate,
  metric: z.string(),
  key: z.string(),
  /** A handout's language (HandoutLanguage), when it was recorded. */
  lang: z.string().optional(),
  count: z.number().int(),
})
export type UsageRow = z.infer<typeof UsageRow>

export const Pin = z.string().regex(/^[0-9]{4,8}$/, 'a PIN is 4 to 8 digits')
export const StaffToken = z.string().regex(/^[0-9a-f]{64}$/, 'not a staff session')
const WithToken = z.strictObject({ token: StaffToken })

export const PackStatus = z.object({
  /** The kiosk's own version (package.json), for IT and staff reporting a problem. */
  kioskVersion: z.string(),
  source: z.enum(['imported', 'bundled']),
  contentHash: z.string(),
  /** Why an imported pack is not in use, when it is not. */
  problem: z.string().nullable(),
  canRollBack: z.boolean(),
  slots: z.array(
    z.object({ slot: z.enum(['current', 'previous']), contentHash: z.string(), importedOn: IsoDate }),
  ),
})
export type PackStatus = z.infer<typeof PackStatus>

const ItemRef = z.object({ kind: z.string(), id: z.string() })

/**
 * One check of the signed feed (`kiosk update`, the daily check or "Check now";
 * src/core/feed/update.ts), for staff: when, what happened (or why nothing
 * changed), who signed what the kiosk has, and when the feed expires unless
 * its publisher refreshes it.
 */
export const FeedCheck = z.object({
  checkedAt: z.string(),
  feed: z.string(),
  outcome: z.enum(['updated', 'up-to-date', 'refused']),
  message: z.string(),
  version: z.number().int().optional(),
  packHash: z.string().optional(),
  previousPackHash: z.string().optional(),
  signedBy: z.array(z.string()).optional(),
  feedExpires: z.string().optional(),
  /** What an update changed, item by item (by item hash): added, changed and removed. */
  changes: z
    .object({ added: z.array(ItemRef), changed: z.array(ItemRef), removed: z.array(ItemRef) })
    .optional(),
  /** Clinicians' sign-offs the pack carried and this kiosk now holds. */
  signoffs: z.number().int().optional(),
})
export type FeedCheck = z.infer<typeof FeedCheck>

/**
 * The signed feed as staff see it: the last check, the root this kiosk trusts
 * (installed by staff or `kiosk feed trust`, or the one bundled in the build),
 * a held rollback and its last release, and when the next daily check is due.
 */
export const FeedStatus = z.object({
  lastCheck: FeedCheck.nullable(),
  root: z
    .object({ version: z.number().int(), expires: z.string(), source: z.enum(['installed', 'bundled']) })
    .nullable(),
  /** A version the feed brought and staff rolled back from: kept off until released or a newer one comes. */
  hold: z.object({ version: z.number().int().optional(), packHash: z.string() }).nullable(),
  lastRelease: z
    .object({ at: z.string(), version: z.number().int().optional(), packHash: z.string() })
    .nullable(),
  nextCheckAt: z.string().nullable(),
})
export type FeedStatus = z.infer<typeof FeedStatus>

/** An item of a pack, by its title (in English, the language every item has). */
export const PackItem = z.object({ kind: z.string(), id: z.string(), title: z.string() })
export type PackItem = z.infer<typeof PackItem>

/** What a pack changes from the content in use, found by item hashes (src/core/packs/changes.ts). */
export const PackChanges = z.object({
  added: z.array(PackItem),
  changed: z.array(PackItem),
  removed: z.array(PackItem),
})
export type PackChanges = z.infer<typeof PackChanges>

/** What an import brought in, what it changed, and which content is in use now. */
export const PackImport = z.object({
  imported: z.object({
    contentHash: z.string(),
    /** The kiosk version that built the pack: with its content format (schemaVersion), the pack's version for staff. */
    builtBy: z.string(),
    schemaVersion: z.number().int(),
    bytes: z.number().int(),
    conditions: z.number().int(),
    procedures: z.number().int(),
    glossary: z.number().int(),
    locales: z.array(Locale),
  }),
  /** The pack is the content the kiosk already used: nothing changed. */
  alreadyInUse: z.boolean(),
  changes: PackChanges,
  status: PackStatus,
})
export type PackImport = z.infer<typeof PackImport>

/** A clinician's sign-off of one version of an item (issue #19). */
export const SignOffRecord = z.strictObject({
  kind: z.string().min(1).max(40),
  id: z.string().min(1).max(80),
  itemHash: z.string().regex(/^[0-9a-f]{64}$/, 'an item hash'),
  /** As typed: with one staff PIN, a record, not an identity. */
  signer: z.string().trim().min(1, 'enter the name of who checked it').max(120),
  role: z.string().trim().min(1, 'enter their role').max(120),
  registration: z.string().trim().min(1).max(60).nullable(),
  signedOn: IsoDate,
})
export type SignOffRecord = z.infer<typeof SignOffRecord>

/** The file sign-offs travel in between kiosks of one clinic. */
export const SignOffFile = z.strictObject({
  format: z.literal('kiosk-signoffs'),
  version: z.literal(1),
  signoffs: z.array(SignOffRecord).max(5000),
})
export type SignOffFile = z.infer<typeof SignOffFile>

/** An item as the clinical review screen lists it: its titles, its version, and where its review stands. */
export const ReviewItem = z.object({
  kind: z.string(),
  /** A topic's, term's or part's id; a triage rule's is its sign and context. */
  id: z.string(),
  titles: z.record(z.string(), z.string()),
  itemHash: z.string(),
  /** signed: this version; changed: an earlier version was signed; unsigned: never. */
  state: z.enum(['signed', 'changed', 'unsigned']),
  signoff: SignOffRecord.omit({ kind: true, id: true }).nullable(),
})
export type ReviewItem = z.infer<typeof ReviewItem>

/** One piece of patient text that differs from the version last signed (null: not there). */
export const ReviewChange = z.object({
  locale: z.string(),
  field: z.string(),
  before: z.string().nullable(),
  after: z.string().nullable(),
})
export type ReviewChange = z.infer<typeof ReviewChange>

/** An item opened for review: its patient text in each language, its sources, and what changed since signed. */
export const ReviewItemDetail = ReviewItem.extend({
  documents: z.array(
    z.object({
      locale: z.string(),
      title: z.string(),
      texts: z.array(z.object({ field: z.string(), text: z.string() })),
    }),
  ),
  sources: z.array(Source),
  /**
   * For a changed item: each piece of patient text that differs from the
   * version signed, or null when this kiosk does not hold that text (its
   * sign-off came in a file). Empty for a signed or never signed item.
   */
  changes: z.array(ReviewChange).nullable(),
})
export type ReviewItemDetail = z.infer<typeof ReviewItemDetail>

const ByLocale = z.strictObject({ locale: Locale })
const ByItem = z.strictObject({ locale: Locale, id: ItemId })

/**
 * Who may call a method: anyone at the kiosk (`patient`); staff with a session
 * token from staffLogin (`staff`); or, without a token, only the kiosk itself
 * (`loopback`: the calls that lead into staff mode). The preview server answers
 * `staff` and `loopback` methods only to this machine.
 */
export type Access = 'patient' | 'staff' | 'loopback'

interface Method<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I
  output: O
  access: Access
}

function method<I extends z.ZodType, O extends z.ZodType>(
  input: I,
  output: O,
  access: Access = 'patient',
): Method<I, O> {
  return { input, output, access }
}

export const contract = {
  listTopics: method(
    ByLocale,
    z.object({
      conditions: z.array(TopicSummary),
      procedures: z.array(TopicSummary),
      /** Self-care guides: "Looking after your hip". */
      guides: z.array(TopicSummary),
    }),
  ),
  getCondition: method(ByItem, Condition),
  getProcedure: method(ByItem, Procedure),
  getGuide: method(ByItem, Guide),
  search: method(
    z.strictObject({
      locale: Locale,
      query: z.string().max(200),
      /** Search the words exactly as typed: no typo correction (the "search for what I typed" link). */
      asTyped: z.boolean().optional(),
    }),
    SearchResult,
  ),
  getGlossary: method(ByLocale, z.array(GlossaryTerm)),
  getAnatomy: method(ByLocale, z.array(AnatomyPart)),
  contentInfo: method(z.strictObject({}), ContentInfo),
  getKioskConfig: method(z.strictObject({}), KioskConfig),
  recordUsage: method(z.strictObject({ event: UsageEvent }), z.object({ recorded: z.boolean() })),
  staffStatus: method(
    z.strictObject({}),
    z.object({ pinSet: z.boolean(), lockedForSeconds: z.number().int() }),
    'loopback',
  ),
  staffSetPin: method(
    z.strictObject({
      pin: Pin,
      token: StaffToken.optional(),
      /** The first PIN only: the one-time code from DATA/first-run-code.txt (or the preview server's output). */
      setupCode: z.string().max(32).optional(),
    }),
    z.object({ token: StaffToken, expiresInSeconds: z.number().int() }),
    'loopback',
  ),
  staffLogin: method(
    z.strictObject({ pin: Pin }),
    z.object({
      token: StaffToken,
      expiresInSeconds: z.number().int(),
      /** Wrong PINs tried since the last sign-in, for staff to see on their menu. */
      failedTriesSinceLastLogin: z.number().int(),
    }),
    'loopback',
  ),
  staffLogout: method(WithToken, z.object({}), 'staff'),
  getSettings: method(WithToken, Settings, 'staff'),
  updateSettings: method(WithToken.extend({ changes: z.record(z.string(), z.unknown()) }), Settings, 'staff'),
  usageReport: method(
    WithToken.extend({ days: z.number().int().min(1).max(366).default(30) }),
    z.object({ rows: z.array(UsageRow) }),
    'staff',
  ),
  packStatus: method(WithToken, PackStatus, 'staff'),
  rollbackContent: method(WithToken, PackStatus, 'staff'),
  /** The signed feed: the last check, the trusted root, a held rollback, the next check. */
  feedStatus: method(WithToken, FeedStatus, 'staff'),
  /** "Check now": one check of the feed in the settings; a refusal is in lastCheck, not an error. */
  feedCheckNow: method(WithToken, FeedStatus, 'staff'),
  /** Trusts a feed's root.json (its text, pasted or from a file): refused unless signed by its own keys and unexpired. */
  feedTrustRoot: method(
    WithToken.extend({
      root: z
        .string()
        .min(2)
        .max(256 * 1024),
    }),
    FeedStatus,
    'staff',
  ),
  /** Lets the next check bring back the version staff rolled back from (recorded with the time). */
  feedReleaseHold: method(WithToken, FeedStatus, 'staff'),
  /**
   * A content pack sent as its bytes (base64), from the browser preview's file
   * input: verified, then switched to atomically; the content before stays for
   * rollback. Electron uses the main process's own file dialog instead
   * (src/shared/packs.ts), so the page never names a file to open.
   */
  importPack: method(
    WithToken.extend({
      data: z
        .string()
        .min(1, 'the pack is empty')
        .max(PACK_MAX_BASE64, `a pack can be at most ${PACK_MAX_BYTES / 1024 / 1024} MB`)
        .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'the pack must be sent as base64'),
    }),
    PackImport,
    'staff',
  ),
  /** Every item a clinician signs, with where its review stands. */
  reviewItems: method(WithToken, z.array(ReviewItem), 'staff'),
  /** One item as the clinician reads it before signing: every language, its sources, what changed. */
  reviewItem: method(
    WithToken.extend({ kind: z.string().min(1).max(40), id: z.string().min(1).max(80) }),
    ReviewItemDetail,
    'staff',
  ),
  /**
   * A clinician signs the version of an item they read: refused when the item
   * changed since (its hash is not the one in use), so nobody signs unread text.
   */
  signOffItem: method(
    WithToken.extend(
      SignOffRecord.pick({ kind: true, id: true, itemHash: true, signer: true, role: true }).shape,
    ).extend({
      registration: z.string().trim().min(1).max(60).nullable().default(null),
    }),
    ReviewItem,
    'staff',
  ),
  exportSignoffs: method(WithToken, SignOffFile, 'staff'),
  importSignoffs: method(
    WithToken.extend({ file: z.unknown() }),
    z.object({ added: z.number().int(), alreadyHere: z.number().int(), forOtherContent: z.number().int() }),
    'staff',
  ),
  /** Staff are still there (presenting in explain mode): extends the session without doing anything else. */
  staffKeepAlive: method(WithToken, z.object({ expiresInSeconds: z.number().int() }), 'staff'),
} satisfies Record<string, Method>

export type MethodName = keyof typeof contract
export const METHOD_NAMES = Object.keys(contract) as MethodName[]

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(contract, name)
}

/** The methods with this access. */
export const methodsWith = (access: Access): MethodName[] =>
  METHOD_NAMES.filter((m) => contract[m].access === access)

export type Contract = typeof contract
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>
/** What a handler receives: the input after validation, with defaults filled in. */
export type MethodParams<M extends MethodName> = z.output<Contract[M]['input']>
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>
