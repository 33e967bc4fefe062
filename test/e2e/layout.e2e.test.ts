/**
 * What a user sees of the Events layout on the demo store at 1440×900: row 1
 * is on screen and not under the sticky header (first view and Home), at
 * least 25 rows show with the timeline collapsed, nothing moves when the
 * timeline's data arrives, hidden and reordered columns survive a section
 * switch, and the type badges are readable (WCAG AA) in light and dark.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { createDemoStore } from '../../scripts/demo'
import { startApp, type AppHarness } from '../helpers/app-harness'
import { tempDir } from '../helpers/stores'
import { fullyVisibleRows, renderedContrast, rowVisibility } from '../helpers/visibility'

let app: AppHarness
let page: Page
let dir: ReturnType<typeof tempDir>

async function section(name: string, testId: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).locator(`[aria-label="${name}"]`).click()
  await page.getByTestId(testId).waitFor()
}

const headers = (): Promise<string[]> => page.locator('[data-testid="event-table"] [role="columnheader"]').allTextContents()

beforeAll(async () => {
  dir = tempDir('e2e-layout')
  const demo = join(dir.path, 'coherence-demo.db')
  await createDemoStore(demo)
  app = await startApp({ files: [demo], viewport: { width: 1440, height: 900 } })
  page = app.page
  await page.getByTestId('overview').waitFor()
}, 180_000)

afterEach(async (context) => {
  if (context.task.result?.state === 'fail') await app.screenshot(`layout-failed-${context.task.name.slice(0, 30).replace(/\W+/g, '-')}`)
})

afterAll(async () => {
  await app?.close()
  dir?.remove()
})

describe('the Events layout at 1440×900', () => {
  it('does not move the table when the timeline arrives', async () => {
    // Hold the timeline's answer back, as a large store does, to catch the moment before it arrives.
    await page.evaluate(() => {
      const w = window as unknown as { __coherenceInvoke(c: string, r: unknown): Promise<unknown> }
      const original = w.__coherenceInvoke
      w.__coherenceInvoke = (c, r) => (c === 'store:timeline' ? new Promise((ok) => setTimeout(ok, 2500)).then(() => original(c, r)) : original(c, r))
    })
    await section('Events', 'event-table')
    await page.locator('[data-testid="timeline"][data-loading]').waitFor()
    await page.locator('[data-testid="event-table"] [data-seq-no="1"]').waitFor()
    const before = await page.getByTestId('event-table').boundingBox()
    const rowBefore = await page.locator('[data-seq-no="1"]').boundingBox()
    await page.locator('[data-testid="timeline"]:not([data-loading]) .recharts-surface').first().waitFor()
    expect(await page.getByTestId('event-table').boundingBox()).toEqual(before)
    expect(await page.locator('[data-seq-no="1"]').boundingBox()).toEqual(rowBefore)
  })

  it('shows row 1 on the first view, inside the viewport and not under the header', async () => {
    expect(await rowVisibility(page, 1)).toEqual({ inViewport: true, belowHeader: true, hit: true })
    await app.screenshot('layout-events-timeline-light')
  })

  it('shows row 1 again after Home, selected and not under the header', async () => {
    await page.getByTestId('event-table').evaluate((e) => (e.scrollTop = 900))
    await expect.poll(() => rowVisibility(page, 1)).not.toEqual({ inViewport: true, belowHeader: true, hit: true })
    await page.getByTestId('event-table').focus()
    await page.keyboard.press('Home')
    await expect.poll(() => page.locator('[data-seq-no="1"]').getAttribute('aria-selected')).toBe('true')
    await expect.poll(() => rowVisibility(page, 1)).toEqual({ inViewport: true, belowHeader: true, hit: true })
    await page.keyboard.press('Escape')
  })

  it('shows at least 25 rows with the timeline collapsed, and remembers it collapsed', async () => {
    await page.getByRole('switch', { name: 'Timeline' }).click({ force: true })
    await page.getByTestId('timeline').waitFor({ state: 'detached' })
    await expect.poll(() => fullyVisibleRows(page)).toBeGreaterThanOrEqual(25)
    await app.screenshot('layout-events-collapsed-light')
    await section('Overview', 'overview')
    await section('Events', 'event-table')
    expect(await page.getByTestId('timeline').count()).toBe(0)
  })

  it('keeps hidden and reordered columns across a section switch', async () => {
    await page.getByRole('button', { name: 'Columns' }).click()
    await page.getByRole('checkbox', { name: 'Source' }).click()
    await page.getByRole('button', { name: 'Move Actor left' }).click()
    await page.keyboard.press('Escape')
    const expected = ['Seq-no', 'Time (local)', 'Type', 'Reason', 'Actor', 'Aggregate / trigger', 'Patch']
    expect(await headers()).toEqual(expected)
    // The rows follow the header: the Actor cell of row 1 sits under the Actor header.
    const actorHeader = await page.locator('[role="columnheader"][data-column="actor"]').boundingBox()
    const actorCell = await page.locator('[data-seq-no="1"] [role="gridcell"]').nth(4).boundingBox()
    expect(Math.abs((actorHeader?.x ?? 0) - (actorCell?.x ?? -99))).toBeLessThan(2)
    // Dragging a header's right edge resizes the column, header and rows alike.
    const reason = page.locator('[role="columnheader"][data-column="reason"]')
    const before = (await reason.boundingBox())!.width
    const edge = (await page.getByTestId('resize-reason').boundingBox())!
    await page.mouse.move(edge.x + edge.width / 2, edge.y + edge.height / 2)
    await page.mouse.down()
    await page.mouse.move(edge.x + edge.width / 2 + 80, edge.y + edge.height / 2, { steps: 4 })
    await page.mouse.up()
    await expect.poll(async () => (await reason.boundingBox())!.width).toBeGreaterThan(before + 60)
    const reasonCell = await page.locator('[data-seq-no="1"] [role="gridcell"]').nth(3).boundingBox()
    expect(Math.abs(reasonCell!.width - (await reason.boundingBox())!.width)).toBeLessThan(2)
    await section('Aggregates', 'aggregates')
    await section('Events', 'event-table')
    expect(await headers()).toEqual(expected)
    expect((await reason.boundingBox())!.width).toBeGreaterThan(before + 60)
    await page.getByRole('button', { name: 'Columns' }).click()
    await page.getByRole('button', { name: 'Reset columns' }).click()
    await page.keyboard.press('Escape')
    expect(await headers()).toContain('Source')
  })

  it('opens the filter suggestions without covering the dialog’s buttons', async () => {
    await page.getByRole('button', { name: 'Add a filter' }).click()
    await page.getByRole('menuitem', { name: /Reason/ }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByLabel('Value').click()
    await page.getByRole('listbox').waitFor()
    await app.screenshot('layout-filter-suggestions-light')
    for (const name of ['Apply filter', 'Cancel']) {
      const button = dialog.getByRole('button', { name })
      const box = await button.boundingBox()
      if (!box) throw new Error(`no ${name} button`)
      const hit = await page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.closest('button')?.textContent ?? null, [box.x + box.width / 2, box.y + box.height / 2])
      expect(hit, `${name} is not covered`).toBe(name)
    }
    await page.keyboard.press('Escape')
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
  })

  it('docks the detail below the table and resizes it, and remembers both', async () => {
    await page.locator('[data-seq-no="2"]').click()
    await page.getByRole('button', { name: 'Dock the detail below the table' }).click()
    const dock = page.getByTestId('detail-dock')
    await expect.poll(() => dock.getAttribute('data-side')).toBe('bottom')
    const table = await page.getByTestId('event-table').boundingBox()
    const detail = await dock.boundingBox()
    expect(detail!.y).toBeGreaterThanOrEqual(table!.y + table!.height)
    expect(detail!.y + detail!.height).toBeLessThanOrEqual(900)
    const handle = await page.getByTestId('detail-resize').boundingBox()
    await page.mouse.move(handle!.x + 200, handle!.y + handle!.height / 2)
    await page.mouse.down()
    await page.mouse.move(handle!.x + 200, handle!.y - 60, { steps: 4 })
    await page.mouse.up()
    await expect.poll(async () => (await dock.boundingBox())!.height).toBeGreaterThan(detail!.height + 40)
    await app.screenshot('layout-events-docked-below-light')
    await section('Overview', 'overview')
    await section('Events', 'event-table')
    await page.locator('[data-seq-no="2"]').click()
    expect(await page.getByTestId('detail-dock').getAttribute('data-side')).toBe('bottom')
    await page.getByRole('button', { name: 'Show the detail beside the table' }).click()
    await expect.poll(() => page.getByTestId('detail-dock').getAttribute('data-side')).toBe('right')
  })

  it('collapses the navigation to icons, with the names as tooltips, and remembers it', async () => {
    const nav = page.getByRole('navigation', { name: 'Sections' })
    const wide = await nav.boundingBox()
    await page.getByRole('button', { name: 'Collapse the navigation' }).click()
    await expect.poll(async () => (await nav.boundingBox())!.width).toBeLessThan(70)
    const tableBefore = (await page.getByTestId('event-table').boundingBox())!.width
    expect(tableBefore).toBeGreaterThan(0)
    await nav.locator('[aria-label="Aggregates"]').hover()
    await page.getByRole('tooltip').filter({ hasText: 'Aggregates: State as of any event' }).waitFor()
    await app.screenshot('layout-nav-collapsed-light')
    await page.reload()
    await page.getByTestId('overview').or(page.getByTestId('events')).first().waitFor()
    expect((await nav.boundingBox())!.width).toBeLessThan(70)
    await page.getByRole('button', { name: 'Expand the navigation' }).click()
    await expect.poll(async () => (await nav.boundingBox())!.width).toBe(wide!.width)
  })

  it('shows every time in UTC once chosen in the header, the local time on hover, and remembers it', async () => {
    await section('Events', 'event-table')
    const timeOfRow1 = page.locator('[data-testid="event-table"] [data-seq-no="1"] [role="gridcell"]').nth(1)
    await timeOfRow1.waitFor()
    const local = (await timeOfRow1.textContent()) ?? ''
    expect(local).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/)
    expect(await headers()).toContain('Time (local)')
    const control = page.getByTestId('time-zone')
    await control.getByText('UTC', { exact: true }).click()
    await expect.poll(headers).toContain('Time (UTC)')
    const utc = (await timeOfRow1.textContent()) ?? ''
    expect(utc).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$/)
    // The same instant: the local text read in the page's own zone equals the UTC text.
    const same = await page.evaluate(([l, u]) => new Date(l.replace(' ', 'T')).getTime() === Date.parse(u.replace(' ', 'T')), [local, utc])
    expect(same, `${local} (local) is ${utc}`).toBe(true)
    expect(await timeOfRow1.getAttribute('title')).toBe(`Local ${local}`)
    // The longer UTC text is not cut off in the default column width.
    expect(await timeOfRow1.evaluate((cell) => cell.scrollWidth <= cell.clientWidth)).toBe(true)
    const box = await control.boundingBox()
    expect(box!.y + box!.height).toBeLessThanOrEqual(900)
    await app.screenshot('layout-time-zone-utc-light')
    await page.reload()
    await page.getByTestId('overview').or(page.getByTestId('events')).first().waitFor()
    await section('Events', 'event-table')
    await timeOfRow1.waitFor()
    expect(await timeOfRow1.textContent()).toBe(utc)
    expect(await headers()).toContain('Time (UTC)')
    await control.getByText('Local', { exact: true }).click()
    await expect.poll(() => timeOfRow1.textContent()).toBe(local)
  })

  it('has readable type badges (contrast ≥ 4.5:1) in light and dark', async () => {
    await section('Events', 'event-table')
    await page.locator('[data-seq-no="7"]').waitFor()
    for (const scheme of ['light', 'dark'] as const) {
      await app.setColorScheme(scheme)
      for (const type of ['action', 'effect']) {
        const badge = page.locator('[data-testid="type-badge"]', { hasText: new RegExp(`^${type}$`) }).first()
        const { ratio, color, background } = await renderedContrast(badge)
        expect(ratio, `${type} in ${scheme}: ${color} on ${background}`).toBeGreaterThanOrEqual(4.5)
      }
    }
    await page.getByRole('switch', { name: 'Timeline' }).click({ force: true })
    await page.locator('[data-testid="timeline"] .recharts-surface').first().waitFor()
    await page.locator('[data-seq-no="3"]').click()
    await app.screenshot('layout-events-detail-dark')
    await app.setColorScheme('light')
    await app.screenshot('layout-events-detail-light')
    for (const scheme of ['light', 'dark'] as const) {
      await app.setColorScheme(scheme)
      await section('Overview', 'overview')
      await page.locator('[data-testid="timeline"] .recharts-surface').first().waitFor()
      await app.screenshot(`layout-overview-${scheme}`)
      await section('Aggregates', 'aggregates')
      await page.locator('[data-testid="aggregate-kinds"] [data-kind=":book"]').click()
      await page.locator('[data-testid="aggregate-list"] [data-id]').first().click()
      await page.getByTestId('aggregate-state').waitFor()
      await app.screenshot(`layout-aggregates-${scheme}`)
    }
    await app.setColorScheme('light')
  })

  it('fits at 1024×768: the toolbar inside the window, row 1 visible and clear of the header', async () => {
    await page.setViewportSize({ width: 1024, height: 768 })
    try {
      await section('Events', 'event-table')
      await page.getByTestId('event-table').focus()
      await page.keyboard.press('Home')
      await expect.poll(() => rowVisibility(page, 1)).toEqual({ inViewport: true, belowHeader: true, hit: true })
      const exportBox = await page.getByRole('button', { name: /Export/ }).boundingBox()
      expect(exportBox!.x + exportBox!.width).toBeLessThanOrEqual(1024)
      for (const scheme of ['light', 'dark'] as const) {
        await app.setColorScheme(scheme)
        await app.screenshot(`layout-events-1024-${scheme}`)
      }
      await app.setColorScheme('light')
    } finally {
      await page.setViewportSize({ width: 1440, height: 900 })
    }
  })
})
