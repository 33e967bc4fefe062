/**
 * Fork and merge back, and import, entirely through the window on real
 * files: fork the walkthrough store, append a correction on the fork while
 * another process (the CLI) appends to the origin, merge back — the conflict
 * shows side by side, is resolved, committed — and the origin's
 * `coherence read` holds both the other process's event and the correction;
 * a second merge takes nothing twice. An exported batch imported into an
 * empty store gives the same events (the same `coherence read`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { storeQueries } from '../../src/main/services/registry'
import { createStoreFile, openStoreFile } from '../helpers/store-files'
import type { AppHarness } from '../helpers/app-harness'
import { seen as seenLocator } from '../helpers/visibility'
import { startOnWalkthrough, stopWalkthroughApp, type WalkthroughApp } from '../helpers/walkthrough-app'
import { cli } from '../cli/run-cli'
import { commit, stageRaw, unlock } from '../helpers/compose-steps'
import { neuromancerEdn } from '../helpers/stores'

let app: AppHarness
let dir: WalkthroughApp['dir']
let origin: string
let forkPath: string
let page: Page


beforeAll(async () => {
  ({ app, dir, walkthrough: origin } = await startOnWalkthrough('e2e-fork', { viewport: { width: 1440, height: 1000 } }))
  page = app.page
  forkPath = join(dir.path, 'fork.db')
}, 120_000)

afterAll(() => stopWalkthroughApp({ app, dir }))

const staged = () => page.locator('[data-testid="staged-list"] [data-testid^="staged-"]')
const seqNo = () => page.getByTestId('header-seq-no').textContent()

async function showCompose(): Promise<void> {
  await page.locator('.mantine-NavLink-root', { hasText: 'Compose' }).click()
  await page.getByTestId('compose').waitFor()
}

/** True when the element is fully inside the viewport and the topmost thing at its centre. */
const seen = (testId: string): Promise<boolean> => seenLocator(page.getByTestId(testId).first())

function read(path: string): string {
  const run = cli(['read', path])
  expect(run.code, run.stderr).toBe(0)
  return run.stdout
}

