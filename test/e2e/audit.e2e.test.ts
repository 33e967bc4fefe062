/**
 * Auditing triggers and effects in the real app on real files: on the demo
 * store (which starts with the README walkthrough) the trigger index, the
 * graph of [:encryption-key 1] (action 5, aggregate [:receipt 1], effect 7)
 * drawn by React Flow under the app's CSP, effect 7's blast radius from
 * offset 6 (exactly action 5 of [:receipt 1]), and the timeline; on a store
 * seeded with every kind of problem, the Problems panel lists each once and
 * leaves the file byte-identical.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { createDemoStore } from '../../scripts/demo'
import { openStoreFile } from '../helpers/store-files'
import { startApp, type AppHarness } from '../helpers/app-harness'
import { EVERY_PROBLEM, seededStore } from '../helpers/problem-store'
import { sha256, tempDir } from '../helpers/stores'
import { smallestGraphText } from '../helpers/visibility'
import { lightAndDark } from '../helpers/screenshots'

let app: AppHarness
let dir: ReturnType<typeof tempDir>
let demo: string
let problems: string
const consoleMessages: string[] = []

beforeAll(async () => {
  dir = tempDir('e2e-audit')
  demo = join(dir.path, 'demo.db')
  await createDemoStore(demo)
  problems = await seededStore([...EVERY_PROBLEM], dir.path)
  app = await startApp({ files: [demo], viewport: { width: 1440, height: 1000 } })
  app.page.on('console', (m) => consoleMessages.push(`${m.type()}: ${m.text()}`))
  await app.page.getByTestId('overview').waitFor()
}, 180_000)

afterAll(async () => {
  await app?.close()
  dir?.remove()
})

/** Click a SegmentedControl option by its label inside `scope`. */
const choose = (scope: string, label: string) => app.page.getByTestId(scope).locator('label').filter({ hasText: new RegExp(`^${label}$`) }).click()

const nav = (label: string) => app.page.locator('nav[aria-label="Sections"] .mantine-NavLink-root').filter({ hasText: new RegExp(`^${label}`) })

/** The zoom of a graph canvas (React Flow's viewport scale). */
const zoomOf = (canvas: string) =>
  app.page.getByTestId(canvas).locator('.react-flow__viewport').evaluate((el) => new DOMMatrix(getComputedStyle(el).transform).a)

/** The smallest on-screen text size of the graph's nodes (computed font size × zoom). */
const smallestText = (canvas: string) => smallestGraphText(app.page, canvas)

async function showSection(label: string, testId: string): Promise<void> {
  await nav(label).first().click()
  await app.page.getByTestId(testId).waitFor()
}

