/**
 * A PostgreSQL store in the app, as a user meets it: Connect to PostgreSQL…
 * from the empty state, Test connection (one sentence when the server cannot
 * be reached), Connect, the tab and header showing user@host/db (never the
 * password), browsing Events, and the plain sentence with Reconnect when the
 * server restarts underneath. The server is a throwaway cluster of this file's
 * own, so restarting it disturbs no other test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServer } from 'node:net'
import type { Locator } from 'playwright-core'
import { DEFAULT_TABLES } from '../../src/shared/domain'
import { parseNewEvents } from '../../src/main/core/domain'
import { readEdn } from '../../src/main/core/edn'
import { createStore } from '../../src/main/store/open-store'
import { startApp, type AppHarness } from '../helpers/app-harness'
import { adminQuery, postgresBinDir, postgresUrl, startCluster, type RunningCluster } from '../helpers/postgres'
import { bookEdn } from '../helpers/stores'
import { seen } from '../helpers/visibility'
import { chooseRecent } from '../helpers/recent-menu'

let app: AppHarness
let cluster: RunningCluster | null = null
const binDir = postgresBinDir()

/** A port nothing listens on. */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

async function openConnectDialog(): Promise<Locator> {
  await app.page.getByTestId('empty-state').getByRole('button', { name: 'Connect to PostgreSQL…' }).click()
  const dialog = app.page.getByRole('dialog', { name: 'Connect to PostgreSQL' })
  await dialog.waitFor()
  return dialog
}

/** A store with one book per title, written through the adapter (as a service would). */
async function makePostgresBookStore(url: string, titles: string[]): Promise<void> {
  const store = await createStore({ kind: 'postgres', url }, { tables: DEFAULT_TABLES })
  try {
    const parsed = parseNewEvents(readEdn(`[${titles.map((t) => bookEdn(t)).join(' ')}]`))
    if (!parsed.ok) throw new Error('bad events')
    const result = await store.rebase(1, parsed.events)
    if (result.result !== 'ok') throw new Error(result.result)
  } finally {
    await store.close()
  }
}

beforeAll(async () => {
  app = await startApp({ viewport: { width: 1280, height: 800 } })
}, 120_000)

afterAll(async () => {
  await app?.close()
  cluster?.stop()
})

describe('Connect to PostgreSQL: an unreachable server', () => {
  it('says in one sentence, without the password, that the server cannot be reached', async () => {
    const dialog = await openConnectDialog()
    await dialog.getByText('Host and database', { exact: true }).click()
    await dialog.getByLabel('Host', { exact: true }).fill('127.0.0.1')
    await dialog.getByLabel('Port', { exact: true }).fill(String(await closedPort()))
    await dialog.getByLabel('Database', { exact: true }).fill('shop')
    await dialog.getByLabel('User', { exact: true }).fill('alice')
    await dialog.getByLabel('Password', { exact: true }).fill('hunter2')
    await app.screenshot('postgres-connect-dialog')
    await dialog.getByRole('button', { name: 'Test connection' }).click()
    const status = dialog.getByTestId('connect-status')
    await status.waitFor()
    await app.screenshot('postgres-connect-unreachable')
    const sentence = (await status.textContent()) ?? ''
    expect(sentence).toMatch(/cannot be reached/)
    expect(sentence).not.toContain('hunter2')
    expect(sentence.trim().split(/(?<=[.;])\s+(?=[A-Z])/)).toHaveLength(1)
    expect(await seen(status)).toBe(true)
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    await dialog.waitFor({ state: 'hidden' })
  })
})

describe('Connect to PostgreSQL from the command palette', () => {
  it('offers the same entry as the empty state', async () => {
    await app.runCommand('Connect to PostgreSQL…')
    const dialog = app.page.getByRole('dialog', { name: 'Connect to PostgreSQL' })
    await dialog.waitFor()
    expect(await seen(dialog.getByLabel('Connection URL'))).toBe(true)
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    await dialog.waitFor({ state: 'hidden' })
  })
})

