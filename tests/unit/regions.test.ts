import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dispatch } from '../../src/core/services/dispatch.ts'
import { createKioskCore } from '../../src/core/services/handlers.ts'
import {
  REGION_PRESETS,
  REGIONS,
  dateLocale,
  formatCalendarDate,
  presetSettings,
} from '../../src/shared/regions.ts'
import { buildFixtureDb, tempDir } from '../fixtures/library.ts'

const dir = tempDir()
let fixtureDb: string
beforeAll(() => {
  fixtureDb = buildFixtureDb(dir.path)
})
afterAll(() => dir.remove())

describe('region presets', () => {
  it('give each region its emergency number and its way of writing dates', () => {
    expect(presetSettings('us')).toMatchObject({ emergencyNumber: '911', dateFormat: 'month-day-year' })
    expect(presetSettings('uk')).toMatchObject({ emergencyNumber: '999', dateFormat: 'day-month-year' })
    expect(presetSettings('es')).toMatchObject({ emergencyNumber: '112', dateFormat: 'day-month-year' })
    expect(presetSettings('uk').outOfHoursEn).toContain('NHS 111')
  })

  it('word the out-of-hours advice in every language for every region', () => {
    for (const region of REGIONS) {
      const { outOfHours } = REGION_PRESETS[region]
      expect(outOfHours.en.length, region).toBeGreaterThan(10)
      expect(outOfHours.es.length, region).toBeGreaterThan(10)
      expect(outOfHours.es, region).not.toBe(outOfHours.en)
    }
  })

  it('give each region a crisis line to talk to someone day or night, in every language', () => {
    const numbers = { uk: '116 123', us: '988', es: '024' } as const
    for (const region of REGIONS) {
      const { crisisLineEn, crisisLineEs } = presetSettings(region)
      expect(crisisLineEn, region).toContain(numbers[region])
      expect(crisisLineEs, region).toContain(numbers[region])
      expect(crisisLineEs, region).not.toBe(crisisLineEn)
    }
  })

  it('say in Spanish what works in Spanish: pressing 2 is for a call to 988, not a text; 024 in plain words', () => {
    expect(REGION_PRESETS.us.crisisLine.es).toMatch(/llame al 988 y marque 2 para español/)
    expect(REGION_PRESETS.us.crisisLine.es).not.toMatch(/escriba/)
    expect(REGION_PRESETS.es.crisisLine.es).toMatch(/la línea de ayuda si piensa en el suicidio/)
  })

  it('are saved as the settings they fill, and reach the patient screens through the kiosk config', async () => {
    const core = createKioskCore({
      bundledContent: fixtureDb,
      dataDir: join(dir.path, 'region'),
      log: () => {},
    })
    const call = (method: string, input: unknown) => dispatch(core.handlers, method, input)
    await call('staffSetPin', { pin: '2468', setupCode: core.firstRunCode() })
    const login = (await call('staffLogin', { pin: '2468' })) as { ok: true; value: { token: string } }
    const token = login.value.token

    // A new kiosk has no clinic name and no number it could get wrong.
    expect(await call('getKioskConfig', {})).toMatchObject({
      ok: true,
      value: {
        clinicName: null,
        clinicPhone: null,
        emergencyNumber: null,
        outOfHours: { en: null, es: null },
        crisisLine: { en: null, es: null },
      },
    })
    const saved = await call('updateSettings', {
      token,
      changes: { region: 'uk', ...presetSettings('uk'), emergencyNumber: '999' },
    })
    expect(saved).toMatchObject({ ok: true, value: { region: 'uk', emergencyNumber: '999' } })
    expect(await call('getKioskConfig', {})).toMatchObject({
      ok: true,
      value: {
        emergencyNumber: '999',
        outOfHours: { en: REGION_PRESETS.uk.outOfHours.en, es: REGION_PRESETS.uk.outOfHours.es },
        crisisLine: { en: REGION_PRESETS.uk.crisisLine.en, es: REGION_PRESETS.uk.crisisLine.es },
        dateFormat: 'day-month-year',
      },
    })
    // Staff may edit what the preset filled; a bad number is refused and the old one kept.
    expect(await call('updateSettings', { token, changes: { emergencyNumber: 'call 999' } })).toMatchObject({
      ok: false,
      error: { code: 'bad-input', fields: ['emergencyNumber'] },
    })
    expect(await call('updateSettings', { token, changes: { region: 'mars' } })).toMatchObject({
      ok: false,
      error: { fields: ['region'] },
    })
    expect(await call('getKioskConfig', {})).toMatchObject({ ok: true, value: { emergencyNumber: '999' } })
    core.close()
  })
})

describe('dates by region', () => {
  it('write English dates day first in the UK and Spain, month first in the US', () => {
    expect(formatCalendarDate('2026-11-20', 'en', presetSettings('uk').dateFormat)).toBe('20 November 2026')
    expect(formatCalendarDate('2026-11-20', 'en', presetSettings('us').dateFormat)).toBe('November 20, 2026')
    expect(formatCalendarDate('2026-11-20', 'en', presetSettings('es').dateFormat)).toBe('20 November 2026')
  })

  it('write Spanish dates day first everywhere', () => {
    for (const region of REGIONS) {
      expect(formatCalendarDate('2026-11-20', 'es', presetSettings(region).dateFormat)).toBe(
        '20 de noviembre de 2026',
      )
    }
    expect(dateLocale('es', 'month-day-year')).toBe('es-ES')
  })

  it('add the weekday for appointments, and never shift the day by time zone', () => {
    // ICU versions differ on the comma after a British weekday; the order is what matters.
    expect(formatCalendarDate('2026-03-03', 'en', 'day-month-year', { weekday: true })).toMatch(
      /^Tuesday,? 3 March 2026$/,
    )
    expect(formatCalendarDate('2026-03-03', 'en', 'month-day-year', { weekday: true })).toBe(
      'Tuesday, March 3, 2026',
    )
    expect(formatCalendarDate('2026-01-01', 'en', 'month-day-year')).toBe('January 1, 2026')
  })

  it('leave anything that is not a calendar date as it is', () => {
    expect(formatCalendarDate('next week', 'en', 'day-month-year')).toBe('next week')
  })
})
