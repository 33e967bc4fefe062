/**
 * The header's progress indicator follows the tabs: closing a store's tab
 * while its rows are being counted (a 10 M-event store, so counting takes a
 * while) drops "Counting rows of …" at once, and main stops that work (its
 * background worker ends, so no finished count arrives for a closed store).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { basename } from 'node:path'
import { execFileSync } from 'node:child_process'
import { startApp, type AppHarness } from '../helpers/app-harness'
import { bigStore } from '../helpers/big-store'
import { seen } from '../helpers/visibility'

const BIG = 10_000_000
let app: AppHarness
let big: string

beforeAll(async () => {
  big = await bigStore(BIG)
  app = await startApp({ viewport: { width: 1440, height: 900 } })
}, 900_000)

afterAll(async () => {
  await app?.close()
})

describe('closing a tab while its rows are counted', () => {
  it('drops "Counting rows of …" from the header at once and stops the count', async () => {
    const name = basename(big)
    // Out of the page cache, so counting reads the disk and runs well past the indicator's show delay (a warm count can be quicker than that).
    execFileSync('dd', [`if=${big}`, 'iflag=nocache', 'count=0'], { stdio: 'ignore' })
    await app.openStore(big)
    const indicator = app.page.getByTestId('progress').filter({ hasText: `Counting rows of ${name}` })
    await indicator.waitFor({ timeout: 30_000 })
    expect(await seen(indicator)).toBe(true)
    await app.screenshot('progress-counting-big-store')
    const counting = app.hostEvents.progress.filter((p) => p.label === `Counting rows of ${name}`)
    const running = [...new Set(counting.map((p) => p.operationId))].filter((id) => !counting.some((p) => p.operationId === id && p.finished))
    expect(running.length).toBeGreaterThan(0) // still counting as the tab closes
    await app.page.getByRole('button', { name: `Close ${name}` }).click()
    // Gone at once: a short wait, far below what the count itself takes.
    await indicator.waitFor({ state: 'detached', timeout: 500 })
    // Main stopped the count: its operation ends promptly (as stopped work, not as a finished count).
    const ended = (): boolean => running.every((id) => app.hostEvents.progress.some((p) => p.operationId === id && p.finished))
    await expect.poll(ended, { timeout: 2_000 }).toBe(true)
    await app.screenshot('progress-closed-tab')
  })

  it('shows no work of a closed store even when main reports some late', async () => {
    const late = app.hostEvents.progress.find((p) => p.label.startsWith('Counting rows of'))
    if (!late) throw new Error('no count was recorded')
    await app.push('progress', { ...late, operationId: 'late-count', done: 0, total: 0, finished: false })
    const other = { operationId: 'other-check', operation: 'check', storeId: null, label: 'Checking other.db', done: 0, total: 0, finished: false } as const
    await app.push('progress', other)
    const indicator = app.page.getByTestId('progress')
    await indicator.waitFor()
    // Both would show as "first (+1)": only the open store's work is there.
    expect(await indicator.textContent()).toBe('Checking other.db')
    await app.push('progress', { ...other, finished: true })
    await app.push('progress', { ...late, operationId: 'late-count', finished: true })
    await indicator.waitFor({ state: 'detached' })
  })
})
