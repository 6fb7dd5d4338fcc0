/**
 * The on-screen keyboard's layouts: one data file per language in ./layouts
 * (its letters, including accents, and the words on its special keys, in that
 * language), and one numeric pad for numbers and phone numbers. A language
 * without a file of its own types on the source language's layout.
 */
import { SOURCE_LOCALE } from '@shared/vocabulary'

export interface LanguageLayout {
  /** The keyboard's name, for screen readers. */
  label: string
  /** simple-keyboard's rows: `default`, and `shift` for capitals. */
  layout: Record<'default' | 'shift', string[]>
  /** Words on the special keys ({bksp}, {shift}, {space}, {enter}, {hide}). */
  display: Record<string, string>
}

interface NumericLayout {
  layout: { default: string[] }
}

const files = import.meta.glob<LanguageLayout | NumericLayout>('./layouts/*.json', {
  eager: true,
  import: 'default',
})

const byName = new Map(
  Object.entries(files).map(([path, layout]) => [path.replace(/^.*\/(.+)\.json$/, '$1'), layout]),
)

/** The languages that have a layout of their own. */
export const LAYOUT_LANGUAGES = [...byName.keys()].filter((name) => name !== 'numeric')

/** A layout by name (a language's data names it), or the source language's. */
export function languageLayout(name: string): LanguageLayout {
  return (byName.get(name) ?? byName.get(SOURCE_LOCALE)) as LanguageLayout
}

/** Digits, +, brackets and a dash: for numbers, PIN set-up codes and phone numbers. */
export const NUMERIC_ROWS = (byName.get('numeric') as NumericLayout).layout.default
