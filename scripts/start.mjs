#!/usr/bin/env node
// `npm start [-- store.db …]`: build the app, make sure better-sqlite3 exists for
// Electron's ABI (beside the Node build, which tests and the CLI keep using),
// write the demo store once, and start Electron.
//
//   node scripts/start.mjs [files…]        build, prepare, launch
//   node scripts/start.mjs --prepare-only  build and prepare, print the paths as JSON, do not launch
//
// Exit codes: Electron's own when it ran; 1 when something is missing, with a
// sentence saying what and how to fix it.
import { spawn, spawnSync } from 'node:child_process'
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { homedir } from 'node:os'
import { dirname, isAbsolute, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(join(ROOT, 'package.json'))
/** Downloads (Electron binary, headers, prebuilt binding) give up after this long instead of hanging. */
const DOWNLOAD_TIMEOUT_MS = 10 * 60_000

class StartError extends Error {}

function say(line) {
  process.stderr.write(`npm start: ${line}\n`)
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', timeout: DOWNLOAD_TIMEOUT_MS, ...options })
  if (result.error) return { ok: false, why: result.error.message }
  return { ok: result.status === 0, why: result.signal ? `stopped by ${result.signal}` : `exit code ${result.status}` }
}

function electronVersion() {
  return JSON.parse(readFileSync(join(ROOT, 'node_modules', 'electron', 'package.json'), 'utf8')).version
}

/** The Electron executable, or null when the package has no binary (its download was skipped or failed). */
function findElectron() {
  try {
    const path = require('electron')
    return typeof path === 'string' && existsSync(path) ? path : null
  } catch {
    return null
  }
}

/** Electron's binary comes from GitHub; npm skips that download here (allowScripts "electron": false), so fetch it now. */
function ensureElectron() {
  if (!existsSync(join(ROOT, 'node_modules', 'electron', 'package.json'))) {
    throw new StartError('the electron package is not installed. Run `npm install` first.')
  }
  const found = findElectron()
  if (found) return found
  const version = electronVersion()
  const explain =
    `the Electron ${version} runtime is not installed: node_modules/electron has no binary. ` +
    'The electron package downloads it from GitHub (or $ELECTRON_MIRROR).'
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
    throw new StartError(`${explain} ELECTRON_SKIP_BINARY_DOWNLOAD is set, so it was not fetched. Unset it and run \`npm start\` again.`)
  }
  say(`downloading the Electron ${version} runtime (about 100 MB, once)…`)
  const download = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'electron', 'install.js')], { cwd: ROOT, stdio: ['ignore', 'inherit', 'pipe'], timeout: DOWNLOAD_TIMEOUT_MS })
  const installed = findElectron()
  if (download.status !== 0 || !installed) {
    const why = download.error?.message ?? (String(download.stderr).trim().split('\n')[0] || `exit code ${download.status}`)
    throw new StartError(
      `${explain} Downloading it failed (${why}). With network access run \`node node_modules/electron/install.js\`, ` +
        'or set ELECTRON_MIRROR to a reachable mirror, then `npm start` again.'
    )
  }
  return installed
}

