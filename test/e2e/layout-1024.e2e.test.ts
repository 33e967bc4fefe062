/**
 * Every screen at 1024×768 in dark mode, as a user with a small laptop sees
 * it: the header fits (the READ-ONLY badge never clipped, the store name
 * whole on hover, the rest inside the window and not covered), each section
 * and dialog fits the window with no horizontal scrollbar on the page, and
 * the timeline's and the staged list's times follow the Local | UTC setting.
 * The page runs in Asia/Tokyo so that local time and UTC differ.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import type { Locator, Page } from 'playwright-core'
import { createDemoStore } from '../../scripts/demo'
import { startApp, type AppHarness } from '../helpers/app-harness'
import { appendEvents, makeWalkthroughStore, tempDir } from '../helpers/stores'
import { seen } from '../helpers/visibility'

let app: AppHarness
let page: Page
let dir: ReturnType<typeof tempDir>

const WIDTH = 1024
const HEIGHT = 768

async function section(name: string, testId: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).locator(`[aria-label="${name}"]`).click()
  await page.getByTestId(testId).first().waitFor()
  // Away from the navbar, so that its tooltip does not cover the screen photographed.
  await page.mouse.move(WIDTH - 40, HEIGHT - 40)
}

/** Activate the tab whose file is `file` (exactly). */
async function showTab(file: string): Promise<void> {
  await page.locator('[role="tab"]').filter({ hasText: new RegExp(`^${file.replace(/\./g, '\\.')}$`) }).click()
  await page.getByTestId('store-name').filter({ hasText: new RegExp(`^${file.replace(/\./g, '\\.')}$`) }).waitFor()
}

/** The page itself never scrolls sideways. */
const pageFitsWidth = (): Promise<boolean> => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth && document.body.scrollWidth <= window.innerWidth)

/** The text of `locator` is not cut off (no ellipsis: its content fits its box). */
const notClipped = (locator: Locator): Promise<boolean> => locator.evaluate((el) => el.scrollWidth <= el.clientWidth)

/** On how many lines the text of `locator` is laid out. */
const lines = (locator: Locator): Promise<number> =>
  locator.evaluate((el) => {
    const tops = new Set<number>()
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const range = document.createRange()
      range.selectNodeContents(node)
      for (const r of range.getClientRects()) if (r.width > 0) tops.add(Math.round(r.top))
    }
    return tops.size
  })

/** Photograph a screen and check what every screen must satisfy. */
async function shot(name: string): Promise<void> {
  await app.screenshot(`tour-1024-dark-${name}`)
  expect(await pageFitsWidth(), `${name}: no horizontal scrollbar on the page`).toBe(true)
}

beforeAll(async () => {
  dir = tempDir('e2e-layout-1024')
  const demo = join(dir.path, 'coherence-demo.db')
  await createDemoStore(demo)
  const walkthrough = await makeWalkthroughStore(dir.path)
  app = await startApp({ files: [demo, walkthrough], viewport: { width: WIDTH, height: HEIGHT }, colorScheme: 'dark', timezoneId: 'Asia/Tokyo' })
  page = app.page
  await page.getByTestId('store-name').first().waitFor()
}, 180_000)

afterEach(async (context) => {
  if (context.task.result?.state === 'fail') await app.screenshot(`tour-1024-failed-${context.task.name.slice(0, 30).replace(/\W+/g, '-')}`)
})

afterAll(async () => {
  await app?.close()
  dir?.remove()
})

describe('the header at 1024×768', () => {
  it('shows the READ-ONLY badge whole, the store name whole on hover, and every control inside the window', async () => {
    await showTab('walkthrough.db')
    const badge = page.getByTestId('lock-badge')
    expect(await badge.textContent()).toBe('Read-only')
    expect(await seen(badge)).toBe(true)
    expect(await notClipped(badge.locator('.mantine-Badge-label')), 'the badge text is not clipped').toBe(true)
    const name = page.getByTestId('store-name')
    expect(await seen(name)).toBe(true)
    expect(await name.getAttribute('title')).toContain('walkthrough.db')
    expect(await notClipped(name), 'walkthrough.db fits').toBe(true)
    const controls = [
      page.getByRole('button', { name: 'Open the command palette' }),
      page.getByTestId('time-zone'),
      page.getByRole('button', { name: 'Theme' }),
      page.getByTestId('copy-button'),
      page.getByTestId('fork-button'),
      page.getByTestId('header-seq-no'),
      page.getByRole('button', { name: 'Unlock…' })
    ]
    for (const control of controls) expect(await seen(control), `${await control.getAttribute('aria-label') ?? await control.getAttribute('data-testid')} is seen`).toBe(true)
    // The icon-only controls still say what they do: their names for assistive technology, and a tooltip.
    expect(await page.getByRole('button', { name: 'Fork to a file…' }).count()).toBe(1)
    expect(await page.getByRole('button', { name: 'Copy to…' }).count()).toBe(1)
    await page.getByTestId('fork-button').hover()
    await page.getByRole('tooltip').filter({ hasText: 'Copy this store into a new file you can change freely' }).waitFor()
    await page.mouse.move(600, 400)
    await page.getByRole('tooltip').waitFor({ state: 'detached' })
    await shot('header')
  })
})

