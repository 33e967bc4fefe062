/**
 * The set-up most window tests share: the library README's walkthrough
 * store in a temporary folder of the test file's own, open in a started app
 * with its tab and Overview shown; or the walkthrough in a new PostgreSQL
 * database, connected to through the Connect dialog.
 */
import { startApp, type AppHarness, type AppOptions } from './app-harness'
import type { PostgresServer } from './postgres'
import { connectThroughDialog, createWalkthroughDatabase } from './postgres-walkthrough'
import { makeWalkthroughStore, tempDir } from './stores'

/** The started app, its folder and the walkthrough store's path in it. */
export interface WalkthroughApp {
  readonly app: AppHarness
  readonly dir: ReturnType<typeof tempDir>
  readonly walkthrough: string
}

/** Make `walkthrough.db` in a new folder named after `prefix` and start the app on it (`options` as `startApp` takes them). */
export async function startOnWalkthrough(prefix: string, options: Omit<AppOptions, 'files'> = {}): Promise<WalkthroughApp> {
  const dir = tempDir(prefix)
  let app: AppHarness | undefined
  try {
    const walkthrough = await makeWalkthroughStore(dir.path)
    app = await startApp({ ...options, files: [walkthrough] })
    await app.page.getByTestId('store-name').filter({ hasText: 'walkthrough.db' }).waitFor()
    await app.page.getByTestId('overview').waitFor()
    return { app, dir, walkthrough }
  } catch (e) {
    await stopWalkthroughApp({ app, dir })
    throw e
  }
}

/** Close the app and remove its folder (either may be missing when the set-up failed). */
export async function stopWalkthroughApp(started: Partial<WalkthroughApp> | undefined): Promise<void> {
  await started?.app?.close()
  started?.dir?.remove()
}

/** The started app and the database it is connected to (its name, and its URL with the password). */
export interface WalkthroughDatabaseApp {
  readonly app: AppHarness
  readonly db: string
  readonly url: string
}

/** Write the walkthrough into a new database named after `prefix`, start the app with no store and connect to it through the dialog (its tab at seq-no 7). */
export async function startOnWalkthroughDatabase(server: PostgresServer, prefix: string, options: Omit<AppOptions, 'files'> = {}): Promise<WalkthroughDatabaseApp> {
  const { db, url } = await createWalkthroughDatabase(server, prefix)
  const app = await startApp(options)
  try {
    await connectThroughDialog(app.page, server, db)
    return { app, db, url }
  } catch (e) {
    await app.close()
    throw e
  }
}
