/**
 * "Copy to…" through the window, at 1024×768, as a user meets it: the target
 * is a new file main's (scripted) save dialog picks, shown with the table
 * names, or a PostgreSQL database chosen with the Connect dialog's own form
 * (the fields, Test connection, a recent connection). Progress shows while
 * the rows go over, then a summary, and "Open the copy" opens it read-only in
 * a new tab. A target that is not empty, or a server that cannot be reached,
 * is one readable sentence and the target is left as it was. Every dialog
 * state is photographed in light and dark.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Locator, Page } from 'playwright-core'
import { generateStore } from '../../bench/generate'
import type { AppHarness } from '../helpers/app-harness'
import { startOnWalkthrough, stopWalkthroughApp, type WalkthroughApp } from '../helpers/walkthrough-app'
import { cellDump } from '../helpers/cell-dump'
import { adminQuery, createDatabase, postgresUrl } from '../helpers/postgres'
import { describePostgres } from '../helpers/postgres-suite'
import { rowVisibility, seen } from '../helpers/visibility'
import { cli } from '../cli/run-cli'

const BIG = 20_000

let app: AppHarness
let dir: WalkthroughApp['dir']
let origin: string
let big: string
let page: Page

beforeAll(async () => {
  ({ app, dir, walkthrough: origin } = await startOnWalkthrough('e2e-copy', { viewport: { width: 1024, height: 768 } }))
  page = app.page
  big = join(dir.path, 'big.db')
  await generateStore(big, BIG)
}, 120_000)

afterAll(() => stopWalkthroughApp({ app, dir }))

/** Seen (in the viewport, nothing on top) and no text inside it cut off. */
async function readable(locator: Locator): Promise<boolean> {
  const clipped = await locator.evaluate((el) => [el, ...el.querySelectorAll('*')].some((e) => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== 'visible'))
  return !clipped && (await seen(locator))
}

/** One sentence: no full stop followed by another capitalised sentence, no stack trace. */
function oneSentence(text: string): boolean {
  return text.trim().split(/(?<=[.;])\s+(?=[A-Z])/).length === 1 && !/\n\s+at /.test(text) && text.trim().endsWith('.')
}

/** test-results/screenshots/<name>-light.png and -dark.png. */
async function shoot(name: string): Promise<void> {
  await app.screenshot(`${name}-light`)
  await app.setColorScheme('dark')
  await app.screenshot(`${name}-dark`)
  await app.setColorScheme('light')
}

async function openCopyDialog(name: string): Promise<Locator> {
  await page.getByRole('tab', { name }).click()
  await page.getByTestId('store-name').filter({ hasText: name }).waitFor()
  await page.getByTestId('copy-button').click()
  const dialog = page.getByRole('dialog', { name: `Copy ${name} to…` })
  await dialog.waitFor()
  return dialog
}

it('copies to a new file chosen in main\'s dialog, shows where and which tables, then opens the copy in a new tab', async () => {
  const target = join(dir.path, 'copy.db')
  const dialog = await openCopyDialog('walkthrough.db')
  const tables = dialog.getByTestId('copy-tables')
  expect(await readable(tables)).toBe(true)
  expect(await tables.textContent()).toContain('events, actions, effects, triggers')
  expect(await dialog.getByTestId('copy-start').isDisabled()).toBe(true)
  await shoot('copy-dialog-file')

  app.dialogs.willCopyTo(target)
  await dialog.getByTestId('copy-choose-file').click()
  await dialog.getByTestId('copy-file').filter({ hasText: target }).waitFor()
  expect(await readable(dialog.getByTestId('copy-file'))).toBe(true)
  await shoot('copy-dialog-file-chosen')

  await dialog.getByTestId('copy-start').click()
  const result = dialog.getByTestId('copy-result')
  await result.waitFor()
  expect(await result.textContent()).toMatch(/^Copy completeCopied 7 events of walkthrough\.db \(\d+ rows\) to .*copy\.db in [\d.]+ m?s\.$/)
  expect(await readable(result)).toBe(true)
  expect(await readable(dialog.getByRole('button', { name: 'Open the copy' }))).toBe(true)
  await shoot('copy-dialog-file-done')
  expect(cellDump(target)).toEqual(cellDump(origin))

  await dialog.getByRole('button', { name: 'Open the copy' }).click()
  await dialog.waitFor({ state: 'hidden' })
  const tab = page.getByRole('tab', { name: 'copy.db' })
  await tab.waitFor()
  await expect.poll(() => seen(tab), { timeout: 3000 }).toBe(true)
  expect(await page.getByTestId('store-name').textContent()).toBe('copy.db')
  expect(await page.getByTestId('header-seq-no').textContent()).toBe('7')
  expect(await page.getByTestId('lock-badge').textContent()).toBe('Read-only')
}, 120_000)