describe('the timeline and the staged list follow the time-zone setting', () => {
  // The x-axis labels (the y-axis ones are plain counts).
  const ticks = async (): Promise<string[]> =>
    (await page.locator('[data-testid="timeline"] .recharts-cartesian-axis-tick-value').allTextContents()).filter((t) => !/^[\d,.]+$/.test(t))

  it('labels the timeline buckets in local time, then in UTC once chosen', async () => {
    await showTab('coherence-demo.db')
    await section('Events', 'events')
    await page.locator('[data-testid="timeline"] .recharts-surface').first().waitFor()
    const legend = page.getByTestId('timeline-legend-zone')
    expect(await legend.textContent()).toContain('local time')
    await expect.poll(async () => (await ticks()).length).toBeGreaterThan(0)
    const local = await ticks()
    await page.getByTestId('time-zone').getByText('UTC', { exact: true }).click()
    await expect.poll(() => legend.textContent()).toContain('UTC')
    await expect.poll(ticks).not.toEqual(local)
    const utc = await ticks()
    expect(utc.length).toBe(local.length)
    // A bar's tooltip names its span in the chosen zone, then in the other one.
    await page.locator('[data-testid="timeline"] .recharts-bar-rectangle').nth(3).hover()
    const span = page.getByTestId('timeline-bucket-span')
    await expect.poll(() => span.textContent()).toMatch(/ UTC$/)
    expect(await span.locator('xpath=following-sibling::*[1]').textContent()).toMatch(/ local time$/)
    await page.mouse.move(WIDTH - 40, HEIGHT - 40)
    await page.getByTestId('time-zone').getByText('Local', { exact: true }).click()
    await expect.poll(ticks).toEqual(local)
  })
})

