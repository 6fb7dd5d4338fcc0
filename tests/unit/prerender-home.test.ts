/**
 * The build's prerender of the home screen (scripts/vite/prerender-home.ts): the
 * app rendered by Vue's server renderer from the real components, checked
 * against the page's CSP before it goes into index.html.
 */
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkedMarkup, renderHome } from '../../scripts/vite/prerender-home.ts'
import { I18N_FLAGS } from '../../scripts/vite/precompile-messages.ts'

const ROOT = resolve(import.meta.dirname, '../..')
const DOORS =
  '<a href="#/conditions" class="door card-link">A</a><a href="#/procedures" class="door card-link">B</a>'

describe('what may go into index.html', () => {
  it('refuses what the CSP would block, or a render with no home screen, and says which', () => {
    expect(() => checkedMarkup(`${DOORS}<script>alert(1)</script>`)).toThrow(/a <script> element/)
    expect(() => checkedMarkup(`${DOORS}<div style="color:red">`)).toThrow(/a style attribute/)
    expect(() => checkedMarkup(`${DOORS}<button onclick="go()">`)).toThrow(/an inline event handler/)
    expect(() => checkedMarkup('<h1>Not found</h1>')).toThrow(/no home screen doors/)
    expect(checkedMarkup(DOORS)).toBe(DOORS)
  })
})

describe('the home screen rendered at build time', () => {
  it('is the real home screen in English, with hash links, and nothing the CSP refuses', async () => {
    const html = await renderHome(
      {
        root: resolve(ROOT, 'src/renderer'),
        alias: { '@renderer': resolve(ROOT, 'src/renderer/src'), '@shared': resolve(ROOT, 'src/shared') },
        define: I18N_FLAGS,
      },
      resolve(ROOT, 'node_modules/.vite'),
    )
    expect(html).toContain('What would you like to know?')
    expect(html).toContain('href="#/conditions"')
    expect(html).toContain('href="#/procedures"')
    // The closed on-screen keyboard is there (the page's first render has it), without v-show's style attribute.
    expect(html).toContain('data-on-screen-keyboard')
    expect(html).not.toMatch(/ style="/)
    // Template comments are dropped as in the page's build, or hydration would meet nodes it never made.
    expect(html).not.toMatch(/<!--(?!\[|\]|-->)[^]*?-->/)
  }, 60_000)
})