describe('triggers', () => {
  it('lists every trigger identity with its counts; a row opens its events', async () => {
    await showSection('Triggers', 'triggers-section')
    await expect.poll(() => app.page.getByTestId('trigger-count').textContent()).toMatch(/^[\d,]+ trigger identities/)
    await app.page.getByTestId('trigger-filter').fill('encryption-key 1')
    // The filter applies once typing pauses: wait for it, so the rows looked at are the filtered ones.
    await expect.poll(() => app.page.getByTestId('trigger-count').textContent()).toMatch(/ match “encryption-key 1”\.$/)
    const row = app.page.getByTestId('trigger-row').filter({ hasText: /^\[:encryption-key 1\]/ })
    await row.first().waitFor()
    expect(await row.first().locator('td').allTextContents()).toEqual(['[:encryption-key 1]', '1', '1', 'Graph'])
    await choose('trigger-index', 'Most actions')
    const actionCounts = async (): Promise<number[]> => (await app.page.getByTestId('trigger-row').locator('td:nth-child(2)').allTextContents()).map((t) => Number(t.replace(/,/g, '')))
    await expect.poll(async () => (await actionCounts()).every((n, i, all) => i === 0 || all[i - 1] >= n)).toBe(true)
    await lightAndDark(app, 'audit-trigger-index')
  })

  it('draws the graph of [:encryption-key 1]: action 5 → [:receipt 1] → effect 7, with React Flow styled under the CSP', async () => {
    await choose('trigger-index', 'Identity')
    const row = app.page.getByTestId('trigger-row').filter({ hasText: /^\[:encryption-key 1\]/ }).first()
    await row.getByRole('button', { name: 'Graph' }).click()
    const graph = app.page.getByTestId('trigger-graph')
    await graph.waitFor()
    for (const id of ['t::encryption-key 1', 'a:5', 'g::receipt 1', 'e:7']) await graph.getByTestId(`graph-node-${id}`).waitFor()
    expect(await graph.locator('[data-testid^="graph-node-"]').count()).toBe(4)
    expect(await graph.locator('.react-flow__edge').count()).toBe(3)
    // The node columns run left to right.
    const x = async (id: string): Promise<number> => (await graph.getByTestId(`graph-node-${id}`).boundingBox())?.x ?? NaN
    expect(await x('t::encryption-key 1')).toBeLessThan(await x('a:5'))
    expect(await x('a:5')).toBeLessThan(await x('g::receipt 1'))
    expect(await x('g::receipt 1')).toBeLessThan(await x('e:7'))
    // React Flow's stylesheet is loaded (bundled, not injected): its controls are positioned by it.
    const controls = await graph.locator('.react-flow__controls').evaluate((el) => getComputedStyle(el).position)
    expect(controls).toBe('absolute')
    expect(consoleMessages.filter((m) => /Content.Security.Policy|styles|\[React Flow\]/i.test(m))).toEqual([])
    // Fitted, yet readable: no text under 11 px on screen.
    expect(await smallestText('graph-canvas')).toBeGreaterThanOrEqual(11)
    await graph.scrollIntoViewIfNeeded()
    await app.screenshot('audit-graph-encryption-key-1')
  })

  it('groups the 695 actions of [:price-list 2026] into one readable node per kind that expands and collapses on click', async () => {
    const store = await openStoreFile(demo, { readOnly: true })
    const busiest = (await store.triggerIndex({ limit: 1, sort: 'actions' })).rows[0]
    await store.close()
    expect([busiest.kind, busiest.id]).toEqual([':price-list', '2026'])
    await choose('focus-form', 'Trigger')
    await app.page.getByTestId('focus-kind').fill(busiest.kind)
    await app.page.getByTestId('focus-id').fill(busiest.id)
    await app.page.getByTestId('focus-show').click()
    const group = app.page.getByTestId('graph-node-k:actions::book')
    await group.waitFor()
    expect(await group.textContent()).toContain(`+ ${busiest.actions.toLocaleString('en-US')} actions`)
    expect(await app.page.locator('[data-testid="graph-canvas"] [data-testid^="graph-node-"]').count()).toBe(4)
    await app.page.getByTestId('trigger-graph').scrollIntoViewIfNeeded()
    await expect.poll(() => smallestText('graph-canvas')).toBeGreaterThanOrEqual(11)
    await app.screenshot('audit-graph-grouped')
    // Expanded: the shown actions of :book, a summary of the rest, and still readable text (the view pans instead of shrinking).
    await group.click()
    await expect.poll(() => group.getAttribute('data-expanded')).toBe('true')
    await app.page.getByTestId('graph-node-more:actions::book').waitFor()
    expect(await app.page.getByTestId('graph-node-more:actions::book').textContent()).toContain(`+ ${(busiest.actions - 50).toLocaleString('en-US')} actions`)
    expect(await app.page.locator('[data-testid="graph-canvas"] [data-testid^="graph-node-a:"]').count()).toBe(50)
    await expect.poll(() => smallestText('graph-canvas')).toBeGreaterThanOrEqual(11)
    // The clicked group stays in view.
    const inPane = async (): Promise<boolean> => {
      const pane = await app.page.getByTestId('graph-canvas').boundingBox()
      const box = await group.boundingBox()
      return pane !== null && box !== null && box.y >= pane.y && box.y + box.height <= pane.y + pane.height
    }
    await expect.poll(inPane).toBe(true)
    await app.screenshot('audit-graph-expanded')
    await app.setColorScheme('dark')
    await app.screenshot('audit-graph-expanded-dark')
    await app.setColorScheme('light')
    await group.click()
    await expect.poll(() => group.getAttribute('data-expanded')).toBe('false')
    expect(await app.page.locator('[data-testid="graph-canvas"] [data-testid^="graph-node-a:"]').count()).toBe(0)
  })

  it('zooms with + − 0 and pans with the arrow keys when the graph has focus; never below readable text', async () => {
    const canvas = app.page.getByTestId('graph-canvas')
    await canvas.focus()
    const fitted = await zoomOf('graph-canvas')
    await app.page.keyboard.press('+')
    await expect.poll(() => zoomOf('graph-canvas')).toBeGreaterThan(fitted)
    for (let i = 0; i < 6; i++) await app.page.keyboard.press('-')
    await expect.poll(() => smallestText('graph-canvas')).toBeGreaterThanOrEqual(10.99)
    await app.page.keyboard.press('0')
    await expect.poll(() => zoomOf('graph-canvas')).toBeCloseTo(fitted, 2)
    const x = () => canvas.locator('.react-flow__viewport').evaluate((el) => new DOMMatrix(getComputedStyle(el).transform).e)
    const before = await x()
    await app.page.keyboard.press('ArrowLeft')
    await expect.poll(x).toBeGreaterThan(before)
  })

  it('opens full size and back', async () => {
    await app.page.getByTestId('graph-maximize').click()
    const big = app.page.getByTestId('graph-canvas-maximized')
    await big.getByTestId('graph-node-k:actions::book').waitFor()
    const box = await big.boundingBox()
    expect(box?.width).toBeGreaterThan(1300)
    expect(box?.height).toBeGreaterThan(850)
    await expect.poll(() => smallestText('graph-canvas-maximized')).toBeGreaterThanOrEqual(11)
    await app.screenshot('audit-graph-maximized')
    await app.page.keyboard.press('Escape')
    await big.waitFor({ state: 'detached' })
    await app.page.getByTestId('graph-canvas').waitFor()
  })

  it('shows effect 7`s blast radius: from offset 6 exactly action 5 of [:receipt 1], which no other effect replays', async () => {
    await choose('focus-form', 'Effect')
    await app.page.getByTestId('focus-seq-no').fill('7')
    await app.page.getByTestId('focus-show').click()
    const blast = app.page.getByTestId('blast-radius')
    await blast.waitFor()
    await app.page.getByTestId('blast-offset').fill('6')
    await app.page.locator('[data-testid="blast-radius"][data-offset="6"]:not([data-loading])').waitFor()
    await blast.getByTestId('blast-actions').waitFor()
    const actionRows = await blast.getByTestId('blast-actions').locator('tbody tr').allTextContents()
    expect(actionRows).toHaveLength(1)
    expect(actionRows[0]).toMatch(/^5.*:payment\[:receipt 1\]only this effect$/)
    expect(await blast.getByTestId('blast-aggregates').locator('tbody tr').allTextContents()).toEqual(['[:receipt 1]1only this effect'])
    const summary = await blast.getByTestId('blast-summary').textContent()
    expect(summary).toContain('Replayed because of it1 actionof 1 aggregate')
    expect(summary).toContain('Only because of it1 action')
    // The read with the effect replays exactly one action more than without it.
    await app.page.locator('[data-testid="blast-summary"]:not([data-sizes-loading])').waitFor()
    const sizes = (await blast.getByTestId('blast-summary').textContent()) ?? ''
    const total = (label: string): number => Number(new RegExp(`${label}([\\d,]+) actions`).exec(sizes)?.[1].replace(/,/g, ''))
    expect(total('read\\(6\\) with effect 7') - total('read\\(6\\) without it')).toBe(1)
    await blast.scrollIntoViewIfNeeded()
    await app.screenshot('audit-blast-radius-effect-7')
    // After the effect the reader does not see it.
    await app.page.getByTestId('blast-offset').fill('8')
    await app.page.getByTestId('blast-inactive').waitFor()
    expect(await app.page.getByTestId('blast-inactive').textContent()).toContain('Effect 7 is before offset 8')
  })

  it('a trigger row leads to the Events section', async () => {
    const triggers = nav('Triggers').first()
    await app.page.getByTestId('trigger-row').first().click()
    await app.page.getByTestId('triggers-section').waitFor({ state: 'detached' })
    expect(await triggers.getAttribute('data-active')).toBeNull()
    await expect.poll(() => nav('Events').first().getAttribute('data-active')).toBe('true')
  })
})

