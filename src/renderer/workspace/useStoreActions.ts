/**
 * What can be done to open stores: create, close, unlock (after the user
 * confirms) and lock. Failures become one notification sentence each.
 */
import { useCallback, useMemo, useState, type Dispatch } from 'react'
import type { TableNames } from '../../shared/domain'
import type { StoreInfo } from '../../shared/ipc/types'
import { call } from '../ipc/client'
import { fileName, storeName } from '../ui/format'
import { notifyError } from '../ui/notify'
import { forgetStore } from './view-state'
import type { WorkspaceAction, WorkspaceState } from './workspace-state'

/** The actions and the store waiting for the unlock confirmation. */
export interface StoreActions {
  readonly unlockTarget: StoreInfo | null
  createStore(path: string, tables: TableNames): Promise<StoreInfo | null>
  closeStore(storeId?: string): Promise<void>
  requestUnlock(storeId?: string): void
  answerUnlock(confirmed: boolean): Promise<void>
  lock(storeId?: string): Promise<void>
  /** Open a store whose connection was lost again (read-only). */
  reconnect(storeId?: string): Promise<void>
}

/** The actions on `state`'s stores; `opened` receives a created store. Without a store id, they act on the active store. */
export function useStoreActions(state: WorkspaceState, dispatch: Dispatch<WorkspaceAction>, opened: (info: StoreInfo) => void): StoreActions {
  const [unlockTarget, setUnlockTarget] = useState<StoreInfo | null>(null)
  const idOrActive = useCallback((storeId?: string) => storeId ?? state.activeId, [state.activeId])

  const createStore = useCallback(
    async (path: string, tables: TableNames) => {
      try {
        const info = await call('store:create', { path, tables })
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
    (storeId?: string) => {
      const tab = state.tabs.find((t) => t.info.storeId === idOrActive(storeId))
      if (tab && tab.info.locked) setUnlockTarget(tab.info)
    },
    [idOrActive, state.tabs]
  )

  const answerUnlock = useCallback(
    async (confirmed: boolean) => {
      const target = unlockTarget
      setUnlockTarget(null)
      if (!confirmed || !target) return
      try {
        dispatch({ type: 'updated', info: await call('store:unlock', { storeId: target.storeId }) })
      } catch (e) {
        notifyError(`Could not unlock ${storeName(target)}`, e)
      }
    },
    [dispatch, unlockTarget]
  )

  const lock = useCallback(
    async (storeId?: string) => {
      const id = idOrActive(storeId)
      if (!id) return
      try {
        dispatch({ type: 'updated', info: await call('store:lock', { storeId: id }) })
      } catch (e) {
        notifyError('Could not lock the store', e)
      }
    },
    [dispatch, idOrActive]
  )

  const reconnect = useCallback(
    async (storeId?: string) => {
      const id = idOrActive(storeId)
      if (!id) return
      try {
        dispatch({ type: 'updated', info: await call('store:reconnect', { storeId: id }) })
      } catch (e) {
        notifyError('Could not reconnect', e)
      }
    },
    [dispatch, idOrActive]
  )

  return useMemo(
    () => ({ unlockTarget, createStore, closeStore, requestUnlock, answerUnlock, lock, reconnect }),
    [unlockTarget, createStore, closeStore, requestUnlock, answerUnlock, lock, reconnect]
  )
}