describePostgres('copy to PostgreSQL', (server) => {
  let database: string
  const label = (db: string): string => `${server.user}@${server.host}/${db}`
  const firstRowText = async (): Promise<string> => {
    await page.locator('nav[aria-label="Sections"] .mantine-NavLink-root').filter({ hasText: /^Events/ }).first().click()
    const row = page.locator('[data-testid="event-table"] [role="row"][data-seq-no="1"]')
    await row.waitFor()
    expect(await rowVisibility(page, 1)).toEqual({ inViewport: true, belowHeader: true, hit: true })
    return (await row.textContent()) ?? ''
  }
  /** Every events row of `db`, hashed (to see that a refused copy changed nothing). */
  const digest = async (db: string): Promise<string> =>
    (await adminQuery(server, 'SELECT count(*) || \':\' || md5(string_agg(t::text, \'|\' ORDER BY t::text)) AS d FROM events t', db)).rows[0].d as string

  beforeAll(async () => {
    database = await createDatabase(server, 'e2e_copy')
    await app.openStore(big)
  }, 120_000)

  it('copies a file store through the fields form: progress, then the summary; Open the copy shows the events in a new tab', async () => {
    const originRow = await firstRowText()
    const dialog = await openCopyDialog('big.db')
    await dialog.getByText('A PostgreSQL database', { exact: true }).click()
    await dialog.getByText('Host and database', { exact: true }).click()
    await dialog.getByLabel('Host', { exact: true }).fill(server.host)
    await dialog.getByLabel('Port', { exact: true }).fill(String(server.port))
    await dialog.getByLabel('Database', { exact: true }).fill(database)
    await dialog.getByLabel('User', { exact: true }).fill(server.user)
    await dialog.getByLabel('Password', { exact: true }).fill(server.password)
    expect(await readable(dialog.getByLabel('Password', { exact: true }))).toBe(true)
    await shoot('copy-dialog-postgres-fields')

    await dialog.getByRole('button', { name: 'Test connection' }).click()
    const status = dialog.getByTestId('connect-status')
    await status.filter({ hasText: `Connected to ${label(database)}: it has no coherence tables, so the copy can go there.` }).waitFor()
    expect(await readable(status)).toBe(true)
    expect(await readable(dialog.getByTestId('copy-start'))).toBe(true)
    await shoot('copy-dialog-postgres-tested')

    await dialog.getByTestId('copy-start').click()
    const progress = dialog.getByTestId('copy-progress')
    await progress.filter({ hasText: /Copying… [\d,]+ of [\d,]+ rows/ }).waitFor()
    expect(await readable(progress)).toBe(true)
    await app.screenshot('copy-dialog-progress-light')
    await app.setColorScheme('dark')
    await app.screenshot('copy-dialog-progress-dark')
    await app.setColorScheme('light')
    // The dialog cannot be dismissed while the copy runs.
    await page.keyboard.press('Escape')
    expect(await dialog.isVisible()).toBe(true)

    const result = dialog.getByTestId('copy-result')
    await result.waitFor({ timeout: 60_000 })
    expect(await result.textContent()).toMatch(new RegExp(`^Copy completeCopied 20,000 events of big\\.db \\([\\d,]+ rows\\) to ${label(database).replace(/[.]/g, '\\.')} in [\\d.]+ m?s\\.$`))
    expect(await result.textContent()).not.toContain(server.password)
    expect(await readable(result)).toBe(true)
    await shoot('copy-dialog-postgres-done')

    await dialog.getByRole('button', { name: 'Open the copy' }).click()
    await dialog.waitFor({ state: 'hidden' })
    const tab = page.getByRole('tab', { name: label(database) })
    await tab.waitFor()
    // Scrolled into the (overflowing) tab strip, once the dialog's overlay has faded.
    await expect.poll(() => seen(tab), { timeout: 3000 }).toBe(true)
    await page.getByTestId('header-seq-no').filter({ hasText: '20,000' }).waitFor()
    expect(await page.getByTestId('lock-badge').textContent()).toBe('Read-only')
    expect(await firstRowText()).toBe(originRow)
  }, 180_000)

  it('copies the database copy back to a file: byte-identical cells and the same coherence read as the file it came from', async () => {
    const back = join(dir.path, 'back.db')
    const dialog = await openCopyDialog(label(database))
    app.dialogs.willCopyTo(back)
    await dialog.getByTestId('copy-choose-file').click()
    await dialog.getByTestId('copy-file').filter({ hasText: back }).waitFor()
    await dialog.getByTestId('copy-start').click()
    const result = dialog.getByTestId('copy-result')
    await result.waitFor({ timeout: 60_000 })
    expect(await result.textContent()).toMatch(new RegExp(`^Copy completeCopied 20,000 events of ${label(database).replace(/[.]/g, '\\.')} \\([\\d,]+ rows\\) to .*back\\.db in [\\d.]+ m?s\\.$`))
    expect(await readable(result)).toBe(true)
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'hidden' })
    expect(cellDump(back)).toEqual(cellDump(big))
    const read = (store: string): string => {
      const run = cli(['read', store])
      expect(run.code).toBe(0)
      return run.stdout
    }
    expect(read(back)).toBe(read(big))
  }, 180_000)

  describe('a target the copy cannot use', () => {
    it('refuses a database that is not empty in one sentence, and leaves it unchanged', async () => {
      const before = await digest(database)
      const dialog = await openCopyDialog('walkthrough.db')
      await dialog.getByText('A PostgreSQL database', { exact: true }).click()
      // The database just opened is a recent connection now; main holds its password encrypted.
      await dialog.getByLabel('Connection', { exact: true }).click()
      await page.getByRole('option', { name: label(database) }).click()
      await dialog.getByText('with the password kept encrypted on this computer').waitFor()
      expect(await dialog.getByLabel('Password', { exact: true }).count()).toBe(0)
      await shoot('copy-dialog-postgres-recent')
      await dialog.getByTestId('copy-start').click()
      const error = dialog.getByTestId('copy-error')
      await error.waitFor()
      const sentence = (await error.textContent()) ?? ''
      expect(sentence).toMatch(new RegExp(`^postgresql://${server.user}:\\*\\*\\*@${server.host.replace(/[.]/g, '\\.')}:${server.port}/${database} is not empty \\(\\w+ holds rows\\), so it was left unchanged; a copy goes only into an empty store\\.$`))
      expect(sentence).not.toContain(server.password)
      expect(oneSentence(sentence)).toBe(true)
      expect(await readable(error)).toBe(true)
      await shoot('copy-dialog-refused')
      expect(await digest(database)).toBe(before)
      // The sentence is about that target: choosing another one takes it away.
      await dialog.getByRole('tab', { name: 'A new SQLite file' }).click()
      await error.waitFor({ state: 'hidden' })
      await dialog.getByRole('button', { name: 'Cancel' }).click()
      await dialog.waitFor({ state: 'hidden' })
    })

    it('says in one sentence, without the password, when the server cannot be reached', async () => {
      const dialog = await openCopyDialog('walkthrough.db')
      await dialog.getByText('A PostgreSQL database', { exact: true }).click()
      await dialog.getByLabel('Connection URL').fill(postgresUrl({ ...server, port: 1 }, 'nowhere', { user: 'alice', password: 'hunter2' }))
      await dialog.getByTestId('copy-start').click()
      const error = dialog.getByTestId('copy-error')
      await error.waitFor()
      const sentence = (await error.textContent()) ?? ''
      expect(sentence).toMatch(/cannot be reached/)
      expect(sentence).not.toContain('hunter2')
      expect(oneSentence(sentence)).toBe(true)
      expect(await readable(error)).toBe(true)
      await shoot('copy-dialog-unreachable')
    })
  })
})

