import { afterEach, describe, expect, it } from 'vitest'
import { enableAutoUnmount } from '@vue/test-utils'
import { getLink, headings, mountKiosk, tap } from './helpers'
import { procedureEn } from './fixtures'

enableAutoUnmount(afterEach)

const base = `/procedures/${procedureEn.id}`

describe('home, the topic lists and the procedure overview', () => {
  it('opens with two big picture doors and a way to search', async () => {
    const { wrapper } = await mountKiosk('/home')
    expect(headings(wrapper, 'h1')).toEqual(['What would you like to know?'])
    expect(getLink(wrapper, /^Why does my hip hurt\?/).attributes('href')).toBe('/conditions')
    expect(getLink(wrapper, /^Your hip injection/).attributes('href')).toBe('/procedures')
    expect(getLink(wrapper, /^Search/).attributes('href')).toBe('/search')
  })

  it('lists the conditions behind "Why does my hip hurt?" as big tappable topics', async () => {
    const { wrapper, router } = await mountKiosk('/home')
    await tap(getLink(wrapper, /^Why does my hip hurt\?/))
    expect(router.currentRoute.value.path).toBe('/conditions')
    expect(headings(wrapper, 'h1')).toEqual(['Why does my hip hurt?'])
    expect(getLink(wrapper, /^Hip osteoarthritis/).attributes('href')).toContain(
      '/conditions/hip-osteoarthritis',
    )
  })

  it('opens a procedure from home and shows everything before the walkthrough', async () => {
    const { wrapper, router } = await mountKiosk('/home')
    await tap(getLink(wrapper, /^Your hip injection/))
    expect(headings(wrapper, 'h1')).toEqual(['Your hip injection'])
    await tap(getLink(wrapper, /^Ultrasound-guided hip injection/))

    expect(router.currentRoute.value.path).toBe(base)
    expect(headings(wrapper, 'h1')).toEqual(['Ultrasound-guided hip injection'])
    const h2 = headings(wrapper, 'h2')
    expect(h2).toEqual(
      expect.arrayContaining([
        'Why you might have it',
        'Other choices',
        'Before you start, tell the team if',
        'How long it takes',
      ]),
    )
    expect(wrapper.text()).toContain('You take blood thinners.')
    expect(wrapper.text()).toContain('About 20 minutes')
    expect(getLink(wrapper, 'See the procedure step by step').attributes('href')).toContain(`${base}/steps/1`)
  })

  it('shows the sources and review details at the bottom of the overview', async () => {
    const { wrapper } = await mountKiosk(base)
    const about = wrapper.get('section[aria-labelledby="about-heading"]')
    expect(about.text()).toContain('Steroid injections')
    expect(about.text()).toContain('Version')
    expect(about.text()).toContain('3')
    expect(about.text()).toContain('Not yet checked by a clinician at this clinic.')
    expect(about.text()).not.toMatch(/Reviewed (on|by)|Next review/)
    expect(wrapper.text()).toContain('Will it hurt?')
  })
})

describe('the step-by-step walkthrough', () => {
  it('shows one step per screen with "Step n of total" and an accessible progress bar', async () => {
    const { wrapper } = await mountKiosk(`${base}/steps/2`)

    expect(headings(wrapper, 'h1')).toEqual(['You lie down'])
    expect(wrapper.text()).toContain('Step 2 of 3')
    const bar = wrapper.get('[role="progressbar"]')
    expect(bar.attributes()).toMatchObject({
      'aria-valuemin': '1',
      'aria-valuemax': '3',
      'aria-valuenow': '2',
      'aria-valuetext': 'Step 2 of 3',
      'aria-label': 'Walkthrough progress',
    })
    expect(wrapper.text()).toContain('What happens')
    expect(wrapper.text()).toContain('You lie on your back.')
    expect(wrapper.text()).toContain('What you may feel')
    expect(wrapper.text()).toContain('A firm couch.')
    expect(wrapper.get('[role="img"]').attributes('aria-label')).toBe(
      'A person lying on their back on a couch',
    )
  })

  it('walks from the overview through every step to the risks with Next', async () => {
    const { wrapper, router } = await mountKiosk(base)
    await tap(getLink(wrapper, 'See the procedure step by step'))

    const seen: string[] = []
    for (let n = 1; n <= procedureEn.steps.length; n++) {
      expect(router.currentRoute.value.path).toBe(`${base}/steps/${n}`)
      expect(wrapper.get('[role="progressbar"]').attributes('aria-valuenow')).toBe(String(n))
      seen.push(headings(wrapper, 'h1')[0]!)
      await tap(getLink(wrapper, /^Next/))
    }

    expect(seen).toEqual(procedureEn.steps.map((step) => step.title))
    expect(router.currentRoute.value.path).toBe(`${base}/risks`)
    expect(headings(wrapper, 'h1')).toEqual(['Possible risks and side effects'])
  })

  it('says where Next leads on the last step', async () => {
    const { wrapper } = await mountKiosk(`${base}/steps/3`)
    expect(getLink(wrapper, /^Next/).text()).toContain('Next: possible risks')
  })

  it('goes back one step with Back, and from step 1 back to the overview', async () => {
    const { wrapper, router } = await mountKiosk(`${base}/steps/2`)
    await tap(getLink(wrapper, 'Back'))
    expect(router.currentRoute.value.path).toBe(`${base}/steps/1`)
    await tap(getLink(wrapper, 'Back'))
    expect(router.currentRoute.value.path).toBe(base)
  })

  it('moves focus to the new step title, so a screen reader reads it', async () => {
    const { wrapper } = await mountKiosk(`${base}/steps/1`)
    await tap(getLink(wrapper, /^Next/))
    expect(document.activeElement?.tagName).toBe('H1')
    expect(document.activeElement?.textContent).toBe('You lie down')
  })

  it('answers a step number past the end calmly, with a way back to step 1', async () => {
    const { wrapper } = await mountKiosk(`${base}/steps/12`)
    expect(headings(wrapper, 'h1')).toEqual(['This procedure has no step 12.'])
    expect(getLink(wrapper, 'Go to step 1').attributes('href')).toContain(`${base}/steps/1`)
  })

  it('asks the core for the procedure once for all its screens', async () => {
    const { wrapper, bridge } = await mountKiosk(`${base}/steps/1`)
    await tap(getLink(wrapper, /^Next/))
    await tap(getLink(wrapper, /^Next/))
    await tap(getLink(wrapper, /^Next/))
    expect(bridge.calls.filter((call) => call.method === 'getProcedure')).toHaveLength(1)
  })
})
