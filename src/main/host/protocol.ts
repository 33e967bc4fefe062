/**
 * Messages between main and a store worker. One worker owns one store; main
 * sends requests, the worker answers each one exactly once, may report
 * progress for it before, and reports commits by other connections.
 */
import type { TableNames } from '../../shared/domain'
import type { AddIndexOutcome, EventPage, Problem, StoreCounts } from '../../shared/browse'
import type { PageQuery, RebaseRequest, SessionState } from '../services/store-session'
import type { QueryRequest } from '../services/registry'
import type { IpcError } from '../../shared/ipc/errors'
import type { RebaseSummary } from '../../shared/ipc/types'
import type { ForkRecord, ForkSummary, ImportOutcome, MergeBatch } from '../../shared/fork'
import type { MergeCommitted } from '../services/fork/merge'
import type { CopyOutcome } from '../services/fork/copy-store'

/** What the worker knows about its store. */
export type HostStoreState = SessionState

/** A page request, as the store's `pageEvents` takes it. */
export type HostPageQuery = PageQuery

/** A rebase request with the new events as EDN text (parsed and validated in the worker). */
export type HostRebaseRequest = RebaseRequest

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
  /** Open the same store again on a new connection (after it was lost), read-only. */
  reconnect: { args: Record<string, never>; result: HostStoreState }
  rebase: { args: HostRebaseRequest; result: RebaseSummary }
  /** Add the trigger table's seq_no index (`coherence index`); refused while locked. */
  addTriggerIndex: { args: Record<string, never>; result: AddIndexOutcome }
  close: { args: Record<string, never>; result: null }
  /** Fork the store into a new file; the sidecar records the fork point. */
  fork: { args: { readonly target: string }; result: ForkRecord }
  /** Copy the store, all or nothing, into a new file or an empty database (`target` is a location, see shared/store-location). */
  copy: { args: { readonly target: string }; result: CopyOutcome }
  /** A fork's events after its last merge. */
  collectMerge: { args: Record<string, never>; result: { record: ForkRecord; batch: MergeBatch } }
  /** Record what the origin committed of a merge. */
  recordMerge: { args: MergeCommitted; result: ForkSummary }
  /** Read a batch file for the staging area. */
  importBatch: { args: { readonly file: string }; result: ImportOutcome }
  /** Any registered store query (see services/registry.ts), typed by its name. */
  query: { args: QueryRequest; result: unknown }
}

/** A method name. */
export type HostMethod = keyof HostMethods

/**
 * Methods that write events: refused while the store is locked, and reported as a change after.
 * (`addTriggerIndex` is refused while locked too, by the session, but adds no event.)
 */
export const HOST_WRITE_METHODS: ReadonlySet<HostMethod> = new Set<HostMethod>(['rebase'])

/** main → worker: a request for method `M` with that method's arguments. */
export interface HostRequestMessage<M extends HostMethod = HostMethod> {
  readonly kind: 'request'
  readonly id: number
  readonly method: M
  readonly args: HostMethods[M]['args']
}

/** main → worker: stop request `id` if it is still queued or running (a copy stops between pages, writing nothing). */
export interface HostCancelMessage {
  readonly kind: 'cancel'
  readonly id: number
}

/** Everything main sends a worker. */
export type MainMessage = HostRequestMessage | HostCancelMessage

/** worker → main */
export type WorkerMessage =
  | { readonly kind: 'response'; readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly kind: 'response'; readonly id: number; readonly ok: false; readonly error: IpcError }
  | { readonly kind: 'progress'; readonly id: number; readonly done: number; readonly total: number }
  | { readonly kind: 'changed'; readonly seqNo: number }
  | { readonly kind: 'disconnected'; readonly message: string }

/** Data every worker starts with. */
export interface WorkerConfig {
  /** The Electron-ABI better-sqlite3 binding (`nativeBinding` option); absent under plain Node. */
  readonly nativeBinding?: string
  /** How often to poll `data_version` for commits by other connections. */
  readonly pollIntervalMs: number
}
