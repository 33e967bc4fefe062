/**
 * "Copy to…" through the window on real files: the header button opens the
 * dialog, "To a new file…" writes the copy main's (scripted) dialog chose,
 * and the result sentence is readable in the viewport; the copy holds the
 * same cells.
 */
import { afterAll, beforeAll, expect, it } from 'vitest'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { startApp, type AppHarness } from '../helpers/app-harness'
import { makeWalkthroughStore, tempDir } from '../helpers/stores'
import { cellDump } from '../helpers/cell-dump'

let app: AppHarness
let dir: ReturnType<typeof tempDir>
let origin: string
let page: Page

beforeAll(async () => {
  dir = tempDir('e2e-copy')
  origin = await makeWalkthroughStore(dir.path)
  app = await startApp({ files: [origin], viewport: { width: 1280, height: 800 } })
  page = app.page
  await page.getByTestId('store-name').filter({ hasText: 'walkthrough.db' }).waitFor()
}, 120_000)

afterAll(async () => {
  await app?.close()
  dir?.remove()
})

/** True when the element's centre is on screen and the topmost thing there belongs to it. */
async function uncoveredInViewport(testId: string): Promise<boolean> {
  return page.getByTestId(testId).first().evaluate((el) => {
    const r = el.getBoundingClientRect()
    const x = r.left + r.width / 2
    const y = r.top + r.height / 2
    const onScreen = r.top >= 0 && r.left >= 0 && r.bottom <= window.innerHeight && r.right <= window.innerWidth
    const hit = document.elementFromPoint(x, y)
    return onScreen && hit !== null && el.contains(hit)
  })
}

it('copies the open store to a new file from the header, with the result in one readable sentence', async () => {
  const target = join(dir.path, 'copy.db')
  app.dialogs.willCopyTo(target)
  expect(await uncoveredInViewport('copy-button')).toBe(true)
  expect(await uncoveredInViewport('fork-button')).toBe(true)
  await app.screenshot('copy-header-light')
  await page.getByTestId('copy-button').click()
  await page.getByTestId('copy-to-file').waitFor()
  expect(await uncoveredInViewport('copy-to-file')).toBe(true)
  expect(await uncoveredInViewport('copy-url')).toBe(true)
  await app.screenshot('copy-modal-light')
  await page.getByTestId('copy-to-file').click()
  const result = page.getByTestId('copy-result')
  await result.waitFor()
  expect(await result.textContent()).toMatch(/^Copied \d+ rows of walkthrough\.db \(seq-no 1–7\) to .*copy\.db\.$/)
  expect(await uncoveredInViewport('copy-result')).toBe(true)
  await app.screenshot('copy-modal-result-light')
  expect(cellDump(target)).toEqual(cellDump(origin))
}, 120_000)
