/**
 * Channel tests through the real IPC entry point: `dispatch` with the real
 * store host (worker threads), the real recent-files list and scripted
 * dialogs, in a temporary folder of its own.
 */
import { join } from 'node:path'
import type { TableNames } from '../../src/shared/domain'
import type { IpcError, IpcResult } from '../../src/shared/ipc/errors'
import type { ChosenLocation, StoreInfo } from '../../src/shared/ipc/types'
import { JsonRecentFiles } from '../../src/main/app/recent-files'
import { JsonRecentConnections } from '../../src/main/app/recent-connections'
import { keyedSecretBox } from './secret-box'
import { startupOnce } from '../../src/main/app/launch'
import type { IpcDeps } from '../../src/main/ipc/deps'
import { dispatch } from '../../src/main/ipc/dispatch'
import { ChosenLocations } from '../../src/main/ipc/locations'
import { ScriptedDialogs } from './scripted-dialogs'
import { tempDir } from './stores'
import { recordingListener, startTestHost, type HostEvents } from './test-host'

/** A running IPC entry point. */
export interface IpcHarness {
  readonly deps: IpcDeps
  readonly dialogs: ScriptedDialogs
  readonly hostEvents: HostEvents
  /** The harness's temporary folder (removed by `close`). */
  readonly dir: ReturnType<typeof tempDir>
  /** Send a request as the app window does; the answer as data. */
  call<T>(channel: string, payload: unknown): Promise<IpcResult<T>>
  /** The answer's value; a failed request throws naming its code and message. */
  value<T>(channel: string, payload: unknown): Promise<T>
  /** The answer's error; a request that succeeds throws. */
  failure(channel: string, payload: unknown): Promise<IpcError>
  /** The user picks `path` in File ▸ Open: its location token. */
  choose(path: string): Promise<ChosenLocation>
  /** The user picks `path` in File ▸ Open and the window opens it (with `tables`, or detected ones). */
  open(path: string, tables?: TableNames): Promise<StoreInfo>
  /** The user confirms the native unlock dialog and the window unlocks `storeId`. */
  unlock(storeId: string): Promise<StoreInfo>
  /** Close every store, stop the workers, remove the folder. */
  close(): Promise<void>
}

/** Start the entry point; `prefix` names the temporary folder. */
export async function startIpc(prefix: string): Promise<IpcHarness> {
  const dir = tempDir(prefix)
  const dialogs = new ScriptedDialogs()
  const { events: hostEvents, listener } = recordingListener()
  const deps: IpcDeps = {
    host: await startTestHost(listener),
    dialogs,
    recent: new JsonRecentFiles(join(dir.path, 'recent.json')),
    connections: new JsonRecentConnections(join(dir.path, 'recent-connections.json'), keyedSecretBox()),
    locations: new ChosenLocations(),
    startup: startupOnce([], null, 'linux', '0.0.0')
  }
  const call = async <T>(channel: string, payload: unknown): Promise<IpcResult<T>> => (await dispatch(deps, channel, payload, true)) as IpcResult<T>
  const value = async <T>(channel: string, payload: unknown): Promise<T> => {
    const result = await call<T>(channel, payload)
    if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`)
    return result.value
  }
  const choose = async (path: string): Promise<ChosenLocation> => {
    dialogs.willOpen(path)
    const chosen = await value<ChosenLocation | null>('dialog:open-store', {})
    if (!chosen) throw new Error('the open dialog was cancelled')
    return chosen
  }
  return {
    deps,
    dialogs,
    hostEvents,
    dir,
    call,
    value,
    choose,
    open: async (path, tables) => value<StoreInfo>('store:open', { location: (await choose(path)).location, ...(tables ? { tables } : {}) }),
    unlock: async (storeId) => {
      dialogs.willConfirmUnlock(true)
      return value<StoreInfo>('store:unlock', { storeId })
    },
    failure: async (channel, payload) => {
      const result = await call(channel, payload)
      if (result.ok) throw new Error(`${channel} succeeded`)
      return result.error
    },
    close: async () => {
      await deps.host.closeAll()
      dir.remove()
    }
  }
}
