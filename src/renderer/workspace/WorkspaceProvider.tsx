/**
 * The window's controller: open stores (tabs), the open/create/close/lock
 * flows, recent files and start-up, shared through React context so the
 * header, navbar, command palette, menu commands and features all run the
 * same actions.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useReducer, useState, type ReactNode } from 'react'
import type { TableNames } from '../../shared/domain'
import type { AppCommandEvent, ChosenLocation, RecentConnection, RecentLocation, StartupInfo, StoreInfo } from '../../shared/ipc/types'
import { call, subscribe } from '../ipc/client'
import { storeName } from '../ui/format'
import { notifyError } from '../ui/notify'
import { useStoreActions, type StoreActions } from './useStoreActions'
import { useRecentFiles, useStartup } from './useStartup'
import { useStoreOpener, type StoreOpener } from './useStoreOpener'
import { useRecentConnections } from './useRecentConnections'
import { useConnectDialog, type ConnectDialog } from './useConnectDialog'
import { activeTab, DEFAULT_SECTION, initialWorkspace, workspaceReducer, type SectionId, type StoreTab, type WorkspaceState } from './workspace-state'

/** Everything the shell and features use. Without a store id, store actions act on the active store. */
export interface Workspace extends StoreActions, ConnectDialog {
  readonly state: WorkspaceState
  readonly active: StoreTab | null
  readonly startup: StartupInfo | null
  readonly recent: readonly RecentLocation[]
  readonly opener: StoreOpener
  readonly newStoreOpen: boolean
  /** Recent PostgreSQL connections (ids and labels). */
  readonly connections: readonly RecentConnection[]
  forgetConnection(id?: string): Promise<void>
  /** Read the recent connections again (main remembered one, e.g. a copy's target). */
  refreshConnections(): void
  openPath(file: ChosenLocation, tables?: TableNames): Promise<StoreInfo | null>
  openWithDialog(): Promise<void>
  openDemo(): Promise<void>
  showNewStore(show: boolean): void
  /** Show a store main opened for another reason (a fork, a merge's origin) in its tab, activated. */
  showOpened(info: StoreInfo): void
  activate(storeId: string): void
  cycle(step: 1 | -1): void
  showSection(section: SectionId): void
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
  const [newStoreOpen, setNewStoreOpen] = useState(false)
  const { recent, refreshRecent, forgetRecent } = useRecentFiles()
  const { connections, refreshConnections, forgetConnection } = useRecentConnections()
  const opened = useCallback(
    (info: StoreInfo) => {
      dispatch({ type: 'opened', info })
      if (info.kind === 'postgres') refreshConnections()
      else refreshRecent()
    },
    [refreshRecent, refreshConnections]
  )
  const opener = useStoreOpener(opened)
  const connectDialog = useConnectDialog(opener.openConnection)
  const { showConnect, openRecentConnection } = connectDialog
  const { openPath } = opener
  const actions = useStoreActions(state, dispatch, opened)
  const startup = useStartup(dispatch, openPath, refreshRecent)
  const active = activeTab(state)

  const openWithDialog = useCallback(async () => {
    try {
      const file = await call('dialog:open-store', {})
      if (file) await openPath(file)
    } catch (e) {
      notifyError('Could not show the Open dialog', e)
    }
  }, [openPath])
  const openDemo = useCallback(async () => {
    if (startup?.demoStore) await openPath(startup.demoStore)
  }, [openPath, startup])
  const { createStore: create, closeStore } = actions
  const createStore = useCallback(
    async (file: ChosenLocation, tables: TableNames) => {
      const info = await create(file, tables)
      if (info) setNewStoreOpen(false)
      return info
    },
    [create]
  )

  const runCommand = useCallback(
    (event: AppCommandEvent) => {
      const commands: Record<AppCommandEvent['command'], () => void> = {
        'open-store': () => void openWithDialog(),
        'connect-postgres': () => showConnect(true),
        'new-store': () => setNewStoreOpen(true),
        'open-demo': () => void openDemo(),
        // As the in-app recent lists do: a file with its last tables, a connection at once or through the dialog.
        'open-path': () => void (event.file && openPath(event.file, event.tables)),
        'open-connection': () => void (event.connection && openRecentConnection(event.connection)),
        'recent-cleared': () => {
          refreshRecent()
          refreshConnections()
        },
        'close-store': () => void closeStore(),
        'command-palette': openPalette,
        'next-store': () => dispatch({ type: 'cycled', step: 1 }),
        'previous-store': () => dispatch({ type: 'cycled', step: -1 }),
        // The fork feature answers these itself (useForkMenuCommands), above the workspace.
        'fork-store': () => undefined,
        'merge-fork': () => undefined,
        'import-batch': () => undefined
      }
      commands[event.command]()
    },
    [closeStore, openDemo, openPalette, openPath, openWithDialog, showConnect, openRecentConnection, refreshRecent, refreshConnections]
  )
  useEffect(() => subscribe('app:command', runCommand), [runCommand])
  useEffect(() => {
    document.title = active ? `${storeName(active.info)} — Coherence Studio` : 'Coherence Studio'
  }, [active])

  const workspace = useMemo<Workspace>(
    () => ({
      ...actions,
      state,
      active,
      startup,
      recent,
      opener,
      newStoreOpen,
      connections,
      ...connectDialog,
      forgetConnection,
      refreshConnections,
      openPath,
      openWithDialog,
      openDemo,
      showNewStore: setNewStoreOpen,
      showOpened: opened,
      createStore,
      activate: (storeId) => dispatch({ type: 'activated', storeId }),
      cycle: (step) => dispatch({ type: 'cycled', step }),
      showSection: (section) => dispatch({ type: 'section', section }),
      forgetRecent,
      runCommand,
      openPalette
    }),
    [actions, state, active, startup, recent, opener, newStoreOpen, connections, connectDialog, forgetConnection, refreshConnections, openPath, openWithDialog, openDemo, opened, createStore, forgetRecent, runCommand, openPalette]
  )
  return <WorkspaceContext.Provider value={workspace}>{children}</WorkspaceContext.Provider>
}
