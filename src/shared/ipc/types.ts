/**
 * Values that cross the IPC boundary (besides the store's own browse and
 * domain types). Plain data only: no Node, no Electron, no zod.
 */
import type { TableNames } from '../domain'
import type { RebaseOutcome } from '../compose'
import type { ForkSummary } from '../fork'

/** An open store as the renderer sees it. `storeId` names its tab. */
export interface StoreInfo {
  readonly storeId: string
  /** Where the store lives: an SQLite file, or a PostgreSQL database. */
  readonly kind: 'sqlite' | 'postgres'
  /** Absolute path of the store file; for PostgreSQL `user@host/db` (never the password or the URL). */
  readonly path: string
  readonly tables: TableNames
  /** True while the store is locked (the default): no write reaches the file. */
  readonly locked: boolean
  /** True when the file itself (PostgreSQL: the role) cannot write, so unlocking is refused. */
  readonly fileReadOnly: boolean
  /** Highest seq-no, 0 when empty. */
  readonly seqNo: number
  /** Where the store was forked from, when it is a fork (it has a `<file>.fork.json` sidecar). */
  readonly fork?: ForkSummary
}

/**
 * A place the user chose through main (a native dialog, a drop, the recent
 * list, the command line). The window names it to main only by `location`,
 * an opaque token main issued; `path` is for showing it.
 */
export interface ChosenLocation {
  /** The token main issued for this path (see `locationTokenSchema`). */
  readonly location: string
  /** Absolute path of the file, for display only. */
  readonly path: string
}

/** A file the user opened before, most recent first (as main keeps it). */
export interface RecentFile {
  readonly path: string
  /** Table names used the last time, when they were not the defaults. */
  readonly tables?: TableNames
  /** Epoch milliseconds of the last successful open. */
  readonly openedAt: number
}

/** A PostgreSQL database connected to before; the window refers to it by `id` only (main keeps the URL). */
export interface RecentConnection {
  readonly id: string
  /** `user@host/db` (never the password). */
  readonly label: string
  /** True when main holds the password (encrypted), so connecting again needs none. */
  readonly hasPassword: boolean
  /** Table names used the last time, when they were not the defaults. */
  readonly tables?: TableNames
  /** Epoch milliseconds of the last successful connect. */
  readonly openedAt: number
}

/** What "Test connection" found: the database as shown, and its complete table sets (none: no store there yet). */
export interface ConnectionProbe {
  readonly label: string
  readonly tables: readonly TableNames[]
}
/** A recent file as the window gets it: with the token that opens it. */
export type RecentLocation = RecentFile & ChosenLocation

/** What the window needs once at start-up. */
export interface StartupInfo {
  /** Files to open now (from the command line, or the demo store when none was given). */
  readonly files: readonly ChosenLocation[]
  /** The bundled demo store, when it exists. */
  readonly demoStore: ChosenLocation | null
  /** `process.platform` of main, so shortcuts read ⌘ on macOS. */
  readonly platform: string
  readonly appVersion: string
}

/** Outcome of a rebase, as data: the library's result map printed as EDN plus a summary. */
export interface RebaseSummary {
  readonly result: 'ok' | 'conflict' | 'invalid-seq-no' | 'write-conflict'
  /** The result map exactly as the library would print it. */
  readonly edn: string
  /** Events written (ok) or accepted before the conflict. */
  readonly eventCount: number
  /** The store's highest seq-no afterwards. */
  readonly seqNo: number
  /** The same result described for the window (events with seq-nos, aggregates before → after, the conflict). */
  readonly outcome: RebaseOutcome
}

/** Long operations that report progress. */
export type OperationKind = 'open' | 'create' | 'detect-tables' | 'counts' | 'check' | 'count-events' | 'export' | 'replay' | 'audit' | 'fork' | 'import' | 'copy' | 'add-index'

/** Progress of one long operation; `total` 0 means "size unknown yet". */
export interface ProgressEvent {
  readonly operationId: string
  readonly operation: OperationKind
  /** The store it runs on, when it has an id already. */
  readonly storeId: string | null
  /** A short sentence for the UI, e.g. "Opening books.db". */
  readonly label: string
  readonly done: number
  readonly total: number
  /** True on the last event of the operation (success or failure). */
  readonly finished: boolean
}

/** Commands the native menu sends to the window (the window owns every flow). */
export type AppCommand =
  | 'open-store'
  | 'connect-postgres'
  | 'new-store'
  | 'open-demo'
  | 'close-store'
  | 'command-palette'
  | 'next-store'
  | 'previous-store'
  | 'fork-store'
  | 'merge-fork'
  | 'import-batch'

/**
 * A command from the menu, with the file for "open this file" (a recent file, a second launch, macOS "open with")
 * and the tables it was last opened with, or the recent connection for "connect to this one" (File ▸ Open Recent);
 * `recent-cleared`: the menu emptied both recent lists, the window shows them again.
 */
export interface AppCommandEvent {
  readonly command: AppCommand | 'open-path' | 'open-connection' | 'recent-cleared'
  readonly file?: ChosenLocation
  readonly tables?: TableNames
  readonly connection?: RecentConnection
}
