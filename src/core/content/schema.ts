/**
 * The shape of the human-edited content files in content/. Authors write YAML;
 * this schema is the single place that says what a valid file holds, and its
 * messages are what an author sees when a file is wrong.
 */
import { z } from 'zod'
import {
  FrequencyBand,
  IsoDate,
  ItemId,
  RecoveryPeriod,
  RiskAction,
} from '../../shared/contract.ts'
import { PICTURE_IDS } from '../../shared/pictures.ts'
import { ANATOMY_PARTS } from '../../shared/anatomy.ts'

const Picture = z.enum(PICTURE_IDS)

const Text = z.string().trim().min(1, 'must not be empty')
const Paragraphs = z.array(Text).min(1, 'needs at least one paragraph')

const Review = z.strictObject({
  version: z.number().int().positive(),
  reviewedOn: IsoDate,
  nextReviewDue: IsoDate,
  reviewerRole: Text,
})

const SectionSource = z.strictObject({
  key: ItemId,
  heading: Text,
  paragraphs: Paragraphs,
})

const FaqSource = z.strictObject({ question: Text, answer: Text })

const Common = {
  id: ItemId,
  title: Text,
  summary: Text,
  picture: Picture,
  /** Where the item stands in its list (lower first); the most common problems come first. */
  order: z.number().int().min(1).max(999).default(500),
  /** The part of the hip the item is about: its page links to it on the diagram. */
  anatomy: z.enum(ANATOMY_PARTS).optional(),
  review: Review,
  sources: z.array(z.string().min(1)).min(1, 'every item needs at least one source'),
  faqs: z.array(FaqSource).default([]),
  /**
   * Translations only: the hash of the English text this translation was made
   * from (printed by `kiosk check-content`). A different hash means the English
   * changed since, and the translation is stale.
   */
  translatedFrom: z.string().regex(/^[0-9a-f]{12}$/, 'must be a 12-character hash').optional(),
}

export const ConditionSource = z.strictObject({
  kind: z.literal('condition'),
  ...Common,
  sections: z.array(SectionSource).min(1, 'a condition needs at least one section'),
})
export type ConditionSource = z.infer<typeof ConditionSource>

export const StepSource = z.strictObject({
  title: Text,
  body: Text,
  feel: Text,
  picture: Picture,
  /** The part of the hip this step is about: the step links to it on the diagram. */
  anatomy: z.enum(ANATOMY_PARTS).optional(),
})

export const RiskSource = z.strictObject({
  name: Text,
  description: Text,
  band: FrequencyBand,
  about: z
    .strictObject({ n: z.number().int().positive(), m: z.number().int().positive() })
    .refine((a) => a.n < a.m, 'n must be smaller than m')
    .optional(),
  action: RiskAction.default('none'),
})

export const MilestoneSource = z.strictObject({ period: RecoveryPeriod, expect: Text, todo: Text })

export const QuizSource = z
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

export const ProcedureSource = z.strictObject({
  kind: z.literal('procedure'),
  ...Common,
  duration: Text,
  sections: z.array(SectionSource).min(1, 'a procedure needs at least one section'),
  preparation: z.array(Text).min(1, 'list what the patient must tell the team'),
  steps: z.array(StepSource).min(1, 'a procedure needs at least one step'),
  risks: z.array(RiskSource).min(1, 'a procedure needs its risks'),
  recovery: z.array(MilestoneSource).min(1, 'a procedure needs recovery milestones'),
  redFlags: z
    .array(z.strictObject({ level: z.enum(['call', 'emergency']), text: Text }))
    .min(1, 'a procedure needs its red flags'),
  questionsToAsk: z.array(Text).default([]),
  quiz: z.array(QuizSource).default([]),
})
export type ProcedureSource = z.infer<typeof ProcedureSource>

export const ItemSource = z.discriminatedUnion('kind', [ConditionSource, ProcedureSource])
export type ItemSource = z.infer<typeof ItemSource>

export const GlossarySource = z.strictObject({
  terms: z
    .array(
      z.strictObject({
        id: ItemId,
        term: Text,
        definition: Text,
        /** Other spellings and forms that should also link to this term. */
        forms: z.array(Text).default([]),
      }),
    )
    .min(1),
})
export type GlossarySource = z.infer<typeof GlossarySource>

export const SourcesFile = z.strictObject({
  sources: z
    .array(
      z.strictObject({
        id: z.string().min(1),
        title: Text,
        url: z.url().optional(),
      }),
    )
    .min(1),
})
export type SourcesFile = z.infer<typeof SourcesFile>

export const AnatomySource = z.strictObject({
  parts: z
    .array(z.strictObject({ id: z.enum(ANATOMY_PARTS), name: Text, description: Text }))
    .min(1)
    .refine((parts) => ANATOMY_PARTS.every((id) => parts.some((p) => p.id === id)), {
      message: `describe every part of the hip: ${ANATOMY_PARTS.join(', ')}`,
    })
    .refine((parts) => new Set(parts.map((p) => p.id)).size === parts.length, { message: 'each part once only' }),
})
export type AnatomySource = z.infer<typeof AnatomySource>
