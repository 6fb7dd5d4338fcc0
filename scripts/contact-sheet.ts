/**
 * The contact sheet of the step pictures (docs/pictures/): every procedure's
 * steps in order, each step's words beside its picture, then the recovery
 * milestones with theirs, so a person can check in one look that each picture
 * shows what its step says. Writes contact-sheet.html and, through Debian's
 * Chromium, contact-sheet.png.
 *
 *   node scripts/contact-sheet.ts [--locale en|es] [--out docs/pictures]
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { createServer } from 'vite'
import vue from '@vitejs/plugin-vue'
import { chromium } from 'playwright-core'
import { I18N_FLAGS, precompileMessages } from './vite/precompile-messages.ts'
import { loadContent } from '../src/core/content/load.ts'
import { RECOVERY_PICTURES } from '../src/shared/pictures.ts'
import type { Locale } from '../src/shared/contract.ts'

const root = resolve(import.meta.dirname, '..')
const { values } = parseArgs({
  options: { locale: { type: 'string', default: 'en' }, out: { type: 'string', default: 'docs/pictures' } },
})
const locale = values.locale as Locale
const outDir = resolve(root, values.out)

const escape = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c)

const vite = await createServer({
  root,
  configFile: false,
  logLevel: 'warn',
  plugins: [vue(), precompileMessages()],
  define: I18N_FLAGS,
  resolve: {
    alias: { '@renderer': join(root, 'src/renderer/src'), '@shared': join(root, 'src/shared') },
  },
  server: { middlewareMode: true, hmr: false },
  appType: 'custom',
})
try {
  const { renderPicture } = (await vite.ssrLoadModule('/scripts/contact-sheet/render-picture.ts')) as {
    renderPicture: (id: string, locale: Locale) => Promise<string>
  }
  const procedures = loadContent(join(root, 'content'))
    .items.flatMap((entry) =>
      entry.locale === locale && entry.item.kind === 'procedure' ? [entry.item] : [],
    )
    .sort((a, b) => a.order - b.order)

  const cell = async (n: string, title: string, text: string, picture: string) => `
    <li><div class="pic">${await renderPicture(picture, locale)}</div>
      <div class="words"><b>${n}. ${escape(title)}</b><p>${escape(text)}</p><code>${picture}</code></div></li>`

  const sections: string[] = []
  for (const procedure of procedures) {
    const steps = await Promise.all(
      procedure.steps.map((step, i) => cell(String(i + 1), step.title, step.body, step.picture)),
    )
    const recovery = await Promise.all(
      procedure.recovery.map((m, i) => cell(`R${i + 1}`, m.period, m.todo, RECOVERY_PICTURES[m.period])),
    )
    sections.push(`<section><h2>${escape(procedure.title)}</h2><ol>${steps.join('')}</ol>
      <h3>Recovery</h3><ol>${recovery.join('')}</ol></section>`)
  }
  const html = `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><title>Step pictures: contact sheet</title>
<style>
  body { font: 13px/1.35 system-ui, sans-serif; margin: 16px; color: #1b2b3a; width: 1568px; }
  h2 { margin: 20px 0 8px; font-size: 20px; } h3 { margin: 8px 0; font-size: 15px; }
  ol { list-style: none; padding: 0; margin: 0; display: grid; grid-template-columns: repeat(4, 1fr); gap: 10px; }
  li { display: flex; gap: 8px; border: 1px solid #b8c7d3; border-radius: 8px; padding: 6px; }
  .pic { flex: 0 0 180px; } .pic svg { width: 180px; height: auto; display: block; }
  .words p { margin: 4px 0; } code { color: #5b6b7a; font-size: 11px; }
</style></head>
<body><h1>Step pictures: contact sheet (${locale})</h1>
<p>Every step of every procedure, in order, beside its picture; then the recovery milestones. Made by
<code>npm run contact-sheet</code>; the pictures are still frames (their gentle motion is left out).</p>
${sections.join('\n')}
</body></html>
`
  mkdirSync(outDir, { recursive: true })
  const htmlFile = join(outDir, `contact-sheet${locale === 'en' ? '' : `.${locale}`}.html`)
  writeFileSync(htmlFile, html)
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' })
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 }, reducedMotion: 'reduce' })
    await page.setContent(html)
    await page.screenshot({ path: htmlFile.replace(/\.html$/, '.png'), fullPage: true })
  } finally {
    await browser.close()
  }
  console.log(`Wrote ${htmlFile} and its PNG`)
} finally {
  await vite.close()
}
