/**
 * The bundled eSpeak NG voice (the espeak-ng command-line program compiled to
 * WebAssembly, with every language built in; GPL-3.0). This module is only ever
 * imported dynamically (engine.ts), so neither it nor the 18 MB .wasm is part
 * of the initial bundle. Needs 'wasm-unsafe-eval' in the page's script-src.
 */
import ESpeakNg from 'espeak-ng'
import wasmUrl from 'espeak-ng/dist/espeak-ng.wasm?url'
import type { Locale } from '@shared/contract'
import { LOCALE_CODE, SOURCE_LOCALE } from '@shared/vocabulary'
import type { SpeechSpeed } from './engine'

/**
 * eSpeak names its voices by language code, so a kiosk language is its voice. The
 * code is checked (two letters), so it can never read as a command-line option.
 */
const voiceOf = (locale: Locale): string => (LOCALE_CODE.test(locale) ? locale : SOURCE_LOCALE)
/** Words per minute: eSpeak's default is 175; slower is easier to follow, and "slower" slower still. */
const WORDS_PER_MINUTE: Record<SpeechSpeed, string> = { normal: '150', slower: '110' }
const INPUT = '/sentence.txt'
const OUTPUT = '/sentence.wav'

let compiled: Promise<WebAssembly.Module> | null = null

/** fetch() where it can; XHR for file:// pages (Electron), where fetch() refuses the scheme. */
async function wasmBytes(url: string): Promise<ArrayBuffer> {
  try {
    const response = await fetch(url)
    if (response.ok) return await response.arrayBuffer()
  } catch {
    // fall through to XHR
  }
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest()
    request.open('GET', url)
    request.responseType = 'arraybuffer'
    request.onload = () =>
      request.response instanceof ArrayBuffer && request.response.byteLength > 0
        ? resolve(request.response)
        : reject(new Error('the speech engine could not be loaded'))
    request.onerror = () => reject(new Error('the speech engine could not be loaded'))
    request.send()
  })
}

/** Compiled once per page load; each sentence gets a fresh, cheap instance of it. */
function compiledEngine(): Promise<WebAssembly.Module> {
  compiled ??= wasmBytes(wasmUrl).then((bytes) => WebAssembly.compile(bytes))
  compiled.catch(() => (compiled = null))
  return compiled
}

/**
 * Readies the engine ahead of the first sentence: fetches and compiles it, and
 * says one word into nothing, so the browser compiles the engine's code (it does
 * so lazily, on first run) and every later instance starts from compiled code.
 * Without it the first sentence waits about 1.5 s; with it, a few hundred ms.
 */
export async function warm(locale: Locale): Promise<void> {
  await synthesize('a', locale)
}

/**
 * One sentence to a WAV. The text goes in as a file, never as an argument, so
 * nothing in it can be read as a command-line option. Nothing is printed: the
 * engine's output never reaches the console, where patient-facing text has no place.
 */
export async function synthesize(text: string, locale: Locale, speed: SpeechSpeed = 'normal'): Promise<Blob> {
  const wasm = await compiledEngine()
  const engine = await new Promise<Awaited<ReturnType<typeof ESpeakNg>>>((resolve, reject) => {
    ESpeakNg({
      arguments: ['-v', voiceOf(locale), '-s', WORDS_PER_MINUTE[speed], '-b', '1', '-f', INPUT, '-w', OUTPUT],
      locateFile: () => wasmUrl,
      instantiateWasm(imports, receive) {
        WebAssembly.instantiate(wasm, imports).then(receive, reject)
        return {}
      },
      preRun: [(module) => module.FS.writeFile(INPUT, text)],
      print: () => {},
      printErr: () => {},
      onAbort: reject,
    }).then(resolve, reject)
  })
  const wav = engine.FS.readFile(OUTPUT)
  return new Blob([wav.slice()], { type: 'audio/wav' })
}
