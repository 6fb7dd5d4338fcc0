/**
 * Staff settings in the kiosk database. Every change is validated against the
 * shared schema; a change with any bad value is refused whole, with a message
 * per field, and the stored values stay as they were.
 */
import type { Database } from 'better-sqlite3'
import { SETTING_KEYS, Settings } from '../../shared/contract.ts'
import type { Settings as SettingsValue } from '../../shared/contract.ts'
import { ApiFailure } from '../../shared/result.ts'

export const DEFAULT_SETTINGS: SettingsValue = {
  clinicName: 'Your clinic',
  clinicPhone: null,
  clinicWebsite: null,
  clinicLogo: null,
  defaultLocale: 'en',
  idleTimeoutSeconds: 90,
  paperSize: 'a4',
  printerName: null,
  kioskLock: false,
}

export function readSettings(db: Database): SettingsValue {
  const settings: Record<string, unknown> = { ...DEFAULT_SETTINGS }
  for (const row of db.prepare<[], { key: string; value: string }>('SELECT key, value FROM settings').all()) {
    const field = (
      Settings.shape as Record<string, { safeParse(v: unknown): { success: boolean; data?: unknown } }>
    )[row.key]
    // A stored value this version no longer accepts falls back to its default.
    const parsed = field?.safeParse(JSON.parse(row.value))
    if (parsed?.success) settings[row.key] = parsed.data
  }
  return settings as SettingsValue
}

export function updateSettings(db: Database, changes: Record<string, unknown>): SettingsValue {
  const unknown = Object.keys(changes).filter((k) => !(SETTING_KEYS as string[]).includes(k))
  if (unknown.length) {
    throw new ApiFailure('bad-input', `There is no setting called ${unknown.join(', ')}.`, {
      fields: unknown,
    })
  }
  const parsed = Settings.partial().safeParse(changes)
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((i) => String(i.path[0])))]
    const messages = parsed.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`)
    throw new ApiFailure('bad-input', `Not saved. ${messages.join('; ')}. The old values are kept.`, {
      fields,
    })
  }
  const write = db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  )
  db.transaction(() => {
    for (const [key, value] of Object.entries(parsed.data)) write.run(key, JSON.stringify(value))
  })()
  return readSettings(db)
}
