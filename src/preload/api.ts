/**
 * The bridge object, built from a transport: exactly the contract's API
 * (`satisfies CoherenceApi`), nothing more. Only contract channel and event
 * names pass; main validates every payload again. The Electron preload and
 * the test harness build it from their own transports.
 */
import type { Channel, CoherenceApi, DroppedFile, PushEventName } from '../shared/ipc/contract'
import { BRIDGE_ONLY_CHANNELS, isChannel, isPushEventName } from '../shared/ipc/channels'

/** How the bridge reaches main. */
export interface BridgeTransport {
  invoke(channel: Channel, request: unknown): Promise<unknown>
  subscribe(event: PushEventName, listener: (payload: unknown) => void): () => void
  /** The file-system path Chromium attached to a real dropped `File` ('' for one a script made). */
  pathForFile(file: DroppedFile): string
}

const refused = (channel: unknown): Promise<never> =>
  Promise.resolve({ ok: false, error: { code: 'unknown-channel', message: `The app has no request called "${String(channel).slice(0, 80)}".` } }) as never

/** The API the window sees as `window.coherence`. */
export function createBridge(transport: BridgeTransport): CoherenceApi {
  const api = {
    invoke: (channel, request) => {
      if (!isChannel(channel) || BRIDGE_ONLY_CHANNELS.includes(channel)) return refused(channel)
      return transport.invoke(channel, request) as never
    },
    on: (event, listener) => {
      if (!isPushEventName(event)) return () => undefined
      return transport.subscribe(event, listener as (payload: unknown) => void)
    },
    droppedFile: async (file) => {
      let path = ''
      try {
        path = transport.pathForFile(file)
      } catch {
        // Not a File at all: Electron throws; answered below like a File without a path.
      }
      if (!path) {
        return { ok: false, error: { code: 'not-chosen', message: `The app was not told where ${String(file?.name)} is. Use File ▸ Open instead.` } }
      }
      return transport.invoke('app:dropped-file', { path }) as never
    }
  } satisfies CoherenceApi
  return api
}
