/**
 * Read-only by default: the badge, the unlock confirmation, and — from the
 * page itself, past the UI — writes to a locked store and invalid requests
 * refused by main, with the file left byte-identical.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chmodSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { startApp, type AppHarness } from '../helpers/app-harness'
import { bookEdn, makeBookStore, sha256, tempDir } from '../helpers/stores'

let app: AppHarness
let dir: ReturnType<typeof tempDir>
let books: string
let readOnlyFile: string

/** Call the bridge from inside the page, as a compromised or buggy renderer could. */
function invokeFromPage(page: Page, channel: string, request: unknown): Promise<unknown> {
  return page.evaluate(
    ([c, r]) => (window as unknown as { coherence: { invoke(c: string, r: unknown): Promise<unknown> } }).coherence.invoke(c, r),
    [channel, request] as const
  )
}

async function activeStoreId(page: Page): Promise<string> {
  const list = (await invokeFromPage(page, 'store:list', {})) as { value: { storeId: string; path: string }[] }
  const name = await page.getByTestId('store-name').textContent()
  const found = list.value.find((s) => s.path.endsWith(`/${name}`))
  if (!found) throw new Error('no active store')
  return found.storeId
}

beforeAll(async () => {
  dir = tempDir('e2e-lock')
  books = await makeBookStore(dir.path, 'books.db', ['Neuromancer', 'Count Zero'])
  readOnlyFile = await makeBookStore(dir.path, 'archive.db', ['Solaris'])
  chmodSync(readOnlyFile, 0o444)
  app = await startApp({ files: [books] })
}, 120_000)

afterAll(async () => {
  await app?.close()
  dir?.remove()
})

describe('read-only by default', () => {
  it('opens the launch file read-only, with a badge', async () => {
    await app.page.getByTestId('lock-badge').waitFor()
    expect(await app.page.getByTestId('lock-badge').textContent()).toBe('Read-only')
    expect(await app.page.getByTestId('header-seq-no').textContent()).toBe('2')
  })

  it('refuses a write sent straight from the page while the store is locked (in main), file unchanged', async () => {
    const before = sha256(books)
    const storeId = await activeStoreId(app.page)
    const result = await invokeFromPage(app.page, 'store:rebase', { storeId, eventsEdn: `[${bookEdn('Emma')}]`, base: 3 })
    expect(result).toMatchObject({ ok: false, error: { code: 'store-locked', message: expect.stringContaining('read-only') } })
    expect(sha256(books)).toBe(before)
  })

  it('rejects an invalid payload from the page with a typed error', async () => {
    expect(await invokeFromPage(app.page, 'store:open', { path: 'relative.db', extra: 1 })).toMatchObject({ ok: false, error: { code: 'invalid-request' } })
    expect(await invokeFromPage(app.page, 'store:open', { path: books })).toMatchObject({ ok: false, error: { code: 'invalid-request' } })
    expect(await invokeFromPage(app.page, 'store:detect-tables', { location: `loc-${'1'.repeat(32)}` })).toMatchObject({ ok: false, error: { code: 'not-chosen' } })
    expect(await invokeFromPage(app.page, 'app:dropped-file', { path: books })).toMatchObject({ ok: false, error: { code: 'unknown-channel' } })
    expect(await invokeFromPage(app.page, 'fs:read', { path: '/etc/passwd' })).toMatchObject({ ok: false, error: { code: 'unknown-channel' } })
  })

  it('unlocks only after the confirmation in main’s native dialog, then writes reach the file and show up', async () => {
    // The user clicks "Keep read-only" in the native dialog: nothing changes, no error is shown.
    app.dialogs.willConfirmUnlock(false)
    await app.page.getByRole('button', { name: 'Unlock…' }).click()
    await expect.poll(() => app.dialogs.unlockQuestions).toEqual(['books.db'])
    expect(await app.page.getByTestId('lock-badge').textContent()).toBe('Read-only')
    expect(await app.page.getByRole('alert').count()).toBe(0)
    // A script in the page asking main directly meets the same dialog (dismissed here): still locked.
    expect(await invokeFromPage(app.page, 'store:unlock', { storeId: await activeStoreId(app.page) })).toMatchObject({ ok: false, error: { code: 'cancelled' } })
    expect(await app.page.getByTestId('lock-badge').textContent()).toBe('Read-only')

    app.dialogs.willConfirmUnlock(true)
    await app.page.getByRole('button', { name: 'Unlock…' }).click()
    await expect.poll(() => app.page.getByTestId('lock-badge').textContent()).toBe('Unlocked')
    const storeId = await activeStoreId(app.page)
    expect(await invokeFromPage(app.page, 'store:rebase', { storeId, eventsEdn: `[${bookEdn('Emma')}]`, base: 3 })).toMatchObject({ ok: true, value: { result: 'ok', seqNo: 3 } })
    await expect.poll(() => app.page.getByTestId('header-seq-no').textContent()).toBe('3')
    await app.screenshot('lock-unlocked-light')
  })

  it('locks again from the header', async () => {
    await app.page.getByRole('button', { name: 'Lock', exact: true }).click()
    await expect.poll(() => app.page.getByTestId('lock-badge').textContent()).toBe('Read-only')
    const storeId = await activeStoreId(app.page)
    expect(await invokeFromPage(app.page, 'store:rebase', { storeId, eventsEdn: `[${bookEdn('Ulysses')}]`, base: 4 })).toMatchObject({ ok: false, error: { code: 'store-locked' } })
  })

  it('cannot unlock a read-only file: the button is disabled and main refuses it too', async () => {
    await app.openStore(readOnlyFile)
    expect(await app.page.getByTestId('lock-badge').textContent()).toBe('Read-only file')
    expect(await app.page.getByRole('button', { name: 'Unlock…' }).isDisabled()).toBe(true)
    const storeId = await activeStoreId(app.page)
    expect(await invokeFromPage(app.page, 'store:unlock', { storeId })).toMatchObject({ ok: false, error: { code: 'read-only' } })
    await app.setColorScheme('dark')
    await app.screenshot('lock-read-only-file-dark')
  })
})
