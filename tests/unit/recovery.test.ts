import { EventEmitter } from 'node:events'
import { describe, expect, it, vi } from 'vitest'
import { RECOVERY_DELAY_MS, watchRenderer } from '../../src/main/recovery.ts'
import type { RecoverableContents } from '../../src/main/recovery.ts'

/** A stand-in for Electron's WebContents: an event emitter that records restarts. */
function fakeContents() {
  const emitter = new EventEmitter()
  const contents = Object.assign(emitter, {
    crashed: 0,
    forcefullyCrashRenderer() {
      contents.crashed++
      emitter.emit('render-process-gone', {}, { reason: 'killed', exitCode: 9 })
    },
    isDestroyed: () => false,
  })
  return contents as typeof contents & RecoverableContents
}

describe('renderer recovery', () => {
  it('reloads the attract screen within 2 s of a crash, and logs it without page content', () => {
    vi.useFakeTimers()
    const contents = fakeContents()
    const reload = vi.fn()
    const logged: string[] = []
    watchRenderer(contents, { reloadToAttract: reload, log: (m) => logged.push(m) })
    contents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 })
    expect(reload).not.toHaveBeenCalled()
    vi.advanceTimersByTime(RECOVERY_DELAY_MS)
    expect(reload).toHaveBeenCalledTimes(1)
    expect(RECOVERY_DELAY_MS).toBeLessThan(2000)
    expect(logged).toEqual(['renderer gone (crashed, exit code 139); reloading the attract screen'])
    vi.useRealTimers()
  })

  it('restarts a page that hangs, and reloads the attract screen within 2 s', () => {
    vi.useFakeTimers()
    const contents = fakeContents()
    const reload = vi.fn()
    watchRenderer(contents, { reloadToAttract: reload, log: () => {}, hangGraceMs: 1000 })
    contents.emit('unresponsive')
    vi.advanceTimersByTime(1000 + RECOVERY_DELAY_MS)
    expect(contents.crashed).toBe(1)
    expect(reload).toHaveBeenCalledTimes(1)
    vi.useRealTimers()
  })

  it('leaves a page alone that recovers from a short hang, and ignores a clean exit', () => {
    vi.useFakeTimers()
    const contents = fakeContents()
    const reload = vi.fn()
    watchRenderer(contents, { reloadToAttract: reload, log: () => {} })
    contents.emit('unresponsive')
    vi.advanceTimersByTime(500)
    contents.emit('responsive')
    vi.advanceTimersByTime(5000)
    contents.emit('render-process-gone', {}, { reason: 'clean-exit', exitCode: 0 })
    vi.advanceTimersByTime(5000)
    expect(contents.crashed).toBe(0)
    expect(reload).not.toHaveBeenCalled()
    vi.useRealTimers()
  })
})
