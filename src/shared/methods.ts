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
  'recordUsage',
  'staffStatus',
  'staffSetPin',
  'staffLogin',
  'staffLogout',
  'getSettings',
  'updateSettings',
  'usageReport',
  'reviewList',
  'packStatus',
  'rollbackContent',
  'importPack',
  'staffKeepAlive',
] as const

export type MethodName = (typeof METHOD_NAMES)[number]

/**
 * Methods for staff only: they need a session token from staffLogin, and the
 * preview server answers them only to this machine (loopback).
 */
export const STAFF_METHOD_NAMES = [
  'staffLogout',
  'getSettings',
  'updateSettings',
  'usageReport',
  'reviewList',
  'packStatus',
  'rollbackContent',
  'importPack',
  'staffKeepAlive',
] as const satisfies readonly MethodName[]

/** Staff methods plus the ones that lead into staff mode: never served beyond loopback. */
export const LOOPBACK_ONLY_METHOD_NAMES: readonly MethodName[] = [
  ...STAFF_METHOD_NAMES,
  'staffStatus',
  'staffSetPin',
  'staffLogin',
]

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && (METHOD_NAMES as readonly string[]).includes(name)
}

/** The IPC channel for a method: one namespace, so nothing else can be reached. */
export const ipcChannel = (method: MethodName): string => `kiosk:${method}`
