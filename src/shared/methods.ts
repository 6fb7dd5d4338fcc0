/**
 * The names of the contract's methods, with no schema attached, so the
 * sandboxed preload can list them without bundling zod. contract.ts must
 * declare exactly these (checked by the compiler).
 */
export const METHOD_NAMES = [
  'listTopics',
  'getCondition',
  'getProcedure',
  'search',
  'getGlossary',
  'getAnatomy',
  'contentInfo',
  'getKioskConfig',
] as const

export type MethodName = (typeof METHOD_NAMES)[number]

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && (METHOD_NAMES as readonly string[]).includes(name)
}

/** The IPC channel for a method: one namespace, so nothing else can be reached. */
export const ipcChannel = (method: MethodName): string => `kiosk:${method}`
