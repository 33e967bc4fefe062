/**
 * Working with several stores: tabs and the keyboard, the command palette,
 * New store with custom table names, choosing between table sets, recent
 * files, drag & drop, and a reloaded window getting its tabs back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { SINGULAR_TABLES } from '../../src/shared/domain'
import { createStoreFile } from '../helpers/store-files'
import { startApp, type AppHarness } from '../helpers/app-harness'
import { makeBookStore, tempDir } from '../helpers/stores'
import { seen } from '../helpers/visibility'
import { chooseRecent } from '../helpers/recent-menu'

let app: AppHarness
let dir: ReturnType<typeof tempDir>
let first: string
let second: string
let twoSets: string

const tabNames = (): Promise<string[]> => app.page.getByRole('tab').allTextContents()
const activeTab = (): Promise<string | null> => app.page.getByRole('tab', { selected: true }).textContent()

beforeAll(async () => {
  dir = tempDir('e2e-stores')
  first = await makeBookStore(dir.path, 'first.db', ['A'])
  second = await makeBookStore(dir.path, 'second.db', ['B', 'C'])
  twoSets = await makeBookStore(dir.path, 'two-sets.db', ['D'])
  await (await createStoreFile(twoSets, SINGULAR_TABLES)).close()
  app = await startApp()
}, 120_000)

afterAll(async () => {
  await app?.close()
  dir?.remove()
})

describe('several stores', () => {
  it('opens dropped files, each in its own tab', async () => {
    await app.page.getByTestId('empty-state').waitFor()
    await app.dropFiles([first, second])
    await expect.poll(tabNames).toEqual(['first.db', 'second.db'])
  })

  it('moves between tabs with the arrow keys and the palette shortcuts', async () => {
    await app.page.getByRole('tab', { name: 'second.db' }).click()
    await app.page.keyboard.press('ArrowLeft')
    expect(await activeTab()).toBe('first.db')
    expect(await app.page.getByTestId('header-seq-no').textContent()).toBe('1')
    await app.page.keyboard.press('Control+2')
    await expect.poll(activeTab).toBe('second.db')
    expect(await app.page.getByTestId('header-seq-no').textContent()).toBe('2')
  })

  it('runs any action from the command palette (Ctrl+K)', async () => {
    await app.page.keyboard.press('Control+K')
    const search = app.page.getByRole('textbox', { name: 'Command' })
    await search.waitFor()
    await search.fill('switch')
    await app.screenshot('stores-palette-light')
    await app.setColorScheme('dark')
    await app.screenshot('stores-palette-dark')
    await app.setColorScheme('light')
    await app.page.getByRole('button', { name: /Switch to first\.db/ }).click()
    await expect.poll(activeTab).toBe('first.db')
  })

  it('asks which tables to open when a file holds two stores', async () => {
    app.dialogs.willOpen(twoSets)
    await app.menu({ command: 'open-store' })
    const dialog = app.page.getByRole('dialog', { name: 'Choose the tables' })
    await dialog.waitFor()
    await app.screenshot('stores-choose-tables-light')
    await dialog.getByLabel('event, action, effect, trigger', { exact: true }).check()
    await dialog.getByRole('button', { name: 'Open' }).click()
    await expect.poll(activeTab).toBe('two-sets.db')
    expect(await app.page.getByTestId('table-names').locator('code').allTextContents()).toEqual(['event', 'action', 'effect', 'trigger'])
    expect(await app.page.getByTestId('header-seq-no').textContent()).toBe('0')
  })

  it('creates a store with custom table names (File ▸ New store)', async () => {
    const path = join(dir.path, 'created.db')
    app.dialogs.willCreate(path)
    await app.runCommand('New store…')
    const dialog = app.page.getByRole('dialog', { name: 'New store' })
    await dialog.getByRole('button', { name: 'Choose…' }).click()
    await expect.poll(() => dialog.getByTestId('new-store-path').textContent()).toBe(path)
    await dialog.getByLabel('Event table').fill('ledger_events')
    await dialog.getByLabel('Action table').fill('ledger_actions')
    await dialog.getByLabel('Effect table').fill('ledger_effects')
    await dialog.getByLabel('Trigger table').fill('ledger_events')
    expect(await dialog.getByRole('alert').textContent()).toContain('must all be different')
    // A dash becomes an underscore, as the library names the tables; the form says so before anything is created.
    await dialog.getByLabel('Trigger table').fill('ledger-triggers')
    const snake = dialog.getByTestId('snake-tables')
    expect(await snake.textContent()).toContain('ledger_events, ledger_actions, ledger_effects, ledger_triggers')
    expect(await seen(snake)).toBe(true)
    await app.screenshot('stores-new-store-light')
    await app.setColorScheme('dark')
    await app.screenshot('stores-new-store-dark')
    await app.setColorScheme('light')
    await dialog.getByRole('button', { name: 'Create store' }).click()
    await expect.poll(activeTab).toBe('created.db')
    expect(existsSync(path)).toBe(true)
    expect(await app.page.getByTestId('table-names').textContent()).toContain('ledger_triggers')
    expect(await app.page.getByTestId('lock-badge').textContent()).toBe('Read-only')
  })

  it('gives a reloaded window its open stores back', async () => {
    await app.page.reload()
    await expect.poll(tabNames).toEqual(['first.db', 'second.db', 'two-sets.db', 'created.db'])
  })

  it('closes tabs with Ctrl+W and lists the recent files on the empty state', async () => {
    for (let i = 0; i < 4; i++) {
      await app.page.getByRole('tab').first().click()
      await app.page.keyboard.press('Control+W')
    }
    await app.page.getByTestId('empty-state').waitFor()
    const recent = app.page.getByTestId('recent-files')
    await expect.poll(() => recent.getByRole('button').allTextContents()).toEqual([
      expect.stringContaining('created.db'),
      expect.stringContaining('two-sets.db'),
      expect.stringContaining('second.db'),
      expect.stringContaining('first.db')
    ])
    await app.screenshot('stores-recent-light')
    await app.setColorScheme('dark')
    await app.screenshot('stores-recent-dark')
    await recent.getByRole('button', { name: /two-sets\.db/ }).click()
    await expect.poll(activeTab).toBe('two-sets.db')
    expect(await app.page.getByTestId('table-names').locator('code').allTextContents()).toEqual(['event', 'action', 'effect', 'trigger'])
  })

  it('opens a file from File ▸ Open Recent as the recent list does: with its last tables, no question asked', async () => {
    await app.setColorScheme('light')
    await app.page.getByRole('tab', { name: 'two-sets.db' }).click()
    await app.page.keyboard.press('Control+W')
    await app.page.getByTestId('empty-state').waitFor()
    await app.menu(chooseRecent(app.deps, twoSets))
    await expect.poll(activeTab).toBe('two-sets.db')
    expect(await app.page.getByRole('dialog', { name: 'Choose the tables' }).count()).toBe(0)
    expect(await app.page.getByTestId('table-names').locator('code').allTextContents()).toEqual(['event', 'action', 'effect', 'trigger'])
  })
})
