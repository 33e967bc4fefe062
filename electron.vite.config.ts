import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import type { Plugin } from 'vite'
import react from '@vitejs/plugin-react'
import { RENDERER_CSP } from './src/main/app/csp'

/** Puts the strict CSP into the built index.html (the dev server gets a relaxed one as a header). */
function cspMetaTag(): Plugin {
  return {
    name: 'coherence-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: RENDERER_CSP }, injectTo: 'head-prepend' }]
  }
}

/**
 * Main and preload are CommonJS (package.json has no "type": "module"): a
 * sandboxed preload cannot be an ES module. Main has two entries: the app and
 * the store worker thread. better-sqlite3 stays external (a native module).
 */
export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/main/index.ts'), 'store-host': resolve(__dirname, 'src/main/host/worker.ts') },
        external: ['better-sqlite3']
      }
    }
  },
  preload: {
    build: { rollupOptions: { input: { index: resolve(__dirname, 'src/preload/index.ts') } } }
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    base: './',
    plugins: [react(), cspMetaTag()],
    build: { rollupOptions: { input: resolve(__dirname, 'src/renderer/index.html') } }
  }
})
