/**
 * A full disk, told apart from other failures so staff get words they can act
 * on instead of "something went wrong". SQLite reports a write that found no
 * space as SQLITE_FULL (whether the disk or the database's page limit is full);
 * Node's file functions as ENOSPC, or EDQUOT past a disk quota.
 */
import { ApiFailure } from '../../shared/result.ts'

export function isDiskFull(err: unknown): boolean {
  const code = typeof err === 'object' && err !== null ? (err as { code?: unknown }).code : undefined
  return code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT'
}

const FREE_SPACE =
  'Ask whoever looks after the kiosk computer to free some space on its disk, then try again.'

/** The typed error for something that could not be saved because the disk is full. */
export function diskFullFailure(what = 'this could not be saved'): ApiFailure {
  return new ApiFailure('disk-full', `The kiosk's disk is full, so ${what}. ${FREE_SPACE}`)
}
