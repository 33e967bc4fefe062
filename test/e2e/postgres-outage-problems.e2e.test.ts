/**
 * The Problems section through a PostgreSQL outage, as a user meets it. When
 * the check never finished before the connection was lost, the section says so
 * in one plain sentence, at full strength above the fold, and after Reconnect
 * the check runs again by itself. When it had finished, its result stays shown
 * (it was read before the loss) with "Run the check again" disabled beside the
 * quiet hint. The check is held back by a lock another session holds on the
 * trigger table until the server stops (stopping it ends that session too),
 * so it cannot finish first however loaded the machine is. The server is a
 * throwaway cluster of this file's own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import pg from 'pg'
import type { Page } from 'playwright-core'
import { startApp, type AppHarness } from '../helpers/app-harness'
import { postgresBinDir, postgresUrl, startCluster, type RunningCluster } from '../helpers/postgres'
import { connectThroughDialog, createWalkthroughDatabase } from '../helpers/postgres-walkthrough'
import { lightAndDark } from '../helpers/screenshots'
import { renderedContrast, seen } from '../helpers/visibility'

let app: AppHarness
let page: Page
let cluster: RunningCluster | null = null
let db = ''
const binDir = postgresBinDir()

const section = (name: string): Promise<void> => page.locator('.mantine-NavLink-label', { hasText: new RegExp(`^${name}$`) }).click()
const lostBar = (): ReturnType<Page['getByTestId']> => page.getByTestId('connection-lost')
const notice = (): ReturnType<Page['getByTestId']> => page.getByTestId('problems-interrupted')

/** The opacity an element is drawn with: its own times every ancestor's (the shell dims the last data while the connection is lost). */
function drawnOpacity(locator: ReturnType<Page['getByTestId']>): Promise<number> {
  return locator.evaluate((el) => {
    let opacity = 1
    for (let e: Element | null = el; e !== null; e = e.parentElement) opacity *= Number(getComputedStyle(e).opacity)
    return opacity
  })
}

/** The notice is whole inside the viewport, nothing covers it, and it is drawn at full strength with AA contrast. */
async function expectReadable(): Promise<void> {
  expect(await seen(notice())).toBe(true)
  expect(await drawnOpacity(notice())).toBe(1)
  expect((await renderedContrast(notice())).ratio).toBeGreaterThanOrEqual(4.5)
}

/** Start the server again and Reconnect; resolves once the bar is gone. */
async function recover(): Promise<void> {
  ;(cluster as RunningCluster).resume()
  await lostBar().getByRole('button', { name: 'Reconnect' }).click()
  await lostBar().waitFor({ state: 'hidden', timeout: 15_000 })
}

beforeAll(async () => {
  app = await startApp({ viewport: { width: 1024, height: 768 } })
  page = app.page
}, 120_000)

afterAll(async () => {
  await app?.close()
  cluster?.stop()
})

describe.skipIf(binDir === null)('Problems while a PostgreSQL server is down', () => {
  let locker: pg.Client | null = null

  beforeAll(async () => {
    cluster = await startCluster(binDir as string)
    db = (await createWalkthroughDatabase(cluster, 'unchecked')).db
    // Another session holds the trigger table: opening the store does not read it, the check does (and waits).
    locker = new pg.Client({ connectionString: postgresUrl(cluster, db) })
    locker.on('error', () => undefined) // the server ends this session when it stops
    await locker.connect()
    await locker.query('BEGIN')
    await locker.query('LOCK TABLE "triggers" IN ACCESS EXCLUSIVE MODE')
    await connectThroughDialog(page, cluster, db)
  }, 120_000)

  afterAll(async () => {
    await locker?.end().catch(() => undefined)
  })

  it('says in one sentence that the check did not finish, and runs it again by itself after Reconnect', async () => {
    // The background check has started and waits for the lock: it has not finished when the server stops.
    const checks = (): typeof app.hostEvents.progress => app.hostEvents.progress.filter((p) => p.operation === 'check')
    await expect.poll(() => checks().length, { timeout: 15_000 }).toBeGreaterThan(0)
    expect(checks().some((p) => p.finished)).toBe(false)
    ;(cluster as RunningCluster).halt()
    await lostBar().waitFor({ timeout: 15_000 })
    await section('Problems')

    await expect.poll(() => notice().count(), { timeout: 15_000 }).toBe(1)
    expect(await notice().textContent()).toMatch(/^The check did not finish: the connection to postgres@127\.0\.0\.1[^ ]*\/unchecked_\w+ was lost\. Reconnect to run it\.$/)
    await expectReadable()
    expect(await page.getByText('The check could not run', { exact: false }).count()).toBe(0)
    await lightAndDark(app, 'postgres-outage-problems-unfinished-1024')
    await page.setViewportSize({ width: 1440, height: 900 })
    await expectReadable()
    await app.setColorScheme('dark')
    await expectReadable()
    await app.setColorScheme('light')
    await page.setViewportSize({ width: 1024, height: 768 })

    await recover()
    // No second click: the check runs by itself and its result shows where the sentence was.
    await expect.poll(() => seen(page.getByTestId('problems-none')), { timeout: 20_000 }).toBe(true)
    expect(await notice().count()).toBe(0)
    expect(await page.getByTestId('problems-run').isEnabled()).toBe(true)
    await lightAndDark(app, 'postgres-outage-problems-rerun-1024')
  })

  it('keeps a result read before the loss, with "Run the check again" disabled beside the quiet hint', async () => {
    ;(cluster as RunningCluster).halt()
    await lostBar().waitFor({ timeout: 15_000 })
    const run = page.getByTestId('problems-run')
    await expect.poll(() => run.isDisabled()).toBe(true)
    expect(await seen(run)).toBe(true)
    expect(await seen(page.getByText('Reconnect to run the check.', { exact: true }))).toBe(true)
    expect(await seen(page.getByTestId('problems-none'))).toBe(true)
    expect(await notice().count()).toBe(0)
    await lightAndDark(app, 'postgres-outage-problems-finished-1024')
    await recover()
    await expect.poll(() => run.isEnabled(), { timeout: 15_000 }).toBe(true)
  })
})
