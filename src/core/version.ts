/** The kiosk's own version, from package.json: packs record which kiosk built them. */
import pkg from '../../package.json' with { type: 'json' }

export const KIOSK_VERSION: string = pkg.version
