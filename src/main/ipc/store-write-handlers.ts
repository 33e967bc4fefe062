/** Unlocking, locking and writing. `store:rebase` only reaches here for an unlocked store (see dispatch). */
import type { Handlers } from './handler'

/** `store:unlock`, `store:lock`, `store:reconnect`, `store:rebase` */
export const storeWriteHandlers: Handlers<'store:unlock' | 'store:lock' | 'store:reconnect' | 'store:rebase'> = {
  'store:unlock': (deps, request) => deps.host.unlock(request.storeId),
  'store:lock': (deps, request) => deps.host.lock(request.storeId),
  'store:reconnect': (deps, request) => deps.host.reconnect(request.storeId),
  'store:rebase': (deps, { storeId, ...request }) => deps.host.rebase(storeId, request)
}
