import { defineStore } from 'pinia'
import { inject, ref, type InjectionKey } from 'vue'
import { defaultSpeech, type SpeechEngine, type SpeechEngineFactory, type SpeechSpeed } from './engine'
import { collectSentences, showSentence, type Sentence } from './sentences'
import { useLocaleStore } from '@renderer/app/stores/locale'
import { useConfigStore } from '@renderer/app/stores/config'
import { sayNumbers, settingsNumbers } from './spokenNumbers'

/** Tests provide a fake voice here (see createKiosk); the kiosk uses defaultSpeech. */
export const speechEngineKey: InjectionKey<SpeechEngineFactory> = Symbol('kiosk speech engine')

export type ReadAloudState = 'idle' | 'reading' | 'paused' | 'unavailable'

/**
 * Read aloud: the main text of the screen (or one part of it, such as a
 * glossary meaning), sentence by sentence, in the current language, with the
 * sentence being read highlighted. Pause keeps the place and Continue starts
 * that sentence again; Back goes to the sentence before, Repeat says this one
 * again, Slower says it (and the rest) slower; Stop forgets it. App.vue stops it
 * on every navigation, language change and reset.
 */
export const useReadAloudStore = defineStore('readAloud', () => {
  const createEngine = inject(speechEngineKey, defaultSpeech)
  const localeStore = useLocaleStore()
  const configStore = useConfigStore()
  /** The settings' phone numbers, said digit by digit (spokenNumbers.ts): found again at each start. */
  let numbers: string[] = []
  const said = (sentence: Sentence) => sayNumbers(sentence.text, numbers)

  const state = ref<ReadAloudState>('idle')
  /** Which sentence is being read (0-based), and how many there are: for the reading bar. */
  const current = ref(-1)
  const total = ref(0)
  /** The patient's speed; kept for the session (the reset rebuilds the store). */
  const speed = ref<SpeechSpeed>('normal')

  // DOM ranges and the engine stay out of reactive state: nothing renders them.
  let sentences: Sentence[] = []
  let engine: SpeechEngine | null = null
  let audio: HTMLAudioElement | null = null
  /** Bumped by every start, pause and stop, so a sentence finishing late cannot move things on. */
  let run = 0

  /** The page's <audio> element (ReadAloudBar renders it), which eSpeak plays through. */
  function attachAudio(element: HTMLAudioElement | null): void {
    audio = element
  }

  function voice(): SpeechEngine {
    engine ??= createEngine(audio ?? document.createElement('audio'))
    return engine
  }

  async function readFrom(index: number): Promise<void> {
    const mine = ++run
    const speech = voice()
    state.value = 'reading'
    for (let i = index; i < sentences.length; i++) {
      const sentence = sentences[i]!
      current.value = i
      showSentence(sentence)
      // This sentence first, then the next one made ready while it is said.
      const saying = speech.speak(said(sentence), sentence.locale, speed.value)
      const next = sentences[i + 1]
      if (next) speech.prepare?.(said(next), next.locale, speed.value)
      try {
        await saying
      } catch {
        if (mine !== run) return
        run++
        state.value = 'unavailable'
        unmark()
        return
      }
      if (mine !== run) return
    }
    finish()
  }

  function finish(): void {
    state.value = 'idle'
    total.value = 0
    sentences = []
    unmark()
  }

  /** Clears the current sentence's marks; with none (every route change, nothing read) the page is left alone. */
  function unmark(): void {
    if (current.value < 0) return
    current.value = -1
    showSentence(null)
  }

  /** Starts reading the screen's main region from the top. */
  function start(root: Element | null = document.getElementById('main')): void {
    stop()
    sentences = root ? collectSentences(root, localeStore.locale) : []
    numbers = settingsNumbers(configStore.config)
    total.value = sentences.length
    if (sentences.length === 0) return
    void readFrom(0)
  }

  /** Says the sentence at `index` (and on from there) at once, cutting short the one being said. */
  function jumpTo(index: number): void {
    if (state.value !== 'reading' && state.value !== 'paused') return
    run++
    engine?.stop()
    void readFrom(Math.min(Math.max(0, index), sentences.length - 1))
  }

  /** Back a sentence (the first stays the first). */
  function back(): void {
    jumpTo(current.value - 1)
  }

  /** This sentence again. */
  function repeat(): void {
    jumpTo(current.value)
  }

  /** Slower or normal speed; while reading, the sentence being said starts again at the new speed. */
  function toggleSlower(): void {
    speed.value = speed.value === 'slower' ? 'normal' : 'slower'
    if (state.value === 'reading') jumpTo(current.value)
  }

  /** Gets the voice ready before the first tap (App.vue calls it when a session starts). */
  function warm(): void {
    voice().warm?.(localeStore.locale)
  }

  function pause(): void {
    if (state.value !== 'reading') return
    run++
    engine?.stop()
    state.value = 'paused'
  }

  function resume(): void {
    if (state.value !== 'paused') return
    void readFrom(Math.max(0, current.value))
  }

  function stop(): void {
    run++
    engine?.stop()
    finish()
  }

  /** The top bar's Read aloud button: start, or stop if already reading or paused. */
  function toggle(): void {
    if (state.value === 'reading' || state.value === 'paused') stop()
    else start()
  }

  /** The app is going away: stop, and let go of the voice and its audio. */
  function dispose(): void {
    stop()
    engine?.dispose?.()
    engine = null
  }

  return {
    state,
    current,
    total,
    speed,
    attachAudio,
    start,
    pause,
    resume,
    back,
    repeat,
    toggleSlower,
    warm,
    stop,
    toggle,
    dispose,
  }
})
