import { createApp } from 'vue'
import { createWebHashHistory } from 'vue-router'
import App from './App.vue'
import { selectTransport } from './api/client'
import { createKiosk } from './app'
import './styles/global.css'

// Hash history: the page loads from file:// in Electron and from the loopback
// server in a browser, and neither can serve deep paths.
const kiosk = createKiosk({ transport: selectTransport(window), history: createWebHashHistory() })

createApp(App).use(kiosk.plugin).mount('#app')