describe('fork and merge back', () => {
  it('forks, merges a correction past another process\'s append through the side-by-side resolution, and takes nothing twice', async () => {
    const before = read(origin)
    app.dialogs.willForkTo(forkPath)
    await page.getByTestId('fork-button').click()
    await page.getByTestId('store-name').filter({ hasText: 'fork.db' }).waitFor()
    expect(app.dialogs.forkSuggestions).toEqual(['walkthrough-fork.db'])
    expect(await page.getByTestId('fork-badge').textContent()).toBe('Forkof walkthrough.db')
    expect(await seen('fork-badge')).toBe(true)
    expect(await page.getByTestId('lock-badge').textContent()).toBe('Unlocked')
    expect(await page.getByTestId('fork-tab-mark').count()).toBe(1)
    expect(await seen('fork-tab-mark')).toBe(true)
    expect(await seqNo()).toBe('7')
    await app.screenshot('fork-opened-light')

    // The correction on the fork …
    await showCompose()
    await stageRaw(page, neuromancerEdn('carol', 'Cyberpunk classic'))
    await commit(page)
    await expect.poll(seqNo).toBe('8')
    // … while another process appends to the origin.
    const other = cli(['rebase', origin, '--base', '8'], `[${neuromancerEdn('dave', 'Classic')}]`)
    expect(other.code, other.stderr).toBe(0)

    await page.getByTestId('merge-button').click()
    await page.getByTestId('store-name').filter({ hasText: 'walkthrough.db' }).waitFor()
    await page.getByTestId('compose').waitFor()
    await expect.poll(() => staged().count()).toBe(1)
    expect(await staged().first().textContent()).toContain('From fork.db: :fix [:book "Neuromancer"] by [:user "carol"]: assoc :genre "Cyberpunk classic"')
    expect(await page.getByTestId('staging-base').textContent()).toBe('Base 8: composed on top of seq-no 7 · merging fork.db (its events up to seq-no 8)')
    // The preflight ran by itself: dave's event 8 is the conflict.
    await page.getByTestId('conflict-summary').waitFor()
    expect(await page.getByTestId('conflict-summary').textContent()).toContain('staged event 1 meets stored event 8')
    await app.screenshot('fork-merge-conflict-light')
    await page.getByTestId('resolve-open').click()
    const resolver = page.getByTestId('conflict-resolver')
    await resolver.waitFor()
    expect(await resolver.getAttribute('data-theirs')).toBe('8')
    const genre = page.locator('[data-testid="resolve-row"][data-key=":genre"]')
    expect(await genre.textContent()).toContain('"Classic"')
    expect(await genre.textContent()).toContain('"Cyberpunk classic"')
    expect(await seen('conflict-resolver')).toBe(true)
    await app.screenshot('fork-merge-resolve-light')
    await page.getByTestId('resolve-retry').click()
    await page.getByTestId('outcome-ok').waitFor()
    expect(await page.getByTestId('resolved-list').textContent()).toContain('8')

    await unlock(app)
    await commit(page)
    await expect.poll(seqNo).toBe('9')
    await page.getByText(/fork\.db is merged up to its seq-no 8/).waitFor()
    await app.screenshot('fork-merged-light')
    const after = read(origin)
    expect(after.startsWith(before.slice(0, -2))).toBe(true)
    expect(after).toContain('{:seq-no 8, :timestamp #inst "2026-11-28T14:00:00.000-00:00", :source :studio, :action {:reason :fix, :actor [:user "dave"], :aggregate [:book "Neuromancer"], :patch {:assoc {:genre "Classic"}}}}')
    expect(after).toMatch(/\{:seq-no 9, :timestamp #inst "2026-11-28T14:00:00.000-00:00", :source :studio, :action \{:reason :\w+, :actor \[:user "carol"\], :aggregate \[:book "Neuromancer"\], :patch \{:assoc \{:genre "Cyberpunk classic"\}\}\}\}/)
    expect(JSON.parse(readFileSync(`${forkPath}.fork.json`, 'utf8'))).toMatchObject({ forkSeqNo: 7, mergedUpTo: 8, resolved: [8, 9] })

    // A second merge takes nothing twice.
    await page.getByRole('tab', { name: /fork\.db/ }).click()
    await page.getByTestId('store-name').filter({ hasText: 'fork.db' }).waitFor()
    await page.getByTestId('merge-button').click()
    await page.getByText(/fork\.db has no events after seq-no 8 that walkthrough\.db does not have/).waitFor()
    await page.getByTestId('fork-badge').hover()
    await page.getByText('Forked from').filter({ hasText: 'merged into it up to seq-no 8' }).waitFor()
    await app.screenshot('fork-nothing-to-merge-light')
    expect(read(origin)).toBe(after)
  })
})

describe('import', () => {
  it('an exported batch imported into an empty store gives the same events', async () => {
    const batch = join(dir.path, 'walkthrough.edn')
    const source = await openStoreFile(origin, { readOnly: true })
    await storeQueries.exportEvents({ store: source, progress: () => undefined }, { format: 'edn', path: batch })
    await source.close()
    const empty = join(dir.path, 'copy.db')
    await (await createStoreFile(empty)).close()
    app.dialogs.willOpen(empty)
    await app.menu({ command: 'open-store' })
    await page.getByTestId('store-name').filter({ hasText: 'copy.db' }).waitFor()
    expect(await page.getByTestId('fork-badge').count()).toBe(0)
    expect(await page.getByTestId('merge-button').count()).toBe(0)
    await showCompose()
    app.dialogs.willImport(batch)
    await page.getByTestId('import-button').click()
    await expect.poll(() => staged().count()).toBe(9)
    expect(await staged().nth(2).textContent()).toContain('walkthrough.edn: :create [:book "Mona Lisa Overdrive"] by [:user "bob"]')
    await app.screenshot('fork-import-staged-light')
    await unlock(app)
    await commit(page)
    await expect.poll(seqNo).toBe('9')
    expect(read(empty)).toBe(read(origin))

    // File ▸ Import Batch… with a file that is not a batch of valid events: one sentence per problem, nothing staged.
    const bad = join(dir.path, 'bad.edn')
    writeFileSync(bad, `[{:timestamp #inst "2026-11-28T14:00:00Z", :source :s, :action {:reason :x, :actor [:user "a"], :aggregate [:book "N"]}}]`)
    app.dialogs.willImport(bad)
    await app.menu({ command: 'import-batch' })
    await page.getByText('bad.edn cannot be imported').waitFor()
    expect(await page.locator('.mantine-Notification-root', { hasText: 'bad.edn cannot be imported' }).textContent()).toMatch(/Event 1.*:patch/)
    expect(await staged().count()).toBe(0)
    await app.screenshot('fork-import-invalid-light')
  })
})
