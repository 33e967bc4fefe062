/**
 * Smoke test of the real app: Electron starts the built main process, which
 * runs the store in a worker with the Electron-ABI better-sqlite3, and the
 * sandboxed window shows the store. Runs only where the Electron binary is
 * installed; elsewhere it is reported as skipped, with the reason.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { _electron, type ElectronApplication, type Page } from 'playwright-core'
import { ROOT } from '../helpers/build'
import { makeBookStore, sha256, tempDir } from '../helpers/stores'
import { ensureDisplay, type VirtualDisplay } from '../helpers/xvfb'

function electronBinary(): string | null {
  try {
    const path: unknown = createRequire(join(ROOT, 'package.json'))('electron')
    return typeof path === 'string' && existsSync(path) ? path : null
  } catch {
    return null
  }
}

const electron = electronBinary()
const skipReason = electron ? null : 'the Electron binary is not installed (node_modules/electron has no dist/; `npm start` downloads it where GitHub is reachable)'
if (skipReason) console.info(`[electron-launch.e2e] skipped: ${skipReason}`)

describe.skipIf(skipReason !== null)('the Electron app', () => {
  let app: ElectronApplication
  let win: Page
  let display: VirtualDisplay | null
  let dir: ReturnType<typeof tempDir>
  let store: string

  beforeAll(async () => {
    dir = tempDir('electron')
    store = await makeBookStore(dir.path, 'books.db', ['Neuromancer', 'Count Zero', 'Mona Lisa Overdrive'])
    const prepared = JSON.parse(execFileSync(process.execPath, [join(ROOT, 'scripts/start.mjs'), '--prepare-only'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })) as { electron: string; binding: string; demo: string }
    display = await ensureDisplay()
    if (!display) throw new Error('No display and no Xvfb: install it with apt-get install -y xvfb.')
    app = await _electron.launch({
      executablePath: prepared.electron,
      args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), ROOT, '--', store],
      cwd: ROOT,
      env: { ...process.env, DISPLAY: display.display, COHERENCE_NATIVE_BINDING: prepared.binding, COHERENCE_DEMO_STORE: prepared.demo }
    })
    win = await app.firstWindow()
  }, 600_000)

  afterAll(async () => {
    await app?.close()
    display?.stop()
    dir?.remove()
  })

  it('opens the store from the command line, read-only, with its seq-no', async () => {
    await win.getByTestId('header-seq-no').waitFor({ timeout: 30_000 })
    expect(await win.getByTestId('header-seq-no').textContent()).toBe('3')
    expect(await win.getByTestId('lock-badge').textContent()).toBe('Read-only')
    await expect.poll(() => win.getByTestId('count-actions').textContent()).toBe('3')
    await win.screenshot({ path: join(ROOT, 'test-results/screenshots/electron-overview.png') })
  })

  it('gives the page no Node, only the contract bridge', async () => {
    const page = await win.evaluate(() => ({
      bridge: Object.keys((window as unknown as { coherence: object }).coherence).sort(),
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process
    }))
    expect(page).toEqual({ bridge: ['droppedFile', 'invoke', 'on'], require: 'undefined', process: 'undefined' })
  })

  it('answers an invalid request with a typed error and a locked write with a refusal', async () => {
    const before = sha256(store)
    const results = await win.evaluate(async () => {
      const api = (window as unknown as { coherence: { invoke(c: string, r: unknown): Promise<unknown> } }).coherence
      const stores = (await api.invoke('store:list', {})) as { value: { storeId: string }[] }
      const storeId = stores.value[0].storeId
      return [await api.invoke('store:open', { path: 42 }), await api.invoke('store:rebase', { storeId, eventsEdn: '[]', base: 4 })]
    })
    expect(results).toMatchObject([{ ok: false, error: { code: 'invalid-request' } }, { ok: false, error: { code: 'store-locked' } }])
    expect(sha256(store)).toBe(before)
  })

  it('blocks navigation and new windows', async () => {
    await win.evaluate(() => {
      window.open('https://example.com/')
      window.location.href = 'https://example.com/'
    })
    await new Promise((r) => setTimeout(r, 500))
    expect(app.windows()).toHaveLength(1)
    expect(win.url()).toMatch(/^file:.*\/out\/renderer\/index\.html$/)
  })
})
