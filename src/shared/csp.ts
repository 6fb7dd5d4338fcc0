/**
 * The one Content-Security-Policy for the renderer, wherever it loads from: the
 * HTML meta tag (Electron loads the page from a file) and the response header
 * of the preview server. No inline code, no eval, nothing remote.
 * 'wasm-unsafe-eval' lets WebAssembly compile (the offline read-aloud engine);
 * it does not allow eval() or new Function().
 */
const DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "media-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
]

/** For the page's meta tag: src/renderer/index.html must carry exactly this (a test checks). */
export const META_CONTENT_SECURITY_POLICY = DIRECTIVES.join('; ')

/** For HTTP responses: frame-ancestors only works as a header (browsers ignore it in a meta tag). */
export const CONTENT_SECURITY_POLICY = [...DIRECTIVES, "frame-ancestors 'none'"].join('; ')
