/**
 * Precompiles the kiosk's vue-i18n messages at build time, so the renderer
 * ships without vue-i18n's message compiler (`__INTLIFY_DROP_MESSAGE_COMPILER__`)
 * and never parses a message in the page.
 *
 * The locale modules (src/renderer/src/locales/*.ts) stay plain TypeScript
 * objects for the editor and the types. After TypeScript is stripped, every
 * string in them is compiled with @intlify/message-compiler: a message with
 * syntax ({n}, plurals with |, @: links) becomes the message AST that vue-i18n's
 * runtime formats without eval (the page's CSP forbids it). In a production
 * build plain text stays a string, which the runtime returns as it is (smaller
 * than its AST); in development and tests it becomes an AST too, as vue-i18n
 * warns about every string it cannot compile there. A message that does not
 * compile fails the build, naming the file and the text.
 */
import { baseCompile } from '@intlify/message-compiler'
import type { Plugin } from 'vite'

export const LOCALE_MODULE = /[\\/]src[\\/]renderer[\\/]src[\\/]locales[\\/][^\\/]+\.ts$/

/** `define` entries for vue-i18n's feature flags: no message compiler, no devtools in production. */
export const I18N_FLAGS = {
  __INTLIFY_DROP_MESSAGE_COMPILER__: 'true',
  __INTLIFY_PROD_DEVTOOLS__: 'false',
  __VUE_I18N_FULL_INSTALL__: 'true',
  __VUE_I18N_LEGACY_API__: 'false',
}

/** The message as the runtime should get it, as JavaScript: its AST, or the text itself when `plainText` allows. */
export function compileMessage(message: string, plainText = true): string {
  const errors: string[] = []
  const { ast } = baseCompile(message, {
    jit: true,
    minify: true,
    location: false,
    onError: (error) => errors.push(error.message),
  })
  if (errors.length > 0) throw new Error(`${errors.join('; ')} in the message ${JSON.stringify(message)}`)
  // Plain text: after optimising, the AST is one static string equal to the message.
  const body = (ast as unknown as { b?: { s?: string; i?: { t: number }[] } }).b
  if (plainText && body?.s === message && body.i?.length === 1 && body.i[0]!.t === 3) {
    return JSON.stringify(message)
  }
  return JSON.stringify(ast)
}

interface Node {
  type: string
  start: number
  end: number
  [key: string]: unknown
}

/** Every string literal that is the value of an object property, in source order. */
function messageLiterals(node: unknown, out: Node[]): Node[] {
  if (Array.isArray(node)) {
    for (const child of node) messageLiterals(child, out)
    return out
  }
  if (!node || typeof node !== 'object') return out
  const n = node as Node
  if (n.type === 'Property') {
    const value = n.value as Node
    if (value.type === 'Literal' && typeof value.value === 'string') out.push(value)
    else if (value.type === 'TemplateLiteral') {
      throw new Error(`a template literal at offset ${value.start}: write messages as plain strings`)
    } else messageLiterals(value, out)
    return out
  }
  for (const [key, child] of Object.entries(n)) if (key !== 'type') messageLiterals(child, out)
  return out
}

export function precompileMessages(): Plugin {
  let production = false
  return {
    name: 'kiosk-precompile-messages',
    // After TypeScript has been stripped: the module is plain JavaScript here.
    enforce: 'post',
    configResolved(config) {
      production = config.isProduction
    },
    transform(code, id) {
      if (!LOCALE_MODULE.test(id)) return null
      const program = this.parse(code)
      let out = ''
      let at = 0
      for (const literal of messageLiterals(program.body, [])) {
        if (literal.start < at) continue
        try {
          out += code.slice(at, literal.start) + compileMessage(literal.value as string, production)
        } catch (error) {
          this.error(`${id}: ${(error as Error).message}`)
        }
        at = literal.end
      }
      return { code: out + code.slice(at), map: null }
    },
  }
}
