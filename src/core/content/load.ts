/**
 * Reads and validates the content sources in content/. Every problem is
 * collected, not just the first, and each names its file, line, item and field
 * so an author can go straight to it.
 */
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { CORE_SCHEMA, load as loadYaml } from 'js-yaml'
import { LineCounter, parseDocument } from 'yaml'
import type { Document } from 'yaml'
import { z } from 'zod'
import { LOCALE_CODE, SOURCE_LOCALE } from '../../shared/vocabulary.ts'
import type { ItemKind, Locale } from '../../shared/contract.ts'
import { ANATOMY_PARTS } from '../../shared/anatomy.ts'
import {
  AnatomyPart,
  DOCUMENT_SCHEMAS,
  GlossaryTerm,
  SEARCH_SYNONYMS_ID,
  SearchSynonyms,
  Source,
  TopicDoc,
  TriageContext,
  TriageLevelDoc,
  TriageRule,
  TriageSign,
  citedSources,
  foldWord,
  leavesOf,
  patientTexts,
  searchColumns,
  triageRuleId,
} from '../../shared/items.ts'
import { TRIAGE_LEVELS } from '../../shared/vocabulary.ts'
import { canonicalJson, textHash } from '../db/format.ts'
import type { DocumentKind, PatientText } from '../../shared/items.ts'

/** How files lay the documents out: a file per topic and language; many terms, parts or sources to a file. */
const GlossaryFile = z.strictObject({ terms: z.array(GlossaryTerm).min(1) })
const SourcesFile = z.strictObject({
  /**
   * The secondary sources (a third party's summary of a guideline) that may be
   * the only source behind a claim, each with why: the primary was not reached.
   * Every other claim that cites only secondary sources is refused. For the
   * clinician; not patient text, not in the content database.
   */
  standsAlone: z
    .array(z.strictObject({ source: z.string().min(1), why: z.string().trim().min(1).max(400) }))
    .default([]),
  sources: z.array(Source).min(1),
})
const AnatomyFile = z.strictObject({
  parts: z
    .array(AnatomyPart)
    .min(1)
    .refine((parts) => ANATOMY_PARTS.every((id) => parts.some((p) => p.id === id)), {
      message: `describe every part of the hip: ${ANATOMY_PARTS.join(', ')}`,
    })
    .refine((parts) => new Set(parts.map((p) => p.id)).size === parts.length, {
      message: 'each part once only',
    }),
})
/** The triage policy's words in one language, and the policy itself (no patient text). */
const TriageWordsFile = z.strictObject({
  levels: z
    .array(TriageLevelDoc)
    .refine((l) => TRIAGE_LEVELS.every((id) => l.filter((x) => x.id === id).length === 1), {
      message: `word each level once: ${TRIAGE_LEVELS.join(', ')}`,
    }),
  contexts: z.array(TriageContext).min(1),
  signs: z.array(TriageSign).min(1),
})
const TriagePolicyFile = z.strictObject({ rules: z.array(TriageRule).min(1) })
/** content/search/synonyms.<locale>.yaml: the document without its id (one per language). */
const SynonymsFile = SearchSynonyms.omit({ id: true })
const SYNONYMS_FILE = /^synonyms\.(?<locale>[a-z]{2})\.ya?ml$/
type TriageWords = z.infer<typeof TriageWordsFile>

export const TRIAGE_CHECK = 'triage check'

type ItemSource = TopicDoc
type Glossary = z.infer<typeof GlossaryFile>
type Sources = z.infer<typeof SourcesFile>
type Anatomy = z.infer<typeof AnatomyFile>

export interface ContentProblem {
  file: string
  line?: number
  item: string
  field: string
  message: string
}

export function formatProblem(p: ContentProblem): string {
  const where = p.line ? `${p.file}:${p.line}` : p.file
  return `${where}: item "${p.item}": field "${p.field}": ${p.message}`
}

export class ContentError extends Error {
  readonly problems: ContentProblem[]
  constructor(problems: ContentProblem[]) {
    super(
      `The content has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n` +
        problems.map((p) => `  ${formatProblem(p)}`).join('\n'),
    )
    this.name = 'ContentError'
    this.problems = problems
  }
}

