/**
 * A store query: a read-only use case of one open store (browse, aggregates,
 * audit, replay, compose preflight, conflict resolution, compensation,
 * export). It gets the store and a progress callback, nothing of threads or
 * IPC. Every feature registers its queries in `registry.ts`; the worker, the
 * host and the IPC handlers are generic over that registry, so a new read
 * channel needs no change to them.
 */
import type { OpenedStore } from '../store/opened-store'
import type { ProgressFn } from '../store/store-inspector'

/** What a query runs against. */
export interface QueryContext {
  /** The open store (read-only unless unlocked; queries never write). */
  readonly store: OpenedStore
  /** Reports `done` of `total` for long queries (the caller throttles it). */
  readonly progress: ProgressFn
}

/** A query with its argument and result types (both plain, structured-clonable data). */
export type StoreQuery<A, R> = (context: QueryContext, args: A) => Promise<R>
