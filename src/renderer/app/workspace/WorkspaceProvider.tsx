/**
 * The window's controller: open stores (tabs), the open/create/close/lock
 * flows, recent files and start-up, shared through React context so the
 * header, navbar, command palette, menu commands and features all run the
 * same actions.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useReducer, useRef, useState, type ReactNode } from 'react'
import type { TableNames } from '../../../shared/domain'
import type { AppCommandEvent, RecentFile, StartupInfo, StoreInfo } from '../../../shared/ipc/types'
import { call, subscribe } from '../../ipc/client'
import { notifyError } from '../notify'
import { DEFAULT_SECTION } from '../sections'
import { useStoreOpener, type StoreOpener } from './useStoreOpener'
import { forgetStore } from './view-state'
import { activeTab, fileName, initialWorkspace, workspaceReducer, type StoreTab, type WorkspaceState } from './workspace-state'

/** Everything the shell and features use. */
export interface Workspace {
  readonly state: WorkspaceState
  readonly active: StoreTab | null
  readonly startup: StartupInfo | null
  readonly recent: readonly RecentFile[]
  readonly opener: StoreOpener
  /** The store waiting for the user to confirm unlocking it. */
  readonly unlockTarget: StoreInfo | null
  readonly newStoreOpen: boolean
  openPath(path: string, tables?: TableNames): Promise<StoreInfo | null>
  openWithDialog(): Promise<void>
  openDemo(): Promise<void>
  showNewStore(show: boolean): void
  createStore(path: string, tables: TableNames): Promise<StoreInfo | null>
  closeStore(storeId?: string): Promise<void>
  activate(storeId: string): void
  cycle(step: 1 | -1): void
  showSection(section: string): void
  requestUnlock(storeId?: string): void
  answerUnlock(confirmed: boolean): Promise<void>
  lock(storeId?: string): Promise<void>
  forgetRecent(path?: string): Promise<void>
  /** Run a command from the native menu. */
  runCommand(command: AppCommandEvent): void
  /** Open the command palette (set by the palette component). */
  openPalette(): void
}

const WorkspaceContext = createContext<Workspace | null>(null)

/** The workspace of the nearest provider. */
export function useWorkspace(): Workspace {
  const workspace = useContext(WorkspaceContext)
  if (!workspace) throw new Error('useWorkspace needs a WorkspaceProvider')
  return workspace
}

/** Provides the workspace; `openPalette` opens the command palette. */
export function WorkspaceProvider({ children, openPalette }: { children: ReactNode; openPalette: () => void }): ReactNode {
  const [state, dispatch] = useReducer(workspaceReducer, DEFAULT_SECTION, initialWorkspace)
  const [startup, setStartup] = useState<StartupInfo | null>(null)
  const [recent, setRecent] = useState<readonly RecentFile[]>([])
  const [unlockTarget, setUnlockTarget] = useState<StoreInfo | null>(null)
  const [newStoreOpen, setNewStoreOpen] = useState(false)

  const refreshRecent = useCallback(() => {
    call('app:recent', {}).then(setRecent, () => undefined)
  }, [])
  const opened = useCallback(
    (info: StoreInfo) => {
      dispatch({ type: 'opened', info })
      refreshRecent()
    },
    [refreshRecent]
  )
  const opener = useStoreOpener(opened)
  const { openPath } = opener
  const active = activeTab(state)
  const idOrActive = useCallback((storeId?: string) => storeId ?? state.activeId, [state.activeId])

  const openWithDialog = useCallback(async () => {
    try {
      const path = await call('dialog:open-store', {})
      if (path) await openPath(path)
    } catch (e) {
      notifyError('Could not show the Open dialog', e)
    }
  }, [openPath])

  const openDemo = useCallback(async () => {
    if (startup?.demoStore) await openPath(startup.demoStore)
  }, [openPath, startup])

  const createStore = useCallback(
    async (path: string, tables: TableNames) => {
      try {
        const info = await call('store:create', { path, tables })
        opened(info)
        setNewStoreOpen(false)
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
    [idOrActive]
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
        notifyError(`Could not unlock ${fileName(target.path)}`, e)
      }
    },
    [unlockTarget]
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
    [idOrActive]
  )

  const forgetRecent = useCallback(async (path?: string) => {
    setRecent(await call('app:forget-recent', path === undefined ? {} : { path }))
  }, [])

  const runCommand = useCallback(
    (event: AppCommandEvent) => {
      const commands: Record<AppCommandEvent['command'], () => void> = {
        'open-store': () => void openWithDialog(),
        'new-store': () => setNewStoreOpen(true),
        'open-demo': () => void openDemo(),
        'open-path': () => void (event.path && openPath(event.path)),
        'close-store': () => void closeStore(),
        'command-palette': openPalette,
        'next-store': () => dispatch({ type: 'cycled', step: 1 }),
        'previous-store': () => dispatch({ type: 'cycled', step: -1 })
      }
      commands[event.command]()
    },
    [closeStore, openDemo, openPalette, openPath, openWithDialog]
  )

  // Start-up, once per window: take back stores that are still open (a reloaded window), then open the launch files.
  const started = useRef(false)
  useEffect(() => {
    if (started.current) return
    started.current = true
    void (async () => {
      try {
        for (const info of await call('store:list', {})) dispatch({ type: 'opened', info })
        const info = await call('app:startup', {})
        setStartup(info)
        for (const path of info.files) await openPath(path)
      } catch (e) {
        notifyError('The app could not start properly', e)
      }
    })()
    refreshRecent()
  }, [openPath, refreshRecent])

  useEffect(() => subscribe('store:changed', ({ storeId, seqNo }) => dispatch({ type: 'changed', storeId, seqNo })), [])
  useEffect(
    () =>
      subscribe('store:lost', ({ storeId, message }) => {
        dispatch({ type: 'closed', storeId })
        forgetStore(storeId)
        notifyError('A store was closed', message)
      }),
    []
  )
  useEffect(() => subscribe('app:command', runCommand), [runCommand])
  useEffect(() => {
    document.title = active ? `${fileName(active.info.path)} — Coherence Studio` : 'Coherence Studio'
  }, [active])

  const workspace = useMemo<Workspace>(
    () => ({
      state,
      active,
      startup,
      recent,
      opener,
      unlockTarget,
      newStoreOpen,
      openPath,
      openWithDialog,
      openDemo,
      showNewStore: setNewStoreOpen,
      createStore,
      closeStore,
      activate: (storeId) => dispatch({ type: 'activated', storeId }),
      cycle: (step) => dispatch({ type: 'cycled', step }),
      showSection: (section) => dispatch({ type: 'section', section }),
      requestUnlock,
      answerUnlock,
      lock,
      forgetRecent,
      runCommand,
      openPalette
    }),
    [state, active, startup, recent, opener, unlockTarget, newStoreOpen, openPath, openWithDialog, openDemo, createStore, closeStore, requestUnlock, answerUnlock, lock, forgetRecent, runCommand, openPalette]
  )
  return <WorkspaceContext.Provider value={workspace}>{children}</WorkspaceContext.Provider>
}
