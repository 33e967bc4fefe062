/**
 * Export through the dialog, opened from the command palette ("Export…", the
 * whole store), with the native save dialog scripted: the scope sentence with
 * its count, the format choice, the result sentence and the file; cancelling;
 * an unreadable event named by its seq-no with no file left behind.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { startApp, type AppHarness } from '../helpers/app-harness'
import { makeWalkthroughStore, tempDir } from '../helpers/stores'

let app: AppHarness
let dir: ReturnType<typeof tempDir>
let out: ReturnType<typeof tempDir>
let walkthrough: string
let broken: string

beforeAll(async () => {
  dir = tempDir('e2e-export')
  out = tempDir('e2e-export-out')
  walkthrough = await makeWalkthroughStore(dir.path)
  broken = await makeWalkthroughStore(dir.path, 'broken.db')
  const db = new Database(broken)
  db.prepare('UPDATE "actions" SET "patch" = ? WHERE "seq_no" = 4').run('{:assoc {:a 1}')
  db.close()
  app = await startApp({ files: [walkthrough], viewport: { width: 1280, height: 860 } })
  await app.page.getByTestId('overview').waitFor()
}, 120_000)

afterAll(async () => {
  await app?.close()
  dir?.remove()
  out?.remove()
})

const modal = (): ReturnType<AppHarness['page']['getByTestId']> => app.page.getByTestId('export-modal')

describe('export from the command palette', () => {
  it('states the scope with its count, writes JSON to the chosen file and says where', async () => {
    await app.runCommand('Export…')
    await expect.poll(() => app.page.getByTestId('export-scope').textContent()).toBe('Export all 7 events of walkthrough.db.')
    await app.screenshot('export-modal-light')
    await modal().getByRole('radio', { name: 'JSON' }).check()
    const file = join(out.path, 'walkthrough.json')
    app.dialogs.willExportTo(file)
    await modal().getByRole('button', { name: 'Choose file and export…' }).click()
    await app.page.getByTestId('export-result').waitFor()
    expect(app.dialogs.exportSuggestions.at(-1)).toBe('walkthrough-events.json')
    const bytes = readFileSync(file).length
    expect(await app.page.getByTestId('export-result').textContent()).toBe(
      `Export finishedExported 7 events as JSON (${(bytes / 1024).toFixed(1)} KB) to ${file}`
    )
    const events = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>[]
    expect(events.map((e) => e[':seq-no'])).toEqual([1, 2, 3, 4, 5, 6, 7])
    await app.screenshot('export-done-light')
    await modal().getByRole('button', { name: 'Done' }).click()
    await modal().waitFor({ state: 'detached' })
  })

  it('writes nothing when no file is chosen, and says so', async () => {
    await app.runCommand('Export…')
    app.dialogs.willExportTo(null)
    await modal().getByRole('button', { name: 'Choose file and export…' }).click()
    await expect.poll(() => app.page.getByTestId('export-note').textContent()).toBe('No file was chosen, so nothing was exported.')
    await modal().getByRole('button', { name: 'Cancel' }).click()
    await modal().waitFor({ state: 'detached' })
  })

  it('names the unreadable event and leaves no file', async () => {
    await app.openStore(broken)
    await app.runCommand('Export…')
    await expect.poll(() => app.page.getByTestId('export-scope').textContent()).toBe('Export all 7 events of broken.db.')
    const file = join(out.path, 'broken.edn')
    app.dialogs.willExportTo(file)
    await modal().getByRole('button', { name: 'Choose file and export…' }).click()
    await app.page.getByTestId('export-error').waitFor()
    expect(await app.page.getByTestId('export-error').textContent()).toMatch(/Event 4 cannot be read, so the export stopped and wrote no file\./)
    expect(existsSync(file)).toBe(false)
    expect(readdirSync(out.path).filter((f) => f.startsWith('.'))).toEqual([])
    await app.screenshot('export-error-light')
  })
})
