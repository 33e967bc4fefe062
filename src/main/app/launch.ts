/**
 * What the app was started with: files on the command line, the demo store,
 * the Electron-ABI better-sqlite3 binding. Pure functions of argv and env.
 */
import { existsSync } from 'node:fs'
import { isAbsolute, join, resolve } from 'node:path'
import type { LaunchInfo } from '../ipc/deps'

/** Env var naming the better-sqlite3 binding built for Electron's ABI (set by scripts/start.mjs). */
export const NATIVE_BINDING_ENV = 'COHERENCE_NATIVE_BINDING'
/** Env var naming the demo store (set by scripts/start.mjs; a packaged app uses its resources folder). */
export const DEMO_STORE_ENV = 'COHERENCE_DEMO_STORE'
/** The demo store's name inside the packaged app's resources folder. */
export const PACKAGED_DEMO_STORE = join('demo', 'coherence-demo.db')

/**
 * Store files named on the command line. In development argv is
 * `electron [switches] <app-dir> [--] [files…]`, packaged it is
 * `app [switches] [files…]`. Switches (`--foo`, `--foo=bar`) belong to
 * Chromium, Electron or a test driver, never to us; after `--` everything is a file.
 */
export function filesFromArgv(argv: readonly string[], packaged: boolean, cwd: string): string[] {
  const files: string[] = []
  let appDirSkipped = packaged
  let afterDoubleDash = false
  for (const arg of argv.slice(1)) {
    if (!afterDoubleDash && arg === '--') afterDoubleDash = true
    else if (!afterDoubleDash && arg.startsWith('-')) continue
    else if (!appDirSkipped && !afterDoubleDash) appDirSkipped = true
    else files.push(isAbsolute(arg) ? arg : resolve(cwd, arg))
  }
  return files
}

/** The demo store to use, if it exists: the env var first, else the packaged resource. */
export function findDemoStore(env: NodeJS.ProcessEnv, resourcesPath: string | undefined): string | null {
  const candidates = [env[DEMO_STORE_ENV], resourcesPath ? join(resourcesPath, PACKAGED_DEMO_STORE) : undefined]
  return candidates.find((p): p is string => typeof p === 'string' && p.length > 0 && existsSync(p)) ?? null
}

/** The Electron-ABI binding, when the env var names a file that exists. */
export function nativeBindingFromEnv(env: NodeJS.ProcessEnv): string | undefined {
  const path = env[NATIVE_BINDING_ENV]
  return path && existsSync(path) ? path : undefined
}

/**
 * Start-up info for the window: the command-line files, or the demo store when
 * none were given — handed out once, so a reloaded window does not reopen them.
 */
export function startupOnce(files: readonly string[], demoStore: string | null, platform: string, appVersion: string): () => LaunchInfo {
  let pending: readonly string[] = files.length > 0 ? files : demoStore ? [demoStore] : []
  return () => {
    const info: LaunchInfo = { files: pending, demoStore, platform, appVersion }
    pending = []
    return info
  }
}
