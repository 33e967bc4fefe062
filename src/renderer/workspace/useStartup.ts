/**
 * The window's start-up and its subscriptions to main: take back stores that
 * are still open (a reloaded window), open the launch files, keep the recent
 * files list, and follow stores that change or are lost.
 */
import { useEffect, useRef, useState, type Dispatch } from 'react'
import type { ChosenLocation, RecentLocation, StartupInfo, StoreInfo } from '../../shared/ipc/types'
import { call, subscribe } from '../ipc/client'
import { notifyError } from '../ui/notify'
import { forgetStore } from './view-state'
import { useRecentList } from './useRecentList'
import type { WorkspaceAction } from './workspace-state'

/** The recent files list and what changes it. */
export interface RecentFiles {
  readonly recent: readonly RecentLocation[]
  refreshRecent(): void
  forgetRecent(path?: string): Promise<void>
}

const loadRecent = (): Promise<readonly RecentLocation[]> => call('app:recent', {})
const forgetRecentPath = (path?: string): Promise<readonly RecentLocation[]> => call('app:forget-recent', path === undefined ? {} : { path })

/** The recent files list, kept fresh. */
export function useRecentFiles(): RecentFiles {
  const { items, refresh, forget } = useRecentList(loadRecent, forgetRecentPath)
  return { recent: items, refreshRecent: refresh, forgetRecent: forget }
}

/** Start-up, once per window (`openPath` opens a launch file). */
export function useStartup(dispatch: Dispatch<WorkspaceAction>, openPath: (file: ChosenLocation) => Promise<StoreInfo | null>, refreshRecent: () => void): StartupInfo | null {
  const [startup, setStartup] = useState<StartupInfo | null>(null)
  const started = useRef(false)
  useEffect(() => {
    if (started.current) return
    started.current = true
    void (async () => {
      try {
        for (const info of await call('store:list', {})) dispatch({ type: 'opened', info })
        const info = await call('app:startup', {})
        setStartup(info)
        for (const file of info.files) await openPath(file)
      } catch (e) {
        notifyError('The app could not start properly', e)
      }
    })()
    refreshRecent()
  }, [dispatch, openPath, refreshRecent])

  useEffect(() => subscribe('store:disconnected', ({ storeId, message }) => dispatch({ type: 'disconnected', storeId, message })), [dispatch])
  useEffect(() => subscribe('store:changed', ({ storeId, seqNo }) => dispatch({ type: 'changed', storeId, seqNo })), [dispatch])
  useEffect(
    () =>
      subscribe('store:lost', ({ storeId, message }) => {
        dispatch({ type: 'closed', storeId })
        forgetStore(storeId)
        notifyError('A store was closed', message)
      }),
    [dispatch]
  )
  return startup
}
