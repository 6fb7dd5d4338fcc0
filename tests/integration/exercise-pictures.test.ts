/**
 * The exercise programme's pictures: every exercise in the shipped guide has a
 * drawing of its own, the drawing exists (not the placeholder), and no two
 * exercises look the same.
 */
import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { EXERCISE_PICTURES } from '@shared/pictures'
import Picture from '@renderer/ui/pictures/Picture.vue'
import { createKioskI18n } from '@renderer/app/i18n'
import { join } from 'node:path'
import { loadContent } from '../../src/core/content/load.ts'

// The real library (this runs in the DOM environment, where import.meta.url is not a file).
const CONTENT_DIR = join(import.meta.dirname, '..', '..', 'content')

function drawn(id: string) {
  const svg = mount(Picture, { props: { id }, global: { plugins: [createKioskI18n('en')] } }).get('svg')
  return { label: svg.attributes('aria-label') ?? '', shapes: svg.html() }
}

describe('the exercise pictures', () => {
  const exercises = loadContent(CONTENT_DIR).items.flatMap((i) =>
    i.item.kind === 'guide' && i.item.id === 'hip-exercises' && i.locale === 'en'
      ? i.item.sections.flatMap((s) => (s.picture ? [{ key: s.key, picture: s.picture }] : []))
      : [],
  )

  it('give every exercise of the programme a drawing of its own that exists', () => {
    expect(exercises.length).toBeGreaterThanOrEqual(6)
    const placeholder = drawn('not-a-picture').label
    for (const { key, picture } of exercises) {
      expect(EXERCISE_PICTURES, key).toContain(picture)
      expect(drawn(picture).label, key).not.toBe(placeholder)
    }
    expect(new Set(exercises.map((e) => e.picture)).size).toBe(exercises.length)
  })

  it('draw no two exercises the same', () => {
    const shapes = EXERCISE_PICTURES.map((id) => drawn(id).shapes)
    expect(new Set(shapes).size).toBe(EXERCISE_PICTURES.length)
    // Each is a person in a pose, not an empty frame.
    for (const svg of shapes) expect((svg.match(/<path/g) ?? []).length).toBeGreaterThanOrEqual(6)
  })
})
