/**
 * A PostgreSQL outage, as a user meets it: while the server is down and the
 * connection-lost bar says so with Reconnect, no other panel adds a red error
 * of its own (the events stay on screen, dimmed, and sections opened meanwhile
 * show nothing rather than "cannot be reached"); once the server is back,
 * Reconnect brings every view's data back. The server is a throwaway cluster
 * of this file's own, so stopping it disturbs no other test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import { startApp, type AppHarness } from '../helpers/app-harness'
import { postgresBinDir, startCluster, type RunningCluster } from '../helpers/postgres'
import { connectThroughDialog, createWalkthroughDatabase } from '../helpers/postgres-walkthrough'
import { rowVisibility, seen } from '../helpers/visibility'
import { stageRaw } from '../helpers/compose-steps'
import { openStore } from '../../src/main/store/open-store'
import { action, identity, patch } from '../../scripts/demo/events'

let app: AppHarness
let page: Page
let cluster: RunningCluster | null = null
let url = ''
const binDir = postgresBinDir()

/** Texts on screen outside the connection-lost bar that are errors: role=alert, or drawn in red (outside buttons and editors). */
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
      // A red button (Drop, Discard) is a control and a red string in an editor is syntax colour, not an error.
      .filter((el) => !bar?.contains(el) && shown(el) && (el.getAttribute('role') === 'alert' || (ownText(el) !== '' && red(el) && el.closest('button, .cm-content') === null)))
      .map((el) => el.textContent?.trim() ?? '')
  })
}

const rows = (): ReturnType<Page['locator']> => page.locator('[data-testid="event-table"] [role="row"][data-seq-no]')
const section = (name: string): Promise<void> => page.locator('.mantine-NavLink-label', { hasText: new RegExp(`^${name}$`) }).click()

/** Append one action on [:book title] at `base` from another process (the store API, as a service would). */
async function append(base: number, title: string, assoc: Record<string, unknown>, triggers: ReturnType<typeof identity>[] = []): Promise<void> {
  const store = await openStore({ kind: 'postgres', url }, { readOnly: false })
  try {
    const at = Date.parse('2026-11-28T15:00:00Z')
    const result = await store.rebase(base, [{ ...action({ at, source: 'bookstore', reason: 'update', actor: identity('user', 'carol'), aggregate: identity('book', title), patch: patch(assoc) }), triggers }])
    expect(result.result).toBe('ok')
  } finally {
    await store.close()
  }
}

/** Whether this file halted the server (and has not resumed it). */
let down = false

/** Halt the server and wait for the bar. */
async function outage(): Promise<void> {
  before = await otherErrors()
  if (!down) (cluster as RunningCluster).halt()
  down = true
  await page.getByTestId('connection-lost').waitFor({ timeout: 15_000 })
}

/** Start the server again and Reconnect; resolves once the bar is gone. */
async function recover(): Promise<void> {
  ;(cluster as RunningCluster).resume()
  down = false
  const lost = page.getByTestId('connection-lost')
  await lost.getByRole('button', { name: 'Reconnect' }).click()
  await lost.waitFor({ state: 'hidden', timeout: 15_000 })
}

/** What showed in red (or as an alert) before the outage: a conflict notice or a red Drop button is content, not an error of the loss. */
let before: string[] = []

