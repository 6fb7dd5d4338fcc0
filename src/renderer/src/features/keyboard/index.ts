export { default as OnScreenKeyboard } from './OnScreenKeyboard.vue'
