/**
 * The Replay section on the README walkthrough store: reading from 6 delivers
 * 5 (replayed because of effect 7), then 6; restrictions by kind and by
 * aggregate; a bad restriction is a sentence; the causing effect links to the
 * event. Screenshots on the demo store (paging through a long read).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { createDemoStore } from '../../scripts/demo'
import { openStoreFile } from '../helpers/store-files'
import type { AppHarness } from '../helpers/app-harness'
import { startOnWalkthrough, stopWalkthroughApp, type WalkthroughApp } from '../helpers/walkthrough-app'

let app: AppHarness
let dir: WalkthroughApp['dir']
let demo: string

beforeAll(async () => {
  ({ app, dir } = await startOnWalkthrough('e2e-replay', { viewport: { width: 1440, height: 900 } }))
  demo = join(dir.path, 'demo.db')
  await createDemoStore(demo)
}, 120_000)

afterAll(() => stopWalkthroughApp({ app, dir }))

const summary = (): Promise<string | null> => app.page.getByTestId('replay-summary').textContent()

async function showReplay(): Promise<void> {
  await app.page.getByRole('navigation', { name: 'Sections' }).getByText('Replay', { exact: true }).click()
}

/** A choice of the "Restrict the read to" segmented control. */
function segment(label: string): ReturnType<AppHarness['page']['locator']> {
  return app.page.locator('.mantine-SegmentedControl-label').filter({ hasText: new RegExp(`^${label}$`) })
}

async function setOffset(offset: number): Promise<void> {
  const input = app.page.getByTestId('replay-offset')
  await input.fill(String(offset))
  await input.press('Tab')
}

describe('replay on the walkthrough store', () => {
  it('reading from 6 delivers 5, replayed because of effect 7, then 6', async () => {
    await showReplay()
    await expect.poll(summary).toBe('A read model reading from 1 (everything) gets 6 actions, all from 1 on, none replayed.')
    await setOffset(6)
    await expect.poll(summary).toBe('A read model reading from 6 gets 2 actions: 1 replayed (5, because of effect 7), then 6.')
    const items = app.page.getByTestId('replay-item')
    expect(await items.count()).toBe(2)
    expect(await items.nth(0).getAttribute('data-replayed')).toBe('true')
    expect(await items.nth(1).getAttribute('data-replayed')).toBeNull()
    expect(await items.nth(0).textContent()).toContain('[:receipt 1]')
    expect(await items.nth(0).getByRole('button', { name: 'Show effect 7' }).count()).toBe(1)
    expect(await app.page.getByTestId('replay-offset-line').textContent()).toContain('from offset 6 on')
    await app.screenshot('replay-walkthrough-offset-6-light')
    await app.setColorScheme('dark')
    await app.screenshot('replay-walkthrough-offset-6-dark')
    await app.setColorScheme('light')
  })

  it('restricts the read to kinds or aggregates, and says what is wrong with a bad restriction', async () => {
    await segment('Kinds').click()
    await app.page.getByTestId('replay-kinds').fill('[:book]')
    await expect.poll(summary).toBe('A read model reading from 6 gets nothing: no action has seq-no 6 or higher, and no effect from there on reaches an earlier one.')
    await setOffset(3)
    await expect.poll(summary).toBe('A read model reading from 3 gets 2 actions: 3 and 4, none replayed.')
    await app.page.getByTestId('replay-kinds').fill('[:book "x"]')
    await expect.poll(() => app.page.getByRole('alert').textContent()).toContain('The kinds field must hold keywords only; got "x".')
    await app.screenshot('replay-bad-kinds-light')
    await segment('Aggregates').click()
    await app.page.getByTestId('replay-aggregates').fill('[[:receipt 1]]')
    await setOffset(7)
    await expect.poll(summary).toBe('A read model reading from 7 gets 1 action: 1 replayed (5, because of effect 7), and nothing from there on.')
  })

  it('shows the causing effect in the Events section', async () => {
    await app.page.getByRole('button', { name: 'Show effect 7' }).click()
    await app.page.getByTestId('replay-summary').waitFor({ state: 'detached' })
    await app.page.getByTestId('event-table').waitFor()
    await expect.poll(() => app.page.getByTestId('event-detail').getAttribute('aria-label')).toBe('Event 7')
  })
})

describe('replay on the demo store', () => {
  it('pages through a long read with replayed actions first', async () => {
    const store = await openStoreFile(demo, { readOnly: true })
    const seqNo = await store.currentSeqNo()
    let offset = Math.floor(seqNo / 2)
    while ((await store.countRead(offset)).replayed === 0 && offset < seqNo) offset += 50
    const count = await store.countRead(offset)
    await store.close()
    expect(count.replayed).toBeGreaterThan(0)
    await app.page.getByRole('navigation', { name: 'Sections' }).getByText('Overview', { exact: true }).click()
    await app.openStore(demo)
    await showReplay()
    await setOffset(offset)
    await expect.poll(() => app.page.getByTestId('replay-shown').textContent()).toContain('of')
    await expect.poll(summary).toMatch(new RegExp(`^A read model reading from ${offset} gets ${count.total.toLocaleString('en-US')} actions: ${count.replayed} replayed \\(`))
    await expect.poll(() => app.page.getByTestId('replay-shown').textContent()).toBe(
      `Showing ${Math.min(500, count.total)} of ${count.total.toLocaleString('en-US')} delivered actions.`
    )
    expect(await app.page.getByTestId('replay-item').first().getAttribute('data-replayed')).toBe('true')
    await app.screenshot('replay-demo-light')
    if (count.total > 500) {
      await app.page.getByRole('button', { name: /Show the next 500/ }).click()
      await expect.poll(() => app.page.getByTestId('replay-item').count()).toBe(Math.min(1000, count.total))
    }
  })
})
