import { createWebHashHistory } from 'vue-router'
import { selectTransport } from '@renderer/api/client'
import { startKiosk } from './kiosk'
import { prefetchPatientScreens } from './router'
// The kiosk's one typeface, bundled (Latin covers English and Spanish): every
// machine shows and prints the same letters, so a handout breaks into the same pages.
import '@fontsource/atkinson-hyperlegible-next/latin-400.css'
import '@fontsource/atkinson-hyperlegible-next/latin-700.css'
import './global.css'

// Hash history: the page loads from file:// in Electron and from the loopback
// server in a browser, and neither can serve deep paths. After an idle reset the
// address goes back to the attract screen before the new router reads it.
const session = startKiosk(document.getElementById('app')!, {
  transport: selectTransport(window),
  history: (fresh) => {
    if (fresh) window.history.replaceState(null, '', '#/')
    return createWebHashHistory()
  },
})

// Once the first screen is up and the page has nothing else to do, read the patient
// screens' chunks, so the first tap into a topic does not wait for the disk. A chunk
// that fails here fails again, visibly, when its screen is opened.
void session.router
  .isReady()
  .then(() => requestIdleCallback(() => prefetchPatientScreens().catch(() => undefined), { timeout: 2000 }))
