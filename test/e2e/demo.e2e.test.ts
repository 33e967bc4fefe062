/**
 * Started without a file, the app opens the bundled demo store; it can be
 * reopened from the command palette. Screenshots of a realistic store, light
 * and dark, and of the drop target.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { createDemoStore } from '../../scripts/demo'
import { startApp, type AppHarness } from '../helpers/app-harness'
import { tempDir } from '../helpers/stores'

let app: AppHarness
let dir: ReturnType<typeof tempDir>
let demo: string
let seqNo: number

beforeAll(async () => {
  dir = tempDir('e2e-demo')
  demo = join(dir.path, 'coherence-demo.db')
  seqNo = await createDemoStore(demo)
  app = await startApp({ demoStore: demo })
}, 120_000)

afterAll(async () => {
  await app?.close()
  dir?.remove()
})

describe('the demo store', () => {
  it('opens at start-up when no file was given', async () => {
    await app.page.getByTestId('overview').waitFor()
    expect(await app.page.getByTestId('store-name').textContent()).toBe('coherence-demo.db')
    expect(await app.page.getByTestId('header-seq-no').textContent()).toBe(seqNo.toLocaleString('en-US'))
    await expect.poll(() => app.page.getByTestId('count-events').textContent()).toBe(seqNo.toLocaleString('en-US'))
    await app.screenshot('demo-overview-light')
    await app.setColorScheme('dark')
    await app.screenshot('demo-overview-dark')
    await app.setColorScheme('light')
  })

  it('shows where to drop a file while one is dragged over the window', async () => {
    await app.page.evaluate(() => {
      const transfer = new DataTransfer()
      transfer.items.add(new File(['x'], 'some.db'))
      document.body.dispatchEvent(new DragEvent('dragenter', { dataTransfer: transfer, bubbles: true, cancelable: true }))
    })
    await app.page.getByTestId('drop-overlay').waitFor()
    await app.screenshot('demo-drop-overlay-light')
    await app.page.evaluate(() => document.body.dispatchEvent(new DragEvent('dragleave', { bubbles: true })))
    await app.page.getByTestId('drop-overlay').waitFor({ state: 'detached' })
  })

  it('reopens from the command palette after it was closed', async () => {
    await app.page.keyboard.press('Control+W')
    await app.page.getByTestId('empty-state').waitFor()
    await app.screenshot('demo-empty-with-demo-light')
    await app.runCommand('Open the demo store')
    await app.page.getByTestId('overview').waitFor()
    expect(await app.page.getByTestId('store-name').textContent()).toBe('coherence-demo.db')
  })
})
