/** The parts of the espeak-ng package (Emscripten, MODULARIZE) that read-aloud uses. */
declare module 'espeak-ng' {
  interface ESpeakNgModule {
    FS: {
      writeFile(path: string, data: string | Uint8Array): void
      readFile(path: string): Uint8Array
    }
  }

  interface ESpeakNgOptions {
    /** The espeak-ng command line, without the program name; main() runs on start. */
    arguments: string[]
    locateFile?: (path: string, prefix: string) => string
    instantiateWasm?: (
      imports: WebAssembly.Imports,
      receive: (instance: WebAssembly.Instance) => void,
    ) => Record<string, never>
    preRun?: Array<(module: ESpeakNgModule) => void>
    print?: (text: string) => void
    printErr?: (text: string) => void
    onAbort?: (reason: unknown) => void
  }

  export default function ESpeakNg(options: ESpeakNgOptions): Promise<ESpeakNgModule>
}
