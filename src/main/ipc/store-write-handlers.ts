/** Unlocking, locking and writing. `store:rebase` and `store:add-trigger-index` only reaches here for an unlocked store (see dispatch). */
import { basename } from 'node:path'
import { HostError } from '../host/host-error'
import type { Handlers } from './handler'

/** `store:unlock`, `store:lock`, `store:reconnect`, `store:rebase`, `store:add-trigger-index` */
export const storeWriteHandlers: Handlers<'store:unlock' | 'store:lock' | 'store:reconnect' | 'store:rebase' | 'store:add-trigger-index'> = {
  // The confirmation is main's own native dialog: a request from the page alone never unlocks.
  'store:unlock': async (deps, { storeId }) => {
    const { kind, path, locked, fileReadOnly } = await deps.host.info(storeId)
    if (!locked) return deps.host.info(storeId)
    // A read-only file (a role without INSERT) is refused by the host without asking.
    const name = kind === 'postgres' ? path : basename(path)
    if (!fileReadOnly && !(await deps.dialogs.confirmUnlock(name, path))) {
      throw new HostError('cancelled', `${name} stays read-only: unlocking was not confirmed.`)
    }
    return deps.host.unlock(storeId)
  },
  'store:lock': (deps, request) => deps.host.lock(request.storeId),
  'store:reconnect': (deps, request) => deps.host.reconnect(request.storeId),
  'store:rebase': (deps, { storeId, ...request }) => deps.host.rebase(storeId, request),
  // Only for an unlocked store (dispatch and the host refuse a locked one): the unlock was confirmed in main already.
  'store:add-trigger-index': (deps, { storeId }) => deps.host.addTriggerIndex(storeId)
}
