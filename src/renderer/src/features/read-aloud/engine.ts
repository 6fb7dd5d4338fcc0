/**
 * The voices read-aloud can use. A SpeechEngine says one sentence at a time;
 * the reader (readAloudStore.ts) walks the sentences and highlights them.
 *
 * The default engine prefers a voice installed on the machine
 * (speechSynthesis) for the language, and otherwise uses the bundled eSpeak NG
 * engine (WebAssembly, all languages built in), so reading aloud works offline on
 * a machine with no voices at all. Only local voices are used: a network voice
 * would send the screen's text off the machine.
 */
import type { Locale } from '@shared/contract'

/** How fast to speak: the patient's choice in the reading bar. */
export type SpeechSpeed = 'normal' | 'slower'

export interface SpeechEngine {
  /** Says one sentence. Resolves when it has been said or was stopped; rejects when no voice can say it. */
  speak(text: string, locale: Locale, speed?: SpeechSpeed): Promise<void>
  /** Cuts the sentence being said short; its speak() resolves. */
  stop(): void
  /** Gets a sentence ready ahead of time (eSpeak synthesizes the next one while this one plays). */
  prepare?(text: string, locale: Locale, speed?: SpeechSpeed): void
  /**
   * Gets the voice ready before the first tap (the system's list of voices, or
   * eSpeak's engine fetched and compiled), so the first sentence starts at once.
   */
  warm?(locale: Locale): void
  /** Lets go of everything held (audio, prepared sentences). */
  dispose?(): void
}

/** Makes the engine for one session; the reader hands it the page's <audio> element. */
export type SpeechEngineFactory = (audio: HTMLAudioElement) => SpeechEngine

/** A little slower than conversation: the listener may be anxious, or reading along; "slower" is slower still. */
const SPEAKING_RATE: Record<SpeechSpeed, number> = { normal: 0.9, slower: 0.65 }

function languageOf(tag: string): string {
  return tag.toLowerCase().split(/[-_]/)[0] ?? ''
}

/** Voices arrive asynchronously in some browsers; wait a moment for them, once. */
function voicesReady(synth: SpeechSynthesis, waitMs: number): Promise<void> {
  if (synth.getVoices().length > 0) return Promise.resolve()
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer)
      synth.removeEventListener('voiceschanged', done)
      resolve()
    }
    const timer = setTimeout(done, waitMs)
    synth.addEventListener('voiceschanged', done)
  })
}

export interface SystemSpeech extends SpeechEngine {
  /** Whether an installed, local voice speaks this language. */
  hasVoice(locale: Locale): Promise<boolean>
}

function systemSpeech(synth: SpeechSynthesis, waitForVoicesMs = 300): SystemSpeech {
  let ready: Promise<void> | null = null

  function voiceFor(locale: Locale): SpeechSynthesisVoice | undefined {
    const local = synth.getVoices().filter((voice) => voice.localService && languageOf(voice.lang) === locale)
    return local.find((voice) => voice.default) ?? local[0]
  }

  return {
    async hasVoice(locale) {
      ready ??= voicesReady(synth, waitForVoicesMs)
      await ready
      return voiceFor(locale) !== undefined
    },
    warm() {
      // Asking for the voices is what makes the browser load them.
      ready ??= voicesReady(synth, waitForVoicesMs)
    },
    speak(text, locale, speed = 'normal') {
      const voice = voiceFor(locale)
      if (!voice) return Promise.reject(new Error(`no local voice for ${locale}`))
      return new Promise((resolve, reject) => {
        const utterance = new SpeechSynthesisUtterance(text)
        utterance.voice = voice
        utterance.lang = voice.lang
        utterance.rate = SPEAKING_RATE[speed]
        utterance.onend = () => resolve()
        utterance.onerror = (event) =>
          event.error === 'interrupted' || event.error === 'canceled'
            ? resolve()
            : reject(new Error(`speech failed: ${event.error}`))
        synth.speak(utterance)
      })
    },
    stop() {
      synth.cancel()
    },
  }
}

/**
 * eSpeak NG, loaded on first use only: its chunk and 18 MB of WebAssembly stay
 * out of the initial bundle. Each sentence becomes a WAV file played by the
 * page's <audio> element from a blob: URL.
 */
