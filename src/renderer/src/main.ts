import { createWebHashHistory } from 'vue-router'
import { selectTransport } from './api/client'
import { startKiosk } from './app'
import './styles/global.css'

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