describe('Cancel while a copy runs', () => {
  const HUGE = 200_000
  let huge: string
  beforeAll(async () => {
    huge = join(dir.path, 'huge.db')
    await generateStore(huge, HUGE)
    await app.openStore(huge)
  }, 120_000)

  it('stops the copy: the dialog says nothing was written to the target, and no file appears', async () => {
    const target = join(dir.path, 'huge-copy.db')
    const dialog = await openCopyDialog('huge.db')
    app.dialogs.willCopyTo(target)
    await dialog.getByTestId('copy-choose-file').click()
    await dialog.getByTestId('copy-file').filter({ hasText: target }).waitFor()
    await dialog.getByTestId('copy-start').click()
    await dialog.getByTestId('copy-progress').filter({ hasText: /Copying… [\d,]+ of [\d,]+ rows/ }).waitFor({ timeout: 60_000 })
    const cancel = dialog.getByRole('button', { name: 'Cancel copy' })
    expect(await readable(cancel)).toBe(true)
    await app.screenshot('copy-dialog-cancel-light')
    await cancel.click()

    const stopped = dialog.getByTestId('copy-stopped')
    await stopped.waitFor({ timeout: 30_000 })
    expect(await stopped.textContent()).toBe(`Copy cancelled; nothing was written to ${target}.`)
    expect(oneSentence((await stopped.textContent()) ?? '')).toBe(true)
    expect(await readable(stopped)).toBe(true)
    expect(existsSync(target)).toBe(false)
    expect(readdirSync(dir.path).filter((name) => name.includes('huge-copy'))).toEqual([])
    await shoot('copy-dialog-cancelled')

    // The dialog is the form again: the same file may be copied to, or the dialog closed.
    expect(await dialog.getByTestId('copy-start').isEnabled()).toBe(true)
    await dialog.getByRole('button', { name: 'Cancel', exact: true }).click()
    await dialog.waitFor({ state: 'hidden' })
    expect(existsSync(target)).toBe(false)
  }, 180_000)

  describePostgres('into a database', (server) => {
    it('stops the copy: the dialog names the database, which has no tables afterwards', async () => {
      const database = await createDatabase(server, 'e2e_copy_cancel')
      const dialog = await openCopyDialog('huge.db')
      await dialog.getByText('A PostgreSQL database', { exact: true }).click()
      await dialog.getByLabel('Connection URL').fill(postgresUrl(server, database))
      await dialog.getByTestId('copy-start').click()
      await dialog.getByTestId('copy-progress').filter({ hasText: /Copying… [\d,]+ of [\d,]+ rows/ }).waitFor({ timeout: 60_000 })
      await dialog.getByRole('button', { name: 'Cancel copy' }).click()
      const stopped = dialog.getByTestId('copy-stopped')
      await stopped.waitFor({ timeout: 30_000 })
      expect(await stopped.textContent()).toBe(`Copy cancelled; nothing was written to ${server.user}@${server.host}/${database}.`)
      expect(await stopped.textContent()).not.toContain(server.password)
      expect(await readable(stopped)).toBe(true)
      await app.screenshot('copy-dialog-cancelled-postgres-light')
      const tables = await adminQuery(server, "SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'", database)
      expect(tables.rows[0].n).toBe(0)
      await dialog.getByRole('button', { name: 'Cancel', exact: true }).click()
      await dialog.waitFor({ state: 'hidden' })
    }, 180_000)
  })
})
