/**
 * A PostgreSQL database holding the library README's walkthrough (seq-nos
 * 1–7), and connecting to one through the app's Connect dialog as a user does.
 */
import type { Page } from 'playwright-core'
import { DEFAULT_TABLES } from '../../src/shared/domain'
import { createStore } from '../../src/main/store/open-store'
import { writeWalkthrough } from '../../scripts/demo/walkthrough'
import { createDatabase, postgresUrl, type PostgresServer } from './postgres'

/** A new database (named after `prefix`) with the walkthrough written through the store API; its name and URL (with the password). */
export async function createWalkthroughDatabase(server: PostgresServer, prefix: string): Promise<{ readonly db: string; readonly url: string }> {
  const db = await createDatabase(server, prefix)
  const url = postgresUrl(server, db)
  const store = await createStore({ kind: 'postgres', url }, { tables: DEFAULT_TABLES })
  try {
    await writeWalkthrough(store)
  } finally {
    await store.close()
  }
  return { db, url }
}

/** From the empty state: Connect to PostgreSQL…, the URL without the password, the password typed, Connect; waits until the tab shows seq-no `seqNo`. */
export async function connectThroughDialog(page: Page, server: PostgresServer, db: string, seqNo = 7): Promise<void> {
  await page.getByTestId('empty-state').getByRole('button', { name: 'Connect to PostgreSQL…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Connect to PostgreSQL' })
  await dialog.getByLabel('Connection URL').fill(postgresUrl(server, db, { user: server.user }))
  await dialog.getByLabel('Password', { exact: true }).fill(server.password)
  await dialog.getByRole('button', { name: 'Connect', exact: true }).click()
  await dialog.waitFor({ state: 'hidden' })
  await page.getByTestId('header-seq-no').filter({ hasText: new RegExp(`^${seqNo}$`) }).waitFor()
}
