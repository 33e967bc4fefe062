/**
 * What File ▸ Open Recent does, in main. A recent file goes to the window
 * with a location token — main chose it, it is on main's own list — and the
 * tables it was last opened with; a recent connection by id and label (the
 * window connects by id at once, or asks for the password through the
 * Connect dialog), exactly as the window's own recent lists do. Clear
 * Recently Opened forgets both lists. The OS's recent documents (macOS,
 * Windows) follow the files.
 */
import type { AppCommandEvent, RecentFile } from '../../shared/ipc/types'
import type { RecentConnections, RecentFiles } from '../ipc/deps'
import type { ChosenLocations } from '../ipc/locations'
import type { MenuContext } from './menu'

/** What the Open Recent actions use. */
export interface RecentMenuDeps {
  readonly locations: ChosenLocations
  readonly recent: RecentFiles
  readonly connections: RecentConnections
  send(command: AppCommandEvent): void
}

/** The menu's Open Recent actions. */
export function recentMenuActions(deps: RecentMenuDeps): Pick<MenuContext, 'openRecent' | 'openRecentConnection' | 'clearRecent'> {
  return {
    openRecent: (file) => deps.send({ command: 'open-path', file: deps.locations.choose(file.path, 'open'), ...(file.tables ? { tables: file.tables } : {}) }),
    openRecentConnection: (connection) => {
      // As listed now (the password may have been forgotten since the menu was built); a forgotten entry does nothing.
      const current = deps.connections.list().find((c) => c.id === connection.id)
      if (current) deps.send({ command: 'open-connection', connection: current })
    },
    clearRecent: () => {
      deps.recent.forget()
      deps.connections.forget()
      deps.send({ command: 'recent-cleared' })
    }
  }
}

/** The OS's list of recent documents (Electron's `app.addRecentDocument` / `clearRecentDocuments`). */
export interface OsRecentDocuments {
  addRecentDocument(path: string): void
  clearRecentDocuments(): void
}

/**
 * Keeps the OS's recent documents in step with the recent files, where the OS
 * has such a list (macOS, Windows): a file opened (newly on top) is added, an
 * emptied list clears it. Returns the listener for the list's changes.
 */
export function osRecentDocumentsSync(os: OsRecentDocuments, platform: string, initial: readonly RecentFile[]): (files: readonly RecentFile[]) => void {
  const supported = platform === 'darwin' || platform === 'win32'
  let newest = Math.max(0, ...initial.map((f) => f.openedAt))
  return (files) => {
    if (!supported) return
    if (files.length === 0) {
      os.clearRecentDocuments()
      return
    }
    const top = files[0]
    if (top.openedAt > newest) {
      newest = top.openedAt
      os.addRecentDocument(top.path)
    }
  }
}
