/**
 * The store port: the coherence library's semantics and nothing else —
 * rebase, read with replay (also filtered by aggregates or kinds), conflicts
 * and the current seq-no. Every adapter (SQLite now, PostgreSQL next)
 * implements it together with `StoreInspector` (see `opened-store.ts`);
 * only domain types cross it, no driver types.
 *
 * Semantics: docs/semantics.md (the library's, exactly): rebase per
 * docs/semantics.md#rebase, reading per docs/semantics.md#read-with-replay.
 */
import type {
  ActionEvent,
  Identity,
  NewEvent,
  RebaseOptions,
  RebaseResult,
  StoredEvent,
  TableNames
} from '../../shared/domain'
import type { EdnKeyword } from '../../shared/edn-value'

/**
 * Which part of a read to deliver: only the events after seq-no `after`
 * (keyset paging over what the read delivers; the replay rule is unchanged).
 */
export interface ReadRange {
  readonly after?: number
}

/** A coherence event store, as the library sees it. */
export interface EventStore {
  /** The table names this store uses. */
  readonly tables: TableNames
  /** True when the store was opened without write access. */
  readonly readOnly: boolean

  /** Highest seq-no in the store, 0 when empty (`current-seq-no` / `seq-no`). */
  currentSeqNo(): Promise<number>
  /**
   * Append `history` on top of `base` in one transaction (docs/semantics.md#rebase). Outcomes
   * (`ok`, `conflict`, `invalid-seq-no`, `write-conflict`) are data; a
   * read-only store rejects with a StoreError `read-only`.
   */
  rebase(base: number, history: readonly NewEvent[], options?: RebaseOptions): Promise<RebaseResult>
  /** Action events from `offset` on, with replay (docs/semantics.md#read-with-replay), ascending, streamed from one snapshot. */
  read(offset: number, range?: ReadRange): AsyncIterable<ActionEvent>
  /** `read` restricted to the given aggregates (same replay rule). */
  filterAggregates(offset: number, aggregates: readonly Identity[], range?: ReadRange): AsyncIterable<ActionEvent>
  /** `read` restricted to the given aggregate kinds (same replay rule). */
  filterAggregateKinds(offset: number, kinds: readonly EdnKeyword[], range?: ReadRange): AsyncIterable<ActionEvent>
  /** Every stored event rebase would treat as a conflict for `aggregate` from `offset` on, ascending. */
  queryConflicts(offset: number, aggregate: Identity): Promise<StoredEvent[]>
  /** Release the connection; every later call rejects. */
  close(): Promise<void>
}
