/**
 * Channel tests through the real IPC entry point: `dispatch` with the real
 * store host (worker threads), the real recent-files list and scripted
 * dialogs, in a temporary folder of its own.
 */
import { join } from 'node:path'
import type { IpcError, IpcResult } from '../../src/shared/ipc/errors'
import { JsonRecentFiles } from '../../src/main/app/recent-files'
import { JsonRecentConnections } from '../../src/main/app/recent-connections'
import { keyedSecretBox } from './secret-box'
import { startupOnce } from '../../src/main/app/launch'
import type { IpcDeps } from '../../src/main/ipc/deps'
import { dispatch } from '../../src/main/ipc/dispatch'
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
    startup: startupOnce([], null, 'linux', '0.0.0')
  }
  const call = async <T>(channel: string, payload: unknown): Promise<IpcResult<T>> => (await dispatch(deps, channel, payload, true)) as IpcResult<T>
  return {
    deps,
    dialogs,
    hostEvents,
    dir,
    call,
    value: async <T>(channel: string, payload: unknown): Promise<T> => {
      const result = await call<T>(channel, payload)
      if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`)
      return result.value
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
