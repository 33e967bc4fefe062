/**
 * Every action of the window as a command: the command palette lists them,
 * the keyboard runs the ones with shortcuts, and the native menu reaches the
 * same functions through the workspace.
 */
import type { ReactNode } from 'react'
import type { MantineColorScheme } from '@mantine/core'
import { requestExport } from './ExportRequestModal'
import { requestCopy } from '../features/copy/CopyStoreModal'
import { SECTIONS } from './sections'
import { SHORTCUTS } from '../ui/shortcuts'
import {
  IconArrowLeft,
  IconArrowRight,
  IconContrast,
  IconDatabase,
  IconDownload,
  IconFilePlus,
  IconFolderOpen,
  IconHistory,
  IconLock,
  IconLockOpen,
  IconMoon,
  IconPlug,
  IconSparkles,
  IconSun,
  IconX
} from '../ui/icons'
import type { Workspace } from '../workspace/WorkspaceProvider'
import { fileName, originName, storeName } from '../ui/format'
import { IconFork, IconMerge, IconUpload } from '../ui/icons'
import { forkToFile, importBatch, mergeIntoOrigin } from '../features/fork/fork-actions'

/** One command. */
export interface Command {
  readonly id: string
  readonly group: 'File' | 'Stores' | 'Go to' | 'Aggregates' | 'Triggers' | 'Appearance' | 'Recent'
  readonly label: string
  readonly description?: string
  /** Mantine hotkey notation, e.g. `mod+O`. */
  readonly shortcut?: string
  readonly keywords?: readonly string[]
  readonly icon?: ReactNode
  run(): void
}