describe('command palette', () => {
  const palette = () => app.page.getByRole('textbox', { name: 'Command' })
  const options = () => app.page.locator('.mantine-Spotlight-action')

  /** Open the palette with Ctrl+K, type `text` and run the option labelled `label`: with the keyboard (ArrowDown, Enter) when `keys`, else by a click. */
  async function run(text: string, label: RegExp, keys = false): Promise<void> {
    await app.page.keyboard.press('Control+K')
    await palette().waitFor()
    await palette().fill(text)
    await expect.poll(async () => (await options().allTextContents()).some((t) => label.test(t))).toBe(true)
    const index = (await options().allTextContents()).findIndex((t) => label.test(t))
    if (keys) {
      expect(index).toBe(0)
      await app.page.keyboard.press('ArrowDown')
      await expect.poll(() => options().first().getAttribute('data-selected')).toBe('true')
      await app.page.keyboard.press('Enter')
    } else {
      await options().nth(index).click()
    }
    await palette().waitFor({ state: 'hidden' })
  }

  it('lists every section, the open store and the recent files; typing filters', async () => {
    await app.page.keyboard.press('Control+K')
    await palette().waitFor()
    const all = await options().allTextContents()
    for (const section of ['Overview', 'Events', 'Aggregates', 'Replay', 'Triggers', 'Problems', 'Compose']) expect(all.some((t) => t.startsWith(section))).toBe(true)
    expect(all.some((t) => t.startsWith('Switch to demo.db'))).toBe(true)
    await palette().fill('replay')
    await expect.poll(async () => (await options().allTextContents()).every((t) => /replay/i.test(t))).toBe(true)
    await app.screenshot('palette-filtered')
    await app.page.keyboard.press('Escape')
    await palette().waitFor({ state: 'hidden' })
  })

  it('goes to a seq-no typed into it', async () => {
    await run('4848', /^Go to seq-no 4,848/, true)
    await expect.poll(() => nav('Events').first().getAttribute('data-active')).toBe('true')
  })

  it('finds a trigger and an aggregate by identity; lists the sections', async () => {
    await run('[:price-list 2026]', /^Trigger graph of \[:price-list 2026\]/)
    await app.page.getByTestId('triggers-section').waitFor()
    await app.page.getByTestId('graph-node-k:actions::book').waitFor()
    await run('[:book "Neuromancer"]', /^Show aggregate \[:book "Neuromancer"\]/)
    await expect.poll(() => nav('Aggregates').first().getAttribute('data-active')).toBe('true')
    await run('problems', /^Problems/)
    await expect.poll(() => nav('Problems').first().getAttribute('data-active')).toBe('true')
  })

  /** The option labelled exactly `label` under the group heading `group`, once the store's suggestions arrive; it must be on screen. */
  async function suggestion(text: string, group: 'Aggregates' | 'Triggers', label: string) {
    await app.page.keyboard.press('Control+K')
    await palette().waitFor()
    await palette().fill(text)
    const groupBox = app.page.locator(`.mantine-Spotlight-actionsGroup[style*="'${group}'"]`)
    const found = groupBox.locator('.mantine-Spotlight-action').filter({ has: app.page.locator('.mantine-Spotlight-actionLabel').getByText(label, { exact: true }) })
    await found.first().waitFor()
    const box = await found.first().boundingBox()
    const viewport = app.page.viewportSize()
    expect(box && viewport && box.y >= 0 && box.y + box.height <= viewport.height).toBe(true)
    return found.first()
  }

  it('suggests aggregates from the store while typing part of an id; a click opens one', async () => {
    const option = await suggestion('neuroman', 'Aggregates', '[:book "Neuromancer"]')
    await app.screenshot('palette-suggest-aggregate')
    await option.click()
    await palette().waitFor({ state: 'hidden' })
    await expect.poll(() => nav('Aggregates').first().getAttribute('data-active')).toBe('true')
    await expect.poll(() => app.page.getByTestId('aggregate-title').textContent()).toBe('[:book "Neuromancer"]')
  })

  it('narrows by kind (`:book neuro`) and suggests triggers; Enter opens the trigger graph', async () => {
    await suggestion(':book neuro', 'Aggregates', '[:book "Neuromancer"]')
    await app.page.keyboard.press('Escape')
    await palette().waitFor({ state: 'hidden' })
    const option = await suggestion('encryption-key 1', 'Triggers', '[:encryption-key 1]')
    await app.screenshot('palette-suggest-trigger')
    await app.setColorScheme('dark')
    await app.screenshot('palette-suggest-trigger-dark')
    await app.setColorScheme('light')
    const labels = await options().allTextContents()
    const index = labels.findIndex((t) => /^\[:encryption-key 1\]Open the trigger graph/.test(t))
    expect(index).toBeGreaterThanOrEqual(0)
    for (let i = 0; i <= index; i++) await app.page.keyboard.press('ArrowDown')
    await expect.poll(() => option.getAttribute('data-selected')).toBe('true')
    await app.page.keyboard.press('Enter')
    await palette().waitFor({ state: 'hidden' })
    const graph = app.page.getByTestId('triggers-section')
    for (const id of ['t::encryption-key 1', 'a:5', 'g::receipt 1', 'e:7']) await graph.getByTestId(`graph-node-${id}`).waitFor()
  })
})

