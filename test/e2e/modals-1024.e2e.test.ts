/**
 * Dialogs at 1024×768, the smallest window the app supports: a dialog taller
 * than the window scrolls its content, and its buttons (the ones that finish
 * or cancel it) stay on screen, uncovered, both with the content scrolled to
 * its top (as the dialog opens) and to its end. Each is looked at in light and
 * dark. (The resolver's own check is in resolve.e2e.test.ts; Fork, Merge,
 * Unlock and Import use main's native dialogs.)
 */
import { afterAll, beforeAll, expect, it } from 'vitest'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Locator, Page } from 'playwright-core'
import { openCompose, type ComposeApp } from '../helpers/compose-app'
import { unlock } from '../helpers/compose-steps'
import { seen } from '../helpers/visibility'
import { lightAndDark } from '../helpers/screenshots'

let compose: ComposeApp
let page: Page

const T = '#inst "2026-11-28T14:00:00.000-00:00"'
const fix = (genre: string): string =>
  `{:timestamp ${T}, :source :studio, :action {:reason :fix, :actor [:user "carol"], :aggregate [:book "Neuromancer"], :patch {:assoc {:genre "${genre}"}}}}`

beforeAll(async () => {
  compose = await openCompose({ prefix: 'e2e-modals', walkthrough: true, viewport: { width: 1024, height: 768 } })
  page = compose.page
}, 120_000)

afterAll(async () => {
  await compose?.close()
})

/** The dialog named `name`, open. */
async function dialog(name: string | RegExp): Promise<Locator> {
  const d = page.getByRole('dialog', { name })
  await d.waitFor()
  return d
}

/** Scroll the dialog's content to `where`; every one of `buttons` must then be seen (on screen, hit at its middle). */
async function buttonsSeen(d: Locator, buttons: readonly string[], where: 'top' | 'end'): Promise<void> {
  await d.evaluate((el, toEnd) => {
    const box = el.closest('.mantine-Modal-content') ?? el
    box.scrollTo(0, toEnd ? box.scrollHeight : 0)
  }, where === 'end')
  for (const name of buttons) await expect.poll(() => seen(d.getByRole('button', { name, exact: true })), { message: `${name} (${where})` }).toBe(true)
}

/** At 1024×768 scrolled to the top and to the end, then at 1440×900, `buttons` are seen; screenshots of both sizes, light and dark. */
async function buttonsStay(d: Locator, buttons: readonly string[], shot: string): Promise<void> {
  await buttonsSeen(d, buttons, 'end')
  await buttonsSeen(d, buttons, 'top')
  await lightAndDark(compose.app, `modal-1024-${shot}`)
  await page.setViewportSize({ width: 1440, height: 900 })
  await buttonsSeen(d, buttons, 'top')
  await lightAndDark(compose.app, `modal-1440-${shot}`)
  await page.setViewportSize({ width: 1024, height: 768 })
}

/** Switch a database form from the URL to its separate fields (the taller form). */
async function hostFields(d: Locator): Promise<void> {
  await d.locator('.mantine-SegmentedControl-label', { hasText: /^Host and database$/ }).click()
  await d.getByLabel('Host', { exact: true }).waitFor()
}

/** Close the dialog with Escape. */
async function close(d: Locator): Promise<void> {
  await page.keyboard.press('Escape')
  await d.waitFor({ state: 'hidden' })
}

it('Connect to PostgreSQL (host and database fields) keeps Cancel, Test connection and Connect on screen', async () => {
  await compose.app.menu({ command: 'connect-postgres' })
  const d = await dialog('Connect to PostgreSQL')
  await hostFields(d)
  await buttonsStay(d, ['Cancel', 'Test connection', 'Connect'], 'connect')
  await close(d)
})

it('Copy to… a PostgreSQL database (host and database fields) keeps Cancel, Test connection and Copy on screen', async () => {
  await page.getByTestId('copy-button').click()
  const d = await dialog(/^Copy walk\.db to/)
  await d.getByRole('tab', { name: 'A PostgreSQL database' }).click()
  await hostFields(d)
  await buttonsStay(d, ['Cancel', 'Test connection', 'Copy'], 'copy-postgres')
  await close(d)
})

it('New store keeps Cancel and Create store on screen', async () => {
  await compose.app.menu({ command: 'new-store' })
  const d = await dialog('New store')
  await buttonsStay(d, ['Cancel', 'Create store'], 'new-store')
  await close(d)
})

it('Write to the store? with a long batch (every event listed) keeps Cancel and Append on screen', async () => {
  await unlock(compose.app)
  // 24 events, imported from a file as a user stages a prepared batch: the dialog lists each, taller than the window.
  const batch = join(compose.dir.path, 'batch.edn')
  writeFileSync(batch, `[${Array.from({ length: 24 }, (_, i) => fix(`Genre ${i + 1}`)).join('\n')}]`)
  compose.app.dialogs.willImport(batch)
  await page.getByTestId('import-button').click()
  await expect.poll(() => page.getByTestId('staging-summary').count()).toBe(24)
  await page.getByTestId('preflight-button').click()
  await page.getByTestId('commit-button').click()
  const d = await dialog('Write to the store?')
  await buttonsStay(d, ['Cancel', 'Append 24 events'], 'commit')
  await close(d)
})
