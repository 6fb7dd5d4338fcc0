/**
 * The staff screens: settings (a refused value is marked with the core's
 * message and the old value stays), the usage counts (table, chart, CSV), the
 * review list, and the content pack with its roll back.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { enableAutoUnmount, flushPromises, type VueWrapper } from '@vue/test-utils'
import type { UsageRow } from '@shared/contract'
import { localDay, lastDays, screensPerDay, usageCsv } from '@renderer/features/staff/usage'
import { changesOf, draftOf, fieldMessages } from '@renderer/features/staff/settingsForm'
import { getButton, getLink, headings, preloadStandIn, tap } from './helpers'
import { IMPORTED_HASH, SETTINGS, staffBridge, type StaffBridge } from './staff-fixtures'
import type { KioskPacksBridge, PickPackRequest } from '@shared/packs'
import { mountAsStaff } from './staff-helpers'

enableAutoUnmount(afterEach)
afterEach(() => vi.restoreAllMocks())

/** The control labelled `label` (its <label for>). */
function field(wrapper: VueWrapper, label: string) {
  const found = wrapper.findAll('label').find((l) => l.text().trim() === label)
  if (!found) throw new Error(`no label ${label}`)
  return wrapper.get<HTMLInputElement>(`[id="${found.attributes('for')}"]`)
}

/** The text the control is described by (help, and the error when there is one). */
function description(wrapper: VueWrapper, control: ReturnType<typeof field>): string {
  return (control.attributes('aria-describedby') ?? '')
    .split(' ')
    .map((id) => wrapper.find(`[id="${id}"]`).text())
    .join(' | ')
    .replace(/\s+/g, ' ')
}

describe('the staff menu', () => {
  it('links to every staff function under the clinic name', async () => {
    const { wrapper } = await mountAsStaff('/staff/home')
    expect(wrapper.get('[data-staff-clinic]').text()).toBe('Riverside Clinic')
    for (const [name, href] of [
      [/^Explain a procedure/, '/staff/explain'],
      [/^Settings/, '/staff/settings'],
      [/^Usage counts/, '/staff/usage'],
      [/^Clinical review/, '/staff/review'],
      [/^Content pack/, '/staff/content'],
    ] as const) {
      expect(getLink(wrapper, name).attributes('href')).toBe(href)
    }
  })
})

