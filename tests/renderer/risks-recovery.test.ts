import { afterEach, describe, expect, it } from 'vitest'
import { enableAutoUnmount } from '@vue/test-utils'
import { getLink, headings, mountKiosk, tap } from './helpers'
import { procedureEn } from './fixtures'

enableAutoUnmount(afterEach)

const base = `/procedures/${procedureEn.id}`

describe('the risks screen', () => {
  it('groups risks by how often they happen, most often first, leaving out empty groups', async () => {
    const { wrapper } = await mountKiosk(`${base}/risks`)
    const bands = wrapper.findAll('section.band').map((section) => ({
      band: section.get('h2').text(),
      risks: section.findAll('h3').map((h) => h.text()),
    }))
    expect(bands).toEqual([
      { band: 'Common', risks: ['Sore hip for a day or two', 'Bleeding or bruising'] },
      { band: 'Uncommon', risks: ['Flushed face'] },
      { band: 'Very rare', risks: ['Joint infection'] },
    ])
  })

  it('says what each band means in numbers, on the one scale European medicine leaflets use', async () => {
    const { wrapper } = await mountKiosk(`${base}/risks`)
    const numbers = wrapper
      .findAll('section.band')
      .map((section) =>
        (section.find('figcaption').exists()
          ? section.get('figcaption')
          : section.get('.band__numbers')
        ).text(),
      )
    expect(numbers).toEqual([
      'Common: up to 1 in 10 people',
      'Uncommon: up to 1 in 100 people',
      'Very rare: up to 1 in 10,000 people',
    ])
  })

  it('gives "about n in m" only where the content has a number', async () => {
    const { wrapper } = await mountKiosk(`${base}/risks`)
    const risks = wrapper.findAll('li.risk')
    const sore = risks.find((risk) => risk.text().includes('Sore hip'))!
    const flushed = risks.find((risk) => risk.text().includes('Flushed face'))!
    expect(sore.text()).toContain('About 1 in 10 people')
    expect(flushed.text()).not.toContain('About')
  })

  it('gives a range as a range: "about 2 to 5 in 100", never its first number alone', async () => {
    const { wrapper } = await mountKiosk(`${base}/risks`)
    const bruising = wrapper.findAll('li.risk').find((risk) => risk.text().includes('Bleeding or bruising'))!
    expect(bruising.get('.risk__about').text()).toBe('About 2 to 5 in 100 people')
  })

  it("says under a risk what to do if it happens, in its warning sign's words and level, as the warning box does", async () => {
    const { wrapper } = await mountKiosk(`${base}/risks`)
    const risks = wrapper.findAll('li.risk')
    const infection = risks.find((risk) => risk.text().includes('Joint infection'))!
    const bruising = risks.find((risk) => risk.text().includes('Bleeding or bruising'))!
    const flushed = risks.find((risk) => risk.text().includes('Flushed face'))!
    // An emergency gives the number to call on the spot, not only in the box further down.
    expect(infection.get('.risk-action').text()).toBe(
      'You have a fever and a hot, swollen hip. Emergency: call an ambulance or go to the emergency department now. Call 999.',
    )
    expect(infection.classes()).toContain('risk--emergency')
    expect(bruising.get('.risk-action').text()).toBe(
      'The bruise keeps getting bigger. Call the clinic soon, in opening hours.',
    )
    expect(flushed.find('.risk-action').exists()).toBe(false)
    // The same words as the warning box gives for the same sign.
    const box = wrapper.get('section[aria-labelledby="red-flags-heading"]').text()
    expect(box).toContain('Emergency: call an ambulance or go to the emergency department now.')
  })

  it('sets the red flags apart from the risk lists, grouped by level, with the number to call beside each', async () => {
    const { wrapper } = await mountKiosk(`${base}/risks`)
    const redFlags = wrapper.get('section[aria-labelledby="red-flags-heading"]')
    expect(redFlags.get('h2').text()).toBe('When to get help')
    expect(redFlags.findAll('h3').map((h) => h.text())).toEqual(['Emergency: now', 'Call the clinic'])
    expect(redFlags.get('[data-where-to-go]').text()).toContain('999')
    expect(redFlags.get('[data-where-to-go]').text()).toContain('020 7946 0000')
    expect(redFlags.get('[data-where-to-go]').text()).toContain('NHS 111')
    const emergency = redFlags.get('.red-flags__box--emergency').text()
    expect(emergency).toContain('You have a fever and a hot, swollen hip.')
    expect(emergency).toContain('Call 999')
    const call = redFlags.get('.red-flags__box--call-clinic').text()
    expect(call).toContain('The bruise keeps getting bigger.')
    expect(call).toContain('Call Riverside Clinic on 020 7946 0000')
    // Not mixed into the frequency groups: there a risk only names its own sign and
    // action (above, with the emergency number), never the boxes' clinic lines.
    for (const band of wrapper.findAll('section.band')) {
      expect(band.findAll('.red-flags__box, [data-where-to-go]')).toHaveLength(0)
      expect(band.text()).not.toContain('Call Riverside Clinic on')
    }
  })

  it('leads on to the recovery timeline', async () => {
    const { wrapper, router } = await mountKiosk(`${base}/risks`)
    await tap(getLink(wrapper, /^Next: your recovery/))
    expect(router.currentRoute.value.path).toBe(`${base}/recovery`)
  })
})

describe('the recovery timeline', () => {
  it('shows the periods in the order a patient lives them, each with what to expect and what to do', async () => {
    const { wrapper } = await mountKiosk(`${base}/recovery`)
    expect(headings(wrapper, 'h1')).toEqual(['Your recovery'])
    const items = wrapper.findAll('ol.timeline > li')
    expect(items.map((item) => item.get('h2').text())).toEqual([
      'The day of the injection',
      'Days 1 and 2',
      'Days 3 to 7',
      'Weeks 2 to 6',
      'The months after',
    ])
    expect(items[0]!.text()).toContain('What to expect')
    expect(items[0]!.text()).toContain('Your hip may feel numb.')
    expect(items[0]!.text()).toContain('What to do')
    expect(items[0]!.text()).toContain('Rest and get a lift home.')
    expect(items[1]!.text()).toContain('Use an ice pack wrapped in a cloth.')
  })

  it('draws what each period asks of you beside its words', async () => {
    const { wrapper } = await mountKiosk(`${base}/recovery`)
    const pictures = wrapper
      .findAll('ol.timeline > li svg[role="img"]')
      .map((svg) => svg.attributes('aria-label'))
    expect(pictures).toHaveLength(5)
    expect(pictures[0]).toMatch(/^At home on the day: resting with an ice pack/)
    expect(pictures[4]).toMatch(/^Months later: planning what comes next/)
    expect(new Set(pictures).size).toBe(5)
  })

  it('repeats when to get help, and offers a way back to the start', async () => {
    const { wrapper } = await mountKiosk(`${base}/recovery`)
    expect(wrapper.find('section[aria-labelledby="red-flags-heading"]').exists()).toBe(true)
    // Home, not the attract screen: the patient is still here.
    expect(getLink(wrapper, 'Back to the start').attributes('href')).toBe('/home')
  })
})
