/**
 * Benchmarks through the app's real paths: a keyset page of 200 rows through
 * IPC (dispatch → store host → worker thread → store), and the renderer's
 * time to first rows (built renderer in Chromium, bridged to the real main
 * dispatch, as the e2e harness runs it).
 */
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import type { IpcResult } from '../src/shared/ipc/errors'
import type { StoreInfo } from '../src/shared/ipc/types'
import type { EventPage } from '../src/shared/browse'
import { JsonRecentFiles } from '../src/main/app/recent-files'
import { JsonRecentConnections } from '../src/main/app/recent-connections'
import { unavailableSecretBox } from '../test/helpers/secret-box'
import { startupOnce } from '../src/main/app/launch'
import type { IpcDeps } from '../src/main/ipc/deps'
import { dispatch } from '../src/main/ipc/dispatch'
import { ChosenLocations } from '../src/main/ipc/locations'
import { ScriptedDialogs } from '../test/helpers/scripted-dialogs'
import { recordingListener, startTestHost } from '../test/helpers/test-host'
import { startApp } from '../test/helpers/app-harness'
import { random } from './generate'

/** Timings of `runs` calls of `fn` in ms, sorted. */
async function timings(runs: number, fn: () => Promise<unknown>): Promise<number[]> {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    await fn()
    times.push(performance.now() - start)
  }
  return times.sort((a, b) => a - b)
}

const median = (sorted: readonly number[]): number => sorted[Math.floor(sorted.length / 2)]

async function value<T>(deps: IpcDeps, channel: string, payload: unknown): Promise<T> {
  const result = (await dispatch(deps, channel, payload, true)) as IpcResult<T>
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`)
  return result.value
}

/** Median ms of one `store:page` of 200 rows at a random place, through dispatch, host and worker. */
export async function benchIpcPage(path: string, events: number): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'coherence-bench-'))
  const deps: IpcDeps = {
    host: await startTestHost(recordingListener().listener, 1000),
    dialogs: new ScriptedDialogs(),
    recent: new JsonRecentFiles(join(dir, 'recent.json')),
    connections: new JsonRecentConnections(join(dir, 'recent-connections.json'), unavailableSecretBox()),
    locations: new ChosenLocations(),
    startup: startupOnce([], null, 'linux', 'bench')
  }
  try {
    const { storeId } = await value<StoreInfo>(deps, 'store:open', { location: deps.locations.choose(path, 'open').location })
    const rnd = random(5)
    const page = (): Promise<EventPage> => value<EventPage>(deps, 'store:page', { storeId, limit: 200, after: Math.floor(rnd() * (events - 200)) })
    await timings(3, page) // warm the worker and the page cache
    const times = await timings(41, page)
    if ((await page()).rows.length !== 200) throw new Error('bench: a page did not hold 200 rows')
    return median(times)
  } finally {
    await deps.host.closeAll()
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Renderer time to first rows: from clicking "Events" until the table shows rows, cold (right after opening) and warm. */
export async function benchFirstRows(path: string): Promise<{ cold: number; warm: number; section: string }> {
  const app = await startApp({ files: [path], viewport: { width: 1440, height: 900 } })
  try {
    await app.page.getByTestId('overview').waitFor({ timeout: 300_000 })
    const nav = app.page.getByRole('navigation', { name: 'Sections' })
    const hasEvents = (await nav.getByText('Events', { exact: true }).count()) > 0
    // Until the Events section exists, measure the Overview's latest events instead.
    const section = hasEvents ? 'Events' : 'Overview'
    const rows = hasEvents ? app.page.locator('[data-testid="event-table"] [role="row"][data-seq-no]') : app.page.locator('[data-testid="latest-events"] tbody tr')
    const open = async (): Promise<number> => {
      const start = performance.now()
      await nav.getByText(section, { exact: true }).click()
      await rows.first().waitFor({ timeout: 300_000 })
      return performance.now() - start
    }
    const cold = await open()
    const warm: number[] = []
    for (let i = 0; i < 5; i++) {
      await nav.getByText(hasEvents ? 'Overview' : 'Replay', { exact: true }).click()
      await rows.first().waitFor({ state: 'detached' })
      warm.push(await open())
    }
    return { cold, warm: median(warm.sort((a, b) => a - b)), section }
  } finally {
    await app.close()
  }
}