describe('the settings screen', () => {
  it('shows every setting with its label, help and current value', async () => {
    const { wrapper } = await mountAsStaff('/staff/settings')
    expect(headings(wrapper, 'h1')).toEqual(['Settings'])
    expect(field(wrapper, 'Clinic name').element.value).toBe('Riverside Clinic')
    expect(field(wrapper, 'Phone number').element.value).toBe('020 7946 0000')
    expect(field(wrapper, 'Web address (optional)').element.value).toBe('')
    expect(field(wrapper, 'Logo').attributes('type')).toBe('file')
    expect(field(wrapper, 'Default language').element.value).toBe('en')
    expect(field(wrapper, 'Idle time (seconds)').element.value).toBe('90')
    expect(field(wrapper, 'Printer').element.value).toBe('')
    // A browser has no list of printers: the screen says its print window chooses one.
    expect(wrapper.get('[data-staff-printer-note]').text()).toContain(
      'In this browser preview the print window chooses the printer each time',
    )
    expect(field(wrapper, 'Kiosk lock').element.checked).toBe(false)
    expect(wrapper.findAll('legend.setting__label').map((legend) => legend.text())).toEqual([
      'How dates are written',
      'On-screen keyboard',
      'Paper size',
    ])
    expect(wrapper.get<HTMLInputElement>('input[type="radio"][value="automatic"]').element.checked).toBe(true)
    expect(wrapper.get<HTMLInputElement>('input[type="radio"][value="a4"]').element.checked).toBe(true)
    expect(description(wrapper, field(wrapper, 'Idle time (seconds)'))).toContain('30 to 600')
  })

  it('fills the emergency number, the out-of-hours advice and the date format from a region, all editable before saving', async () => {
    const { wrapper, bridge } = await mountAsStaff('/staff/settings')
    await field(wrapper, 'Region').setValue('us')
    expect(field(wrapper, 'Emergency number').element.value).toBe('911')
    expect(field(wrapper, 'When the clinic is closed (English)').element.value).toContain('urgent care')
    expect(wrapper.get<HTMLInputElement>('input[type="radio"][value="month-day-year"]').element.checked).toBe(
      true,
    )
    await field(wrapper, 'When the clinic is closed (English)').setValue('Call our after-hours line.')
    await tap(getButton(wrapper, 'Save the settings'))
    expect(bridge.state.settings).toMatchObject({
      region: 'us',
      emergencyNumber: '911',
      outOfHoursEn: 'Call our after-hours line.',
      dateFormat: 'month-day-year',
    })
  })

  it('saves the staff language on its own, leaving the default language as it was', async () => {
    const { wrapper, bridge } = await mountAsStaff('/staff/settings')
    const staffLanguage = field(wrapper, 'Staff language (explain mode)')
    expect(staffLanguage.element.value).toBe(bridge.state.settings.staffLanguage)
    const defaultBefore = bridge.state.settings.defaultLocale
    const other = defaultBefore === 'es' ? 'en' : 'es'
    await staffLanguage.setValue(other)
    expect(field(wrapper, 'Default language').element.value).toBe(defaultBefore)
    await tap(getButton(wrapper, 'Save the settings'))
    expect(bridge.state.settings).toMatchObject({ staffLanguage: other, defaultLocale: defaultBefore })
  })

  it('has the staff and explain idle locks, each with its range, and refuses one out of range', async () => {
    const { wrapper, bridge } = await mountAsStaff('/staff/settings')
    const staffIdle = field(wrapper, 'Staff mode locks after (seconds)')
    const explainIdle = field(wrapper, 'Explain mode locks after (seconds)')
    expect(staffIdle.element.value).toBe('60')
    expect(explainIdle.element.value).toBe('600')
    expect(description(wrapper, staffIdle)).toContain('15 to 600')
    expect(description(wrapper, explainIdle)).toContain('60 to 600')
    await staffIdle.setValue('5')
    await explainIdle.setValue('300')
    await tap(getButton(wrapper, 'Save the settings'))
    expect(description(wrapper, field(wrapper, 'Staff mode locks after (seconds)'))).toContain(
      'At least 15 seconds.',
    )
    expect(bridge.state.settings.explainIdleSeconds).toBe(600)
    await field(wrapper, 'Staff mode locks after (seconds)').setValue('30')
    await tap(getButton(wrapper, 'Save the settings'))
    expect(bridge.state.settings).toMatchObject({ staffIdleSeconds: 30, explainIdleSeconds: 300 })
  })

  it('marks a refused value with the core’s message and the value still saved, and saves nothing', async () => {
    const { wrapper, bridge } = await mountAsStaff('/staff/settings')
    await field(wrapper, 'Idle time (seconds)').setValue('5')
    await field(wrapper, 'Phone number').setValue('call us')
    await field(wrapper, 'Clinic name').setValue('Hillside Clinic')
    await tap(getButton(wrapper, 'Save the settings'))

    expect(bridge.calls.filter((call) => call.method === 'updateSettings').at(-1)?.input).toMatchObject({
      changes: { idleTimeoutSeconds: 5, clinicPhone: 'call us', clinicName: 'Hillside Clinic' },
    })
    const idle = field(wrapper, 'Idle time (seconds)')
    expect(idle.attributes('aria-invalid')).toBe('true')
    expect(description(wrapper, idle)).toContain('At least 30 seconds.')
    expect(description(wrapper, idle)).toContain('Still saved: 90 seconds')
    const phone = field(wrapper, 'Phone number')
    expect(description(wrapper, phone)).toContain('A phone number: digits, spaces, + ( ) and -')
    expect(description(wrapper, phone)).toContain('Still saved: 020 7946 0000')
    // What staff typed stays in the boxes to be fixed; the good value was not saved either.
    expect(idle.element.value).toBe('5')
    expect(field(wrapper, 'Clinic name').attributes('aria-invalid')).toBe('false')
    expect(bridge.state.settings).toEqual(SETTINGS)
    expect(wrapper.get('[role="alert"] [data-staff-settings-outcome]').text()).toBe(
      'Not saved: 2 values need fixing. All the old values are kept.',
    )
    expect(document.activeElement).toBe(phone.element)
  })

  it('saves good values and says so', async () => {
    const { wrapper, bridge } = await mountAsStaff('/staff/settings')
    await field(wrapper, 'Clinic name').setValue('Hillside Clinic')
    await field(wrapper, 'Web address (optional)').setValue('https://hillside.example')
    await field(wrapper, 'Idle time (seconds)').setValue('120')
    await field(wrapper, 'Kiosk lock').setValue(true)
    await wrapper.get('input[type="radio"][value="letter"]').setValue(true)
    await tap(getButton(wrapper, 'Save the settings'))

    expect(bridge.state.settings).toMatchObject({
      clinicName: 'Hillside Clinic',
      clinicWebsite: 'https://hillside.example',
      idleTimeoutSeconds: 120,
      kioskLock: true,
      paperSize: 'letter',
      clinicPhone: '020 7946 0000',
    })
    expect(wrapper.get('[role="status"] [data-staff-settings-outcome]').text()).toBe(
      'Saved. The new settings apply from the next patient session.',
    )
    expect(wrapper.find('[aria-invalid="true"]').exists()).toBe(false)
  })

  it('says a full disk saved nothing, keeps the old values and what staff typed', async () => {
    const { wrapper, bridge } = await mountAsStaff('/staff/settings')
    bridge.updateSettings = (input) => {
      bridge.calls.push({ method: 'updateSettings', input })
      return Promise.resolve({ ok: false, error: { code: 'disk-full', message: 'The disk is full.' } })
    }
    await field(wrapper, 'Clinic name').setValue('Hillside Clinic')
    await tap(getButton(wrapper, 'Save the settings'))

    expect(wrapper.get('[role="alert"] [data-staff-settings-outcome]').text()).toBe(
      'Not saved: the kiosk’s disk is full. All the old values are kept. Ask whoever looks after the kiosk computer to free some space, then save again.',
    )
    expect(field(wrapper, 'Clinic name').element.value).toBe('Hillside Clinic')
    expect(bridge.state.settings).toEqual(SETTINGS)
  })

  it('says when there is nothing to save, without asking the core', async () => {
    const { wrapper, bridge } = await mountAsStaff('/staff/settings')
    await tap(getButton(wrapper, 'Save the settings'))
    expect(bridge.calls.some((call) => call.method === 'updateSettings')).toBe(false)
    expect(wrapper.text()).toContain('Nothing has changed, so there was nothing to save.')
  })

  it('reads a logo in the page as a data: URL, and refuses other kinds and big files', async () => {
    const { wrapper, bridge } = await mountAsStaff('/staff/settings')
    const input = field(wrapper, 'Logo')
    const choose = async (file: File) => {
      Object.defineProperty(input.element, 'files', { value: [file], configurable: true })
      await input.trigger('change')
      await flushPromises()
      await new Promise((resolve) => setTimeout(resolve, 20))
      await flushPromises()
    }

    await choose(new File(['GIF89a'], 'logo.gif', { type: 'image/gif' }))
    expect(wrapper.text()).toContain('Choose a PNG, JPEG or SVG picture.')
    await choose(new File([new Uint8Array(210 * 1024)], 'big.png', { type: 'image/png' }))
    expect(wrapper.text()).toContain('That picture is 210 KB. Choose one smaller than 200 KB.')

    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>'
    await choose(new File([svg], 'logo.svg', { type: 'image/svg+xml' }))
    const preview = wrapper.get('img.staff-settings__logo-preview')
    expect(preview.attributes('src')).toMatch(/^data:image\/svg\+xml;base64,/)
    expect(preview.attributes('alt')).toBe('The logo')
    await tap(getButton(wrapper, 'Save the settings'))
    expect(bridge.state.settings.clinicLogo).toBe(preview.attributes('src'))
  })
})

