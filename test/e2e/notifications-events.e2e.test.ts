/**
 * Toasts never cover the end of a long Events table: on a 400-event store at
 * 1024×768, with two error toasts open (they stay until closed), the table
 * ends above the toasts' strip, so End selects the last event and brings it
 * fully into view, inside the table's viewport and with nothing over any part
 * of it. When the toasts close, the table grows back to the window's bottom
 * and the last event is still fully in view, the table still at its end; a
 * toast raised then shrinks the table again without losing the last event.
 */
import { afterAll, beforeAll, expect, it } from 'vitest'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { startApp, type AppHarness } from '../helpers/app-harness'
import { lightAndDark } from '../helpers/screenshots'
import { makeBookStore, tempDir } from '../helpers/stores'
import { hiddenPoints, rowVisibility } from '../helpers/visibility'

const EVENTS = 400

let app: AppHarness
let page: Page
let dir: ReturnType<typeof tempDir>
let notStores: string[]

beforeAll(async () => {
  dir = tempDir('e2e-notifications-events')
  const store = await makeBookStore(dir.path, 'long.db', Array.from({ length: EVENTS }, (_, i) => `Book ${i + 1}`))
  notStores = ['notes.db', 'todo.db'].map((name) => {
    const path = join(dir.path, name)
    writeFileSync(path, 'these are my notes, not a database\n'.repeat(50))
    return path
  })
  app = await startApp({ files: [store], viewport: { width: 1024, height: 768 } })
  page = app.page
  await page.getByTestId('overview').waitFor()
}, 120_000)

afterAll(async () => {
  await app?.close()
  dir?.remove()
})

const lastRow = () => page.locator(`[data-testid="event-table"] [role="row"][data-seq-no="${EVENTS}"]`)
const toasts = () => page.locator('.mantine-Notification-root')

/** The room the toasts' strip takes at the bottom of the window (px). */
const reserve = (): Promise<number> => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).getPropertyValue('--cs-notifications-reserve')) || 0)

/** How far the bottom of the table's viewport and of the last row are above the window's bottom, and above the toasts' top edge. */
const layout = () =>
  page.evaluate((n) => {
    const scroller = document.querySelector('[data-testid="event-table"]') as HTMLElement
    const row = scroller.querySelector(`[role="row"][data-seq-no="${n}"]`)
    const toastTop = Math.min(innerHeight, ...[...document.querySelectorAll('.mantine-Notification-root')].map((t) => t.getBoundingClientRect().top))
    return {
      tableBottom: scroller.getBoundingClientRect().bottom,
      rowBottom: row?.getBoundingClientRect().bottom ?? NaN,
      toastTop,
      atEnd: scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < 1
    }
  }, EVENTS)

/** What the user sees of the table's end: what of the last row is hidden, whether it is above every toast, whether the table is scrolled to its end. */
const endState = async () => {
  const { rowBottom, toastTop, atEnd } = await layout()
  return { hidden: await hiddenPoints(lastRow()), aboveToasts: rowBottom <= toastTop + 0.5, atEnd }
}

/** The end as it should show: the last row whole, above the toasts, the table at its end. */
const SHOWN_WHOLE = { hidden: [], aboveToasts: true, atEnd: true }

it('lists the 400 events', async () => {
  await page.locator('.mantine-NavLink-label', { hasText: /^Events$/ }).click()
  await page.getByTestId('event-table').waitFor()
  await expect.poll(() => page.getByTestId('match-count').textContent()).toBe(`${EVENTS} events`)
})

it('with two error toasts open, End shows the last event whole above them', async () => {
  for (const path of notStores) await app.dropFiles([path])
  await expect.poll(() => toasts().filter({ hasText: 'is not an SQLite database' }).count()).toBe(2)
  await expect.poll(reserve).toBeGreaterThan(100)
  await page.getByTestId('event-table').focus()
  await page.keyboard.press('End')
  await lastRow().waitFor()
  // End selects the last event: its row is marked and the detail shows it.
  await expect.poll(() => page.getByTestId('event-detail').getAttribute('aria-label')).toBe(`Event ${EVENTS}`)
  expect(await lastRow().getAttribute('aria-selected')).toBe('true')
  // Polled: the scroll settles and the toasts finish sliding in. Above every toast, not merely beside one.
  await expect.poll(endState, { timeout: 10_000 }).toEqual(SHOWN_WHOLE)
  expect(await rowVisibility(page, EVENTS)).toEqual({ inViewport: true, belowHeader: true, hit: true })
  // The table ends above the toasts' strip.
  expect((await layout()).tableBottom).toBeLessThanOrEqual(768 - (await reserve()) + 0.5)
  // Out of the navbar, so its tooltip does not show in the screenshots.
  await page.mouse.move(300, 130)
  await lightAndDark(app, 'notifications-events-1024-end')
})

it('when the toasts close, the table grows back and the last event stays whole in view, the table at its end', async () => {
  const before = await layout()
  // One at a time, each gone before the next: a closing toast stays in the DOM while it slides out.
  for (let open = await toasts().count(); open > 0; open--) {
    await toasts().first().locator('.mantine-CloseButton-root').click()
    await expect.poll(() => toasts().count()).toBe(open - 1)
  }
  await expect.poll(reserve).toBe(0)
  await expect.poll(async () => (await layout()).tableBottom, { timeout: 10_000 }).toBeGreaterThan(before.tableBottom + 100)
  await expect.poll(endState, { timeout: 10_000 }).toEqual(SHOWN_WHOLE)
  expect(await rowVisibility(page, EVENTS)).toEqual({ inViewport: true, belowHeader: true, hit: true })
  // The row moved down with the table's end (or stayed put), never up and out of the end.
  expect((await layout()).rowBottom).toBeGreaterThanOrEqual(before.rowBottom - 0.5)
  await app.screenshot('notifications-events-1024-closed-light')
})

it('a toast raised while the table shows its end: the table ends above it and the last event is still whole in view', async () => {
  const before = await layout()
  await app.dropFiles([notStores[0]])
  await expect.poll(() => toasts().count()).toBe(1)
  await expect.poll(async () => (await layout()).tableBottom, { timeout: 10_000 }).toBeLessThan(before.tableBottom - 100)
  await expect.poll(endState, { timeout: 10_000 }).toEqual(SHOWN_WHOLE)
  await lightAndDark(app, 'notifications-events-1024-raised-at-end')
})
