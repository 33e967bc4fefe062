/**
 * The app shell in Chromium, bridged to the real main-process handlers and
 * store host, on real store files.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { startApp, type AppHarness } from '../helpers/app-harness'
import { ROOT } from '../helpers/build'
import { appendEvents, bookEdn, makeBookStore, sha256, tempDir } from '../helpers/stores'

let app: AppHarness
let dir: ReturnType<typeof tempDir>
let books: string

beforeAll(async () => {
  dir = tempDir('e2e-shell')
  books = await makeBookStore(dir.path, 'books.db', ['Neuromancer', 'Count Zero', 'Mona Lisa Overdrive'])
  app = await startApp()
}, 120_000)

afterAll(async () => {
  await app?.close()
  dir?.remove()
})

describe('app shell', () => {
  it('starts with an empty state that says what to do', async () => {
    const empty = app.page.getByTestId('empty-state')
    await empty.waitFor()
    expect(await empty.textContent()).toContain('Drop a store file')
    await app.screenshot('shell-empty-light')
  })

  it('opens a store read-only and shows its seq-no and counts', async () => {
    await app.openStore(books)
    await expect.poll(() => app.page.getByTestId('seq-no').textContent()).toBe('3')
    await expect.poll(() => app.page.getByTestId('count-actions').textContent()).toBe('3')
    expect(await app.page.getByTestId('count-events').textContent()).toBe('3')
    expect(await app.page.getByTestId('lock-badge').textContent()).toBe('Read-only')
    expect(await app.page.getByTestId('header-seq-no').textContent()).toBe('3')
    await expect.poll(() => app.page.getByTestId('latest-events').locator('tbody tr').count()).toBe(3)
    await app.screenshot('shell-overview-light')
  })

  it('shows an append by another connection within 2 s', async () => {
    await appendEvents(books, [bookEdn('Emma'), bookEdn('Ulysses')])
    await expect.poll(() => app.page.getByTestId('header-seq-no').textContent(), { timeout: 2000 }).toBe('5')
    await expect.poll(() => app.page.getByTestId('count-actions').textContent(), { timeout: 2000 }).toBe('5')
  })

  it('shows an append by the coherence CLI (another process) within 2 s', async () => {
    execFileSync(process.execPath, [join(ROOT, 'bin/coherence.cjs'), 'rebase', books, '--base', '6'], { input: `[${bookEdn('Solaris')}]` })
    await expect.poll(() => app.page.getByTestId('header-seq-no').textContent(), { timeout: 2000 }).toBe('6')
    await expect.poll(() => app.page.getByTestId('latest-events').locator('tbody tr').first().textContent()).toContain('Solaris')
  })

  it('shows progress of a long operation in the header, and hides it when done', async () => {
    const running = { operationId: 'op-test', operation: 'check', storeId: null, label: 'Checking books.db', done: 0, total: 0, finished: false } as const
    await app.push('progress', running)
    await app.push('progress', { ...running, done: 40, total: 100 })
    const indicator = app.page.getByTestId('progress')
    await indicator.waitFor()
    expect(await indicator.textContent()).toContain('Checking books.db')
    expect(await indicator.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('40')
    await app.screenshot('shell-progress-light')
    await app.push('progress', { ...running, done: 1, total: 1, finished: true })
    await indicator.waitFor({ state: 'detached' })
  })

  it('gives a plain message for a file that is not a store and leaves it byte-identical', async () => {
    const notes = join(dir.path, 'notes.db')
    writeFileSync(notes, 'these are my notes, not a database\n'.repeat(50))
    const before = sha256(notes)
    await app.dropFiles([notes])
    const message = app.page.getByText('is not an SQLite database')
    await message.waitFor()
    expect(sha256(notes)).toBe(before)
    await app.screenshot('shell-not-a-store')
  })

  it('switches to dark', async () => {
    await app.setColorScheme('dark')
    await app.screenshot('shell-overview-dark')
  })
})
