/** Where the project's files are, for the CLI and the tests (not for Electron). */
import { fileURLToPath } from 'node:url'
import { join } from 'node:path'

export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url))
export const CONTENT_DIR = join(PROJECT_ROOT, 'content')
export const CONTENT_DB = join(PROJECT_ROOT, 'resources', 'content.sqlite')
/** A feed's root an operator puts here before building: kiosks trust it until staff install another. */
export const BUNDLED_FEED_ROOT = join(PROJECT_ROOT, 'resources', 'feed', 'root.json')
export const RENDERER_DIR = join(PROJECT_ROOT, 'out', 'renderer')
/** The source articles, beside the project in the workspace (absent elsewhere). */
export const SOURCES_DIR = join(PROJECT_ROOT, '..', 'shared', 'sources')
