/**
 * The Aggregates section on the demo store (the README walkthrough followed
 * by a seeded bookshop): kinds with counts, search, an aggregate's history,
 * scrubbing through its states, a diff of two points and a blame badge that
 * opens the event. Every state and diff shown is checked against the store's
 * own answer: its actions read back through the store API and folded with
 * the core's `stateAsOf` / `diffStates` / `blame`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import type { Page } from 'playwright-core'
import { createDemoStore } from '../../scripts/demo'
import type { ActionEvent, Identity } from '../../src/shared/domain'
import type { AggregateSummary } from '../../src/shared/browse'
import { blame, diffStates, stateAsOf } from '../../src/main/core/domain'
import { printEdn, readEdn } from '../../src/main/core/edn'
import { createStoreFile, openStoreFile } from '../helpers/store-files'
import type { OpenedStore } from '../../src/main/store/opened-store'
import { startApp, type AppHarness } from '../helpers/app-harness'
import { tempDir } from '../helpers/stores'
import { rowVisibility } from '../helpers/visibility'

let app: AppHarness
let dir: ReturnType<typeof tempDir>
let store: OpenedStore
let page: Page

beforeAll(async () => {
  dir = tempDir('e2e-aggregates')
  const demo = join(dir.path, 'coherence-demo.db')
  await createDemoStore(demo, { actions: 2500 })
  store = await openStoreFile(demo, { readOnly: true })
  app = await startApp({ files: [demo], viewport: { width: 1440, height: 1000 } })
  page = app.page
  await page.getByTestId('overview').waitFor()
}, 180_000)

afterAll(async () => {
  await store?.close()
  await app?.close()
  dir?.remove()
})

/** The store's own answer: the aggregate's actions read back through the store API. */
async function actionsOf(identity: Identity): Promise<ActionEvent[]> {
  const events: ActionEvent[] = []
  for await (const event of store.filterAggregates(0, [identity])) if (event.seqNo > 0) events.push(event)
  return events
}

const identityOf = (kind: string, id: string): Identity => ({ kind: readEdn(kind), id: readEdn(id) }) as Identity

async function shownEdn(): Promise<string | null> {
  return page.getByTestId('aggregate-state').getAttribute('data-edn')
}

async function showSection(): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByText('Aggregates', { exact: true }).click()
  await page.getByTestId('aggregates').waitFor()
}

async function openAggregate(kind: string, id: string, search: string): Promise<void> {
  await showSection()
  await page.locator(`[data-testid="aggregate-kinds"] [data-kind="${kind}"]`).click()
  await page.getByTestId('aggregate-search').fill(search)
  const row = page.locator(`[data-testid="aggregate-list"] [data-id="${id.replace(/"/g, '\\"')}"]`)
  await row.click()
  await expect.poll(() => page.getByTestId('aggregate-title').textContent()).toBe(`[${kind} ${id}]`)
}