export interface LoadedItem {
  file: string
  locale: Locale
  item: ItemSource
  /**
   * The item as its author wrote it (before defaults), as canonical JSON: what the content
   * database stores. Written while loading, so the tree YAML gave is not kept for the build.
   */
  body: string
  /** Hash of the patient text (not the review metadata): translations record it. */
  textHash: string
  /** Its patient text, where each piece sits: the item is walked once, for its hashes, search and checks. */
  texts: PatientText[]
}

/** One document of the content database: a kind, an id, a language, and what its author wrote. */
export interface ContentDocument {
  kind: DocumentKind
  id: string
  locale: Locale
  title: string
  order: number
  /** What its author wrote (before defaults), as canonical JSON: the database's body. */
  body: string
  /** The document as the schema gives it (defaults applied, text trimmed). */
  doc: unknown
  /** The hash of its patient text (src/core/db/format.ts textHash). */
  textHash: string
  /** Its patient text, for a topic (walked once while loading). */
  texts?: PatientText[]
}

export interface ContentLibrary {
  /** The languages its topics are written in, English (the source) first: the languages are data. */
  locales: Locale[]
  sources: Sources['sources']
  items: LoadedItem[]
  glossary: { locale: Locale; term: Glossary['terms'][number]; authored: unknown }[]
  triage: { words: { locale: Locale; words: TriageWords }[]; rules: TriageRule[] }
  anatomy: { locale: Locale; parts: Anatomy['parts']; authored: unknown[] }[]
  /** Search's everyday words and synonyms, for each language that has them. */
  synonyms: { locale: Locale; synonyms: SearchSynonyms; authored: unknown }[]
  /** Every document, in key order (kind, id, language). */
  documents: ContentDocument[]
}

/** The folder of content/ that holds each kind of item. */
export const FOLDERS: Record<string, ItemKind> = {
  conditions: 'condition',
  procedures: 'procedure',
  guides: 'guide',
}
const FILE_NAME = /^(?<id>[a-z0-9]+(?:-[a-z0-9]+)*)\.(?<locale>[a-z]{2})\.ya?ml$/
const GLOSSARY_FILE = /\.(?<locale>[a-z]{2})\.ya?ml$/

/** Stable across runs and machines: keys in schema order, no whitespace. */
export function hashOf(value: unknown, length = 64): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, length)
}

/**
 * The hash of what a translator translates: the item's patient text, where
 * each piece sits (src/shared/items.ts marks it). Review dates, sources, order
 * and a new field with a default do not make a translation stale.
 */
export function textHashOf(item: ItemSource): string {
  return textHash(item.kind, item)
}

type Path = (string | number)[]

function lineOf(doc: Document, lines: LineCounter, path: Path): number | undefined {
  // Walk up from the failing field to the nearest node that exists in the file.
  for (let p = [...path]; ; p = p.slice(0, -1)) {
    const node = p.length ? doc.getIn(p, true) : doc.contents
    const range = (node as { range?: [number, number, number] } | null)?.range
    if (range) return lines.linePos(range[0]).line
    if (!p.length) return undefined
  }
}

