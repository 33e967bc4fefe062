/**
 * The set-up the Compose e2e files share: a store file in a fresh temporary
 * folder (empty, or the README walkthrough, seq-nos 1–7), the app started on
 * it at a given window size, and its Compose section open.
 */
import type { Page } from 'playwright-core'
import { DEFAULT_TABLES } from '../../src/shared/domain'
import { startApp, type AppHarness } from './app-harness'
import { createStoreFile } from './store-files'
import { makeWalkthroughStore, tempDir } from './stores'
import { join } from 'node:path'

/** A running app showing Compose on its own store file. */
export interface ComposeApp {
  readonly app: AppHarness
  readonly page: Page
  /** The store file. */
  readonly file: string
  /** The temporary folder holding it. */
  readonly dir: ReturnType<typeof tempDir>
  /** Close the app and remove the folder. */
  close(): Promise<void>
}

/** How the store starts and how large the window is. */
export interface ComposeAppOptions {
  /** The temporary folder's name prefix. */
  readonly prefix: string
  /** The README walkthrough's events (otherwise an empty store). */
  readonly walkthrough: boolean
  readonly viewport: { width: number; height: number }
}

/** Start the app on a new store and open Compose; resolves once Compose shows. */
export async function openCompose({ prefix, walkthrough, viewport }: ComposeAppOptions): Promise<ComposeApp> {
  const dir = tempDir(prefix)
  const file = walkthrough ? await makeWalkthroughStore(dir.path, 'walk.db') : join(dir.path, 'test.db')
  if (!walkthrough) await (await createStoreFile(file, DEFAULT_TABLES)).close()
  const app = await startApp({ files: [file], viewport })
  const page = app.page
  await page.locator('.mantine-NavLink-root', { hasText: 'Compose' }).click()
  await page.getByTestId('compose').waitFor()
  return {
    app, page, file, dir,
    close: async () => {
      await app.close()
      dir.remove()
    }
  }
}
