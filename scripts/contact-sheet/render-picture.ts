/**
 * Draws one picture to SVG markup outside the browser (Vue's server renderer),
 * as the kiosk draws it, with its text alternative in the language asked for.
 * Loaded through Vite (scripts/contact-sheet.ts), which compiles the .vue files.
 */
import { createSSRApp, h } from 'vue'
import { renderToString } from 'vue/server-renderer'
import Picture from '@renderer/ui/pictures/Picture.vue'
import { createKioskI18n } from '@renderer/app/i18n'
import type { Locale } from '@shared/contract'

export async function renderPicture(id: string, locale: Locale): Promise<string> {
  const app = createSSRApp({ render: () => h(Picture, { id }) })
  app.use(createKioskI18n(locale))
  // Drop Vue's fragment and scope markers: the sheet wants the bare drawing.
  return (await renderToString(app)).replace(/<!--[\s\S]*?-->/g, '').replace(/ data-v-[a-z0-9]+=""/g, '')
}
