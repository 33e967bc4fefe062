/**
 * The Events section on real store files: rows and filters agree with the
 * store's own answers, the detail shows the event as the library prints it
 * and its links, new events written by another process appear at the end,
 * filters survive switching tabs, and a 10 M-event store scrolls to its last
 * event (through the scrubber and the keyboard).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { printEdn, readEdnAll } from '../../src/main/core/edn'
import type { EventFilter, EventPage } from '../../src/shared/browse'
import { startApp, type AppHarness } from '../helpers/app-harness'
import { bigStore } from '../helpers/big-store'
import { appendEvents, bookEdn, makeBookStore, makeWalkthroughStore, sha256, tempDir } from '../helpers/stores'

let app: AppHarness
let dir: ReturnType<typeof tempDir>
let walkthrough: string

const BIG = 10_000_000

/** Seq-nos of the rows the table shows (the DOM holds only the rows on screen). */
function shownSeqNos(page: Page): Promise<number[]> {
  return page.locator('[data-testid="event-table"] [role="row"][data-seq-no]').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-seq-no'))).sort((a, b) => a - b))
}

/** What the store itself answers for a filter (the same page query main runs, straight from the host). */
async function storeAnswer(storeId: string, filter: EventFilter): Promise<number[]> {
  const page: EventPage = await app.host.page(storeId, { limit: 1000, filter })
  return page.rows.map((r) => r.seqNo)
}

async function openEvents(): Promise<void> {
  if (await app.page.getByTestId('event-table').isVisible()) return
  await app.page.locator('.mantine-NavLink-label', { hasText: /^Events$/ }).click()
  await app.page.getByTestId('event-table').waitFor()
}

/** File ▸ Open, as the user does it, and wait for the store’s tab (a newly opened store shows its Overview). */
async function openFile(path: string): Promise<void> {
  app.dialogs.willOpen(path)
  await app.menu({ command: 'open-store' })
  await app.page.getByRole('tab', { name: new RegExp(path.split('/').pop()?.replace(/\./g, '\\.') ?? '') }).waitFor()
}

async function addFilter(menuLabel: string, value: string): Promise<void> {
  await app.page.getByRole('button', { name: 'Add a filter' }).click()
  await app.page.getByRole('menuitem', { name: new RegExp(menuLabel) }).click()
  const dialog = app.page.getByRole('dialog')
  await dialog.getByLabel('Value').fill(value)
  await dialog.getByRole('button', { name: 'Apply filter' }).click()
  await dialog.waitFor({ state: 'detached' })
}

beforeAll(async () => {
  dir = tempDir('e2e-events')
  walkthrough = await makeWalkthroughStore(dir.path)
  app = await startApp({ files: [walkthrough], viewport: { width: 1500, height: 900 } })
  await app.page.getByTestId('overview').waitFor()
}, 120_000)

afterEach(async (context) => {
  if (context.task.result?.state === 'fail') await app.screenshot(`events-failed-${context.task.name.slice(0, 30).replace(/\W+/g, '-')}`)
})

afterAll(async () => {
  await app?.close()
  dir?.remove()
})