describe('every section at 1024×768, dark', () => {
  it('Overview', async () => {
    await section('Overview', 'overview')
    await page.locator('[data-testid="timeline"] .recharts-surface').first().waitFor()
    await shot('overview')
  })

  it('Events with the detail open', async () => {
    await section('Events', 'events')
    await page.locator('[data-seq-no="3"]').click()
    await page.getByTestId('detail-dock').waitFor()
    // The toolbar fits: Export… whole and inside the window, each switch's label on one line.
    const exportButton = page.getByTestId('export-button')
    expect(await seen(exportButton)).toBe(true)
    expect(await notClipped(exportButton.locator('.mantine-Button-label'))).toBe(true)
    for (const name of ['Timeline', 'Follow']) {
      const label = page.locator('.mantine-Switch-label', { hasText: new RegExp(`^${name}`) })
      expect(await lines(label), `${name} on one line`).toBe(1)
    }
    await shot('events-detail')
  })

  it('Aggregates', async () => {
    await section('Aggregates', 'aggregates')
    await page.locator('[data-testid="aggregate-kinds"] [data-kind=":book"]').click()
    await page.locator('[data-testid="aggregate-list"] [data-id]').first().click()
    await page.getByTestId('aggregate-state').waitFor()
    await shot('aggregates')
  })

  it('Replay', async () => {
    await section('Replay', 'replay-offset')
    const why = page.getByTestId('replay-item').first().locator('td').nth(2)
    await why.waitFor()
    expect(await lines(why), 'each replayed item on one line').toBe(1)
    await shot('replay')
  })

  it('Triggers and the graph', async () => {
    await section('Triggers', 'triggers-section')
    await page.getByTestId('trigger-row').first().waitFor()
    await shot('triggers')
    await page.getByTestId('trigger-row').first().getByRole('button', { name: 'Graph' }).click()
    await page.locator('[data-testid="graph-canvas"] [data-testid^="graph-node-"]').first().waitFor()
    await page.getByTestId('trigger-graph').scrollIntoViewIfNeeded()
    await shot('triggers-graph')
  })

  it('Problems', async () => {
    await section('Problems', 'problems-section')
    await page.getByTestId('problems-none').or(page.getByTestId('problems-summary')).first().waitFor({ timeout: 60_000 })
    await shot('problems')
  })

  it('the command palette', async () => {
    await page.keyboard.press('Control+K')
    const search = page.getByRole('textbox', { name: 'Command' })
    await search.waitFor()
    await shot('palette')
    // The placeholder is read whole: typed as text, it does not overflow the field.
    await search.fill((await search.getAttribute('placeholder')) ?? '')
    expect(await search.evaluate((el) => el.scrollWidth <= el.clientWidth), 'the placeholder fits').toBe(true)
    await page.getByRole('textbox', { name: 'Command' }).fill('12')
    await page.waitForTimeout(300)
    await shot('palette-query')
    await page.keyboard.press('Escape')
  })

  it('Connect', async () => {
    await app.runCommand('Connect to PostgreSQL…')
    const dialog = page.getByRole('dialog', { name: 'Connect to PostgreSQL' })
    await dialog.waitFor()
    await shot('connect')
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
  })

  it('Copy', async () => {
    await page.getByTestId('copy-button').click()
    const dialog = page.getByRole('dialog', { name: /^Copy .* to…$/ })
    await dialog.waitFor()
    await shot('copy')
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
  })

  it('Fork controls on a fork', async () => {
    await showTab('walkthrough.db')
    app.dialogs.willForkTo(join(dir.path, 'walkthrough-fork.db'))
    await page.getByTestId('fork-button').click()
    await page.getByTestId('store-name').filter({ hasText: 'walkthrough-fork.db' }).waitFor()
    for (const id of ['fork-badge', 'merge-button', 'lock-badge', 'store-name']) expect(await seen(page.getByTestId(id)), `${id} is seen`).toBe(true)
    // Neither badge is squeezed to its icon, and the name is whole.
    for (const id of ['lock-badge', 'fork-badge']) expect(await notClipped(page.getByTestId(id).locator('.mantine-Badge-label')), `${id} not clipped`).toBe(true)
    expect(await page.getByTestId('fork-badge').locator('.mantine-Badge-label').textContent()).toBe('Fork')
    expect(await notClipped(page.getByTestId('store-name'))).toBe(true)
    // The tab just opened is scrolled into view even while a background check shows its progress.
    expect(await seen(page.locator('[role="tab"][aria-selected="true"]'))).toBe(true)
    await shot('fork')
    // Just above the breakpoint every label is back, and the header still fits.
    await page.setViewportSize({ width: 1280, height: 800 })
    try {
      for (const id of ['lock-badge', 'fork-badge']) expect(await notClipped(page.getByTestId(id).locator('.mantine-Badge-label')), `${id} not clipped at 1280`).toBe(true)
      for (const id of ['store-name', 'merge-button', 'copy-button', 'fork-button', 'header-seq-no', 'time-zone']) expect(await seen(page.getByTestId(id)), `${id} is seen at 1280`).toBe(true)
      expect(await notClipped(page.getByTestId('copy-button').locator('.mantine-Button-label'))).toBe(true)
      await page.mouse.move(600, 400)
      await expect.poll(() => seen(page.locator('[role="tab"][aria-selected="true"]')), { message: 'the active tab stays in view as the header narrows' }).toBe(true)
      await app.screenshot('tour-1280-dark-fork')
    } finally {
      await page.setViewportSize({ width: WIDTH, height: HEIGHT })
    }
    // The "Forked" note closes by itself; the next screens are photographed without it.
    await page.locator('.mantine-Notification-root').first().waitFor({ state: 'detached', timeout: 15_000 })
  })

  it('Compose with a staged batch, and the resolve dialog', async () => {
    const T = '#inst "2026-11-28T14:00:00.000-00:00"'
    const event = (actor: string, title: string, genre: string): string =>
      `{:timestamp ${T}, :source :bookstore, :action {:reason :update, :actor [:user "${actor}"], :aggregate [:book "${title}"], :patch {:assoc {:genre "${genre}"}}}}`
    await showTab('walkthrough.db')
    await section('Compose', 'compose')
    await page.locator('.mantine-SegmentedControl-label', { hasText: /^Raw EDN$/ }).click()
    const editor = page.locator('.cm-content[aria-label="Raw event EDN"]')
    await editor.click()
    await page.keyboard.press('Control+A')
    await page.keyboard.press('Delete')
    await page.keyboard.insertText(event('bob', 'Neuromancer', 'Cyberpunk'))
    await page.keyboard.press('Escape')
    await expect.poll(() => page.getByTestId('compose-status').textContent()).toBe('The event is valid and can be staged.')
    await page.getByTestId('stage-button').click()
    const when = page.getByTestId('staged-0').getByTestId('staging-when')
    // 14:00 UTC is 23:00 in Tokyo; UTC on hover, and the other way round once UTC is chosen.
    await expect.poll(() => when.textContent()).toBe('2026-11-28 23:00:00')
    expect(await when.getAttribute('title')).toBe('UTC 2026-11-28 14:00:00Z')
    await page.getByTestId('time-zone').getByText('UTC', { exact: true }).click()
    await expect.poll(() => when.textContent()).toBe('2026-11-28 14:00:00Z')
    expect(await when.getAttribute('title')).toBe('Local 2026-11-28 23:00:00')
    await page.getByTestId('time-zone').getByText('Local', { exact: true }).click()
    await shot('compose-staged')
    await appendEvents(join(dir.path, 'walkthrough.db'), [event('alice', 'Neuromancer', 'SciFi')])
    await page.getByTestId('preflight-button').click()
    await page.getByTestId('resolve-open').click()
    await page.getByTestId('conflict-resolver').waitFor()
    await shot('resolve')
  })
})
