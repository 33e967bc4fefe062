/**
 * A store query: a read-only function of one open store that a worker runs
 * for a channel. Every feature registers its queries in `index.ts`; the
 * worker, the host and the IPC handlers are generic over that registry, so a
 * new read channel needs no change to them.
 */
import type { OpenedStore } from '../../store/opened-store'
import type { ProgressFn } from '../../store/store-inspector'

/** What a query runs against. */
export interface QueryContext {
  /** The worker's open store (read-only unless unlocked; queries never write). */
  readonly store: OpenedStore
  /** Reports `done` of `total` for long queries (throttled by the worker). */
  readonly progress: ProgressFn
}

/** A query with its argument and result types (both plain, structured-clonable data). */
export type StoreQuery<A, R> = (context: QueryContext, args: A) => Promise<R>
