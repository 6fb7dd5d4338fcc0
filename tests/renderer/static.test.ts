/**
 * Checks on the renderer's source that the CSP depends on: the policy itself,
 * and no inline script, inline style or remote asset anywhere.
 */
import { describe, expect, it } from 'vitest'
import html from '../../src/renderer/index.html?raw'
import { META_CONTENT_SECURITY_POLICY } from '@shared/csp'

const sources = import.meta.glob<string>('../../src/renderer/src/**/*.{vue,css}', {
  query: '?raw',
  import: 'default',
  eager: true,
})

describe('the renderer source', () => {
  it('declares the one strict Content Security Policy (src/shared/csp.ts)', () => {
    expect(html).toContain(`http-equiv="Content-Security-Policy"`)
    expect(html.replace(/\s+/g, ' ')).toContain(`content="${META_CONTENT_SECURITY_POLICY}"`)
  })

  it('has no inline script or style in the page', () => {
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/)
    expect(html).not.toMatch(/<style/)
    expect(html).not.toMatch(/\sstyle=/)
  })

  it('uses no inline style attributes in templates and loads nothing remote', () => {
    expect(Object.keys(sources).length).toBeGreaterThan(20)
    expect(Object.values(sources).some((text) => text.includes('<template>'))).toBe(true)
    for (const [file, text] of Object.entries(sources)) {
      const template = text.split('<style')[0] ?? ''
      expect(template, file).not.toMatch(/\sstyle=/)
      expect(text, file).not.toMatch(/url\(\s*['"]?https?:/)
      expect(text, file).not.toMatch(/@import\s+url/)
    }
  })
})
