/**
 * The one typed client over the preload bridge. `call` returns the response
 * value or throws an `IpcCallError` with the contract's code and a message
 * meant for the user.
 */
import type { Channel, PushEventName, PushPayloads, RequestOf, ResponseOf } from '../../shared/ipc/contract'
import type { IpcError, IpcErrorCode, IpcResult } from '../../shared/ipc/errors'
import type { ChosenLocation } from '../../shared/ipc/types'

/** A failed request: `code` for the program, `message` for the user. */
export class IpcCallError extends Error {
  readonly code: IpcErrorCode

  constructor(error: IpcError) {
    super(error.message)
    this.name = 'IpcCallError'
    this.code = error.code
  }
}

/** Send a request to main. */
export async function call<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
  const result = await window.coherence.invoke(channel, request)
  if (result.ok) return result.value
  throw new IpcCallError(result.error)
}

/** Listen to a push event from main; returns the function that stops listening. */
export function subscribe<E extends PushEventName>(event: E, listener: (payload: PushPayloads[E]) => void): () => void {
  return window.coherence.on(event, listener)
}

/** Hand a dropped file to main, which answers with the location to open it by. */
export function droppedFile(file: File): Promise<IpcResult<ChosenLocation>> {
  return window.coherence.droppedFile(file)
}

/** The message to show for any failure. */
export function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e)
}