describe('the event table', () => {
  it('lists every event of the walkthrough with its columns', async () => {
    await openEvents()
    await expect.poll(() => shownSeqNos(app.page)).toEqual([1, 2, 3, 4, 5, 6, 7])
    await expect.poll(() => app.page.getByTestId('match-count').textContent()).toBe('7 events')
    await app.page.getByRole('switch', { name: 'Timeline' }).click({ force: true })
    const row5 = app.page.locator('[data-seq-no="5"]')
    expect(await row5.textContent()).toContain(':payment')
    expect(await row5.textContent()).toContain('[:receipt 1]')
    expect(await row5.textContent()).toContain('assoc :no "avd2dlg3g93fm1osu", :total 100')
    expect(await app.page.locator('[data-seq-no="7"]').textContent()).toContain('[:encryption-key 1]')
    await app.screenshot('events-walkthrough-light')
  })

  it('narrows by combined filter chips exactly as the store answers, and clears them', async () => {
    await openEvents()
    const storeId = (await app.host.list())[0].storeId
    await addFilter('Reason', 'create')
    await expect.poll(() => app.page.getByTestId('filter-chip').allTextContents()).toEqual(['reason :create'])
    await expect.poll(() => shownSeqNos(app.page)).toEqual(await storeAnswer(storeId, { reason: ':create' }))
    expect(await shownSeqNos(app.page)).toEqual([1, 2, 3])
    await addFilter('Actor', '[:user "bob"]')
    await expect.poll(() => shownSeqNos(app.page)).toEqual(await storeAnswer(storeId, { reason: ':create', actor: { kind: ':user', id: '"bob"' } }))
    expect(await shownSeqNos(app.page)).toEqual([3])
    await expect.poll(() => app.page.getByTestId('match-count').textContent()).toBe('1 event match')
    await app.screenshot('events-filtered-light')
    await app.page.getByRole('button', { name: 'Remove the filter reason :create' }).click()
    await expect.poll(() => shownSeqNos(app.page)).toEqual(await storeAnswer(storeId, { actor: { kind: ':user', id: '"bob"' } }))
    await app.page.getByRole('button', { name: 'Clear filters' }).click()
    await expect.poll(() => shownSeqNos(app.page)).toEqual([1, 2, 3, 4, 5, 6, 7])
  })

  it('says what is wrong with a typed filter value and applies nothing', async () => {
    await openEvents()
    await app.page.getByRole('button', { name: 'Add a filter' }).click()
    await app.page.getByRole('menuitem', { name: /^Aggregate\s*e\.g/ }).click()
    const dialog = app.page.getByRole('dialog')
    await dialog.getByLabel('Value').fill('[:book Neuromancer]')
    await expect.poll(() => dialog.textContent()).toContain('is not an id the library allows')
    expect(await dialog.getByRole('button', { name: 'Apply filter' }).isDisabled()).toBe(true)
    await dialog.getByLabel('Value').fill('[:book "Neuromancer"]')
    await dialog.getByRole('button', { name: 'Apply filter' }).click()
    await expect.poll(() => shownSeqNos(app.page)).toEqual([1, 4])
    await app.page.getByRole('button', { name: 'Clear filters' }).click()
  })

  it('shows an event as the library prints it, with the effects that make reads replay it', async () => {
    await openEvents()
    await app.page.locator('[data-seq-no="5"]').click()
    const detail = app.page.getByTestId('event-detail')
    await detail.getByTestId('event-tree').waitFor()
    expect(await detail.getByTestId('event-tree').textContent()).toContain('"avd2dlg3g93fm1osu"')
    await app.screenshot('events-detail-tree-light')
    await detail.getByRole('tab', { name: 'EDN' }).click()
    await detail.getByTestId('event-edn').waitFor()
    // The exact pr-str is kept for copying; what is shown is laid out as pprint does.
    expect(await detail.getByTestId('event-edn').getAttribute('data-edn')).toBe(
      '{:seq-no 5, :timestamp #inst "2026-01-05T09:07:00.000-00:00", :source :bookstore, ' +
        ':action {:reason :payment, :actor [:user "alice"], :aggregate [:receipt 1], :patch {:assoc {:no "avd2dlg3g93fm1osu", :total 100}}}, ' +
        ':triggers #{[:encryption-key 1]}}'
    )
    expect(await detail.getByTestId('event-edn').textContent()).toBe(
      [
        '{:seq-no 5,',
        ' :timestamp #inst "2026-01-05T09:07:00.000-00:00",',
        ' :source :bookstore,',
        ' :action',
        ' {:reason :payment,',
        '  :actor [:user "alice"],',
        '  :aggregate [:receipt 1],',
        '  :patch {:assoc {:no "avd2dlg3g93fm1osu", :total 100}}},',
        ' :triggers #{[:encryption-key 1]}}'
      ].join('\n')
    )
    await app.screenshot('events-detail-edn-light')
    expect(await detail.getByTestId('related-events').textContent()).toContain('7 · :key-expired [:encryption-key 1]')
    await app.screenshot('events-detail-light')
    await app.setColorScheme('dark')
    await app.screenshot('events-detail-dark')
    await app.setColorScheme('light')
    await detail.getByRole('button', { name: /7 · :key-expired/ }).click()
    await expect.poll(() => detail.getByRole('heading').first().textContent()).toBe('Event 7')
    expect(await detail.getByTestId('related-events').textContent()).toContain('5 · :payment [:receipt 1]')
    await detail.getByRole('tab', { name: 'Stored cells' }).click()
    expect(await detail.getByTestId('stored-cells').textContent()).toContain('trigger_kind:encryption-key')
    await detail.getByRole('button', { name: 'Blast radius…' }).click()
    await expect.poll(() => app.page.getByTestId('event-blast-radius').textContent()).toContain('[:receipt 1]')
    await app.screenshot('events-detail-blast-radius-light')
    await app.page.keyboard.press('Escape')
    await app.page.getByTestId('event-blast-radius').waitFor({ state: 'detached' })
  })

  it('appends events written by another process without moving the user, and follows them when asked', async () => {
    await openEvents()
    const before = await app.page.getByTestId('event-table').evaluate((e) => e.scrollTop)
    await appendEvents(walkthrough, [bookEdn('Idoru', 'carol')])
    await expect.poll(() => shownSeqNos(app.page), { timeout: 10_000 }).toContain(8)
    expect(await app.page.getByTestId('event-table').evaluate((e) => e.scrollTop)).toBe(before)
    await app.page.getByRole('switch', { name: 'Follow new events' }).click({ force: true })
    await appendEvents(walkthrough, [bookEdn('All Tomorrow’s Parties', 'carol')])
    await expect.poll(() => shownSeqNos(app.page), { timeout: 10_000 }).toContain(9)
    await expect.poll(() => app.page.getByTestId('match-count').textContent()).toBe('9 events')
    await app.page.getByRole('switch', { name: 'Follow new events' }).click({ force: true })
  })

  it('exports exactly the filtered events, as the library prints them', async () => {
    await openEvents()
    await addFilter('Reason', 'payment')
    await expect.poll(() => shownSeqNos(app.page)).toEqual([5, 6])
    await app.page.getByTestId('export-button').click()
    const modal = app.page.getByTestId('export-modal')
    await expect.poll(() => modal.getByTestId('export-scope').textContent()).toContain('2 events')
    expect(await modal.getByTestId('export-scope').textContent()).toContain('reason :payment')
    const file = join(dir.path, 'payments.edn')
    app.dialogs.willExportTo(file)
    await modal.getByRole('button', { name: 'Choose file and export…' }).click()
    await modal.getByTestId('export-result').waitFor()
    const exported = readEdnAll(readFileSync(file, 'utf8'))[0]
    expect(exported.t === 'vec' ? exported.items.map((e) => printEdn(e)) : []).toEqual([
      (await app.host.query((await app.host.list())[0].storeId, 'eventDetail', { seqNo: 5 }))?.edn,
      (await app.host.query((await app.host.list())[0].storeId, 'eventDetail', { seqNo: 6 }))?.edn
    ])
    await modal.getByRole('button', { name: 'Done' }).click()
    await app.page.getByRole('button', { name: 'Clear filters' }).click()
  })

  it('keeps each store tab its own filter when switching tabs', async () => {
    const other = await makeBookStore(dir.path, 'books.db', ['Dune', 'Emma'])
    await addFilter('Reason', 'payment')
    await expect.poll(() => shownSeqNos(app.page)).toEqual([5, 6])
    await openFile(other)
    await openEvents()
    await expect.poll(() => shownSeqNos(app.page)).toEqual([1, 2])
    expect(await app.page.getByTestId('filter-chip').count()).toBe(0)
    await app.page.getByRole('tab', { name: /walkthrough\.db/ }).click()
    await expect.poll(() => app.page.getByTestId('filter-chip').allTextContents()).toEqual(['reason :payment'])
    await expect.poll(() => shownSeqNos(app.page)).toEqual([5, 6])
    await app.page.getByRole('button', { name: 'Clear filters' }).click()
  })
})

