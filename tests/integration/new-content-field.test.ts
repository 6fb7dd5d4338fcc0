/**
 * How the content model grows: a new optional field on procedure steps (a
 * tip, "what helps at this step") travels from an author's YAML to the
 * patient's screen with two edits, the step schema (src/shared/items.ts) and
 * the step view. Here it goes the whole way for real: the YAML is built into a
 * content database, the content service reads it, and the app shows the
 * service's answer.
 */
import { afterAll, describe, expect, it } from 'vitest'
import { buildContentDb } from '../../src/core/content/build.ts'
import { openContentDb } from '../../src/core/db/open.ts'
import { createContentService } from '../../src/core/services/content-service.ts'
import { copyFixtureContent, editFile, tempDir } from '../fixtures/library.ts'
import { fakeBridge } from '../renderer/fixtures'
import { mountKiosk } from '../renderer/helpers'

const dir = tempDir()
afterAll(() => dir.remove())

describe('a new optional field on procedure steps', () => {
  it('goes from the YAML to the step screen, and a step without it shows nothing extra', async () => {
    const content = copyFixtureContent(dir.path)
    editFile(content, 'procedures/test-injection.en.yaml', (text) =>
      text.replace(
        '    feel: You feel pressure.\n',
        '    feel: You feel pressure.\n    tip: Breathe out slowly as the needle goes in.\n',
      ),
    )
    const file = `${dir.path}/content.sqlite`
    buildContentDb(content, file)
    const db = openContentDb(file)
    const service = createContentService(db)
    const bridge = fakeBridge()
    bridge.getProcedure = async (input) => ({ ok: true, value: service.getProcedure(input) })

    const withTip = await mountKiosk('/procedures/test-injection/steps/3', bridge)
    expect(withTip.wrapper.text()).toContain('Breathe out slowly as the needle goes in.')
    withTip.wrapper.unmount()

    const without = await mountKiosk('/procedures/test-injection/steps/2', bridge)
    expect(without.wrapper.text()).toContain('It feels cold.')
    expect(without.wrapper.find('[data-step-tip]').exists()).toBe(false)
    without.wrapper.unmount()
    db.close()
  })
})
