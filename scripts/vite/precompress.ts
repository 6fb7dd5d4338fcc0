/**
 * Writes a Brotli and a gzip copy beside each text asset of the built renderer
 * (JS, CSS, HTML, SVG, JSON, WASM), so the preview server can send the smaller
 * one to a browser that accepts it (@fastify/static's `preCompressed`).
 * Electron reads the renderer from disk and ignores the copies.
 */
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import type { Plugin } from 'vite'

const COMPRESSIBLE = /\.(js|css|html|svg|json|wasm|txt)$/

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path) : [path]
  })
}

/** Compresses every text asset under `dir`; returns how many files got copies. */
export function precompressFolder(dir: string): number {
  let count = 0
  for (const file of filesUnder(dir)) {
    if (!COMPRESSIBLE.test(file)) continue
    const data = readFileSync(file)
    // The best Brotli for the app's own files; a quick one for the 18 MB speech engine (seconds, not a minute).
    const large = data.length > 1024 * 1024
    const quality = large ? 4 : 11
    writeFileSync(
      `${file}.br`,
      brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: quality } }),
    )
    writeFileSync(`${file}.gz`, gzipSync(data, { level: large ? 6 : 9 }))
    count++
  }
  return count
}

export function precompress(): Plugin {
  let outDir = ''
  return {
    name: 'kiosk-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir)
    },
    closeBundle() {
      precompressFolder(outDir)
    },
  }
}
