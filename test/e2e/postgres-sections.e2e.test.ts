/**
 * The app's sections on a PostgreSQL store, as on a file: a database filled
 * with the README walkthrough (seq-nos 1–7) through the store API, connected
 * through the dialog, then Aggregates ([:book "Neuromancer"]: its two actions
 * and its state), Triggers (the graph of [:encryption-key 1], readable),
 * Problems (none), and Compose: an event staged, a conflicting one appended
 * by the CLI on the same URL meanwhile, the conflict resolved side by side,
 * unlocked in main and committed; `coherence read URL` shows both events.
 */
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { AppHarness } from '../helpers/app-harness'
import { neuromancerEdn } from '../helpers/stores'
import { startOnWalkthroughDatabase } from '../helpers/walkthrough-app'
import { openResolver } from '../helpers/compose-steps'
import { describePostgres } from '../helpers/postgres-suite'
import { seen, smallestGraphText } from '../helpers/visibility'
import { cli } from '../cli/run-cli'

/** `actor` sets the genre of [:book "Neuromancer"] as the walkthrough's own updates do. */
const neuromancer = (actor: string, genre: string): string => neuromancerEdn(actor, genre, { reason: 'update', source: 'bookstore' })

describePostgres('the app on a PostgreSQL store', (server) => {
  let app: AppHarness
  let page: Page
  let url: string

  const nav = (label: string) => page.locator('nav[aria-label="Sections"] .mantine-NavLink-root').filter({ hasText: new RegExp(`^${label}`) }).first()
  const header = () => page.getByTestId('header-seq-no').textContent()
  const cliOk = (args: string[], stdin?: string): string => {
    const run = cli(args, stdin)
    expect(run.code, run.stderr).toBe(0)
    return run.stdout
  }

  beforeAll(async () => {
    ;({ app, url } = await startOnWalkthroughDatabase(server, 'sections', { viewport: { width: 1440, height: 1000 } }))
    page = app.page
  }, 180_000)

  afterAll(async () => {
    await app?.close()
  })

  it('Aggregates: [:book "Neuromancer"] with its two actions and its state', async () => {
    await nav('Aggregates').click()
    await page.getByTestId('aggregates').waitFor()
    await page.locator('[data-testid="aggregate-kinds"] [data-kind=":book"]').click()
    await page.getByTestId('aggregate-search').fill('neuro')
    await page.locator('[data-testid="aggregate-list"] [data-id="\\"Neuromancer\\""]').click()
    const title = page.getByTestId('aggregate-title')
    await expect.poll(() => title.textContent()).toBe('[:book "Neuromancer"]')
    expect(await seen(title)).toBe(true)
    await expect.poll(() => page.getByTestId('aggregate-view').textContent()).toContain('2 actions')
    const history = page.locator('[data-testid="aggregate-history"] [data-seq-no]')
    expect(await history.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-seq-no')))).toEqual(['1', '4'])
    await expect.poll(() => page.getByTestId('aggregate-state').getAttribute('data-edn')).toBe('{:author "William Gibson", :genre "Cyberpunk"}')
    const genre = page.locator('[data-testid="aggregate-state"] [data-path=":genre"]')
    expect(await genre.textContent()).toContain('"Cyberpunk"')
    expect(await seen(genre)).toBe(true)
    await app.screenshot('postgres-sections-aggregate')
  })

  it('Triggers: the graph of [:encryption-key 1] (action 5 → [:receipt 1] → effect 7), its text at least 11 px', async () => {
    await nav('Triggers').click()
    await page.getByTestId('triggers-section').waitFor()
    const row = page.getByTestId('trigger-row').filter({ hasText: /^\[:encryption-key 1\]/ }).first()
    await row.waitFor() // the rows come from a query: under load they may not be there yet
    expect(await row.locator('td').allTextContents()).toEqual(['[:encryption-key 1]', '1', '1', 'Graph'])
    await row.getByRole('button', { name: 'Graph' }).click()
    const graph = page.getByTestId('trigger-graph')
    for (const id of ['t::encryption-key 1', 'a:5', 'g::receipt 1', 'e:7']) await graph.getByTestId(`graph-node-${id}`).waitFor()
    expect(await graph.locator('[data-testid^="graph-node-"]').count()).toBe(4)
    expect(await graph.locator('.react-flow__edge').count()).toBe(3)
    expect(await smallestGraphText(page, 'graph-canvas')).toBeGreaterThanOrEqual(11)
    await graph.scrollIntoViewIfNeeded()
    await app.screenshot('postgres-sections-graph')
    // In the page the pane is narrower than the readable graph (its ends are panned out of view, as on a file);
    // maximized, the whole graph is in view and still readable.
    await page.getByTestId('graph-maximize').click()
    const full = page.getByTestId('graph-canvas-maximized')
    await full.waitFor()
    for (const id of ['t::encryption-key 1', 'a:5', 'g::receipt 1', 'e:7']) await expect.poll(() => seen(full.getByTestId(`graph-node-${id}`))).toBe(true)
    expect(await smallestGraphText(page, 'graph-canvas-maximized')).toBeGreaterThanOrEqual(11)
    await app.screenshot('postgres-sections-graph-maximized')
    await page.keyboard.press('Escape')
    await full.waitFor({ state: 'detached' })
  })

  it('Problems: the check runs on the server and finds none', async () => {
    await nav('Problems').click()
    await page.getByTestId('problems-section').waitFor()
    await page.getByTestId('problems-run').click()
    await page.locator('[data-testid="problems-run"]:not([data-loading])').waitFor()
    const none = page.getByTestId('problems-none')
    await none.waitFor()
    expect(await seen(none)).toBe(true)
    await app.screenshot('postgres-sections-problems')
  })

  it('Compose: a conflict with an event another client appended is resolved side by side and committed', async () => {
    await nav('Compose').click()
    await page.getByTestId('compose').waitFor()
    await page.locator('.mantine-SegmentedControl-label', { hasText: /^Raw EDN$/ }).click()
    await page.locator('.cm-content[aria-label="Raw event EDN"]').click()
    await page.keyboard.press('Control+A')
    await page.keyboard.press('Delete')
    await page.keyboard.insertText(neuromancer('dave', 'Hard SF'))
    await page.keyboard.press('Escape')
    await expect.poll(() => page.getByTestId('compose-status').textContent()).toBe('The event is valid and can be staged.')
    await page.getByTestId('stage-button').click()
    await page.locator('[data-testid="staged-list"] [data-testid^="staged-"]').first().waitFor()
    expect(await page.getByTestId('staging-base').textContent()).toContain('Base 8')

    // Meanwhile another client appends through the CLI on the same URL.
    expect(cliOk(['rebase', url, '--base', '8'], `[${neuromancer('carol', 'SciFi')}]`)).toContain('ok')
    await expect.poll(header, { timeout: 15_000 }).toBe('8')

    await page.getByTestId('preflight-button').click()
    const genre = await openResolver(page, 8, /Stored event 8: :update by \[:user "carol"\] from :bookstore/, ':genre', ['"SciFi"', '"Hard SF"'])
    expect(await seen(genre.getByTestId('resolve-mark'))).toBe(true)
    await expect.poll(() => page.getByTestId('resolve-patch').getAttribute('data-pending')).toBeNull()
    expect(await page.getByTestId('resolve-patch-edn').textContent()).toBe('{:assoc {:genre "Hard SF"}}')
    await app.screenshot('postgres-sections-conflict')

    await page.getByTestId('resolve-retry').click()
    await page.getByTestId('outcome-ok').waitFor()
    expect(await page.getByTestId('outcome-ok').textContent()).toContain('would get seq-no 9')

    app.dialogs.willConfirmUnlock()
    await page.getByRole('button', { name: 'Unlock…' }).click()
    await expect.poll(() => page.getByTestId('lock-badge').textContent()).toBe('Unlocked')
    await page.getByTestId('commit-button').click()
    await page.getByTestId('commit-modal').waitFor()
    await page.getByTestId('confirm-commit').click()
    await page.getByTestId('commit-modal').waitFor({ state: 'detached' })
    await expect.poll(header).toBe('9')
    await app.screenshot('postgres-sections-committed')

    const read = cliOk(['read', url, '--offset', '8'])
    expect(read).toContain('{:seq-no 8, :timestamp')
    expect(read).toContain(':action {:reason :update, :actor [:user "carol"], :aggregate [:book "Neuromancer"], :patch {:assoc {:genre "SciFi"}}}')
    expect(read).toContain('{:seq-no 9, :timestamp')
    expect(read).toContain(':action {:reason :update, :actor [:user "dave"], :aggregate [:book "Neuromancer"], :patch {:assoc {:genre "Hard SF"}}}')
  })
})
