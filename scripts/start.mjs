#!/usr/bin/env node
// `npm start [-- store.db …]`: build if needed, make sure better-sqlite3 exists for
// Electron's ABI (beside the Node build the tests and CLI use), create the demo
// store on first start, then launch Electron.
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { homedir, tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(join(root, 'package.json'))
const run = (cmd, args, opts = {}) => spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts }).status === 0
const fail = (message) => {
  console.error(`\ncoherence-studio: ${message}`)
  process.exit(1)
}

// 1. The Electron runtime (downloaded by the electron package's postinstall).
let electronBinary
try {
  electronBinary = require('electron')
} catch {
  fail(
    'the Electron runtime is not installed, so the app cannot start.\n' +
      'The electron package downloads it during "npm install"; this machine skipped or could not do that download\n' +
      '(ELECTRON_SKIP_BINARY_DOWNLOAD, or no access to github.com). Run "node node_modules/electron/install.js" with\n' +
      'network access, then "npm start" again. The CLI (npx coherence …) and the tests work without it.'
  )
}
if (typeof electronBinary !== 'string' || !existsSync(electronBinary)) fail(`the Electron binary ${electronBinary} is missing; reinstall with "npm install".`)

// 2. Build the app when it has not been built yet.
if (!existsSync(join(root, 'out', 'main', 'index.js')) && !run(process.execPath, [require.resolve('electron-vite/bin/electron-vite.js'), 'build'])) {
  fail('building the app failed (see above).')
}

// 3. better-sqlite3 for Electron's ABI, built once into native/electron/<version>/ (node_modules keeps the Node build).
const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version
const binding = join(root, 'native', 'electron', electronVersion, 'better_sqlite3.node')
if (!existsSync(binding)) {
  console.log(`Building better-sqlite3 for Electron ${electronVersion} (once) …`)
  const work = mkdtempSync(join(tmpdir(), 'coherence-native-'))
  const source = dirname(require.resolve('better-sqlite3/package.json'))
  cpSync(source, work, { recursive: true, filter: (p) => !p.startsWith(join(source, 'build')) })
  // Headers come from Electron, not from the local Node (an .npmrc nodedir would point node-gyp at Node's).
  const env = { ...process.env }
  for (const key of Object.keys(env)) if (key.toLowerCase() === 'npm_config_nodedir') delete env[key]
  // node-gyp as bundled with npm (unix: <prefix>/lib/node_modules/npm, Windows: beside node.exe), else from the registry.
  const gypArgs = ['rebuild', '--release', `--target=${electronVersion}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers']
  const bundledGyp = [join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm'), join(dirname(process.execPath), 'node_modules', 'npm')]
    .map((npmDir) => join(npmDir, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'))
    .find((p) => existsSync(p))
  const ok = bundledGyp
    ? run(process.execPath, [bundledGyp, ...gypArgs], { cwd: work, env })
    : run('npx', ['--yes', 'node-gyp@11', ...gypArgs], { cwd: work, env, shell: process.platform === 'win32' })
  if (!ok || !existsSync(join(work, 'build', 'Release', 'better_sqlite3.node'))) {
    rmSync(work, { recursive: true, force: true })
    fail('building better-sqlite3 for Electron failed (see above). It needs python3, make, a C++ compiler and access to electronjs.org for the headers.')
  }
  mkdirSync(dirname(binding), { recursive: true })
  cpSync(join(work, 'build', 'Release', 'better_sqlite3.node'), binding)
  rmSync(work, { recursive: true, force: true })
}

// 4. The demo store, generated on first start into the user's data folder.
const dataHome = process.env.XDG_DATA_HOME || join(homedir(), '.local', 'share')
const demo = join(dataHome, 'coherence-studio', 'coherence-demo.db')
if (!existsSync(demo)) {
  mkdirSync(dirname(demo), { recursive: true })
  const maker = existsSync(join(root, 'scripts', 'demo', 'make-demo-store.ts'))
    ? [join(root, 'scripts', 'demo', 'make-demo-store.ts'), demo]
    : [join(root, 'scripts', 'make-store.ts'), '--events', '5000', demo]
  if (!run(process.execPath, [require.resolve('tsx/cli'), ...maker])) fail('creating the demo store failed (see above).')
}

// 5. Launch.
const result = spawnSync(electronBinary, [root, ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, COHERENCE_NATIVE_BINDING: binding, COHERENCE_DEMO_STORE: demo }
})
process.exit(result.status ?? 1)
