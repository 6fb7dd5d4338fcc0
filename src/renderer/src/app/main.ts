import { createWebHashHistory } from 'vue-router'
import { selectTransport } from '@renderer/api/client'
import { startKiosk } from './kiosk'
// The kiosk's one typeface, bundled (Latin covers English and Spanish): every
// machine shows and prints the same letters, so a handout breaks into the same pages.
import '@fontsource/atkinson-hyperlegible-next/latin-400.css'
import '@fontsource/atkinson-hyperlegible-next/latin-700.css'
import './global.css'

// Hash history: the page loads from file:// in Electron and from the loopback
// server in a browser, and neither can serve deep paths. After an idle reset the
// address goes back to the attract screen before the new router reads it.
startKiosk(document.getElementById('app')!, {
  transport: selectTransport(window),
  history: (fresh) => {
    if (fresh) window.history.replaceState(null, '', '#/')
    return createWebHashHistory()
  },
})
