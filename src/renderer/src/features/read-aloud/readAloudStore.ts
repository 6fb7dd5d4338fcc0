import { defineStore } from 'pinia'
import { inject, ref, type InjectionKey } from 'vue'
import { defaultSpeech, type SpeechEngine, type SpeechEngineFactory } from './engine'
import { collectSentences, showSentence, type Sentence } from './sentences'
import { useLocaleStore } from '@renderer/app/stores/locale'

/** Tests provide a fake voice here (see createKiosk); the kiosk uses defaultSpeech. */
export const speechEngineKey: InjectionKey<SpeechEngineFactory> = Symbol('kiosk speech engine')

export type ReadAloudState = 'idle' | 'reading' | 'paused' | 'unavailable'

/**
 * Read aloud: the main text of the screen, sentence by sentence, in the current
 * language, with the sentence being read highlighted. Pause keeps the place and
 * Continue starts that sentence again; Stop forgets it. App.vue stops it on
 * every navigation, language change and reset.
 */
export const useReadAloudStore = defineStore('readAloud', () => {
  const createEngine = inject(speechEngineKey, defaultSpeech)
  const localeStore = useLocaleStore()

  const state = ref<ReadAloudState>('idle')
  /** Which sentence is being read (0-based), and how many there are: for the reading bar. */
  const current = ref(-1)
  const total = ref(0)

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
      const next = sentences[i + 1]
      if (next) speech.prepare?.(next.text, next.locale)
      try {
        await speech.speak(sentence.text, sentence.locale)
      } catch {
        if (mine !== run) return
        run++
        state.value = 'unavailable'
        current.value = -1
        showSentence(null)
        return
      }
      if (mine !== run) return
    }
    finish()
  }

  function finish(): void {
    state.value = 'idle'
    current.value = -1
    total.value = 0
    sentences = []
    showSentence(null)
  }

  /** Starts reading the screen's main region from the top. */
  function start(root: Element | null = document.getElementById('main')): void {
    stop()
    sentences = root ? collectSentences(root, localeStore.locale) : []
    total.value = sentences.length
    if (sentences.length === 0) return
    void readFrom(0)
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

  return { state, current, total, attachAudio, start, pause, resume, stop, toggle, dispose }
})
