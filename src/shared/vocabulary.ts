/**
 * The fixed words of the content model, with no schema library attached, so
 * the renderer and the preload can use them without bundling zod. The zod
 * schemas in contract.ts are built from these.
 */
export const LOCALES = ['en', 'es'] as const
export type Locale = (typeof LOCALES)[number]

export const ITEM_KINDS = ['condition', 'procedure'] as const

/** How often a risk happens, in the words a patient hears, most often first. */
export const FREQUENCY_BANDS = ['common', 'uncommon', 'rare', 'very-rare'] as const

/** What a patient should do if a risk happens. */
export const RISK_ACTIONS = ['none', 'call', 'emergency'] as const

/** Recovery milestones, in the order a patient lives them. */
export const RECOVERY_PERIODS = ['same-day', 'day-1-2', 'days-3-7', 'weeks-2-6', 'months'] as const

export const RED_FLAG_LEVELS = ['call', 'emergency'] as const