/** Everything the palette offers right now (depends on what is open). */
export function buildCommands(workspace: Workspace, setColorScheme: (scheme: MantineColorScheme) => void): Command[] {
  const { active, state, startup, recent } = workspace
  const commands: Command[] = [
    { id: 'open', group: 'File', label: 'Open store…', description: 'Choose a store file to open read-only', shortcut: SHORTCUTS.open, icon: <IconFolderOpen />, run: () => void workspace.openWithDialog() },
    { id: 'connect', group: 'File', label: 'Connect to PostgreSQL…', description: 'Open a store on a PostgreSQL server, read-only', keywords: ['postgres', 'database', 'server', 'url'], icon: <IconPlug />, run: () => workspace.showConnect(true) },
    { id: 'new', group: 'File', label: 'New store…', description: 'Create a store file with the library’s tables', shortcut: SHORTCUTS.newStore, icon: <IconFilePlus />, run: () => workspace.showNewStore(true) }
  ]
  if (startup?.demoStore) {
    commands.push({ id: 'demo', group: 'File', label: 'Open the demo store', description: 'A bookstore with thousands of events', keywords: ['example', 'sample'], icon: <IconSparkles />, run: () => void workspace.openDemo() })
  }
  if (active) {
    const name = storeName(active.info)
    commands.push({ id: 'export', group: 'File', label: 'Export…', description: `Export every event of ${name} as EDN or JSON`, keywords: ['save', 'edn', 'json', 'download'], icon: <IconDownload />, run: () => requestExport(active.info.storeId) })
    commands.push({ id: 'fork', group: 'File', label: 'Fork to a file…', description: `Copy ${name} into a new file to work on, then merge it back`, keywords: ['branch', 'copy', 'snapshot'], icon: <IconFork />, run: () => void forkToFile(workspace, active) })
    commands.push({ id: 'copy', group: 'File', label: 'Copy to…', description: `Copy ${name} into a new file or an empty PostgreSQL database`, keywords: ['postgres', 'sqlite', 'migrate', 'duplicate'], icon: <IconDatabase />, run: () => requestCopy(active.info.storeId) })
    if (active.info.fork) {
      commands.push({ id: 'merge', group: 'File', label: 'Merge into origin…', description: `Stage the new events of ${name} in ${originName(active.info.fork)} and preflight them`, keywords: ['fork', 'rebase'], icon: <IconMerge />, run: () => void mergeIntoOrigin(workspace, active) })
    }
    commands.push({ id: 'import', group: 'File', label: 'Import batch…', description: `Stage the events of an EDN or JSON file in ${name}'s Compose`, keywords: ['load', 'edn', 'json', 'staging'], icon: <IconUpload />, run: () => { workspace.showSection('compose'); void importBatch(active) } })
    commands.push({ id: 'close', group: 'File', label: `Close ${name}`, shortcut: SHORTCUTS.close, icon: <IconX />, run: () => void workspace.closeStore() })
    if (active.info.locked) {
      commands.push({ id: 'unlock', group: 'Stores', label: `Unlock ${name} for writing`, description: active.info.fileReadOnly ? (active.info.kind === 'postgres' ? 'The role may not write' : 'The file is read-only') : 'Allow writes to this store', keywords: ['write', 'edit'], icon: <IconLockOpen />, run: () => void workspace.requestUnlock() })
    } else {
      commands.push({ id: 'lock', group: 'Stores', label: `Lock ${name} (read-only)`, icon: <IconLock />, run: () => void workspace.lock() })
    }
  }
  if (state.tabs.length > 1) {
    commands.push(
      { id: 'next', group: 'Stores', label: 'Next store', shortcut: SHORTCUTS.nextStore, icon: <IconArrowRight />, run: () => workspace.cycle(1) },
      { id: 'previous', group: 'Stores', label: 'Previous store', shortcut: SHORTCUTS.previousStore, icon: <IconArrowLeft />, run: () => workspace.cycle(-1) }
    )
  }
  state.tabs.forEach((tab, index) => {
    commands.push({
      id: `switch-${tab.info.storeId}`,
      group: 'Stores',
      label: `Switch to ${storeName(tab.info)}`,
      description: tab.info.path,
      shortcut: index < 9 ? `mod+${index + 1}` : undefined,
      icon: <IconDatabase />,
      run: () => workspace.activate(tab.info.storeId)
    })
  })
  if (active) {
    for (const section of SECTIONS) {
      commands.push({ id: `section-${section.id}`, group: 'Go to', label: section.label, description: section.description, icon: <section.icon />, run: () => workspace.showSection(section.id) })
    }
  }
  commands.push(
    { id: 'theme-light', group: 'Appearance', label: 'Light theme', keywords: ['color scheme'], icon: <IconSun />, run: () => setColorScheme('light') },
    { id: 'theme-dark', group: 'Appearance', label: 'Dark theme', keywords: ['color scheme'], icon: <IconMoon />, run: () => setColorScheme('dark') },
    { id: 'theme-auto', group: 'Appearance', label: 'Theme follows the system', keywords: ['color scheme', 'auto'], icon: <IconContrast />, run: () => setColorScheme('auto') }
  )
  for (const file of recent) {
    commands.push({ id: `recent-${file.path}`, group: 'Recent', label: `Open ${fileName(file.path)}`, description: file.path, icon: <IconHistory />, run: () => void workspace.openPath(file, file.tables) })
  }
  for (const connection of workspace.connections) {
    commands.push({ id: `recent-connection-${connection.id}`, group: 'Recent', label: `Connect to ${connection.label}`, description: 'PostgreSQL', keywords: ['postgres'], icon: <IconPlug />, run: () => void workspace.openRecentConnection(connection) })
  }
  if (workspace.connections.length > 0) {
    commands.push({ id: 'recent-connections-clear', group: 'Recent', label: 'Clear the recent connections list', icon: <IconX />, run: () => void workspace.forgetConnection() })
  }
  if (recent.length > 0) {
    commands.push({ id: 'recent-clear', group: 'Recent', label: 'Clear the recent files list', icon: <IconX />, run: () => void workspace.forgetRecent() })
  }
  return commands
}
