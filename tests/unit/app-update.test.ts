/**
 * The app's own `--update` (a packaged kiosk has no Node for `kiosk update`):
 * its arguments among Electron's, and one check through the same core code.
 */
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { generateKey } from '../../src/core/feed/keys.ts'
import { addPack, initFeed, publishStaged, signStaged } from '../../src/core/feed/repository.ts'
import { trustRoot } from '../../src/core/feed/update.ts'
import { runUpdate, updateRequest } from '../../src/main/update.ts'
import { buildRealPack, tempDir } from '../fixtures/library.ts'

const dir = tempDir('kiosk-app-update-')
afterAll(() => dir.remove())

describe('the app’s --update', () => {
  it('reads --update and its feed among Electron’s own arguments', () => {
    expect(updateRequest(['/opt/Hip kiosk/kiosk', '--no-sandbox', '--update'])).toEqual({})
    expect(updateRequest(['/opt/Hip kiosk/kiosk', '--update', '--feed', 'https://feed.example/'])).toEqual({
      feed: 'https://feed.example/',
    })
    expect(updateRequest(['/opt/Hip kiosk/kiosk', '--update', '--feed=/mnt/share/feed'])).toEqual({
      feed: '/mnt/share/feed',
    })
    expect(updateRequest(['/opt/Hip kiosk/kiosk', '--kiosk'])).toBeNull()
  })

  it('checks once into the app’s data folder: 1 with the reason, then 0 when updated', async () => {
    const dataDir = join(dir.path, 'userData')
    const feedDir = join(dir.path, 'feed')
    const lines: string[] = []
    const out = { log: (l: string) => lines.push(l), error: (l: string) => lines.push(l) }
    expect(await runUpdate(dataDir, { feed: feedDir }, out)).toBe(1)
    expect(lines.pop()).toMatch(/Not updated: This kiosk trusts no feed yet/)
    for (const name of ['root', 'lee']) generateKey(join(dir.path, `${name}.key`))
    initFeed(feedDir, {
      rootKeyFiles: [join(dir.path, 'root.key')],
      contentKeyFiles: [join(dir.path, 'lee.key.pub')],
      threshold: 1,
    })
    addPack(feedDir, buildRealPack(dir.path, 'pack'))
    signStaged(feedDir, join(dir.path, 'lee.key'))
    publishStaged(feedDir)
    trustRoot(dataDir, join(feedDir, 'metadata', 'root.json'))
    expect(await runUpdate(dataDir, { feed: feedDir }, out)).toBe(0)
    expect(lines.pop()).toBe('Updated to version 1, signed by lee.')
  })
})
