/**
 * What can be done to open stores: create, close, unlock (main asks the user
 * in a native dialog) and lock. Failures become one notification sentence each.
 */
import { useCallback, useMemo, type Dispatch } from 'react'
import type { TableNames } from '../../shared/domain'
import type { ChosenLocation, StoreInfo } from '../../shared/ipc/types'
import { call, IpcCallError } from '../ipc/client'
import { fileName, storeName } from '../ui/format'
import { notifyError } from '../ui/notify'
import { forgetStore } from './view-state'
import type { WorkspaceAction, WorkspaceState } from './workspace-state'

/** The actions. */
export interface StoreActions {
  createStore(file: ChosenLocation, tables: TableNames): Promise<StoreInfo | null>
  closeStore(storeId?: string): Promise<void>
  /** Unlock for writing; main confirms with the user in its own dialog first. */
  requestUnlock(storeId?: string): Promise<void>
  lock(storeId?: string): Promise<void>
  /** Open a store whose connection was lost again (read-only). */
  reconnect(storeId?: string): Promise<void>
}

/** The actions on `state`'s stores; `opened` receives a created store. Without a store id, they act on the active store. */
export function useStoreActions(state: WorkspaceState, dispatch: Dispatch<WorkspaceAction>, opened: (info: StoreInfo) => void): StoreActions {
  const idOrActive = useCallback((storeId?: string) => storeId ?? state.activeId, [state.activeId])

  const createStore = useCallback(
    async ({ location, path }: ChosenLocation, tables: TableNames) => {
      try {
        const info = await call('store:create', { location, tables })
        opened(info)
        return info
      } catch (e) {
        notifyError(`Could not create ${fileName(path)}`, e)
        return null
      }
    },
    [opened]
  )

  const closeStore = useCallback(
    async (storeId?: string) => {
      const id = idOrActive(storeId)
      if (!id) return
      dispatch({ type: 'closed', storeId: id })
      forgetStore(id)
      await call('store:close', { storeId: id }).catch(() => undefined)
    },
    [dispatch, idOrActive]
  )

  const requestUnlock = useCallback(
    async (storeId?: string) => {
      const target = state.tabs.find((t) => t.info.storeId === idOrActive(storeId))?.info
      if (!target?.locked) return
      try {
        dispatch({ type: 'updated', info: await call('store:unlock', { storeId: target.storeId }) })
      } catch (e) {
        if (!(e instanceof IpcCallError && e.code === 'cancelled')) notifyError(`Could not unlock ${storeName(target)}`, e)
      }
    },
    [dispatch, idOrActive, state.tabs]
  )

  /** Run a channel that answers with the store's new info, on `storeId` or the active store. */
  const updateInfo = useCallback(
    async (channel: 'store:lock' | 'store:reconnect', failure: string, storeId?: string) => {
      const id = idOrActive(storeId)
      if (!id) return
      try {
        dispatch({ type: 'updated', info: await call(channel, { storeId: id }) })
      } catch (e) {
        notifyError(failure, e)
      }
    },
    [dispatch, idOrActive]
  )
  const lock = useCallback((storeId?: string) => updateInfo('store:lock', 'Could not lock the store', storeId), [updateInfo])
  const reconnect = useCallback((storeId?: string) => updateInfo('store:reconnect', 'Could not reconnect', storeId), [updateInfo])

  return useMemo(() => ({ createStore, closeStore, requestUnlock, lock, reconnect }), [createStore, closeStore, requestUnlock, lock, reconnect])
}
