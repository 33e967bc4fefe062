/**
 * The bridge object, built from a transport: exactly the contract's API
 * (`satisfies CoherenceApi`), nothing more. Only contract channel and event
 * names pass; main validates every payload again. The Electron preload and
 * the test harness build it from their own transports.
 */
import type { Channel, CoherenceApi, DroppedFile, PushEventName } from '../shared/ipc/contract'
import { isChannel, isPushEventName } from '../shared/ipc/channels'

/** How the bridge reaches main. */
export interface BridgeTransport {
  invoke(channel: Channel, request: unknown): Promise<unknown>
  subscribe(event: PushEventName, listener: (payload: unknown) => void): () => void
  pathForFile(file: DroppedFile): string
}

/** The API the window sees as `window.coherence`. */
export function createBridge(transport: BridgeTransport): CoherenceApi {
  const api = {
    invoke: (channel, request) => {
      if (!isChannel(channel)) {
        return Promise.resolve({ ok: false, error: { code: 'unknown-channel', message: `The app has no request called "${String(channel)}".` } })
      }
      return transport.invoke(channel, request) as never
    },
    on: (event, listener) => {
      if (!isPushEventName(event)) return () => undefined
      return transport.subscribe(event, listener as (payload: unknown) => void)
    },
    pathForFile: (file) => transport.pathForFile(file)
  } satisfies CoherenceApi
  return api
}