describe('the settings form, in parts', () => {
  it('sends only what changed, empty boxes as "none", a number box as a number', () => {
    const draft = {
      ...draftOf(SETTINGS),
      clinicPhone: '  ',
      idleTimeoutSeconds: '45',
      clinicName: 'Riverside Clinic ',
    }
    expect(changesOf(draft, SETTINGS)).toEqual({ clinicPhone: null, idleTimeoutSeconds: 45 })
    expect(changesOf({ ...draft, idleTimeoutSeconds: 'soon' }, SETTINGS)).toMatchObject({
      idleTimeoutSeconds: 'soon',
    })
  })

  it('takes each refused setting’s message from the error’s fieldErrors, never from its text', () => {
    expect(
      fieldMessages({
        code: 'bad-input',
        // The text says something else entirely: only the structured details count.
        message: 'Not saved.',
        fields: ['clinicPhone', 'idleTimeoutSeconds', 'printerName', 'adminMode'],
        fieldErrors: [
          { field: 'clinicPhone', message: 'a phone number: digits, spaces, + ( ) and -' },
          { field: 'idleTimeoutSeconds', message: 'at least 30 seconds' },
          { field: 'adminMode', message: 'there is no such setting' },
        ],
      }),
    ).toEqual({
      clinicPhone: 'A phone number: digits, spaces, + ( ) and -.',
      idleTimeoutSeconds: 'At least 30 seconds.',
      // Named without a message of its own: marked, with the screen's general words.
      printerName: '',
    })
  })
})