describe.skipIf(binDir === null)('a PostgreSQL store in a tab', () => {
  let url: string
  let label: string

  beforeAll(async () => {
    cluster = await startCluster(binDir as string)
    await adminQuery(cluster, 'CREATE DATABASE shop')
    url = postgresUrl(cluster, 'shop')
    label = `postgres@127.0.0.1/shop`
    await makePostgresBookStore(url, ['Neuromancer', 'Count Zero', 'Mona Lisa Overdrive'])
  }, 120_000)

  it('connects through the dialog and shows the tab and header as user@host/db, never the password', async () => {
    const server = cluster as RunningCluster
    const dialog = await openConnectDialog()
    await dialog.getByLabel('Connection URL').fill(postgresUrl(server, 'shop', { user: server.user }))
    await dialog.getByLabel('Password', { exact: true }).fill(server.password)
    await dialog.getByRole('button', { name: 'Test connection' }).click()
    await expect.poll(() => dialog.getByTestId('connect-status').textContent()).toBe(`Connected to ${label}: one store found.`)
    await dialog.getByRole('button', { name: 'Connect', exact: true }).click()
    await dialog.waitFor({ state: 'hidden' })
    const tab = app.page.getByRole('tab', { name: label })
    await tab.waitFor()
    expect(await seen(tab)).toBe(true)
    // The whole name is readable in the tab, not cut off.
    expect(await tab.evaluate((el) => [...el.querySelectorAll('*')].every((e) => e.scrollWidth <= e.clientWidth + 1))).toBe(true)
    expect(await app.page.getByTestId('store-name').textContent()).toBe(label)
    expect(await app.page.getByTestId('header-seq-no').textContent()).toBe('3')
    expect(await app.page.getByTestId('lock-badge').textContent()).toBe('Read-only')
    expect(await app.page.content()).not.toContain(server.password)
    await app.screenshot('postgres-tab')
  })

  it('browses the events', async () => {
    await app.page.locator('.mantine-NavLink-label', { hasText: /^Events$/ }).click()
    const rows = app.page.locator('[data-testid="event-table"] [role="row"][data-seq-no]')
    await expect.poll(() => rows.count()).toBe(3)
    expect(await rows.first().textContent()).toContain('Neuromancer')
    expect(await seen(rows.first().getByText('[:book "Neuromancer"]'))).toBe(true)
  })

  it('shows the lost connection within seconds with no user action when the server restarts at once, and Reconnect brings the events back', async () => {
    const rows = app.page.locator('[data-testid="event-table"] [role="row"][data-seq-no]')
    const before = app.hostEvents.disconnected.length
    const cutAt = Date.now()
    ;(cluster as RunningCluster).restart(0) // back at once: a new connection would work, the old ones are gone
    const lost = app.page.getByTestId('connection-lost')
    await lost.waitFor({ timeout: 5_000 })
    expect(Date.now() - cutAt).toBeLessThan(5_000)
    expect(app.hostEvents.disconnected).toHaveLength(before + 1)
    expect(await seen(lost.getByText(/was lost/))).toBe(true)
    expect(await seen(lost.getByRole('button', { name: 'Reconnect' }))).toBe(true)
    await app.screenshot('postgres-connection-lost-idle')
    await lost.getByRole('button', { name: 'Reconnect' }).click()
    await lost.waitFor({ state: 'hidden' })
    await expect.poll(() => rows.count()).toBe(3)
    expect(await seen(rows.first().getByText('[:book "Neuromancer"]'))).toBe(true)
    // Every view asked again on the new connection: the count and the timeline are back, no failure left on screen.
    await expect.poll(() => app.page.getByTestId('match-count').textContent(), { timeout: 10_000 }).toBe('3 events')
    await expect.poll(() => app.page.getByText(/Counting failed|could not be built/).count(), { timeout: 10_000 }).toBe(0)
    await app.screenshot('postgres-reconnected')
  })

  it('says plainly that the connection was lost when the server restarts, and reconnects', async () => {
    ;(cluster as RunningCluster).restart()
    await expect.poll(() => app.hostEvents.disconnected.length + app.hostEvents.lost.length, { timeout: 15_000 }).toBeGreaterThan(0)
    expect(app.hostEvents.lost).toEqual([]) // the tab stays: the store's worker survived the loss
    const lost = app.page.getByTestId('connection-lost')
    await lost.waitFor()
    expect(await lost.textContent()).toContain(`The connection to ${label} was lost`)
    expect(await seen(lost.getByText(/was lost/))).toBe(true)
    expect(await seen(lost.getByRole('button', { name: 'Reconnect' }))).toBe(true)
    await app.screenshot('postgres-connection-lost')
    await app.setColorScheme('dark')
    await app.screenshot('postgres-connection-lost-dark')
    await app.setColorScheme('light')
    await lost.getByRole('button', { name: 'Reconnect' }).click()
    await lost.waitFor({ state: 'hidden' })
    expect(await app.page.getByTestId('header-seq-no').textContent()).toBe('3')
  })

  it('lists the connection among the recent stores by user@host/db and connects again without asking', async () => {
    await app.page.getByRole('button', { name: `Close ${label}` }).click()
    const recent = app.page.getByTestId('recent-files').getByRole('button', { name: new RegExp(label) })
    await recent.waitFor()
    expect(await seen(recent)).toBe(true)
    expect(await app.page.content()).not.toContain((cluster as RunningCluster).password)
    await app.screenshot('postgres-recent')
    await recent.click()
    await app.page.getByRole('tab', { name: label }).waitFor()
  })

  it('File ▸ Open Recent connects as the recent list does; one without a stored password asks in the dialog; Clear empties the lists', async () => {
    const server = cluster as RunningCluster
    const closeTab = async (): Promise<void> => {
      await app.page.getByRole('button', { name: `Close ${label}` }).click()
      await app.page.getByTestId('empty-state').waitFor()
    }
    await closeTab()
    await app.menu(chooseRecent(app.deps, label))
    await app.page.getByRole('tab', { name: label }).waitFor()
    await closeTab()
    // Remembered where no password could be sealed: the menu item ends in "…" and the window asks for it.
    app.deps.connections.forget()
    app.deps.connections.remember(postgresUrl(server, 'shop', { user: server.user }), DEFAULT_TABLES)
    await app.menu(chooseRecent(app.deps, `${label}…`))
    const dialog = app.page.getByRole('dialog', { name: 'Connect to PostgreSQL' })
    await dialog.waitFor()
    const password = dialog.getByLabel('Password', { exact: true })
    expect(await seen(password)).toBe(true)
    await app.screenshot('postgres-open-recent-asks-password')
    await password.fill(server.password)
    await dialog.getByRole('button', { name: 'Connect', exact: true }).click()
    await app.page.getByRole('tab', { name: label }).waitFor()
    await closeTab()
    await app.page.getByTestId('recent-files').waitFor()
    await app.menu(chooseRecent(app.deps, 'Clear Recently Opened'))
    await app.page.getByTestId('recent-files').waitFor({ state: 'hidden' })
    expect(await app.page.getByTestId('empty-state').getByText(label).count()).toBe(0)
    await app.screenshot('postgres-open-recent-cleared')
  })
})