/** While the bar speaks for the outage, `control` is disabled with the quiet hint `hint` beside it, and nothing red shows that did not before. */
async function quietWhileLost(control: Locator, hint: string): Promise<void> {
  await expect.poll(() => control.isDisabled()).toBe(true)
  const quiet = page.getByText(hint, { exact: true })
  await quiet.scrollIntoViewIfNeeded() // beside the control, which may be further down the section
  expect(await seen(quiet)).toBe(true)
  expect(await seen(control)).toBe(true)
  expect((await otherErrors()).filter((text) => !before.includes(text))).toEqual([])
}

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
    const created = await createWalkthroughDatabase(cluster, 'outage')
    url = created.url
    // One more action carrying 101 trigger identities: the Triggers index has a second page ("Show 100 more").
    const triggers = Array.from({ length: 101 }, (_, i) => identity('consent', `c-${String(i).padStart(3, '0')}`))
    await append(8, 'Neuromancer', { pages: 271 }, triggers)
    await connectThroughDialog(page, cluster, created.db, 8)
  }, 120_000)

  it('browses the events', async () => {
    await section('Events')
    await expect.poll(() => rows().count()).toBe(8)
    await expect.poll(() => page.getByTestId('match-count').textContent()).toBe('8 events')
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
    await expect.poll(() => rows().count(), { timeout: 10_000 }).toBe(8)
    await expect.poll(() => page.getByTestId('match-count').textContent(), { timeout: 10_000 }).toBe('8 events')
    expect(await page.locator('.mantine-AppShell-main').getAttribute('data-stale')).toBeNull()
    expect(await rowVisibility(page, 1)).toEqual({ inViewport: true, belowHeader: true, hit: true })
    await page.locator('.mantine-Notification-root .mantine-CloseButton-root').first().click()
    await expect.poll(otherErrors).toEqual([])
    await app.screenshot('postgres-outage-reconnected')
  })

  it('Triggers: "Show more" waits quietly for Reconnect while the server is down, then loads the next page', async () => {
    await section('Triggers')
    const more = page.getByRole('button', { name: 'Show 100 more' })
    await expect.poll(() => page.getByTestId('trigger-row').count(), { timeout: 15_000 }).toBe(100)
    await outage()
    await quietWhileLost(more, 'Reconnect to load more triggers.')
    await app.screenshot('postgres-outage-triggers')
    await recover()
    await expect.poll(() => more.isEnabled(), { timeout: 15_000 }).toBe(true)
    await more.click()
    // The walkthrough's own trigger identities and the 101: every one listed now, and no further page.
    await expect.poll(() => page.getByTestId('trigger-row').count(), { timeout: 15_000 }).toBe(103)
    expect(await more.count()).toBe(0)
    expect(await otherErrors()).toEqual([])
  })

  it('Problems: "Run the check again" waits quietly for Reconnect, then runs', async () => {
    await section('Problems')
    const run = page.getByTestId('problems-run')
    await outage()
    await quietWhileLost(run, 'Reconnect to run the check.')
    await app.screenshot('postgres-outage-problems')
    await recover()
    await expect.poll(() => run.isEnabled(), { timeout: 15_000 }).toBe(true)
    await run.click()
    await expect.poll(() => run.getAttribute('data-loading'), { timeout: 15_000 }).toBeNull()
    await expect.poll(() => seen(page.getByTestId('problems-none')), { timeout: 15_000 }).toBe(true)
    expect(await page.getByText('The check could not run', { exact: false }).count()).toBe(0)
  })

  it('Compose: validation, preflight and the conflict resolver add no error while the server is down, and work after Reconnect', async () => {
    await section('Compose')
    const T = '#inst "2026-11-28T16:00:00.000-00:00"'
    await stageRaw(page, `{:timestamp ${T}, :source :studio, :action {:reason :update, :actor [:user "dave"], :aggregate [:book "Neuromancer"], :patch {:assoc {:genre "Hard SF"}}}}`)
    // Another writer changes the same book: the preflight stops at a conflict, resolved side by side.
    await append(9, 'Neuromancer', { genre: 'SciFi classic' })
    await expect.poll(() => page.getByTestId('header-seq-no').textContent(), { timeout: 15_000 }).toBe('9')
    const preflight = page.getByTestId('preflight-button')
    await preflight.click()
    await page.getByTestId('resolve-open').click()
    await page.getByTestId('conflict-resolver').waitFor()
    const retry = page.getByTestId('resolve-retry')
    await expect.poll(() => retry.isEnabled()).toBe(true)

    await outage()
    // A choice (theirs instead of ours) is worked out in the worker: it waits for Reconnect, without an error of its own.
    await page.locator('[data-testid="resolve-row"][data-key=":genre"] .mantine-SegmentedControl-label', { hasText: /^Theirs$/ }).click()
    await expect.poll(() => page.getByTestId('resolve-patch').getAttribute('data-pending')).toBe('true')
    await quietWhileLost(retry, 'Reconnect to resolve and retry.')
    await app.screenshot('postgres-outage-resolve')
    // Closed with the choice made meanwhile: asked, and discarded.
    await page.locator('.mantine-Modal-close').first().click()
    await page.getByTestId('resolve-close-discard').click()
    await page.getByTestId('conflict-resolver').waitFor({ state: 'detached' })
    await quietWhileLost(preflight, 'Reconnect to preflight the batch.')
    // Typing goes on being checked, or says it waits for Reconnect: never red.
    await page.locator('.mantine-SegmentedControl-label', { hasText: /^Raw EDN$/ }).click()
    await page.locator('.cm-content[aria-label="Raw event EDN"]').click()
    await page.keyboard.insertText(`{:timestamp ${T}, :source :studio, :action {:reason :update, :actor [:user "dave"], :aggregate [:book "Count Zero"], :patch {:assoc {:pages 1}}}}`)
    await expect.poll(() => page.getByTestId('compose-status').textContent(), { timeout: 15_000 }).toMatch(/^(The event is valid and can be staged\.|Reconnect to check the event\.)$/)
    expect((await otherErrors()).filter((text) => !before.includes(text))).toEqual([])
    await app.screenshot('postgres-outage-compose')
    await page.setViewportSize({ width: 1024, height: 768 })
    // The bar's Reconnect stays whole at 1024 px beside its sentence (it was cut to "Reconn").
    const reconnect = page.getByTestId('connection-lost').getByRole('button', { name: 'Reconnect' })
    expect(await seen(reconnect)).toBe(true)
    expect(await reconnect.locator('.mantine-Button-label').evaluate((label) => label.scrollWidth <= label.clientWidth)).toBe(true)
    await app.setColorScheme('dark')
    await app.screenshot('postgres-outage-compose-1024-dark')
    await app.setColorScheme('light')
    await page.setViewportSize({ width: 1280, height: 800 })

    await recover()
    await expect.poll(() => page.getByTestId('compose-status').textContent(), { timeout: 15_000 }).toBe('The event is valid and can be staged.')
    await expect.poll(() => preflight.isEnabled(), { timeout: 15_000 }).toBe(true)
    await preflight.click()
    await page.getByTestId('resolve-open').click()
    await page.getByTestId('conflict-resolver').waitFor()
    await expect.poll(() => retry.isEnabled(), { timeout: 15_000 }).toBe(true)
    await retry.click()
    await page.getByTestId('outcome-ok').waitFor({ timeout: 15_000 })
    expect(await page.locator('[data-testid="resolve-retry-error"], [data-testid="commit-failure"]').count()).toBe(0)
  })
})