describe('the usage counts', () => {
  const today = localDay(new Date())
  const [yesterday] = lastDays(2)
  const rows: UsageRow[] = [
    { day: today, metric: 'screen', key: 'home', count: 5 },
    { day: today, metric: 'screen', key: 'condition', count: 3 },
    { day: today, metric: 'item', key: 'hip-osteoarthritis', count: 2 },
    { day: today, metric: 'display-mode', key: 'large-text', count: 1 },
    { day: yesterday!, metric: 'screen', key: 'attract', count: 4 },
    { day: yesterday!, metric: 'language', key: 'es', count: 1 },
    { day: yesterday!, metric: 'session-length', key: '1-to-3-min', count: 1 },
  ]

  it('lists every count in a table: day, what, count', async () => {
    const { wrapper } = await mountAsStaff('/staff/usage', staffBridge({ usage: rows }))
    const table = wrapper.get('[data-staff-usage-table]')
    expect(table.findAll('thead th').map((th) => th.text())).toEqual(['Day', 'What', 'Count'])
    const body = table.findAll('tbody tr').map((tr) => tr.findAll('td').map((td) => td.text()))
    expect(body.map((cells) => cells.slice(1))).toEqual([
      ['Screen: home', '5'],
      ['Screen: condition', '3'],
      ['Item opened: Hip osteoarthritis', '2'],
      ['Display mode: large text', '1'],
      ['Screen: attract', '4'],
      ['Language: Español', '1'],
      ['Session length: 1 to 3 minutes', '1'],
    ])
    expect(table.get('tbody time').attributes('datetime')).toBe(today)
  })

  it('draws screens viewed per day as bars, with a text alternative', async () => {
    const { wrapper } = await mountAsStaff('/staff/usage', staffBridge({ usage: rows }))
    const svg = wrapper.get('[data-staff-usage-chart]')
    expect(svg.attributes('role')).toBe('img')
    const named = (svg.attributes('aria-labelledby') ?? '')
      .split(' ')
      .map((id) => wrapper.get(`[id="${id}"]`).text())
    expect(named[0]).toBe('Screens viewed per day, last 7 days')
    expect(named[1]).toMatch(
      /^Bar chart\. 12 screens viewed in the last 7 days; the busiest day was .* with 8\.$/,
    )
    expect(svg.findAll('rect.usage-chart__bar')).toHaveLength(2)
    expect(wrapper.findAll('.usage-chart__list li')).toHaveLength(7)
  })

  it('asks again for 30 or 90 days', async () => {
    const { wrapper, bridge } = await mountAsStaff('/staff/usage', staffBridge({ usage: rows }))
    await wrapper.get('input[type="radio"][value="30"]').setValue(true)
    await flushPromises()
    expect(
      bridge.calls
        .filter((call) => call.method === 'usageReport')
        .map((call) => (call.input as { days: number }).days),
    ).toEqual([7, 30])
    expect(wrapper.text()).toContain('Screens viewed per day, last 30 days')
  })

  it('adds up the patient sessions, screens and handouts printed, and names each handout by its title', async () => {
    const counted: UsageRow[] = [
      ...rows,
      { day: today, metric: 'session-length', key: 'under-1-min', count: 3 },
      { day: today, metric: 'handout', key: 'ultrasound-guided-hip-injection', count: 2 },
      { day: yesterday!, metric: 'handout', key: 'hip-osteoarthritis', count: 1 },
    ]
    const { wrapper } = await mountAsStaff('/staff/usage', staffBridge({ usage: counted }))
    const totals = wrapper.get('[data-staff-usage-totals]')
    const pairs = totals.findAll('dt').map((dt, index) => [dt.text(), totals.findAll('dd')[index]!.text()])
    expect(pairs).toEqual([
      ['Patient sessions', '4'],
      ['Screens viewed', '12'],
      ['Handouts printed', '3'],
    ])
    expect(wrapper.get('[data-staff-usage-table]').text()).toContain(
      'Handout printed: Ultrasound-guided hip injection',
    )
  })

  it('shows the last calendar week (Monday to Sunday) and the last calendar month, and only their days', async () => {
    const now = new Date()
    const day = (back: number) =>
      localDay(new Date(now.getFullYear(), now.getMonth(), now.getDate() - back, 12))
    const sinceMonday = (now.getDay() + 6) % 7
    const lastSunday = day(sinceMonday + 1)
    const lastMonday = day(sinceMonday + 7)
    const week: UsageRow[] = [
      { day: today, metric: 'screen', key: 'home', count: 9 },
      { day: lastSunday, metric: 'screen', key: 'guide', count: 2 },
      { day: lastMonday, metric: 'screen', key: 'quiz', count: 1 },
      { day: day(sinceMonday + 8), metric: 'screen', key: 'search', count: 5 },
    ]
    const { wrapper, bridge } = await mountAsStaff('/staff/usage', staffBridge({ usage: week }))
    await wrapper.get('input[type="radio"][value="week"]').setValue(true)
    await flushPromises()
    expect(bridge.calls.filter((call) => call.method === 'usageReport').at(-1)?.input).toMatchObject({
      days: sinceMonday + 8,
    })
    expect(wrapper.text()).toContain('Screens viewed per day, last calendar week')
    expect(wrapper.findAll('.usage-chart__list li')).toHaveLength(7)
    const listed = wrapper.findAll('[data-staff-usage-table] tbody td:nth-child(2)').map((td) => td.text())
    expect(listed).toEqual(['Screen: guide', 'Screen: quiz'])

    await wrapper.get('input[type="radio"][value="month"]').setValue(true)
    await flushPromises()
    const daysInLastMonth = new Date(now.getFullYear(), now.getMonth(), 0).getDate()
    expect(wrapper.text()).toContain('Screens viewed per day, last calendar month')
    expect(wrapper.findAll('.usage-chart__list li')).toHaveLength(daysInLastMonth)
    expect(bridge.calls.filter((call) => call.method === 'usageReport').at(-1)?.input).toMatchObject({
      days: daysInLastMonth + now.getDate(),
    })
  })

  it('downloads the rows as the same CSV that usage-export prints', async () => {
    const blobs: Blob[] = []
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob)
      return 'blob:usage'
    })
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {})
    const clicked: HTMLAnchorElement[] = []
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this)
    })
    const { wrapper } = await mountAsStaff('/staff/usage', staffBridge({ usage: rows }))
    await tap(getButton(wrapper, 'Download CSV'))

    expect(clicked).toHaveLength(1)
    expect(clicked[0]!.download).toBe(`kiosk-usage-${today}-last-7-days.csv`)
    expect(clicked[0]!.getAttribute('href')).toBe('blob:usage')
    expect(blobs[0]!.type).toBe('text/csv;charset=utf-8')
    expect(await blobs[0]!.text()).toBe(usageCsv(rows))
  })

  it('writes CSV exactly as the core does', () => {
    expect(usageCsv(rows.slice(0, 2))).toBe(
      `day,metric,key,count,language\n${today},screen,home,5,\n${today},screen,condition,3,\n`,
    )
    expect(usageCsv([])).toBe('day,metric,key,count,language\n')
    // A handout's language, last: a two-language one as "en+es", unquoted like the core's.
    expect(usageCsv([{ day: today, metric: 'handout', key: 'sore-hip', lang: 'en+es', count: 2 }])).toBe(
      `day,metric,key,count,language\n${today},handout,sore-hip,2,en+es\n`,
    )
  })

  it('adds up screens per day, with 0 for quiet days', () => {
    const days = lastDays(3)
    expect(screensPerDay(rows, days)).toEqual([
      { day: days[0], count: 0 },
      { day: yesterday, count: 4 },
      { day: today, count: 8 },
    ])
  })
})

