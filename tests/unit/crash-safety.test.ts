/**
 * The kiosk database survives its writer being killed at any moment: 50 times
 * a process writing settings and counts is killed with SIGKILL at a random
 * point; afterwards the database passes its integrity check and holds every
 * write the process had acknowledged.
 */
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { openDataDb } from '../../src/core/data/open.ts'
import { readSettings } from '../../src/core/data/settings.ts'
import { PROJECT_ROOT } from '../../src/core/paths.ts'
import { tempDir } from '../fixtures/library.ts'

const dir = tempDir()
afterAll(() => dir.remove())

const KILLS = 50

/**
 * Starts a writer and kills it `afterMs` later: counted from its start (to hit
 * start-up and migration) or from its `ready` line (to hit steady writing), so
 * the test does not depend on how fast this machine starts Node.
 */
function runAndKill(
  dataDir: string,
  run: number,
  afterMs: number,
  from: 'start' | 'ready',
): Promise<string[]> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [
      join(PROJECT_ROOT, 'tests/fixtures/data-writer.ts'),
      dataDir,
      String(run),
    ])
    let out = ''
    let timer: ReturnType<typeof setTimeout> | undefined
    const kill = () => (timer ??= setTimeout(() => child.kill('SIGKILL'), afterMs))
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString()
      if (from === 'ready' && out.includes('ready\n')) kill()
    })
    if (from === 'start') child.once('spawn', kill)
    // A line counts as acknowledged only when it arrived whole.
    child.once('exit', () =>
      resolve(
        out
          .split('\n')
          .slice(0, -1)
          .filter((l) => l !== 'ready'),
      ),
    )
  })
}

describe('crash safety of the kiosk database', () => {
  it(`keeps integrity and every acknowledged write across ${KILLS} SIGKILLs`, async () => {
    const dataDir = join(dir.path, 'data')
    const homeCount = (db: ReturnType<typeof openDataDb>, day: string) =>
      db
        .prepare<[string], { count: number }>(
          "SELECT count FROM usage WHERE day = ? AND metric = 'screen' AND key = 'home'",
        )
        .get(day)?.count ?? 0
    let storedName: string | null = null
    const storedCounts = new Map<string, number>()
    let acknowledged = 0
    for (let run = 0; run < KILLS; run++) {
      const day = `2026-01-${String((run % 28) + 1).padStart(2, '0')}`
      // Repeatable moments spread over start-up, migration and steady writing.
      const lines = await runAndKill(dataDir, run, (run * 7919) % 300, run % 3 === 0 ? 'start' : 'ready')
      const settingWrites = lines.filter((l) => l.startsWith('setting')).map((l) => Number(l.split(' ')[2]))
      const usageWrites = lines.filter((l) => l.startsWith('usage')).length
      acknowledged += lines.length

      const db = openDataDb(dataDir)
      expect(db.pragma('integrity_check', { simple: true }), `run ${run}`).toBe('ok')
      const name = readSettings(db).clinicName ?? ''
      const last = settingWrites.at(-1)
      if (last === undefined) {
        // Nothing acknowledged: the old value, or a write of this run that landed unacknowledged.
        expect(
          name === (storedName ?? '') || name.startsWith(`Clinic run ${run} write `),
          `run ${run}: ${name}`,
        ).toBe(true)
      } else {
        const [, gotRun, gotWrite] = /^Clinic run (\d+) write (\d+)$/.exec(name) ?? []
        expect(Number(gotRun), `run ${run}: ${name}`).toBe(run)
        expect(Number(gotWrite), `run ${run}`).toBeGreaterThanOrEqual(last)
        expect(Number(gotWrite), `run ${run}`).toBeLessThanOrEqual(last + 2)
      }
      const before = storedCounts.get(day) ?? 0
      const count = homeCount(db, day)
      expect(count, `run ${run}`).toBeGreaterThanOrEqual(before + usageWrites)
      expect(count, `run ${run}`).toBeLessThanOrEqual(before + usageWrites + 1)
      storedName = name
      storedCounts.set(day, count)
      db.close()
    }
    expect(acknowledged).toBeGreaterThan(KILLS)
    // Fifty real processes: allow for a slow, busy machine.
  }, 180_000)
})