describe('the Aggregates section', () => {
  it('lists the kinds with the store’s own aggregate counts', async () => {
    await showSection()
    const expected = await store.aggregateKinds()
    await expect.poll(() => page.locator('[data-testid="aggregate-kinds"] [data-kind]').count()).toBe(expected.length)
    for (const { kind, aggregates } of expected) {
      expect(await page.locator(`[data-testid="aggregate-kinds"] [data-kind="${kind}"]`).getAttribute('aria-label')).toBe(`${kind}: ${aggregates} aggregates`)
    }
    await page.getByTestId('aggregate-none').waitFor()
  })

  it('searches ids and says so when nothing matches', async () => {
    await page.locator('[data-testid="aggregate-kinds"] [data-kind=":book"]').click()
    await page.getByTestId('aggregate-search').fill('no such book at all')
    await page.getByTestId('aggregate-list-empty').waitFor()
    expect(await page.getByTestId('aggregate-list-empty').textContent()).toContain('Clear the search')
  })

  it('moves through a kind’s aggregates with the arrow keys, in id order', async () => {
    const [first, second] = await store.aggregates({ kind: ':order', limit: 2 })
    await page.locator('[data-testid="aggregate-kinds"] [data-kind=":order"]').click()
    await page.locator(`[data-testid="aggregate-list"] [data-id="${first.id}"]`).click()
    await expect.poll(() => page.getByTestId('aggregate-title').textContent()).toBe(`[:order ${first.id}]`)
    await page.getByTestId('aggregate-list').focus()
    await page.keyboard.press('ArrowDown')
    await expect.poll(() => page.getByTestId('aggregate-title').textContent()).toBe(`[:order ${second.id}]`)
    expect(await page.locator(`[data-testid="aggregate-list"] [data-id="${second.id}"]`).getAttribute('data-active')).toBe('true')
  })

  it('loads further pages as the list scrolls, down to the kind’s last aggregate', async () => {
    const all = await store.aggregates({ kind: ':order', limit: 5000 })
    expect(all.length).toBeGreaterThan(200)
    await showSection()
    await page.locator('[data-testid="aggregate-kinds"] [data-kind=":order"]').click()
    const list = page.getByTestId('aggregate-list')
    const lastRow = list.locator(`[data-id="${all[all.length - 1].id}"]`)
    await expect
      .poll(
        async () => {
          await list.evaluate((box) => box.scrollTo(0, box.scrollHeight))
          return lastRow.count()
        },
        { timeout: 20_000, interval: 250 }
      )
      .toBe(1)
    expect(await page.getByText(/loaded; scroll for more/).count()).toBe(0)
  })

  it('opens an aggregate at its latest state and scrubs through its own seq-nos', async () => {
    const identity = identityOf(':book', '"Neuromancer"')
    const events = await actionsOf(identity)
    await openAggregate(':book', '"Neuromancer"', 'neuro')
    await expect.poll(() => page.getByTestId('aggregate-view').textContent()).toContain(`${events.length} actions`)
    expect(await page.locator('[data-testid="aggregate-history"] [data-seq-no]').first().getAttribute('data-seq-no')).toBe(String(events[0].seqNo))
    const last = events[events.length - 1].seqNo
    await expect.poll(shownEdn).toBe(printEdn(stateAsOf(events, identity, last)))
    await app.screenshot('aggregates-latest-light')

    const slider = page.getByTestId('aggregate-scrubber').getByRole('slider')
    await slider.focus()
    await page.keyboard.press('Home')
    await expect.poll(() => page.getByTestId('aggregate-as-of').textContent()).toContain(`As of seq-no ${events[0].seqNo} · action 1 of ${events.length}`)
    await expect.poll(shownEdn).toBe(printEdn(stateAsOf(events, identity, events[0].seqNo)))
    expect(await shownEdn()).toBe('{:author "William Gibson", :genre "SciFi"}')
    await page.keyboard.press('ArrowRight')
    await expect.poll(shownEdn).toBe(printEdn(stateAsOf(events, identity, events[1].seqNo)))
    // The tree shows what the printed state says.
    await expect.poll(() => page.locator('[data-testid="aggregate-state"] [data-path=":genre"]').textContent()).toContain('"Cyberpunk"')
  })

  it('diffs two points of a user whose address changed, as the store’s own states differ', async () => {
    const users = await store.aggregates({ kind: ':user', limit: 5000 })
    const busiest = users.reduce<AggregateSummary>((a, b) => (b.actions > a.actions ? b : a), users[0])
    const identity = identityOf(':user', busiest.id)
    const events = await actionsOf(identity)
    await openAggregate(':user', busiest.id, busiest.id.replace(/"/g, ''))
    await page.getByText('Diff two points').click()
    const from = events[0].seqNo
    const to = events[events.length - 1].seqNo
    await page.getByTestId('diff-from').click()
    await page.getByRole('option', { name: new RegExp(`^${from} ·`) }).click()
    await page.getByTestId('diff-to').click()
    await page.getByRole('option', { name: new RegExp(`^${to} ·`) }).click()
    const expected = diffStates(stateAsOf(events, identity, from), stateAsOf(events, identity, to))
    await expect.poll(() => page.getByTestId('diff-summary').textContent()).toContain(`from the state as of ${from} to the state as of ${to}`)
    const rows = page.locator('[data-testid="diff-changes"] tbody tr')
    await expect.poll(() => rows.count()).toBe(expected.length)
    for (const [i, change] of expected.entries()) {
      const row = rows.nth(i)
      expect(await row.getAttribute('data-change')).toBe(change.type)
      expect(await row.getAttribute('data-path')).toBe(change.path.map((k) => printEdn(k)).join(' '))
      const after = change.type === 'removed' ? '—' : printEdn(change.type === 'changed' ? change.after : change.value)
      expect(await row.locator('td').nth(3).textContent()).toBe(after)
    }
    await app.screenshot('aggregates-diff-light')
    await app.setColorScheme('dark')
    await app.screenshot('aggregates-diff-dark')
    await page.getByText('State as of', { exact: true }).click()
    await expect.poll(shownEdn).toBe(printEdn(stateAsOf(events, identity, to)))
    await app.page.getByRole('button', { name: 'Expand all' }).click()
    await app.screenshot('aggregates-state-dark')
    await app.setColorScheme('light')
  })

  it('opens the event that last set a key from its blame badge', async () => {
    const identity = identityOf(':book', '"Neuromancer"')
    const events = await actionsOf(identity)
    const last = events[events.length - 1].seqNo
    await page.locator('[data-testid="aggregate-kinds"] [data-kind=":book"]').click()
    await openAggregate(':book', '"Neuromancer"', 'neuro')
    await page.getByTestId('aggregate-scrubber').getByRole('slider').focus()
    await page.keyboard.press('End')
    await expect.poll(shownEdn).toBe(printEdn(stateAsOf(events, identity, last)))
    const genre = blame(events, identity, last).find((b) => b.path.length === 1 && printEdn(b.path[0]) === ':genre')
    expect(genre).toBeDefined()
    const badge = page.getByTestId('blame-:genre')
    expect(await badge.textContent()).toBe(`#${genre!.seqNo}`)
    await badge.click()
    await page.getByTestId('aggregates').waitFor({ state: 'detached' })
    await expect.poll(() => page.getByTestId('event-detail').getAttribute('aria-label')).toBe(`Event ${genre!.seqNo}`)
    // The row is selected and scrolled into view, clear of the sticky header.
    await expect.poll(() => page.locator(`[data-testid="event-table"] [data-seq-no="${genre!.seqNo}"]`).getAttribute('aria-selected')).toBe('true')
    await expect.poll(() => rowVisibility(page, genre!.seqNo)).toEqual({ inViewport: true, belowHeader: true, hit: true })
    await app.screenshot('aggregates-blame-to-event-light')
    // And back: the event's aggregate link opens the aggregate as of that event.
    await page.getByTestId('event-facts').getByRole('button', { name: '[:book "Neuromancer"]' }).click()
    await page.getByTestId('aggregates').waitFor()
    await expect.poll(() => page.getByTestId('aggregate-as-of').textContent()).toContain(`As of seq-no ${genre!.seqNo}`)
    await expect.poll(shownEdn).toBe(printEdn(stateAsOf(events, identity, genre!.seqNo)))
    expect(await page.locator('[data-testid="aggregate-kinds"] [data-kind=":book"]').getAttribute('data-active')).toBe('true')
  })

  it('shows a large nested state collapsed below the second level', async () => {
    const identity = identityOf(':inventory', '"north"')
    const events = await actionsOf(identity)
    await openAggregate(':inventory', '"north"', 'north')
    await expect.poll(shownEdn).toBe(printEdn(stateAsOf(events, identity, events[events.length - 1].seqNo)))
    await page.getByTestId('aggregate-state').locator('[data-path=":counted"]').first().waitFor()
    await app.screenshot('aggregates-inventory-light')
  })

  it('collapses and expands the state tree, and shows the state as of a history row from its clock button', async () => {
    const identity = identityOf(':inventory', '"north"')
    const events = await actionsOf(identity)
    await openAggregate(':inventory', '"north"', 'north')
    const tree = page.getByTestId('aggregate-state')
    const child = tree.locator('[data-path^=":counted "]')
    await expect.poll(() => child.count()).toBeGreaterThan(0)
    await tree.getByRole('button', { name: 'Collapse :counted' }).click()
    await expect.poll(() => child.count()).toBe(0)
    await tree.getByRole('button', { name: 'Expand all' }).click()
    await expect.poll(() => child.count()).toBeGreaterThan(0)
    const first = events[0].seqNo
    // The history keeps the action shown in view (the last one): scroll it back to the top.
    await page.getByRole('list', { name: 'Actions on this aggregate' }).evaluate((box) => box.scrollTo(0, 0))
    await page.getByTestId('aggregate-history').getByRole('button', { name: `Show the state as of ${first}` }).click()
    await expect.poll(() => page.getByTestId('aggregate-as-of').textContent()).toContain(`As of seq-no ${first} · action 1 of ${events.length}`)
    await expect.poll(shownEdn).toBe(printEdn(stateAsOf(events, identity, first)))
    await page.locator(`[data-testid="aggregate-history"] [data-seq-no="${first}"]`).click()
    await page.getByTestId('aggregates').waitFor({ state: 'detached' })
  })

  it('says which event stops the state when a stored patch cannot be read, and still shows earlier states', async () => {
    const path = join(dir.path, 'broken.db')
    await (await createStoreFile(path)).close()
    const db = new Database(path)
    const action = (n: number, patch: string): string =>
      `INSERT INTO events VALUES (${n}, 1764338400, ':bookstore'); ` +
      `INSERT INTO actions VALUES (${n}, ':create', ':user', '"alice"', ':book', '"Idoru"', '${patch}');`
    db.exec(action(1, '{:assoc {:genre "SciFi"}}') + action(2, '{:assoc {:genre'))
    db.close()
    // A store opens on the section shown; the harness waits for the Overview's file card.
    await page.getByRole('navigation', { name: 'Sections' }).getByText('Overview', { exact: true }).click()
    await app.openStore(path)
    await openAggregate(':book', '"Idoru"', '')
    const problem = page.getByTestId('aggregate-problem')
    await problem.waitFor()
    expect(await problem.textContent()).toContain('seq-no 2, actions.patch is not valid EDN')
    expect(await problem.textContent()).toContain('move the scrubber back')
    await app.screenshot('aggregates-problem-light')
    await page.getByTestId('aggregate-scrubber').getByRole('slider').focus()
    await page.keyboard.press('Home')
    await expect.poll(shownEdn).toBe('{:genre "SciFi"}')
    expect(await problem.count()).toBe(0)
  })
})
