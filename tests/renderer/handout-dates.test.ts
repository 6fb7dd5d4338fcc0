import { describe, expect, it } from 'vitest'
import { longCalendarDate } from '@renderer/composables/useHandoutText'

const INTL_LOCALE = { en: 'en-GB', es: 'es-ES' } as const

const formats = {
  en: new Intl.DateTimeFormat(INTL_LOCALE.en, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }),
  es: new Intl.DateTimeFormat(INTL_LOCALE.es, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }),
}

function intlLongDate(iso: string, locale: 'en' | 'es'): string {
  return formats[locale].format(new Date(`${iso}T00:00:00Z`))
}

describe("the handouts' long dates", () => {
  it('are written exactly as Intl writes them, every day from 1990 to 2100, in both languages', () => {
    const differ: string[] = []
    for (const locale of ['en', 'es'] as const) {
      for (let t = Date.UTC(1990, 0, 1); t <= Date.UTC(2100, 11, 31); t += 86_400_000) {
        const iso = new Date(t).toISOString().slice(0, 10)
        const ours = longCalendarDate(iso, locale)
        if (ours !== intlLongDate(iso, locale)) differ.push(`${locale} ${iso}: ${ours}`)
      }
    }
    expect(differ).toEqual([])
    expect(longCalendarDate('2026-11-20', 'en')).toBe('20 November 2026')
    expect(longCalendarDate('2026-11-20', 'es')).toBe('20 de noviembre de 2026')
  })

  it('treat an impossible date as Intl does', () => {
    expect(longCalendarDate('2026-02-31', 'en')).toBe(intlLongDate('2026-02-31', 'en'))
    expect(() => longCalendarDate('2026-13-01', 'en')).toThrow(RangeError)
    expect(() => intlLongDate('2026-13-01', 'en')).toThrow(RangeError)
  })
})
