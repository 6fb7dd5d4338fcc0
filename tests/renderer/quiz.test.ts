import { afterEach, describe, expect, it } from 'vitest'
import { enableAutoUnmount } from '@vue/test-utils'
import { getButton, getLink, headings, mountKiosk, tap } from './helpers'
import { procedureEn } from './fixtures'
import { learningBridge } from './learning-fixtures'

enableAutoUnmount(afterEach)

const quizPath = `/procedures/${procedureEn.id}/quiz`

describe('check your understanding', () => {
  it('asks one question at a time, then says kindly in words whether it was right, with the explanation', async () => {
    const { wrapper } = await mountKiosk(quizPath, learningBridge())
    expect(headings(wrapper, 'h1')).toEqual(['Check your understanding'])
    expect(wrapper.text()).toContain('Question 1 of 2')
    expect(headings(wrapper, 'h2')).toEqual(['How long does the injection take?'])
    expect(wrapper.text()).not.toContain('It takes about 20 minutes, and you go home')

    await tap(getButton(wrapper, /^All day/))
    const verdict = wrapper.get('.quiz__verdict')
    expect(verdict.text()).toBe('Not quite. The answer is: About 20 minutes')
    expect(document.activeElement).toBe(verdict.element)
    expect(wrapper.text()).toContain('It takes about 20 minutes, and you go home the same day.')
    // Marked with words, not colour alone.
    expect(getButton(wrapper, /^All day/).text()).toContain('Your answer')
    expect(getButton(wrapper, /^About 20 minutes/).text()).toContain('The right answer')

    // The first answer stands.
    await tap(getButton(wrapper, /^About 20 minutes/))
    expect(wrapper.get('.quiz__verdict').text()).toMatch(/^Not quite/)

    await tap(getButton(wrapper, /^Next question/))
    expect(wrapper.text()).toContain('Question 2 of 2')
    expect(document.activeElement?.textContent).toBe('What should you tell us first?')
    await tap(getButton(wrapper, /^That you take blood thinners/))
    expect(wrapper.get('.quiz__verdict').text()).toBe('That’s right.')
  })

  it('ends with a friendly summary and ways on', async () => {
    const { wrapper, router } = await mountKiosk(quizPath, learningBridge())
    await tap(getButton(wrapper, /^All day/))
    await tap(getButton(wrapper, /^Next question/))
    await tap(getButton(wrapper, /^That you take blood thinners/))
    await tap(getButton(wrapper, /^See how you did/))

    expect(headings(wrapper, 'h2')).toEqual(['Thank you for checking'])
    expect(wrapper.text()).toContain('You got 1 of 2 right.')
    expect(wrapper.text()).toContain('now you know the answers')
    expect(getLink(wrapper, 'My checklist and questions').attributes('href')).toBe(
      `/procedures/${procedureEn.id}/checklist`,
    )

    await tap(getButton(wrapper, 'Try the questions again'))
    expect(wrapper.text()).toContain('Question 1 of 2')

    await tap(getButton(wrapper, /^About 20 minutes/))
    await tap(getButton(wrapper, /^Next question/))
    await tap(getButton(wrapper, /^That you take blood thinners/))
    await tap(getButton(wrapper, /^See how you did/))
    expect(wrapper.text()).toContain('You got 2 of 2 right.')
    expect(wrapper.text()).toContain('You know the main points well.')
    await tap(getLink(wrapper, 'Back to the procedure'))
    expect(router.currentRoute.value.path).toBe(`/procedures/${procedureEn.id}`)
  })

  it('never stores or sends the answers: a new session starts from question 1', async () => {
    localStorage.clear()
    sessionStorage.clear()
    const bridge = learningBridge()
    const first = await mountKiosk(quizPath, bridge)
    const callsBefore = bridge.calls.length
    await tap(getButton(first.wrapper, /^All day/))
    await tap(getButton(first.wrapper, /^Next question/))

    expect(localStorage.length).toBe(0)
    expect(sessionStorage.length).toBe(0)
    expect(document.cookie).toBe('')
    // Answering sends nothing: at most the glossary for the explanation, by language alone.
    const afterAnswering = bridge.calls.slice(callsBefore)
    expect(afterAnswering.every((call) => call.method === 'getGlossary')).toBe(true)
    expect(afterAnswering.every((call) => Object.keys(call.input as object).join() === 'locale')).toBe(true)
    expect(JSON.stringify(bridge.calls)).not.toContain('All day')

    first.wrapper.unmount()
    const second = await mountKiosk(quizPath, learningBridge())
    expect(second.wrapper.text()).toContain('Question 1 of 2')
    expect(second.wrapper.find('.quiz__verdict').exists()).toBe(false)
  })

  it('keeps its place while the patient looks at another screen of the same session', async () => {
    const { wrapper, router } = await mountKiosk(quizPath, learningBridge())
    await tap(getButton(wrapper, /^About 20 minutes/))
    await tap(getButton(wrapper, /^Next question/))
    await router.push(`/procedures/${procedureEn.id}/risks`)
    await router.push(quizPath)
    expect(wrapper.text()).toContain('Question 2 of 2')
  })

  it('says so when a procedure has no questions', async () => {
    const { wrapper } = await mountKiosk(quizPath)
    expect(wrapper.text()).toContain('There are no questions for this procedure yet.')
    expect(getLink(wrapper, 'Back to the procedure').exists()).toBe(true)
  })

  it('is offered from the procedure overview and at the end of the recovery', async () => {
    const { wrapper } = await mountKiosk(`/procedures/${procedureEn.id}`, learningBridge())
    expect(getLink(wrapper, 'Check your understanding').attributes('href')).toBe(quizPath)
    const recovery = await mountKiosk(`/procedures/${procedureEn.id}/recovery`, learningBridge())
    expect(getLink(recovery.wrapper, /^Check your understanding/).attributes('href')).toBe(quizPath)
    expect(getLink(recovery.wrapper, 'My checklist and questions').exists()).toBe(true)
  })
})
