/**
 * The data folder holds the staff PIN's hash: readable by another account on
 * the machine, a 4-digit PIN falls to an offline search in minutes. So the
 * folder is 0700 and everything in it 0600, whoever made it: new files through
 * an owner-only umask set by each entry point before anything is created, and
 * whatever an older version left (0755, 0644) tightened each time the folder is
 * opened. On Windows these modes mean nothing; the deployment script sets the
 * folder's ACL instead.
 */
import { chmodSync, lstatSync, mkdirSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { isMainThread } from 'node:worker_threads'

export const PRIVATE_FOLDER_MODE = 0o700
export const PRIVATE_FILE_MODE = 0o600

/**
 * Files and folders this process creates from now on are its owner's only.
 * For the entry points (the CLI's data-folder commands, Electron's main), before
 * SQLite or a log writes anything; a worker thread cannot change the umask.
 */
export function useOwnerOnlyUmask(): void {
  if (isMainThread) process.umask(0o077)
}

/** Creates `dir` if needed, and takes away every other account's access to it and all inside. */
export function makePrivateFolder(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_FOLDER_MODE })
  tighten(dir)
}

/** Makes one file the owner's only (a copy keeps its source's mode, whatever the umask). */
export function makePrivateFile(file: string): void {
  chmodSync(file, PRIVATE_FILE_MODE)
}

function tighten(path: string): void {
  let stat
  try {
    stat = lstatSync(path)
  } catch (err) {
    // Gone while we looked (Chromium's temporary files in Electron's folder): nothing to protect.
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return
    throw err
  }
  // Links (Chromium's SingletonLock) point outside the folder: never follow them.
  if (stat.isDirectory()) {
    if ((stat.mode & 0o777) !== PRIVATE_FOLDER_MODE) chmodSync(path, PRIVATE_FOLDER_MODE)
    for (const name of readdirSync(path)) tighten(join(path, name))
  } else if (stat.isFile() && (stat.mode & 0o077) !== 0) {
    chmodSync(path, stat.mode & PRIVATE_FILE_MODE)
  }
}
