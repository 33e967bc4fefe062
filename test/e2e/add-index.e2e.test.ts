/**
 * Adding the trigger table's seq_no index from the Problems section: on a
 * store with more trigger rows than the check's threshold, the notice shows
 * the statement it runs and, while locked, offers Unlock (confirmed in main);
 * unlocked, "Add index" is on screen and uncovered, and a click adds the
 * index: the notice goes, a confirmation shows, the file has the index.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import Database from 'better-sqlite3'
import { startApp, type AppHarness } from '../helpers/app-harness'
import { makeBookStore, tempDir } from '../helpers/stores'
import { seen } from '../helpers/visibility'

/** More trigger rows than the check's threshold for the notice (100 000). */
const MANY_TRIGGERS = 100_001

let app: AppHarness
let dir: ReturnType<typeof tempDir>
let store: string

beforeAll(async () => {
  dir = tempDir('e2e-add-index')
  store = await makeBookStore(dir.path, 'big-triggers.db', ['Dune'])
  const db = new Database(store)
  // Set-based, in one statement: well under a second.
  db.prepare(`INSERT INTO "triggers" WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${MANY_TRIGGERS}) SELECT ':k', CAST(i AS TEXT), 1 FROM n`).run()
  db.close()
  app = await startApp({ files: [store], viewport: { width: 1280, height: 800 } })
  await app.page.getByTestId('overview').waitFor()
}, 180_000)

afterAll(async () => {
  await app?.close()
  dir?.remove()
})

const triggerIndexes = (): string[] => {
  const db = new Database(store, { readonly: true })
  try {
    return (db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'triggers' AND sql IS NOT NULL").all() as { name: string }[]).map((r) => r.name)
  } finally {
    db.close()
  }
}

describe('Add index in the Problems section', () => {
  it('locked, the notice shows the statement and offers Unlock; unlocked, Add index is on screen and a click makes the notice go', async () => {
    const { page } = app
    await page.locator('nav[aria-label="Sections"] .mantine-NavLink-root').filter({ hasText: /^Problems/ }).first().click()
    const fix = page.getByTestId('add-index-fix')
    await fix.waitFor({ timeout: 60_000 })
    expect(await fix.textContent()).toContain('CREATE INDEX IF NOT EXISTS "triggers_seq_no_idx" ON "triggers" ("seq_no")')
    expect(await page.getByTestId('add-index').count()).toBe(0)
    const unlock = page.getByTestId('add-index-unlock')
    // The pointer off the navigation, so its tooltip does not cover the notice.
    await page.mouse.move(900, 700)
    expect(await seen(unlock)).toBe(true)
    expect(await seen(fix.getByText('Adding it here runs'))).toBe(true)
    await app.screenshot('add-index-locked')

    app.dialogs.willConfirmUnlock(true)
    await unlock.click()
    await expect.poll(() => page.getByTestId('lock-badge').textContent()).toBe('Unlocked')
    const add = page.getByTestId('add-index')
    await add.waitFor()
    expect(await seen(add)).toBe(true)
    await add.hover()
    await page.getByRole('tooltip').filter({ hasText: 'CREATE INDEX IF NOT EXISTS' }).waitFor()
    await app.screenshot('add-index-unlocked')
    expect(triggerIndexes()).toEqual([])

    await add.click()
    const confirmation = page.locator('.mantine-Notification-root').filter({ hasText: 'Index added' })
    await confirmation.waitFor()
    expect(await seen(confirmation)).toBe(true)
    await fix.waitFor({ state: 'detached', timeout: 60_000 })
    expect(await page.getByTestId('problem-group-schema').count()).toBe(0)
    await page.getByTestId('problems-none').waitFor()
    await app.screenshot('add-index-done')
    expect(triggerIndexes()).toEqual(['triggers_seq_no_idx'])
  }, 120_000)
})