function espeakSpeech(audio: HTMLAudioElement): SpeechEngine {
  type Module = typeof import('./espeak')
  let engine: Promise<Module> | null = null
  /** Sentences synthesized ahead, by locale, speed and text; at most a couple at a time. */
  const prepared = new Map<string, Promise<Blob>>()
  /**
   * One sentence synthesized at a time, in the order asked: two at once share the
   * machine's cores, and the sentence about to be said would wait for the next one.
   */
  let queue: Promise<unknown> = Promise.resolve()
  let finishCurrent: (() => void) | null = null
  let currentUrl: string | null = null
  let generation = 0

  function load(): Promise<Module> {
    engine ??= import('./espeak')
    // A failed load (say, a policy blocking WebAssembly) may be retried on the next tap.
    engine.catch(() => (engine = null))
    return engine
  }

  const keyOf = (text: string, locale: Locale, speed: SpeechSpeed) => `${locale}\u0000${speed}\u0000${text}`

  function wav(text: string, locale: Locale, speed: SpeechSpeed): Promise<Blob> {
    const key = keyOf(text, locale, speed)
    let blob = prepared.get(key)
    if (!blob) {
      blob = queue.then(() => load()).then((module) => module.synthesize(text, locale, speed))
      queue = blob.catch(() => {})
      prepared.set(key, blob)
      blob.catch(() => prepared.delete(key))
      // Keep only the most recent few: the sentence being said and the next.
      while (prepared.size > 3) prepared.delete(prepared.keys().next().value!)
    }
    return blob
  }

  function releaseUrl(): void {
    if (currentUrl) URL.revokeObjectURL(currentUrl)
    currentUrl = null
  }

  function stop(): void {
    generation++
    audio.pause()
    finishCurrent?.()
  }

  return {
    async speak(text, locale, speed = 'normal') {
      const mine = ++generation
      const blob = await wav(text, locale, speed)
      prepared.delete(keyOf(text, locale, speed))
      if (mine !== generation) return
      releaseUrl()
      currentUrl = URL.createObjectURL(blob)
      audio.src = currentUrl
      await new Promise<void>((resolve, reject) => {
        let done = false
        const finish = (error?: Error) => {
          if (done) return
          done = true
          audio.removeEventListener('ended', onEnded)
          audio.removeEventListener('error', onError)
          finishCurrent = null
          if (error) reject(error)
          else resolve()
        }
        const onEnded = () => finish()
        const onError = () => finish(new Error('the audio could not be played'))
        finishCurrent = () => finish()
        audio.addEventListener('ended', onEnded)
        audio.addEventListener('error', onError)
        // A stop() during play() rejects it; finish() has already run by then, so it is ignored.
        audio
          .play()
          .catch((cause: unknown) => finish(cause instanceof Error ? cause : new Error(String(cause))))
      })
    },
    prepare(text, locale, speed = 'normal') {
      void wav(text, locale, speed).catch(() => {})
    },
    warm(locale) {
      // In the queue like any sentence, so a tap during the warm-up waits for it rather than competing.
      const warming = queue.then(() => load()).then((module) => module.warm(locale))
      queue = warming.catch(() => {})
    },
    stop,
    dispose() {
      stop()
      prepared.clear()
      audio.removeAttribute('src')
      audio.load()
      releaseUrl()
    },
  }
}

/** System voice when there is one for the language, eSpeak NG otherwise. */
export function defaultSpeech(
  audio: HTMLAudioElement,
  synth: SpeechSynthesis | undefined = globalThis.speechSynthesis,
): SpeechEngine {
  const system = synth ? systemSpeech(synth) : null
  const espeak = espeakSpeech(audio)

  async function engineFor(locale: Locale): Promise<SpeechEngine> {
    return system && (await system.hasVoice(locale)) ? system : espeak
  }

  return {
    async speak(text, locale, speed) {
      const engine = await engineFor(locale)
      return engine.speak(text, locale, speed)
    },
    prepare(text, locale, speed) {
      void engineFor(locale).then((engine) => engine.prepare?.(text, locale, speed))
    },
    warm(locale) {
      system?.warm?.(locale)
      void engineFor(locale).then((engine) => engine.warm?.(locale))
    },
    stop() {
      system?.stop()
      espeak.stop()
    },
    dispose() {
      system?.stop()
      espeak.dispose?.()
    },
  }
}
