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

  // A region audit (docs/clinical/review-2026-12-06.md, "A seventh pass", RG rows).
  it('word what to do outside opening hours as the other half of "In opening hours, call us", in every language', () => {
    // The urgent box reads "In opening hours, call the clinic on …" then this sentence; a Spanish
    // box that said "la consulta" and then "la clínica" named two places for one.
    for (const region of REGIONS) {
      const { outOfHours } = REGION_PRESETS[region]
      expect(outOfHours.en, region).toMatch(/^Outside opening hours, /)
      expect(outOfHours.es, region).toMatch(/^Fuera del horario de atención, /)
      expect(outOfHours.es, region).not.toMatch(/clínica/)
    }
  })

  it('do not send a patient in Spain to a health centre that has closed for the night', () => {
    // Urgent primary care after hours is a separate service, often at another site, named
    // differently by region (SUAP, PAC, PAS, CUAP ...).
    expect(REGION_PRESETS.es.outOfHours.es).not.toMatch(/acuda a urgencias de su centro de salud/)
    expect(REGION_PRESETS.es.outOfHours.es).toMatch(/urgencias de atención primaria/)
    expect(REGION_PRESETS.es.outOfHours.es).toMatch(/No siempre está en su centro de salud/)
    expect(REGION_PRESETS.es.outOfHours.en).toMatch(/not always at your health centre/)
  })

  it('tell a patient in the US where to go when no urgent care center is open', () => {
    expect(REGION_PRESETS.us.outOfHours.en).toMatch(/If none is open, go to the emergency room/)
    expect(REGION_PRESETS.us.outOfHours.es).toMatch(
      /Si no hay ninguno abierto, vaya a la sala de emergencias/,
    )
  })

  it('name Scotland’s NHS 24 beside NHS 111, and tell a Spanish speaker in the UK how to ask for an interpreter', () => {
    expect(REGION_PRESETS.uk.outOfHours.en).toMatch(/NHS 111 \(NHS 24 in Scotland\)/)
    expect(REGION_PRESETS.uk.outOfHours.es).toMatch(/NHS 111 \(NHS 24 en Escocia\)/)
    expect(REGION_PRESETS.uk.outOfHours.es).toMatch(/intérprete/)
    // Samaritans means nothing to a Spanish reader: say what it is.
    expect(REGION_PRESETS.uk.crisisLine.es).toMatch(/Samaritans, un servicio de escucha,/)
  })

  it('fit every preset sentence in the settings’ 160 characters', () => {
    for (const region of REGIONS) {
      const { outOfHours, crisisLine } = REGION_PRESETS[region]
      for (const said of [outOfHours.en, outOfHours.es, crisisLine.en, crisisLine.es]) {
        expect(said.length, `${region}: ${said}`).toBeLessThanOrEqual(160)
      }
    }
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
