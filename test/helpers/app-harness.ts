/**
 * End-to-end harness: the built renderer in Debian Chromium (playwright-core),
 * with `window.coherence` bridged to the REAL main-process handlers (same
 * validation path as Electron) and push events from the real store watcher.
 */
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { dispatch, type HandlerContext } from '../../src/main/ipc/handlers'
import { StoreRegistry } from '../../src/main/ipc/registry'
import { watchStores } from '../../src/main/ipc/watch'
import { serveStatic } from './static-server'

const CHROMIUM = '/usr/bin/chromium'
const SCREENSHOTS = resolve(__dirname, '../../test-results/screenshots')

/** A running app: page, real handler context, helpers. */
export interface AppHarness {
  readonly page: Page
  readonly ctx: HandlerContext
  /** Ask the UI to open `path` the way File ▸ Open does. */
  openStore(path: string): Promise<void>
  /** Save a full-page screenshot as test-results/screenshots/<name>.png. */
  screenshot(name: string): Promise<string>
  close(): Promise<void>
}

/** Start chromium on the built renderer (run `npx electron-vite build` first). */
export async function startApp(): Promise<AppHarness> {
  const server = await serveStatic(resolve(__dirname, '../../out/renderer'))
  const userData = mkdtempSync(join(tmpdir(), 'e2e-chromium-'))
  const recent: string[] = []
  const ctx: HandlerContext = { registry: new StoreRegistry(), recent: () => recent, remember: (p) => recent.unshift(p) }
  // A fresh profile per run (playwright passes it to chromium as --user-data-dir).
  const browser: BrowserContext = await chromium.launchPersistentContext(userData, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync']
  })
  const page = await browser.newPage()
  await page.exposeBinding('__coherenceInvoke', (_source, channel: string, payload: unknown) => dispatch(ctx, channel, payload, true))
  await page.addInitScript(() => {
    const listeners = new Map<string, Set<(p: unknown) => void>>()
    const w = window as unknown as Record<string, unknown>
    w.__coherencePush = (event: string, payload: unknown) => listeners.get(event)?.forEach((l) => l(payload))
    w.coherence = {
      invoke: (channel: string, request: unknown) => (w.__coherenceInvoke as (c: string, r: unknown) => Promise<unknown>)(channel, request),
      on: (event: string, listener: (p: unknown) => void) => {
        if (!listeners.has(event)) listeners.set(event, new Set())
        listeners.get(event)?.add(listener)
        return () => listeners.get(event)?.delete(listener)
      }
    }
  })
  const push = (event: string, payload: unknown): void => {
    void page.evaluate(([e, p]) => (window as unknown as { __coherencePush: (e: string, p: unknown) => void }).__coherencePush(e as string, p), [event, payload]).catch(() => undefined)
  }
  const stopWatching = watchStores(ctx.registry, (storeId, seqNo) => push('store:changed', { storeId, seqNo }))
  await page.goto(server.url)
  return {
    page,
    ctx,
    openStore: async (path) => {
      push('app:open-request', { path })
      await page.getByTestId('store-path').filter({ hasText: path }).waitFor()
    },
    screenshot: async (name) => {
      mkdirSync(SCREENSHOTS, { recursive: true })
      const file = join(SCREENSHOTS, `${name}.png`)
      await page.screenshot({ path: file, fullPage: true })
      return file
    },
    close: async () => {
      stopWatching()
      await browser.close()
      await server.close()
      await ctx.registry.closeAll()
      rmSync(userData, { recursive: true, force: true })
    }
  }
}