describe('the content review list', () => {
  it('lists every item with where its review stands, those waiting first, and says the signer is a record', async () => {
    const { wrapper } = await mountAsStaff('/staff/review')
    const rowsText = wrapper
      .findAll('[data-staff-review-table] tbody tr')
      .map((tr) => tr.text().replace(/\s+/g, ' '))
    expect(rowsText).toHaveLength(2)
    expect(rowsText[0]).toContain('Hip osteoarthritis')
    expect(rowsText[0]).toContain('Not yet signed')
    expect(rowsText[1]).toContain('Signed by Dr A. Example (Consultant) on December 1, 2026')
    expect(wrapper.get('[data-staff-review-waiting]').text()).toBe('1 item waits for sign-off.')
    expect(wrapper.get('[data-staff-review-identity]').text()).toBe(
      'With one staff PIN, the signer’s name is as typed: a record, not an identity.',
    )
  })

  it('says when there is no content', async () => {
    const { wrapper } = await mountAsStaff('/staff/review', staffBridge({ review: [] }))
    expect(wrapper.get('[data-staff-review-none]').text()).toBe('There is no content to review.')
  })
})

describe('the content pack screen', () => {
  it('shows which content is in use, and rolls back only after a confirm step', async () => {
    const { wrapper, bridge } = await mountAsStaff('/staff/content')
    expect(wrapper.get('[data-staff-pack-source]').text()).toBe('An imported content pack')
    // IT and staff reporting a problem can say which kiosk this is.
    expect(wrapper.get('[data-staff-kiosk-version]').text()).toBe('0.2.0')
    expect(wrapper.text()).toContain('f'.repeat(64))
    expect(wrapper.text()).toContain('npm run kiosk -- import-pack FILE --data-dir DIR')

    await tap(getButton(wrapper, 'Roll back…'))
    expect(bridge.calls.some((call) => call.method === 'rollbackContent')).toBe(false)
    expect(wrapper.get('[data-staff-rollback-confirm] h2').text()).toBe('Go back to the previous content?')
    await tap(getButton(wrapper, 'Cancel'))
    expect(wrapper.find('[data-staff-rollback-confirm]').exists()).toBe(false)
    expect(bridge.calls.some((call) => call.method === 'rollbackContent')).toBe(false)

    await tap(getButton(wrapper, 'Roll back…'))
    await tap(getButton(wrapper, 'Yes, roll back'))
    expect(bridge.calls.filter((call) => call.method === 'rollbackContent')).toHaveLength(1)
    expect(wrapper.text()).toContain('Rolled back. The kiosk now uses the content shown here.')
    expect(wrapper.text()).toContain('e'.repeat(64))
  })

  it('shows why an imported pack is not in use', async () => {
    const { wrapper } = await mountAsStaff(
      '/staff/content',
      staffBridge({
        pack: {
          kioskVersion: '0.2.0',
          source: 'bundled',
          contentHash: 'b'.repeat(64),
          problem: 'The imported pack failed its integrity check.',
          canRollBack: false,
          slots: [],
        },
      }),
    )
    expect(wrapper.get('[data-staff-pack-source]').text()).toBe('The content bundled with the app')
    expect(wrapper.get('[data-staff-pack-problem]').text()).toContain(
      'The imported pack failed its integrity check.',
    )
    expect(getButton(wrapper, 'Roll back…').attributes('disabled')).toBeDefined()
  })

  it('shows the last check of the signed feed: when, what happened, what changed, who signed, when the feed expires', async () => {
    const never = await mountAsStaff('/staff/content')
    expect(never.wrapper.get('[data-staff-feed-status]').text()).toContain(
      'This kiosk has not checked a signed feed yet.',
    )
    expect(never.wrapper.get('[data-staff-feed-address]').text()).toContain('No feed is set yet')
    expect(getButton(never.wrapper, 'Check now').attributes('disabled')).toBeDefined()
    never.wrapper.unmount()
    const { wrapper } = await mountAsStaff(
      '/staff/content',
      staffBridge({
        settings: { ...SETTINGS, feedAddress: 'https://feed.example/clinic/' },
        feed: {
          lastCheck: {
            checkedAt: '2026-12-06T04:00:00.000Z',
            feed: 'https://feed.example/clinic/',
            outcome: 'updated',
            message: 'Updated to version 3, signed by dr-lee and editor.',
            version: 3,
            packHash: 'c'.repeat(64),
            signedBy: ['dr-lee', 'editor'],
            feedExpires: '2026-12-13T04:00:00Z',
            changes: { added: [], changed: [{ kind: 'condition', id: 'hip-osteoarthritis' }], removed: [] },
            signoffs: 4,
          },
          root: { version: 2, expires: '2027-12-01T00:00:00Z', source: 'bundled' },
          hold: null,
          lastRelease: null,
          nextCheckAt: null,
        },
      }),
    )
    const facts = wrapper.get('[data-staff-feed-last]')
    const rows = facts.findAll('dt').map((dt, i) => [dt.text(), facts.findAll('dd')[i]!.text()])
    expect(rows.map(([dt]) => dt)).toEqual([
      'Last check',
      'Result',
      'Version',
      'What changed',
      'Clinicians’ sign-offs it brought',
      'Signed by',
      'The feed expires',
    ])
    expect(rows[1]![1]).toBe('Updated to version 3, signed by dr-lee and editor.')
    expect(rows[3]![1]).toContain('0 added, 1 changed, 0 removed')
    expect(rows[3]![1]).toContain('condition/hip-osteoarthritis')
    expect(rows[6]![1]).toBe('December 13, 2026')
    expect(wrapper.get('[data-staff-feed-root]').text()).toContain('bundled with this kiosk’s software')
    expect(wrapper.get('[data-staff-feed-next]').text()).toContain('only “Check now”')
  })

  it('a version held back by a rollback: staff release it, and the release is shown', async () => {
    const bridge = staffBridge({
      feed: {
        lastCheck: null,
        root: null,
        hold: { version: 2, packHash: 'c'.repeat(64) },
        lastRelease: null,
        nextCheckAt: null,
      },
    })
    const { wrapper } = await mountAsStaff('/staff/content', bridge)
    expect(wrapper.get('[data-staff-feed-hold]').text()).toContain('rolled back from version 2')
    await getButton(wrapper, 'Release: let the next check update').trigger('click')
    await flushPromises()
    expect(wrapper.find('[data-staff-feed-hold]').exists()).toBe(false)
    expect(wrapper.get('[data-staff-feed-outcome]').text()).toBe(
      'Released. The next check may update the kiosk.',
    )
    expect(wrapper.get('[data-staff-feed-released]').text()).toContain('Last released')
  })
})

