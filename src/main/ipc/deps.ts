/**
 * What the IPC handlers need, injected so every handler is a plain function
 * that runs in Node without Electron (tests pass the real store host and
 * scripted dialogs; the app passes Electron's dialogs).
 */
import type { TableNames } from '../../shared/domain'
import type { ExportFormat } from '../../shared/export'
import type { RecentConnection, RecentFile, StartupInfo } from '../../shared/ipc/types'
import type { StoreHost } from '../host/store-host'
import type { ChosenLocations } from './locations'

/** Native file dialogs; each resolves to an absolute path, or null when cancelled. */
export interface Dialogs {
  /** File ▸ Open: pick an existing store file. */
  chooseStoreToOpen(): Promise<string | null>
  /** File ▸ New store: pick where the new store file goes. */
  chooseNewStorePath(): Promise<string | null>
  /** Export: pick the file the events go to, suggesting `defaultName` (`format` picks the file-type filter). */
  chooseExportPath(defaultName: string, format: ExportFormat): Promise<string | null>
  /** Fork to a file: pick the new store file the fork goes to, suggesting `defaultName`. */
  chooseForkPath(defaultName: string): Promise<string | null>
  /** Copy to a new file: pick the new store file the copy goes to, suggesting `defaultName`. */
  chooseCopyPath(defaultName: string): Promise<string | null>
  /** Import batch: pick an EDN or JSON file of events. */
  chooseBatchFile(): Promise<string | null>
  /**
   * Unlock: ask the user, in a dialog main owns, whether `fileName` may be
   * written; true only when they clicked Unlock. No script in the page can
   * answer it.
   */
  confirmUnlock(fileName: string, path: string): Promise<boolean>
}

/** The recent-files list (persisted by the app). */
export interface RecentFiles {
  list(): RecentFile[]
  /** Record a successful open (with its table names) and return the new list. */
  remember(path: string, tables: TableNames): RecentFile[]
  /** Forget one file, or all when `path` is absent. */
  forget(path?: string): RecentFile[]
}

/** A recent connection as main uses it: the URL to connect to, with the password when one is known. */
export interface ResolvedConnection {
  readonly url: string
  readonly hasPassword: boolean
  readonly tables?: TableNames
}

/** Recent PostgreSQL connections (persisted by the app; passwords only sealed, never in plain text). */
export interface RecentConnections {
  /** Most recent first, as the window sees them (ids and labels, no URLs). */
  list(): RecentConnection[]
  /** Record a successful connect to `url` (its password sealed when possible, else dropped). */
  remember(url: string, tables: TableNames): RecentConnection[]
  /** The URL of entry `id`, with the stored password or the typed `password`; null for an unknown id. */
  resolve(id: string, password?: string): ResolvedConnection | null
  /** Forget one connection, or all when `id` is absent. */
  forget(id?: string): RecentConnection[]
  /** The entry for the same store as `url` (`sameConnection`: loopback spellings alike), or null. */
  find(url: string): RecentConnection | null
}

/** Start-up facts as main knows them: paths (the handler turns them into chosen locations). */
export type LaunchInfo = Omit<StartupInfo, 'files' | 'demoStore'> & {
  readonly files: readonly string[]
  readonly demoStore: string | null
}

/** Everything the handlers use. */
export interface IpcDeps {
  readonly host: StoreHost
  readonly dialogs: Dialogs
  readonly recent: RecentFiles
  readonly connections: RecentConnections
  /** The paths the user chose through main; the only paths store channels act on. */
  readonly locations: ChosenLocations
  /** Start-up info; the files to open are handed out once only (a reload opens nothing twice). */
  readonly startup: () => LaunchInfo
}
