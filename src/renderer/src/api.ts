/** The one typed client the renderer uses to talk to main. */
import type { Channel, IpcResult, RequestOf, ResponseValues, PushEvents } from '../../shared/ipc/contract'

/** Call a channel; the result is data (`ok` or a typed error), never a throw. */
export function invoke<C extends Channel>(channel: C, request: RequestOf<C>): Promise<IpcResult<ResponseValues[C]>> {
  return window.coherence.invoke(channel, request)
}

/** Subscribe to a push event; returns the unsubscribe function. */
export function subscribe<E extends keyof PushEvents>(event: E, listener: (payload: PushEvents[E]) => void): () => void {
  return window.coherence.on(event, listener)
}