function buildApp() {
  say('building the app (electron-vite)…')
  const build = run(process.execPath, [join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'])
  if (!build.ok) throw new StartError(`building the app failed (${build.why}); see the messages above.`)
}

/** npm's own node-gyp: npm passes its path to scripts; otherwise it sits beside the npm that came with Node. */
function findNodeGyp() {
  const candidates = [
    process.env.npm_config_node_gyp,
    join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    join(dirname(process.execPath), 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js')
  ]
  return candidates.find((p) => p && existsSync(p)) ?? null
}

/** The environment for building against Electron: npm's `nodedir` (here: /usr) would point node-gyp at Node's headers. */
function electronBuildEnv() {
  const env = { ...process.env }
  for (const key of Object.keys(env)) if (/^npm_config_(nodedir|target|runtime|disturl|dist_url)$/i.test(key)) delete env[key]
  return env
}

/** Check the binding really loads in Electron (Electron running as plain Node, nothing is shown). */
function bindingLoads(electron, binding) {
  const probe = `const D = require(${JSON.stringify(require.resolve('better-sqlite3'))}); new D(':memory:', { nativeBinding: ${JSON.stringify(binding)} }).prepare('select 1').get()`
  const result = spawnSync(electron, ['-e', probe], { env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, stdio: 'pipe', timeout: 60_000 })
  return result.status === 0
}

/**
 * better-sqlite3 for Electron's ABI in native/electron/<version>-<platform>-<arch>/,
 * made once: a prebuilt binary when one can be downloaded, else compiled with
 * node-gyp against Electron's headers. node_modules keeps the Node build.
 */
function ensureElectronBinding(electron) {
  const version = electronVersion()
  const dir = join(ROOT, 'native', 'electron', `${version}-${process.platform}-${process.arch}`)
  const binding = join(dir, 'better_sqlite3.node')
  if (existsSync(binding) && bindingLoads(electron, binding)) return binding
  say(`making better-sqlite3 for Electron ${version} in ${dir} (once)…`)
  const source = join(dir, 'better-sqlite3')
  rmSync(source, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  cpSync(dirname(require.resolve('better-sqlite3/package.json')), source, { recursive: true, filter: (p) => !p.includes(`${join('better-sqlite3', 'build')}`) })
  try {
    const built = join(source, 'build', 'Release', 'better_sqlite3.node')
    const env = electronBuildEnv()
    const prebuild = require.resolve('prebuild-install/bin.js', { paths: [dirname(require.resolve('better-sqlite3/package.json'))] })
    const target = ['--runtime=electron', `--target=${version}`, `--arch=${process.arch}`]
    const fetched = run(process.execPath, [prebuild, ...target, `--platform=${process.platform}`], { cwd: source, env })
    if (!fetched.ok || !existsSync(built)) {
      const nodeGyp = findNodeGyp()
      if (!nodeGyp) throw new StartError('no prebuilt better-sqlite3 for Electron could be downloaded, and node-gyp (part of npm) was not found to compile one.')
      say('no prebuilt binary could be downloaded; compiling better-sqlite3 against the Electron headers (a few minutes)…')
      const compiled = run(
        process.execPath,
        [nodeGyp, 'rebuild', '--release', `--target=${version}`, `--arch=${process.arch}`, '--dist-url=https://electronjs.org/headers', `--devdir=${join(ROOT, 'native', 'electron', '.node-gyp')}`],
        { cwd: source, env }
      )
      if (!compiled.ok || !existsSync(built)) {
        throw new StartError(
          `compiling better-sqlite3 for Electron ${version} failed (${compiled.why}). It needs Python 3, make and a C++ compiler, ` +
            'and network access to https://electronjs.org/headers once.'
        )
      }
    }
    copyFileSync(built, binding)
  } finally {
    rmSync(source, { recursive: true, force: true })
  }
  if (!bindingLoads(electron, binding)) throw new StartError(`${binding} was made but Electron ${version} cannot load it; delete the folder and try again.`)
  return binding
}

/** The user's data folder for this app (outside the repository, so builds never remove the demo). */
function dataFolder() {
  if (process.platform === 'win32') return join(process.env.LOCALAPPDATA ?? join(homedir(), 'AppData', 'Local'), 'coherence-studio')
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'coherence-studio')
  return join(process.env.XDG_DATA_HOME || join(homedir(), '.local', 'share'), 'coherence-studio')
}

/** The demo store, written once by scripts/make-demo-store.ts (the README walkthrough plus a bookshop's year). */
function ensureDemoStore() {
  const demo = process.env.COHERENCE_DEMO_STORE || join(dataFolder(), 'coherence-demo.db')
  if (existsSync(demo)) return demo
  say(`writing the demo store to ${demo} (once)…`)
  mkdirSync(dirname(demo), { recursive: true })
  const made = run(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'make-demo-store.ts'), demo])
  if (!made.ok) throw new StartError(`writing the demo store failed (${made.why}).`)
  return demo
}

/** Store files given after `--`, resolved against the folder `npm start` was run in. */
function storeArguments(args) {
  const cwd = process.env.INIT_CWD ?? process.cwd()
  return args.map((a) => (a.startsWith('-') || isAbsolute(a) ? a : resolve(cwd, a)))
}

function launch(electron, env, files) {
  const flags = []
  // Chromium refuses to start its sandbox as root, so as root we must turn it off — and say so, never silently.
  if (process.platform === 'linux' && process.getuid?.() === 0) {
    flags.push('--no-sandbox')
    process.stdout.write(
      'npm start: running as root, so Electron is started with --no-sandbox (Chromium will not run its process sandbox as root). ' +
        'The page still has no Node access and talks to main only through the checked bridge; run npm start as an ordinary user to keep the sandbox.\n'
    )
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    say('no display found ($DISPLAY is empty). On a headless machine run it under xvfb-run: `xvfb-run -a npm start`.')
  }
  const child = spawn(electron, [...flags, ROOT, '--', ...files], { cwd: ROOT, stdio: 'inherit', env })
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
  child.on('exit', (code, signal) => {
    process.exitCode = code ?? (signal ? 1 : 0)
  })
  child.on('error', (e) => {
    say(`Electron could not be started: ${e.message}`)
    process.exitCode = 1
  })
}

function main(argv) {
  const prepareOnly = argv.includes('--prepare-only')
  const files = storeArguments(argv.filter((a) => a !== '--prepare-only'))
  const electron = ensureElectron()
  buildApp()
  const binding = ensureElectronBinding(electron)
  const demo = ensureDemoStore()
  const env = { ...process.env, COHERENCE_NATIVE_BINDING: binding, COHERENCE_DEMO_STORE: demo }
  if (prepareOnly) {
    process.stdout.write(`${JSON.stringify({ electron, binding, demo })}\n`)
    return
  }
  launch(electron, env, files)
}

try {
  main(process.argv.slice(2))
} catch (e) {
  if (!(e instanceof StartError)) throw e
  say(e.message)
  process.exitCode = 1
}
