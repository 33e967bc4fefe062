/**
 * A PostgreSQL outage, as a user meets it: while the server is down and the
 * connection-lost bar says so with Reconnect, no other panel adds a red error
 * of its own (the events stay on screen, dimmed, and sections opened meanwhile
 * show nothing rather than "cannot be reached"); once the server is back,
 * Reconnect brings every view's data back. The server is a throwaway cluster
 * of this file's own, so stopping it disturbs no other test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { startApp, type AppHarness } from '../helpers/app-harness'
import { postgresBinDir, startCluster, type RunningCluster } from '../helpers/postgres'
import { connectThroughDialog, createWalkthroughDatabase } from '../helpers/postgres-walkthrough'
import { rowVisibility, seen } from '../helpers/visibility'

let app: AppHarness
let page: Page
let cluster: RunningCluster | null = null
const binDir = postgresBinDir()

/** Texts on screen outside the connection-lost bar that are errors: role=alert, or drawn in red. */
function otherErrors(): Promise<string[]> {
  return page.evaluate(() => {
    const bar = document.querySelector('[data-testid="connection-lost"]')
    const red = (el: Element): boolean => {
      const m = /rgba?\((\d+), (\d+), (\d+)/.exec(getComputedStyle(el).color)
      return m !== null && Number(m[1]) > 150 && Number(m[2]) < 110 && Number(m[3]) < 110
    }
    const ownText = (el: Element): string => [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent ?? '').join('').trim()
    const shown = (el: Element): boolean => {
      const r = el.getBoundingClientRect()
      return r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < window.innerHeight
    }
    return [...document.querySelectorAll('body *')]
      .filter((el) => !bar?.contains(el) && shown(el) && (el.getAttribute('role') === 'alert' || (ownText(el) !== '' && red(el))))
      .map((el) => el.textContent?.trim() ?? '')
  })
}

const rows = (): ReturnType<Page['locator']> => page.locator('[data-testid="event-table"] [role="row"][data-seq-no]')
const section = (name: string): Promise<void> => page.locator('.mantine-NavLink-label', { hasText: new RegExp(`^${name}$`) }).click()

beforeAll(async () => {
  app = await startApp({ viewport: { width: 1280, height: 800 } })
  page = app.page
}, 120_000)

afterAll(async () => {
  await app?.close()
  cluster?.stop()
})

describe.skipIf(binDir === null)('a PostgreSQL store while its server is down', () => {
  beforeAll(async () => {
    cluster = await startCluster(binDir as string)
    const { db } = await createWalkthroughDatabase(cluster, 'outage')
    await connectThroughDialog(page, cluster, db)
  }, 120_000)

  it('browses the events', async () => {
    await section('Events')
    await expect.poll(() => rows().count()).toBe(7)
    await expect.poll(() => page.getByTestId('match-count').textContent()).toBe('7 events')
  })

  it('says it once, in the bar: the events stay (dimmed) and no panel adds a red error', async () => {
    ;(cluster as RunningCluster).halt()
    const lost = page.getByTestId('connection-lost')
    await lost.waitFor({ timeout: 15_000 })
    expect(await seen(lost.getByRole('button', { name: 'Reconnect' }))).toBe(true)
    expect(await page.locator('.mantine-AppShell-main').getAttribute('data-stale')).toBe('true')
    expect(await rowVisibility(page, 1)).toEqual({ inViewport: true, belowHeader: true, hit: true }) // the last data stays
    expect(await otherErrors()).toEqual([])
    await app.screenshot('postgres-outage-events')
    // Views that ask again meanwhile (a section opened anew) meet the dead server: still only the bar speaks.
    const countsEnded = app.hostEvents.progress.filter((p) => p.operation === 'counts' && p.finished).length
    await section('Overview')
    await expect.poll(() => app.hostEvents.progress.filter((p) => p.operation === 'counts' && p.finished).length, { timeout: 15_000 }).toBeGreaterThan(countsEnded)
    expect(await otherErrors()).toEqual([])
    await app.screenshot('postgres-outage-overview')
    await section('Events')
    // The timeline has answered (with the failure) once it is no longer loading.
    await page.locator('[data-testid="timeline"]:not([data-loading])').waitFor({ timeout: 15_000 })
    expect(await otherErrors()).toEqual([])
    // The table does not claim the store is empty: it says when the events come back.
    await expect.poll(() => page.getByText('The events show again after Reconnect.').isVisible(), { timeout: 15_000 }).toBe(true)
    expect(await page.getByText('No event matches this filter.').count()).toBe(0)
    expect(await otherErrors()).toEqual([])
    await app.screenshot('postgres-outage-events-reopened')
  })

  it('stays quiet when Reconnect fails while the server is still down', async () => {
    const lost = page.getByTestId('connection-lost')
    await lost.getByRole('button', { name: 'Reconnect' }).click()
    await page.getByText('Could not reconnect').waitFor()
    expect(await seen(lost)).toBe(true)
    expect((await otherErrors()).filter((t) => !t.startsWith('Could not reconnect'))).toEqual([])
  })

  it('brings every view back after Reconnect once the server is up', async () => {
    ;(cluster as RunningCluster).resume()
    const lost = page.getByTestId('connection-lost')
    await lost.getByRole('button', { name: 'Reconnect' }).click()
    await lost.waitFor({ state: 'hidden' })
    await expect.poll(() => rows().count(), { timeout: 10_000 }).toBe(7)
    await expect.poll(() => page.getByTestId('match-count').textContent(), { timeout: 10_000 }).toBe('7 events')
    expect(await page.locator('.mantine-AppShell-main').getAttribute('data-stale')).toBeNull()
    expect(await rowVisibility(page, 1)).toEqual({ inViewport: true, belowHeader: true, hit: true })
    await page.locator('.mantine-Notification-root .mantine-CloseButton-root').first().click()
    await expect.poll(otherErrors).toEqual([])
    await app.screenshot('postgres-outage-reconnected')
  })
})