describe('a store with 10 million events', () => {
  let big: string
  let hash: string

  beforeAll(async () => {
    big = await bigStore(BIG)
    hash = sha256(big)
  }, 900_000)

  it('opens on its first rows, jumps to the end with the scrubber, and shows the last event', async () => {
    await openFile(big)
    await openEvents()
    await expect.poll(() => shownSeqNos(app.page).then((s) => s[0]), { timeout: 30_000 }).toBe(1)
    const scrubber = app.page.getByTestId('scrubber')
    const box = await scrubber.boundingBox()
    if (!box) throw new Error('no scrubber')
    await app.page.mouse.move(box.x + box.width / 2, box.y + 5)
    await app.page.mouse.down()
    await app.page.mouse.move(box.x + box.width / 2, box.y + box.height + 50, { steps: 5 })
    await app.page.mouse.up()
    await expect.poll(() => shownSeqNos(app.page).then((s) => s[s.length - 1]), { timeout: 30_000 }).toBe(BIG)
    await app.screenshot('events-10m-end-light')
  }, 120_000)

  it('goes to a seq-no in the middle, scrolls on past what was loaded, and ends with End', async () => {
    await app.page.getByLabel('Go to seq-no').fill('5000000')
    await app.page.getByLabel('Go to seq-no').press('Enter')
    await expect.poll(() => shownSeqNos(app.page), { timeout: 30_000 }).toContain(5_000_000)
    await expect.poll(() => app.page.getByTestId('event-detail').getByRole('heading').first().textContent()).toBe('Event 5,000,000')
    const table = app.page.getByTestId('event-table')
    const box = await table.boundingBox()
    if (!box) throw new Error('no table')
    await app.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
    // Wheel on like a user does until the view is past everything the first jump loaded (240 rows).
    await expect
      .poll(
        async () => {
          await app.page.mouse.wheel(0, 1500)
          return (await shownSeqNos(app.page))[0]
        },
        { timeout: 60_000, interval: 100 }
      )
      .toBeGreaterThan(5_001_000)
    await table.focus()
    await app.page.keyboard.press('End')
    await expect.poll(() => shownSeqNos(app.page).then((s) => s[s.length - 1]), { timeout: 30_000 }).toBe(BIG)
    await expect.poll(() => app.page.getByTestId('match-count').textContent(), { timeout: 60_000 }).toBe('10,000,000 events')
    await app.screenshot('events-10m-goto-light')
    expect(sha256(big)).toBe(hash)
  }, 180_000)
})