describe('importing a content pack from the content screen', () => {
  const SQLITE = 'SQLite format 3\0'

  /** Chooses `file` in the page's file input, and lets the page read it and the fake core answer. */
  /** Chooses a file and waits until the screen has read it: sent to the core, or refused before that. */
  async function choosePack(wrapper: VueWrapper, bridge: StaffBridge, file: File): Promise<void> {
    const input = wrapper.get<HTMLInputElement>('input[data-staff-pack-file]')
    Object.defineProperty(input.element, 'files', { value: [file], configurable: true })
    await input.trigger('change')
    await vi.waitFor(() => {
      if (!bridge.calls.some((call) => call.method === 'importPack') && alert(wrapper) === '')
        throw new Error('the chosen pack is not read yet')
    })
    await flushPromises()
  }

  const status = (wrapper: VueWrapper) => wrapper.get('[data-staff-pack-import] [role="status"]').text()
  const alert = (wrapper: VueWrapper) => wrapper.get('[data-staff-pack-import] [role="alert"]').text()

  it('checks the chosen pack, says so while it does, then shows what came in with a one-tap undo', async () => {
    const { wrapper, bridge } = await mountAsStaff('/staff/content')
    expect(wrapper.get('label[for="pack-file"]').text()).toBe('Import a content pack…')
    expect(wrapper.get('input[data-staff-pack-file]').attributes('accept')).toBe('.sqlite,.db')

    const release = bridge.holdImports()
    await choosePack(wrapper, bridge, new File([SQLITE, new Uint8Array(2048)], 'hip-content.sqlite'))
    expect(status(wrapper)).toBe('Checking the pack…')
    expect(wrapper.get('input[data-staff-pack-file]').attributes('disabled')).toBeDefined()
    const sent = bridge.calls.find((call) => call.method === 'importPack')?.input as { data: string }
    expect(atob(sent.data).startsWith(SQLITE)).toBe(true)
    expect(atob(sent.data)).toHaveLength(SQLITE.length + 2048)

    release()
    await flushPromises()
    const done = wrapper.findAll('[data-staff-import-done] p').map((p) => p.text().replace(/\s+/g, ' '))
    expect(done).toEqual([
      'Imported. The kiosk now uses the new content.',
      expect.stringMatching(
        new RegExp(
          `^Content pack made by kiosk 0\\.2\\.0, format 4, imported .+ · Its code ${IMPORTED_HASH.slice(0, 12)}$`,
        ),
      ),
      '12 conditions, 6 procedures and 40 glossary terms.',
      '1 item changed',
      'No item added',
      'No item removed',
      'Changed items wait for a clinician’s sign-off again on the review screen.',
    ])
    // The item changed, by its title, and Undo inside the result it undoes.
    expect(wrapper.get('[data-staff-pack-changes]').find('li').text()).toBe('Sore hip')
    expect(wrapper.get('[data-staff-import-done]').find('[data-staff-import-undo]').exists()).toBe(true)
    expect(status(wrapper)).toContain(IMPORTED_HASH.slice(0, 12))
    expect(wrapper.get('[data-staff-pack-status]').text()).toContain(IMPORTED_HASH)
    expect(alert(wrapper)).toBe('')

    await tap(getButton(wrapper, 'Undo: go back to the previous content'))
    expect(bridge.calls.filter((call) => call.method === 'rollbackContent')).toHaveLength(1)
    expect(wrapper.text()).toContain('Rolled back. The kiosk now uses the content shown here.')
    expect(wrapper.get('[data-staff-pack-status]').text()).toContain('f'.repeat(64))
    expect(wrapper.find('[data-staff-import-done]').exists()).toBe(false)
  })

  it('names the reason a pack is refused and says the content in use has not changed', async () => {
    const { wrapper, bridge } = await mountAsStaff('/staff/content')
    await choosePack(wrapper, bridge, new File(['this is a holiday photo'], 'photo.sqlite'))
    expect(bridge.calls.filter((call) => call.method === 'importPack')).toHaveLength(1)
    expect(alert(wrapper)).toContain('Not imported: The chosen file is not a SQLite database')
    expect(alert(wrapper)).toContain('The content in use has not changed.')
    expect(wrapper.get('[data-staff-pack-status]').text()).toContain('f'.repeat(64))
    expect(wrapper.find('[data-staff-import-undo]').exists()).toBe(false)
  })

  it('refuses a file over the size limit without sending it', async () => {
    const { wrapper, bridge } = await mountAsStaff('/staff/content')
    const huge = new File([SQLITE], 'huge.sqlite')
    Object.defineProperty(huge, 'size', { value: 17 * 1024 * 1024 })
    await choosePack(wrapper, bridge, huge)
    expect(alert(wrapper)).toContain('This file is 17 MB; a content pack can be at most 16 MB.')
    expect(alert(wrapper)).toContain('The content in use has not changed.')
    expect(bridge.calls.some((call) => call.method === 'importPack')).toBe(false)
  })

  it('in Electron, asks the main process to show its own dialog, sending the session token and no file', async () => {
    const asked: unknown[] = []
    const answers: Awaited<ReturnType<KioskPacksBridge['pickAndImport']>>[] = [
      { ok: true, value: { cancelled: true } },
      {
        ok: false,
        error: { code: 'bad-input', message: 'old.sqlite was changed after it was built' },
      },
    ]
    window.kiosk = preloadStandIn({
      pickAndImportPack: (request: PickPackRequest) => {
        asked.push(request)
        return Promise.resolve(answers.shift() ?? { ok: true, value: { cancelled: true } })
      },
    })
    try {
      const { wrapper, bridge } = await mountAsStaff('/staff/content')
      expect(wrapper.find('input[data-staff-pack-file]').exists()).toBe(false)
      await tap(getButton(wrapper, 'Import a content pack…'))
      // Closed without choosing: nothing to say.
      expect(status(wrapper)).toBe('')
      expect(alert(wrapper)).toBe('')
      await tap(getButton(wrapper, 'Import a content pack…'))
      expect(alert(wrapper)).toContain('Not imported: old.sqlite was changed after it was built')
      expect(asked).toEqual([
        { token: expect.stringMatching(/^[0-9a-f]{64}$/) },
        { token: expect.stringMatching(/^[0-9a-f]{64}$/) },
      ])
      expect(bridge.calls.some((call) => call.method === 'importPack')).toBe(false)
    } finally {
      delete window.kiosk
    }
  })

  it('in Electron, says to choose the pack in the window that opened while that window is open', async () => {
    let answer: (value: Awaited<ReturnType<KioskPacksBridge['pickAndImport']>>) => void = () => {}
    window.kiosk = preloadStandIn({
      pickAndImportPack: () => new Promise((resolve) => (answer = resolve)),
    })
    try {
      const { wrapper } = await mountAsStaff('/staff/content')
      await tap(getButton(wrapper, 'Import a content pack…'))
      expect(status(wrapper)).toBe(
        'Choose the pack in the window that opened. It is checked before the kiosk uses it.',
      )
      answer({ ok: true, value: { cancelled: true } })
      await flushPromises()
      expect(status(wrapper)).toBe('')
    } finally {
      delete window.kiosk
    }
  })
})
