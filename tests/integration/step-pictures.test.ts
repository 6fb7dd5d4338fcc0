/**
 * Every step of every procedure has a picture of its own, in every language:
 * the picture exists (not the placeholder), has a name in that language, and
 * no two steps of a procedure draw the same thing. The recovery milestones
 * have theirs too. (The pictures themselves are checked by eye on the contact
 * sheet, docs/pictures/contact-sheet.png: `npm run contact-sheet`.)
 */
import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { join } from 'node:path'
import { PICTURE_IDS, RECOVERY_PICTURES } from '@shared/pictures'
import { RECOVERY_PERIODS } from '@shared/vocabulary'
import Picture from '@renderer/ui/pictures/Picture.vue'
import { createKioskI18n } from '@renderer/app/i18n'
import { loadContent } from '../../src/core/content/load.ts'

// The real library (this runs in the DOM environment, where import.meta.url is not a file).
const CONTENT_DIR = join(import.meta.dirname, '..', '..', 'content')

const drawings = new Map<string, { label: string; shapes: string }>()
function drawn(id: string, locale: 'en' | 'es') {
  const key = `${locale} ${id}`
  if (!drawings.has(key)) {
    const svg = mount(Picture, { props: { id }, global: { plugins: [createKioskI18n(locale)] } }).get('svg')
    drawings.set(key, { label: svg.attributes('aria-label') ?? '', shapes: svg.html() })
  }
  return drawings.get(key)!
}

const LOCALES = ['en', 'es'] as const
const procedures = loadContent(CONTENT_DIR).items.flatMap(({ item, locale }) => {
  const language = LOCALES.find((l) => l === locale)
  return item.kind === 'procedure' && language ? [{ item, locale: language }] : []
})

describe('the step pictures', () => {
  it('cover the six procedures in English and Spanish', () => {
    expect(procedures.length).toBe(12)
  })

  for (const { item, locale } of procedures) {
    describe(`${item.id} (${locale})`, () => {
      const placeholder = drawn('not-a-picture', locale).label
      const steps = item.steps.map((step, index) => ({
        step: `step ${index + 1}, ${step.title}`,
        id: step.picture,
      }))
      const milestones = item.recovery.map((m) => ({
        step: `recovery, ${m.period}`,
        id: RECOVERY_PICTURES[m.period],
      }))

      it('gives every step and milestone a picture that exists, named in the language', () => {
        for (const { step, id } of [...steps, ...milestones]) {
          expect(PICTURE_IDS, step).toContain(id)
          const { label } = drawn(id, locale)
          expect(label, step).not.toBe(placeholder)
          expect(label.length, step).toBeGreaterThan(20)
        }
      })

      it('draws no two steps the same', () => {
        const pictures = [...steps, ...milestones]
        const seen = new Map<string, string>()
        for (const { step, id } of pictures) {
          const { shapes } = drawn(id, locale)
          expect(seen.get(shapes), `${step} looks like ${seen.get(shapes)}`).toBeUndefined()
          seen.set(shapes, step)
        }
      })
    })
  }

  it('has a picture for every recovery period, each different', () => {
    const ids = RECOVERY_PERIODS.map((period) => RECOVERY_PICTURES[period])
    expect(new Set(ids.map((id) => drawn(id, 'en').shapes)).size).toBe(RECOVERY_PERIODS.length)
  })
})
