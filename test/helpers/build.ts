/**
 * Builds what the tests run, from the current sources: the store worker
 * (esbuild, like the app's bundle), the harness's preload bridge, and the
 * renderer (electron-vite, only when out/renderer is missing or older than its
 * sources — `npm test` builds it before vitest anyway).
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { build } from 'esbuild'

/** The repository root. */
export const ROOT = resolve(__dirname, '../..')
/** Where test bundles go (inside the repo, so `better-sqlite3` resolves from node_modules). */
const TEST_OUT = join(ROOT, 'out', 'test')

let workerBuild: Promise<string> | null = null

/** The store worker bundled as CommonJS (once per test process). */
export function buildStoreWorker(): Promise<string> {
  workerBuild ??= (async () => {
    const outfile = join(TEST_OUT, `store-host-${process.pid}.cjs`)
    await build({
      entryPoints: [join(ROOT, 'src/main/host/worker.ts')],
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      external: ['better-sqlite3'],
      outfile,
      logLevel: 'warning'
    })
    process.once('exit', () => rmSync(outfile, { force: true }))
    return outfile
  })()
  return workerBuild
}

/** The harness's bridge: src/preload/api.ts wired to Playwright bindings, as a script for `addInitScript`. */
export async function buildBridgeScript(): Promise<string> {
  const result = await build({
    entryPoints: [join(__dirname, 'bridge-entry.ts')],
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'chrome120',
    write: false,
    logLevel: 'warning'
  })
  return result.outputFiles[0].text
}

function newestMtime(dir: string): number {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs)
  }
  return newest
}

/** Wait for a lock directory, so parallel test files never build at the same time. */
function withBuildLock<T>(work: () => T): T {
  const lock = join(ROOT, 'out', '.renderer-build.lock')
  mkdirSync(join(ROOT, 'out'), { recursive: true })
  const deadline = Date.now() + 120_000
  for (;;) {
    try {
      mkdirSync(lock)
      break
    } catch {
      if (Date.now() > deadline) rmSync(lock, { recursive: true, force: true })
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200)
    }
  }
  try {
    return work()
  } finally {
    rmSync(lock, { recursive: true, force: true })
  }
}

/** out/renderer, built from the current sources. */
export function ensureRendererBuilt(): string {
  const outDir = join(ROOT, 'out', 'renderer')
  const index = join(outDir, 'index.html')
  const stale = (): boolean =>
    !existsSync(index) ||
    statSync(index).mtimeMs < Math.max(newestMtime(join(ROOT, 'src/renderer')), newestMtime(join(ROOT, 'src/shared')), statSync(join(ROOT, 'electron.vite.config.ts')).mtimeMs)
  if (stale()) {
    withBuildLock(() => {
      if (stale()) execFileSync(process.execPath, [join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], { cwd: ROOT, stdio: 'pipe' })
    })
  }
  return outDir
}
