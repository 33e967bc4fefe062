/**
 * Types of the Aggregates section: kinds, aggregate lists, one aggregate's
 * history, its state as of a seq-no with per-key blame, and the difference
 * between two of its states. Keys and values travel as printed EDN text.
 */
import type { AggregateSummary, CellIdentity, EventRow } from './browse'
import type { EdnTree } from './edn-tree'

/** An aggregate kind (cell text, e.g. `:book`) with its number of aggregates. */
export interface AggregateKindCount {
  readonly kind: string
  readonly aggregates: number
}

/** A request for one page of the aggregates of a kind. */
export interface AggregateListQuery {
  /** Kind cell text. */
  readonly kind: string
  /** Only ids whose cell text contains this (case-insensitive for ASCII letters). */
  readonly idContains?: string
  /** Keyset: aggregates whose id cell text sorts after this one. */
  readonly afterId?: string
  readonly limit: number
}

/** One page of aggregates, ordered by id cell text. */
export interface AggregateListPage {
  readonly rows: readonly AggregateSummary[]
  /** True when more aggregates follow the last row. */
  readonly hasMore: boolean
}

/** Why an aggregate's state cannot be computed, as a sentence, and the event that stops it. */
export interface AggregateProblem {
  readonly seqNo: number
  readonly message: string
}

/** Every action on one aggregate, as stored (cell texts, with patch summaries). */
export interface AggregateHistory {
  readonly aggregate: CellIdentity
  /** Ascending by seq-no; empty when the store has no action on this aggregate. */
  readonly rows: readonly EventRow[]
}

/** A key path in a state: each step is a map key's printed text (`[':address', ':city']`). */
export type KeyPath = readonly string[]

/** The event (by seq-no) that last set the value at a key path. */
export interface BlamedPath {
  readonly path: KeyPath
  readonly seqNo: number
}

/** An aggregate's state after its actions up to `asOf`, as `apply-patch` builds it from `{}`. */
export interface AggregateStateView {
  readonly aggregate: CellIdentity
  /** The seq-no asked for. */
  readonly asOf: number
  /** How many of the aggregate's actions went into the state. */
  readonly actions: number
  /** The state as a display tree; null when a problem stopped the projection. */
  readonly tree: EdnTree | null
  /** The state printed as the library prints it; null with a problem. */
  readonly edn: string | null
  /** Which event last set each key path of the state (depth first, in entry order). */
  readonly blame: readonly BlamedPath[]
  readonly problem: AggregateProblem | null
}

/** One difference between two states, at a key path; values as printed EDN. */
export interface AggregateChange {
  readonly type: 'added' | 'removed' | 'changed'
  readonly path: KeyPath
  /** The value before (null when added). */
  readonly before: string | null
  /** The value after (null when removed). */
  readonly after: string | null
}

/** What changed in an aggregate's state from seq-no `from` to seq-no `to`. */
export interface AggregateDiffView {
  readonly aggregate: CellIdentity
  readonly from: number
  readonly to: number
  /** Empty when the states are equal (or when there is a problem). */
  readonly changes: readonly AggregateChange[]
  readonly problem: AggregateProblem | null
}