describe('timeline', () => {
  it('charts actions and effects per bucket on the Overview; a bar leads to its events', async () => {
    await showSection('Overview', 'overview')
    const timeline = app.page.getByTestId('timeline')
    await timeline.locator('.recharts-bar-rectangle').first().waitFor()
    await app.page.locator('[data-testid="timeline"]:not([data-loading])').waitFor()
    expect(await timeline.textContent()).toContain('per bar, local time')
    await timeline.scrollIntoViewIfNeeded()
    await app.screenshot('audit-timeline')
    const box = await timeline.locator('.recharts-bar-rectangle').nth(3).boundingBox()
    await timeline.locator('.recharts-bar-rectangle').nth(3).hover()
    await app.screenshot('audit-timeline-tooltip')
    if (!box) throw new Error('no bar')
    await app.page.mouse.click(box.x + box.width / 2, box.y + box.height - 2)
    // The Events section shows the bucket's range (the Overview is no longer the active section).
    await expect.poll(() => nav('Overview').first().getAttribute('data-active')).toBeNull()
    await expect.poll(() => nav('Events').first().getAttribute('data-active')).toBe('true')
  })
})

describe('problems', () => {
  it('lists each seeded problem once, grouped by kind, and leaves the file byte-identical', async () => {
    const before = sha256(problems)
    await showSection('Overview', 'overview')
    await app.openStore(problems)
    const store = await openStoreFile(problems, { readOnly: true })
    const expected = await store.check()
    await store.close()
    // Before Problems is opened, the background check's count shows on its navigation entry, readable and unclipped.
    const badge = app.page.getByTestId('problems-badge')
    await expect.poll(() => badge.textContent(), { timeout: 20_000 }).toBe(String(expected.length))
    expect(await badge.evaluate((b) => b.scrollWidth <= b.clientWidth + 1)).toBe(true)
    expect(await app.page.getByTestId('problems-section').count()).toBe(0)
    await showSection('Problems', 'problems-section')
    await app.page.getByTestId('problems-summary').waitFor()
    const shown = await app.page.getByTestId('problem').allTextContents()
    expect(shown).toHaveLength(expected.length)
    for (const p of expected) expect(shown.filter((s) => s.includes(p.message)), p.message).toHaveLength(1)
    for (const code of ['invalid-edn', 'not-canonical', 'invalid-patch', 'event-without-body', 'event-with-both', 'effect-trigger-unused', 'trigger-without-action', 'orphan-action', 'orphan-effect', 'orphan-trigger', 'seq-no-gap']) {
      expect(await app.page.getByTestId(`problem-group-${code}`).getByTestId('problem').count(), code).toBe(1)
    }
    await app.screenshot('audit-problems')
    await app.page.getByTestId('problems-run').click()
    await app.page.locator('[data-testid="problems-run"]:not([data-loading])').waitFor()
    // Hashed by this process while the app's worker still has the file open, and again after it closed it.
    expect(sha256(problems)).toBe(before)
    await app.page.keyboard.press('Control+W')
    await expect.poll(async () => (await app.host.list()).length).toBe(1)
    expect(sha256(problems)).toBe(before)
  })

  it('says so when there are none', async () => {
    await showSection('Problems', 'problems-section')
    await app.page.getByTestId('problems-none').waitFor()
  })
})
