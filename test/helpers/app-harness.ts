/**
 * End-to-end harness (every UI test uses it): the built renderer in Debian
 * Chromium, served over http with the app's CSP, with `window.coherence`
 * bridged to the REAL main-process dispatch — same validation, same sender
 * check, same store host in worker threads, real store files. Only the native
 * dialogs are scripted (`dialogs`) and dropped files get their path from the
 * harness (Chromium has no `webUtils.getPathForFile`).
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import type { PushEventName, PushPayloads } from '../../src/shared/ipc/contract'
import type { AppCommandEvent } from '../../src/shared/ipc/types'
import { JsonRecentFiles } from '../../src/main/app/recent-files'
import { JsonRecentConnections } from '../../src/main/app/recent-connections'
import { keyedSecretBox } from './secret-box'
import { startupOnce } from '../../src/main/app/launch'
import type { StoreHost } from '../../src/main/host/store-host'
import type { IpcDeps } from '../../src/main/ipc/deps'
import { dispatch } from '../../src/main/ipc/dispatch'
import { ChosenLocations } from '../../src/main/ipc/locations'
import { isTrustedSender } from '../../src/main/ipc/sender'
import { buildBridgeScript, ensureRendererBuilt, ROOT } from './build'
import { launchChromium } from './chromium'
import { ScriptedDialogs } from './scripted-dialogs'
import { serveStatic } from './static-server'
import { tempDir } from './stores'
import { recordingListener, startTestHost, type HostEvents } from './test-host'

/** Where screenshots go. */
export const SCREENSHOT_DIR = join(ROOT, 'test-results', 'screenshots')

/** How the app starts. */
export interface AppOptions {
  /** Files "on the command line". */
  readonly files?: readonly string[]
  /** The demo store (opened when `files` is empty). */
  readonly demoStore?: string | null
  readonly colorScheme?: 'light' | 'dark'
  readonly viewport?: { width: number; height: number }
  /** The page's own time zone (IANA name); the machine's when absent. */
  readonly timezoneId?: string
}

/** A running app. */
export interface AppHarness {
  readonly page: Page
  readonly deps: IpcDeps
  readonly host: StoreHost
  readonly hostEvents: HostEvents
  readonly dialogs: ScriptedDialogs
  /** The temporary user-data folder (recent-files.json lives here). */
  readonly userData: string
  /** Deliver a push event to the window, as main does. */
  push<E extends PushEventName>(event: E, payload: PushPayloads[E]): Promise<void>
  /** Send a command as the native menu does. */
  menu(command: AppCommandEvent): Promise<void>
  /** File ▸ Open `path` and wait until its Overview shows. */
  openStore(path: string): Promise<void>
  /** Drop files onto the window, as the user drags them from a file manager. */
  dropFiles(paths: readonly string[]): Promise<void>
  /** Open the command palette and run the command whose label matches `label`. */
  runCommand(label: string | RegExp): Promise<void>
  /** Save test-results/screenshots/<name>.png; returns its path. */
  screenshot(name: string): Promise<string>
  setColorScheme(scheme: 'light' | 'dark'): Promise<void>
  close(): Promise<void>
}

/** Start the app in Chromium. */
export async function startApp(options: AppOptions = {}): Promise<AppHarness> {
  const rendererDir = ensureRendererBuilt()
  const userData = tempDir('userdata')
  const server = await serveStatic(rendererDir)
  const browser = await launchChromium(options.viewport, options.timezoneId)
  const page = await browser.context.newPage()
  await page.emulateMedia({ colorScheme: options.colorScheme ?? 'light' })

  const push = <E extends PushEventName>(event: E, payload: PushPayloads[E]): Promise<void> =>
    page
      .evaluate(([e, p]) => (window as unknown as { __coherencePush(e: string, p: unknown): void }).__coherencePush(e, p), [event, payload] as const)
      .catch(() => undefined)
  const { events: hostEvents, listener } = recordingListener({
    changed: (storeId, seqNo) => void push('store:changed', { storeId, seqNo }),
    lost: (storeId, message) => void push('store:lost', { storeId, message }),
    disconnected: (storeId, message) => void push('store:disconnected', { storeId, message }),
    progress: (event) => void push('progress', event)
  })
  const host = await startTestHost(listener)
  const dialogs = new ScriptedDialogs()
  const deps: IpcDeps = {
    host,
    dialogs,
    recent: new JsonRecentFiles(join(userData.path, 'recent-files.json')),
    connections: new JsonRecentConnections(join(userData.path, 'recent-connections.json'), keyedSecretBox()),
    locations: new ChosenLocations(),
    startup: startupOnce(options.files ?? [], options.demoStore ?? null, 'linux', 'test')
  }
  await page.exposeBinding('__coherenceInvoke', (source, channel: unknown, payload: unknown) =>
    dispatch(deps, channel, payload, isTrustedSender({ fromAppWindow: source.page === page, isMainFrame: source.frame === page.mainFrame(), url: source.frame.url() }, server.url))
  )
  await page.addInitScript({ content: await buildBridgeScript() })
  await page.goto(server.url)

  const harness: AppHarness = {
    page,
    deps,
    host,
    hostEvents,
    dialogs,
    userData: userData.path,
    push,
    menu: (command) => push('app:command', command),
    openStore: async (path) => {
      dialogs.willOpen(path)
      await harness.menu({ command: 'open-store' })
      await page.getByTestId('store-path').filter({ hasText: path }).waitFor()
    },
    dropFiles: async (paths) => {
      await page.evaluate((files) => {
        const registry = (window as unknown as { __coherenceFilePaths: WeakMap<object, string> }).__coherenceFilePaths
        const transfer = new DataTransfer()
        for (const path of files) transfer.items.add(new File(['dropped'], path.split('/').pop() ?? path))
        // DataTransfer hands out its own File objects: those are the ones the drop delivers.
        Array.from(transfer.files).forEach((file, i) => registry.set(file, files[i]))
        for (const type of ['dragenter', 'dragover', 'drop']) {
          document.body.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }))
        }
      }, paths)
    },
    runCommand: async (label) => {
      await page.keyboard.press('Control+K')
      const search = page.getByRole('textbox', { name: 'Command' })
      await search.waitFor()
      await search.fill(typeof label === 'string' ? label : '')
      // Mantine's static class of palette entries (the page behind may have buttons with the same name).
      await page.locator('.mantine-Spotlight-action').filter({ hasText: label }).first().click()
    },
    screenshot: async (name) => {
      mkdirSync(SCREENSHOT_DIR, { recursive: true })
      const file = join(SCREENSHOT_DIR, `${name}.png`)
      await page.screenshot({ path: file, animations: 'disabled' })
      return file
    },
    setColorScheme: async (scheme) => {
      await page.emulateMedia({ colorScheme: scheme })
    },
    close: async () => {
      await browser.close()
      await server.close()
      await host.closeAll()
      userData.remove()
    }
  }
  return harness
}
