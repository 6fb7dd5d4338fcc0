/**
 * The id of index.html's <template> holding the home screen as the build rendered it:
 * scripts/vite/prerender-home.ts writes it, the page's first session hydrates it (app/kiosk.ts).
 */
export const PRERENDERED_HOME_ID = 'prerendered-home'
