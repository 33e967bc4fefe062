import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

/** Main and preload are CommonJS (the sandboxed preload cannot be an ES module); better-sqlite3 stays external. */
export default defineConfig({
  main: {
    build: { rollupOptions: { external: ['better-sqlite3'], output: { format: 'cjs' } } }
  },
  preload: {
    build: { rollupOptions: { output: { format: 'cjs' } } }
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    base: './',
    plugins: [react()],
    build: { rollupOptions: { input: resolve(__dirname, 'src/renderer/index.html') } }
  }
})