function fieldName(path: Path): string {
  return path.reduce<string>(
    (acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${key}` : key),
    '',
  )
}

/**
 * YAML 1.2's core schema, as `yaml` reads it: no dates (a review date stays
 * the text "2026-01-01"), no merge keys; a repeated key is an error.
 */
export function readYamlFast(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: loadYaml(text, { schema: CORE_SCHEMA }) }
  } catch {
    return { ok: false }
  }
}

interface ParsedFile<T> {
  value?: T
  /** The file's values as written, before the schema's defaults and trimming. */
  raw?: unknown
  problems: ContentProblem[]
}

/** Parses one YAML file against its schema; `file` is the name shown in problems. */
function parseFile<S extends z.ZodType>(
  path: string,
  file: string,
  schema: S,
  itemHint: string,
): ParsedFile<z.output<S>> {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (err) {
    return {
      problems: [
        { file, item: itemHint, field: '(file)', message: `cannot read the file: ${(err as Error).message}` },
      ],
    }
  }
  // The fast path: js-yaml reads a file several times faster than `yaml` with
  // source positions, and most files are fine. Only a file that fails is read
  // again with positions, for the line numbers of its problems. (A unit test
  // checks both readers give the same values for every file in content/.)
  const fast = readYamlFast(text)
  if (fast.ok) {
    const result = schema.safeParse(fast.value)
    if (result.success) return { value: result.data, raw: fast.value, problems: [] }
  }
  const lines = new LineCounter()
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false })
  if (doc.errors.length) {
    return {
      problems: doc.errors.map((e) => ({
        file,
        line: e.linePos?.[0]?.line,
        item: itemHint,
        field: '(YAML syntax)',
        message: e.message.split('\n')[0] ?? e.message,
      })),
    }
  }
  const raw: unknown = doc.toJS()
  const id = typeof raw === 'object' && raw && 'id' in raw && typeof raw.id === 'string' ? raw.id : itemHint
  const result = schema.safeParse(raw)
  if (result.success) return { value: result.data, raw, problems: [] }
  return {
    problems: result.error.issues.map((issue) => {
      const path = issue.path.filter((k): k is string | number => typeof k !== 'symbol')
      return {
        file,
        line: lineOf(doc, lines, path),
        item: id,
        field: fieldName(path) || '(whole file)',
        message: issue.message,
      }
    }),
  }
}

function yamlFiles(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((f) => /\.ya?ml$/.test(f))
      .sort()
  } catch {
    return []
  }
}

/** Loads and checks the whole content folder; throws ContentError listing every problem. */
export function loadContent(contentDir: string): ContentLibrary {
  const problems: ContentProblem[] = []
  const display = (...parts: string[]) => relative(process.cwd(), join(contentDir, ...parts)) || '.'
  /** A file at the top of content/, parsed, with its problems collected. */
  const topFile = <S extends z.ZodType>(name: string, schema: S, hint: string) => {
    const parsed = parseFile(join(contentDir, name), display(name), schema, hint)
    problems.push(...parsed.problems)
    return parsed
  }
  /**
   * The YAML files of one folder whose names carry their language (`pattern`'s
   * `locale` group, and `id` where the name is the item's id), each parsed
   * against `schema`. A name without a language is a problem (`naming` says how
   * to name the file), not a file.
   */
  function* localeFiles<S extends z.ZodType>(
    folder: string,
    pattern: RegExp,
    naming: string,
    schema: S,
    hint?: string,
  ): Generator<{ file: string; id: string; locale: Locale; parsed: ParsedFile<z.output<S>> }> {
    for (const name of yamlFiles(join(contentDir, folder))) {
      const file = display(folder, name)
      const { id = '', locale = '' } = pattern.exec(name)?.groups ?? {}
      if (!LOCALE_CODE.test(locale)) {
        problems.push({ file, item: name, field: '(file name)', message: naming })
        continue
      }
      const parsed = parseFile(join(contentDir, folder, name), file, schema, hint ?? id)
      problems.push(...parsed.problems)
      yield { file, id, locale: locale as Locale, parsed }
    }
  }

  const sourcesFile = topFile('sources.yaml', SourcesFile, '(sources)')
  const sources = sourcesFile.value?.sources ?? []
  const sourceIds = new Set(sources.map((s) => s.id))
  const secondary = new Set(sources.filter((s) => s.authority === 'secondary').map((s) => s.id))
  const standsAlone = new Set(sourcesFile.value?.standsAlone.map((s) => s.source))
  for (const [i, { source }] of (sourcesFile.value?.standsAlone ?? []).entries()) {
    if (!secondary.has(source)) {
      problems.push({
        file: display('sources.yaml'),
        item: '(sources)',
        field: `standsAlone[${i}].source`,
        message: `"${source}" is not a secondary source in this file: only a secondary source needs a reason to stand alone`,
      })
    }
  }
  // A source listed twice would stop the build at the database's unique key, naming no file.
  const firstAt = new Map<string, number>()
  sources.forEach(({ id }, i) => {
    const first = firstAt.get(id)
    if (first === undefined) firstAt.set(id, i)
    else {
      problems.push({
        file: display('sources.yaml'),
        item: '(sources)',
        field: `sources[${i}].id`,
        message: `duplicate id: "${id}" is also sources[${first}]`,
      })
    }
  })

  const items: LoadedItem[] = []
  const seen = new Map<string, string>() // locale:id -> file
  for (const [folder, kind] of Object.entries(FOLDERS)) {
    for (const { file, id: fileId, locale, parsed } of localeFiles(
      folder,
      FILE_NAME,
      'name files <id>.<locale>.yaml, the locale a two-letter language code (en, es, fr)',
      TopicDoc,
    )) {
      const item = parsed.value
      if (!item) continue
      const at = (field: string, message: string) => problems.push({ file, item: item.id, field, message })
      if (item.id !== fileId) at('id', `the id must match the file name ("${fileId}")`)
      if (item.kind !== kind) at('kind', `files in content/${folder}/ must have kind "${kind}"`)
      const key = `${locale}:${item.id}`
      const other = seen.get(key)
      if (other) at('id', `duplicate id: "${item.id}" is also defined in ${other}`)
      seen.set(key, file)
      // One walk of the item gives its sources, its patient text and so its text hash.
      const leaves = leavesOf(DOCUMENT_SCHEMAS[item.kind], item)
      const texts = patientTexts(DOCUMENT_SCHEMAS[item.kind], item, leaves)
      const claims = new Map<string, string[]>() // a claim's path -> the ids it cites
      for (const { path, id } of citedSources(item, leaves)) {
        if (!sourceIds.has(id)) at(path, `unknown source "${id}": add it to content/sources.yaml`)
        const claim = path.replace(/\[\d+\]$/, '')
        claims.set(claim, [...(claims.get(claim) ?? []), id])
      }
      for (const [claim, ids] of claims) {
        // The item's own list (`sources`, at the top) is not one claim. A claim
        // that cites only summaries needs one whose reason to stand alone is written.
        if (claim === 'sources' || !ids.every((id) => secondary.has(id))) continue
        if (ids.some((id) => standsAlone.has(id))) continue
        at(
          claim,
          `"${ids[0]}" is a secondary source (a third party's summary) and is cited alone: ` +
            'cite the primary beside it, or say why it stands alone under standsAlone in content/sources.yaml',
        )
      }
      if (locale === 'en' && item.translatedFrom)
        at('translatedFrom', 'only translations record what they were translated from')
      items.push({
        file,
        locale,
        item,
        body: canonicalJson(parsed.raw),
        textHash: textHash(item.kind, item, texts),
        texts,
      })
    }
  }
  const english = new Map(items.filter((i) => i.locale === 'en').map((i) => [i.item.id, i]))
  for (const t of items.filter((i) => i.locale !== 'en')) {
    const original = english.get(t.item.id)
    if (!original) {
      problems.push({
        file: t.file,
        item: t.item.id,
        field: 'id',
        message: 'unknown reference: this translation has no English original',
      })
    } else if (original.item.kind !== t.item.kind) {
      problems.push({
        file: t.file,
        item: t.item.id,
        field: 'kind',
        message: `the English original is a ${original.item.kind}`,
      })
    }
  }

  const glossary: ContentLibrary['glossary'] = []
  const termSeen = new Map<string, string>()
  for (const { file, locale, parsed } of localeFiles(
    'glossary',
    GLOSSARY_FILE,
    'name glossary files <name>.<locale>.yaml, the locale a two-letter language code',
    GlossaryFile,
    '(glossary)',
  )) {
    parsed.value?.terms.forEach((term, i) => {
      const key = `${locale}:${term.id}`
      const other = termSeen.get(key)
      if (other)
        problems.push({
          file,
          item: term.id,
          field: `terms[${i}].id`,
          message: `duplicate id: "${term.id}" is also defined in ${other}`,
        })
      termSeen.set(key, file)
      term.sources.forEach((id, j) => {
        if (!sourceIds.has(id))
          problems.push({
            file,
            item: term.id,
            field: `terms[${i}].sources[${j}]`,
            message: `unknown source "${id}": add it to content/sources.yaml`,
          })
      })
      if (term.sources.length > 0 && term.sources.every((id) => secondary.has(id) && !standsAlone.has(id)))
        problems.push({
          file,
          item: term.id,
          field: `terms[${i}].sources`,
          message:
            `"${term.sources[0]}" is a secondary source (a third party's summary) and is cited alone: ` +
            'cite the primary beside it, or say why it stands alone under standsAlone in content/sources.yaml',
        })
      glossary.push({ locale, term, authored: rawList(parsed.raw, 'terms')[i] })
    })
  }
  for (const { locale, term } of glossary) {
    if (locale !== 'en' && !termSeen.has(`en:${term.id}`)) {
      problems.push({
        file: termSeen.get(`${locale}:${term.id}`) ?? 'content/glossary',
        item: term.id,
        field: 'id',
        message: 'unknown reference: this glossary term has no English original',
      })
    }
  }

  // The languages are the ones the topics are written in.
  const locales = [...new Set([SOURCE_LOCALE, ...items.map((i) => i.locale)])].sort(
    (a, b) => Number(b === SOURCE_LOCALE) - Number(a === SOURCE_LOCALE) || a.localeCompare(b),
  )
  const anatomy: ContentLibrary['anatomy'] = []
  for (const locale of locales) {
    const name = `anatomy.${locale}.yaml`
    if (!existsSync(join(contentDir, name))) continue
    const parsed = topFile(name, AnatomyFile, '(anatomy)')
    if (parsed.value)
      anatomy.push({ locale, parts: parsed.value.parts, authored: rawList(parsed.raw, 'parts') })
  }

  // The triage policy: its words in each language, its rules, and every warning
  // sign a procedure names (the triage check).
  const triageWords: { locale: Locale; words: TriageWords; raw: unknown }[] = []
  for (const locale of locales) {
    const name = `triage.${locale}.yaml`
    if (!existsSync(join(contentDir, name))) {
      problems.push({
        file: display(name),
        item: '(triage)',
        field: '(file)',
        message: `${TRIAGE_CHECK}: the triage words in ${locale} are missing`,
      })
      continue
    }
    const parsed = topFile(name, TriageWordsFile, '(triage)')
    if (parsed.value) triageWords.push({ locale, words: parsed.value, raw: parsed.raw })
  }
  const policyFile = topFile('triage-policy.yaml', TriagePolicyFile, '(triage)')
  const rules = policyFile.value?.rules ?? []
  const englishWords = triageWords.find((t) => t.locale === 'en')?.words
  const signIds = new Set(englishWords?.signs.map((s) => s.id))
  const contextIds = new Set(englishWords?.contexts.map((c) => c.id))
  const ruleIds = new Map<string, number>()
  rules.forEach((r, i) => {
    const at = (field: string, message: string) =>
      problems.push({
        file: display('triage-policy.yaml'),
        item: triageRuleId(r.sign, r.context),
        field: `rules[${i}].${field}`,
        message,
      })
    if (!signIds.has(r.sign)) at('sign', `${TRIAGE_CHECK}: unknown sign "${r.sign}"`)
    if (!contextIds.has(r.context)) at('context', `${TRIAGE_CHECK}: unknown context "${r.context}"`)
    if (ruleIds.has(triageRuleId(r.sign, r.context)))
      at('sign', `${TRIAGE_CHECK}: this sign and context already have a rule: one sign, one action`)
    ruleIds.set(triageRuleId(r.sign, r.context), i)
    r.sources.forEach((s, j) => {
      if (!sourceIds.has(s)) at(`sources[${j}]`, `unknown source "${s}": add it to content/sources.yaml`)
    })
  })
  for (const t of triageWords.filter((t) => t.locale !== 'en')) {
    for (const [list, ids] of [
      ['signs', signIds],
      ['contexts', contextIds],
    ] as const) {
      const have = new Set(t.words[list].map((x) => x.id))
      const missing = [...ids].filter((id) => !have.has(id))
      const extra = [...have].filter((id) => !ids.has(id))
      if (missing.length || extra.length) {
        problems.push({
          file: display(`triage.${t.locale}.yaml`),
          item: '(triage)',
          field: list,
          message: `${TRIAGE_CHECK}: must word the same ${list} as the English (missing: ${missing.join(', ') || 'none'}; extra: ${extra.join(', ') || 'none'})`,
        })
      }
    }
  }
  const englishFlags = new Map(
    items
      .filter((i) => i.locale === 'en')
      .map((i) => [i.item.id, new Set(i.item.redFlags.map((f) => triageRuleId(f.sign, f.context)))]),
  )
  for (const { file, item, locale: itemLocale } of items) {
    // A translation warns of what its English warns of: a sign left out in one language is a
    // patient not told to get help.
    const original = itemLocale === 'en' ? undefined : englishFlags.get(item.id)
    if (original) {
      const own = new Set(item.redFlags.map((f) => triageRuleId(f.sign, f.context)))
      const missing = [...original].filter((id) => !own.has(id))
      const extra = [...own].filter((id) => !original.has(id))
      if (missing.length || extra.length)
        problems.push({
          file,
          item: item.id,
          field: 'redFlags',
          message: `${TRIAGE_CHECK}: a translation has the English's warning signs (missing: ${missing.join(', ') || 'none'}; extra: ${extra.join(', ') || 'none'})`,
        })
    }
    /** The policy's level for a sign and context named at `path`, or a problem there. */
    const levelOf = (f: { sign: string; context: string }, path: string): string | undefined => {
      const at = (field: string, message: string) =>
        problems.push({ file, item: item.id, field: `${path}.${field}`, message })
      if (!signIds.has(f.sign))
        at('sign', `${TRIAGE_CHECK}: unknown sign "${f.sign}" (content/triage.en.yaml lists the signs)`)
      else if (!contextIds.has(f.context)) at('context', `${TRIAGE_CHECK}: unknown context "${f.context}"`)
      else {
        const rule = ruleIds.get(triageRuleId(f.sign, f.context))
        if (rule !== undefined) return rules[rule]!.level
        at(
          'context',
          `${TRIAGE_CHECK}: the policy has no rule for "${f.sign}" ${f.context}: add one to content/triage-policy.yaml or choose a context it defines`,
        )
      }
      return undefined
    }
    const levels = new Set<string>()
    item.redFlags.forEach((f, i) => {
      const level = levelOf(f, `redFlags[${i}]`)
      if (level) levels.add(level)
    })
    if (item.kind === 'procedure')
      item.risks.forEach((r, i) => r.warning && levelOf(r.warning, `risks[${i}].warning`))
    // A guide's warning signs are optional (exercises have none); a procedure needs both kinds.
    if (item.kind !== 'procedure') continue
    if (itemLocale === 'en' && !levels.has('emergency'))
      problems.push({
        file,
        item: item.id,
        field: 'redFlags',
        message: `${TRIAGE_CHECK}: no warning sign says when it is an emergency`,
      })
    if (itemLocale === 'en' && ![...levels].some((l) => l !== 'emergency'))
      problems.push({
        file,
        item: item.id,
        field: 'redFlags',
        message: `${TRIAGE_CHECK}: no warning sign says when to call the clinic or get advice`,
      })
  }

  // Search's everyday words: whatever languages have a file. Each word a group
  // finds must be a word of that language's content, or the group finds nothing.
  const synonyms: ContentLibrary['synonyms'] = []
  for (const { file, locale, parsed } of localeFiles(
    'search',
    SYNONYMS_FILE,
    'name search files synonyms.<code>.yaml, with a two-letter language code',
    SynonymsFile,
    '(synonyms)',
  )) {
    if (!parsed.value) continue
    const unknown = wordsNotInContent(
      items.filter((i) => i.locale === locale),
      parsed.value.groups.flatMap((g) => g.finds),
    )
    parsed.value.groups.forEach((group, i) =>
      group.finds.forEach((word, j) => {
        if (unknown.has(foldWord(word)))
          problems.push({
            file,
            item: '(synonyms)',
            field: `groups[${i}].finds[${j}]`,
            message: `"${word}" is not a word of the ${locale} content, so it would find nothing`,
          })
      }),
    )
    synonyms.push({
      locale,
      synonyms: { id: SEARCH_SYNONYMS_ID, ...parsed.value },
      authored: { id: SEARCH_SYNONYMS_ID, ...(parsed.raw as object) },
    })
  }

  if (!items.some((i) => i.locale === 'en')) {
    problems.push({
      file: display(),
      item: '(library)',
      field: '(items)',
      message: 'there is no English content at all',
    })
  }
  if (problems.length) throw new ContentError(problems)

  const order = (a: LoadedItem, b: LoadedItem) =>
    a.item.kind.localeCompare(b.item.kind) ||
    a.item.id.localeCompare(b.item.id) ||
    a.locale.localeCompare(b.locale)
  glossary.sort((a, b) => a.term.id.localeCompare(b.term.id) || a.locale.localeCompare(b.locale))
  const rawSources = rawList(sourcesFile.raw, 'sources')
  const documents: ContentDocument[] = [
    ...items.map((i) => ({
      kind: i.item.kind,
      id: i.item.id,
      locale: i.locale,
      title: i.item.title,
      order: i.item.order,
      body: i.body,
      doc: i.item,
      textHash: i.textHash,
      texts: i.texts,
    })),
    ...glossary.map((g) => ({
      kind: 'glossary-term' as const,
      id: g.term.id,
      locale: g.locale,
      title: g.term.term,
      order: 0,
      body: canonicalJson(g.authored),
      doc: g.term,
      textHash: textHash('glossary-term', g.term),
    })),
    ...anatomy.flatMap((a) =>
      a.parts.map((p, i) => ({
        kind: 'anatomy-part' as const,
        id: p.id,
        locale: a.locale,
        title: p.name,
        order: i + 1,
        body: canonicalJson(a.authored[i]),
        doc: p,
        textHash: textHash('anatomy-part', p),
      })),
    ),
    ...triageWords.flatMap((t) => {
      const raw = t.raw as Record<string, unknown[]>
      return (['levels', 'contexts', 'signs'] as const).flatMap((list) =>
        t.words[list].map((x, i) => ({
          kind: ({ levels: 'triage-level', contexts: 'triage-context', signs: 'triage-sign' } as const)[list],
          id: x.id,
          locale: t.locale,
          title: x.text,
          order: i + 1,
          body: canonicalJson(raw[list]?.[i]),
          doc: x,
          textHash: textHash(
            ({ levels: 'triage-level', contexts: 'triage-context', signs: 'triage-sign' } as const)[list],
            x,
          ),
        })),
      )
    }),
    // The policy has no patient text: stored once, under English.
    ...rules.map((r, i) => ({
      kind: 'triage-rule' as const,
      id: triageRuleId(r.sign, r.context),
      locale: 'en' as const,
      title: triageRuleId(r.sign, r.context),
      order: TRIAGE_LEVELS.indexOf(r.level) + 1,
      body: canonicalJson(rawList(policyFile.raw, 'rules')[i]),
      doc: r,
      textHash: textHash('triage-rule', r),
    })),
    ...synonyms.map((s) => ({
      kind: 'search-synonyms' as const,
      id: SEARCH_SYNONYMS_ID,
      locale: s.locale,
      title: SEARCH_SYNONYMS_ID,
      order: 0,
      body: canonicalJson(s.authored),
      doc: s.synonyms,
      textHash: textHash('search-synonyms', s.synonyms),
    })),
    // Sources are cited as published, in their own language: stored once, under English.
    ...sources.map((src, i) => ({
      kind: 'source' as const,
      id: src.id,
      locale: 'en' as const,
      title: src.title,
      order: 0,
      body: canonicalJson(rawSources[i]),
      doc: src,
      textHash: textHash('source', src),
    })),
  ].sort((a, b) =>
    a.kind < b.kind
      ? -1
      : a.kind > b.kind
        ? 1
        : a.id < b.id
          ? -1
          : a.id > b.id
            ? 1
            : a.locale < b.locale
              ? -1
              : a.locale > b.locale
                ? 1
                : 0,
  )
  return {
    locales,
    sources: [...sources].sort((a, b) => a.id.localeCompare(b.id)),
    items: items.sort(order),
    glossary,
    triage: { words: triageWords.map(({ locale, words }) => ({ locale, words })), rules },
    anatomy,
    synonyms,
    documents,
  }
}

/**
 * Which of `words` no topic gives the search index, folded as the index folds
 * them. It reads the topics only until every word has been found: collecting
 * every word of the content was a quarter of a build at 100 times the library.
 */
function wordsNotInContent(topics: LoadedItem[], words: string[]): Set<string> {
  const searched = new Set(searchColumns().map((c) => c.field))
  const missing = new Set(words.map(foldWord))
  for (const topic of topics) {
    for (const { field, text } of topic.texts)
      if (searched.has(/^[^.[]+/.exec(field)?.[0] ?? field))
        for (const word of foldWord(text).split(/[^\p{L}\p{N}]+/u)) missing.delete(word)
    if (!missing.size) break
  }
  return missing
}

/** The list under `key` of a file's values as written. */
function rawList(raw: unknown, key: string): unknown[] {
  const list = (raw as Record<string, unknown> | undefined)?.[key]
  return Array.isArray(list) ? list : []
}
