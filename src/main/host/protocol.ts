/**
 * Messages between main and a store worker. One worker owns one store; main
 * sends requests, the worker answers each one exactly once, may report
 * progress for it before, and reports commits by other connections.
 */
import type { TableNames } from '../../shared/domain'
import type { EventFilter, EventPage, Problem, StoreCounts } from '../../shared/browse'
import type { IpcError } from '../../shared/ipc/errors'
import type { RebaseSummary } from '../../shared/ipc/types'

/** What the worker knows about its store. */
export interface HostStoreState {
  readonly path: string
  readonly tables: TableNames
  /** True unless unlocked: the connection is read-only and writes are refused. */
  readonly locked: boolean
  /** True when the file cannot be written (unlock is refused). */
  readonly fileReadOnly: boolean
  readonly seqNo: number
}

/** A page request, as the store's `pageEvents` takes it. */
export interface HostPageQuery {
  readonly limit: number
  readonly after?: number
  readonly before?: number
  readonly filter?: EventFilter
}

/** A rebase request with the new events as EDN text (parsed and validated in the worker). */
export interface HostRebaseRequest {
  readonly eventsEdn: string
  readonly base: number
  readonly resolved: readonly number[]
  readonly dry: boolean
}

/** Every method a worker answers: its argument and its result. */
export interface HostMethods {
  detectTables: { args: { readonly path: string }; result: TableNames[] }
  open: { args: { readonly path: string; readonly tables?: TableNames }; result: HostStoreState }
  create: { args: { readonly path: string; readonly tables: TableNames }; result: HostStoreState }
  info: { args: Record<string, never>; result: HostStoreState }
  counts: { args: Record<string, never>; result: StoreCounts }
  page: { args: HostPageQuery; result: EventPage }
  check: { args: Record<string, never>; result: Problem[] }
  unlock: { args: Record<string, never>; result: HostStoreState }
  lock: { args: Record<string, never>; result: HostStoreState }
  rebase: { args: HostRebaseRequest; result: RebaseSummary }
  close: { args: Record<string, never>; result: null }
  /** Any registered store query (see queries/index.ts); the host types it by name. */
  query: { args: { readonly name: string; readonly args: unknown }; result: unknown }
}

/** A method name. */
export type HostMethod = keyof HostMethods

/** Methods that write to the store: refused while it is locked. */
export const HOST_WRITE_METHODS: ReadonlySet<HostMethod> = new Set<HostMethod>(['rebase'])

/** main → worker */
export interface HostRequestMessage {
  readonly kind: 'request'
  readonly id: number
  readonly method: HostMethod
  readonly args: unknown
}

/** worker → main */
export type WorkerMessage =
  | { readonly kind: 'response'; readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly kind: 'response'; readonly id: number; readonly ok: false; readonly error: IpcError }
  | { readonly kind: 'progress'; readonly id: number; readonly done: number; readonly total: number }
  | { readonly kind: 'changed'; readonly seqNo: number }

/** Data every worker starts with. */
export interface WorkerConfig {
  /** The Electron-ABI better-sqlite3 binding (`nativeBinding` option); absent under plain Node. */
  readonly nativeBinding?: string
  /** How often to poll `data_version` for commits by other connections. */
  readonly pollIntervalMs: number
}
