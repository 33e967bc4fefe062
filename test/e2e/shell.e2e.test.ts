import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { startApp, type AppHarness } from '../helpers/app-harness'

const CLI = resolve(__dirname, '../../bin/coherence.cjs')
const book = (title: string) =>
  `{:timestamp #inst "2026-11-28T14:00:00.000-00:00", :source :bookstore, ` +
  `:action {:reason :create, :actor [:user "alice"], :aggregate [:book "${title}"], :patch {:assoc {:genre "SciFi"}}}}`
const cli = (args: string[], input?: string) => execFileSync('node', [CLI, ...args], { input, encoding: 'utf8' })

let app: AppHarness
let dir: string
let store: string

beforeAll(async () => {
  execFileSync('npx', ['electron-vite', 'build'], { cwd: resolve(__dirname, '../..'), stdio: 'ignore' })
  dir = mkdtempSync(join(tmpdir(), 'e2e-'))
  store = join(dir, 'books.db')
  cli(['init', store])
  cli(['rebase', store, '--base', '1'], `[${['Neuromancer', 'Dune', 'Solaris'].map(book).join(' ')}]`)
  app = await startApp()
}, 120_000)

afterAll(async () => {
  await app?.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('app shell in chromium', () => {
  it('shows the empty state before a store is open', async () => {
    await app.page.getByTestId('empty-state').waitFor()
    await app.screenshot('empty-state')
  })

  it('opens a real store read-only with seq-no and counts', async () => {
    await app.openStore(store)
    await expect.poll(() => app.page.getByTestId('seq-no').textContent()).toBe('3')
    expect(await app.page.getByTestId('count-actions').textContent()).toBe('3')
    expect(await app.page.getByTestId('lock-badge').textContent()).toBe('Read-only')
    await expect.poll(() => app.page.getByTestId('last-events').locator('tbody tr').count()).toBe(3)
    await app.screenshot('store-open')
  })

  it('shows an external append by the CLI within 3 s', async () => {
    cli(['rebase', store, '--base', '4'], `[${book('Emma')} ${book('Ulysses')}]`)
    await expect.poll(() => app.page.getByTestId('seq-no').textContent(), { timeout: 3000 }).toBe('5')
    expect(await app.page.getByTestId('count-actions').textContent()).toBe('5')
    await app.screenshot('after-external-append')
  })

  it('unlocks and locks the store from the header', async () => {
    await app.page.getByRole('button', { name: 'Unlock for writing' }).click()
    await expect.poll(() => app.page.getByTestId('lock-badge').textContent()).toBe('Unlocked')
    await app.screenshot('unlocked')
    await app.page.getByRole('button', { name: 'Lock' }).click()
    await expect.poll(() => app.page.getByTestId('lock-badge').textContent()).toBe('Read-only')
  })

  it('shows a plain message for a file that is not a store', async () => {
    await app.page.evaluate((p) => (window as unknown as { __coherencePush: (e: string, x: unknown) => void }).__coherencePush('app:open-request', { path: p }), CLI)
    await app.page.getByTestId('error').waitFor()
    expect(await app.page.getByTestId('error').textContent()).toMatch(/not/i)
    await app.screenshot('not-a-store')
  })
})
