/**
 * Types for browsing a store as it is on disk: rows carry the exact cell text,
 * so a store with cells that are not valid EDN still opens and displays.
 */
import type { EdnTree } from './edn-tree'

/** How a row of the event table is completed by the action/effect tables. */
export type EventRowType = 'action' | 'effect' | 'neither' | 'both'

/** One event as stored: every EDN cell as its exact text. */
export interface EventRow {
  readonly seqNo: number
  /** Epoch seconds, as stored. */
  readonly timestamp: number
  readonly source: string
  readonly type: EventRowType
  /** Reason cell of the action or the effect (action wins for 'both'); null for 'neither'. */
  readonly reason: string | null
  readonly actorKind: string | null
  readonly actorId: string | null
  readonly aggregateKind: string | null
  readonly aggregateId: string | null
  readonly patch: string | null
  /** The effect's trigger cells. */
  readonly triggerKind: string | null
  readonly triggerId: string | null
  /**
   * Trigger rows of this seq-no (an action's triggers), as `[kind, id]` cell texts.
   * Only single-row lookups fill it: the library's trigger table has no index on
   * `seq_no`, so pages leave it out rather than scan the table per page.
   */
  readonly triggers?: readonly (readonly [string, string])[]
  /** One-line summary of the patch (`assoc :a 1 · dissoc :b`), filled for the event table. */
  readonly patchSummary?: string
}

/** A cell-text identity `[kind, id]`, compared as text exactly like the library does. */
export interface CellIdentity {
  readonly kind: string
  readonly id: string
}

/** `[kind id]`, the way the window writes a cell identity (`[:book "Dune"]`). */
export function identityText(identity: CellIdentity): string {
  return `[${identity.kind} ${identity.id}]`
}

/** Filters for the event table; all given parts must hold. Cell values are EDN text. */
export interface EventFilter {
  readonly type?: 'action' | 'effect'
  /** Aggregate kind cell (actions), e.g. `:book`. */
  readonly aggregateKind?: string
  /** Aggregate identity (actions). */
  readonly aggregate?: CellIdentity
  readonly reason?: string
  readonly source?: string
  /** Actor identity (actions). */
  readonly actor?: CellIdentity
  /** Trigger identity: an effect naming it, or an action carrying it. */
  readonly trigger?: CellIdentity
  /** Epoch seconds, inclusive. */
  readonly fromTime?: number
  readonly toTime?: number
  /** Seq-no range, inclusive. */
  readonly fromSeqNo?: number
  readonly toSeqNo?: number
  /** Substring search inside the patch text. */
  readonly patchText?: string
}

/** A keyset page request: rows after (ascending) or before (descending) a seq-no. */
export interface EventPageQuery {
  readonly filter?: EventFilter
  readonly limit: number
  /** Return rows with seq-no > after, ascending. */
  readonly after?: number
  /** Return rows with seq-no < before, ascending order in the result, nearest first fetched. */
  readonly before?: number
}

/** One page of rows (ascending by seq-no), with flags for more rows on either side. */
export interface EventPage {
  readonly rows: readonly EventRow[]
  readonly hasMoreBefore: boolean
  readonly hasMoreAfter: boolean
}

/** An aggregate with its action count and seq-no range. */
export interface AggregateSummary {
  readonly kind: string
  readonly id: string
  readonly actions: number
  readonly firstSeqNo: number
  readonly lastSeqNo: number
}

/** Counts shown in the header. */
export interface StoreCounts {
  readonly events: number
  readonly actions: number
  readonly effects: number
  readonly triggers: number
  readonly maxSeqNo: number
}

/** Severity of an integrity problem; seq-no gaps are notices (the library allows them). */
export type ProblemSeverity = 'error' | 'warning' | 'notice'

/** One integrity problem, as a sentence, with where it is. */
export interface Problem {
  readonly code:
    | 'schema'
    | 'orphan-action'
    | 'orphan-effect'
    | 'orphan-trigger'
    | 'event-without-body'
    | 'event-with-both'
    | 'invalid-edn'
    | 'not-canonical'
    | 'invalid-value'
    | 'invalid-patch'
    | 'trigger-without-action'
    | 'effect-trigger-unused'
    | 'seq-no-gap'
    | 'sqlite-integrity'
  readonly severity: ProblemSeverity
  readonly message: string
  readonly seqNo?: number
  readonly table?: string
  readonly column?: string
  /** A fix the app offers for this problem (the CLI names its command in `message`). */
  readonly fix?: ProblemFix
}

/**
 * A fix the app can apply from the Problems section: adding the trigger
 * table's seq_no index (`coherence index`), with the statement it runs.
 */
export interface ProblemFix {
  readonly kind: 'add-trigger-seq-no-index'
  /** The statement, as shown to the user before they add it (`CREATE INDEX IF NOT EXISTS …`). */
  readonly sql: string
}

/** What adding the trigger table's seq_no index from the app did (results as data). */
export type AddIndexOutcome =
  | { readonly result: 'created'; readonly name: string }
  | { readonly result: 'exists'; readonly name: string }
  /** Nothing changed: `message` says why in one sentence (read-only, a role that does not own the table, …). */
  | { readonly result: 'refused'; readonly message: string }

/** One event with everything the detail panel shows. */
export interface EventDetail {
  /** The row as stored (every cell's exact text), with its trigger rows. */
  readonly row: EventRow
  /** The event as the library reads it, as a display tree; null when a cell cannot be read. */
  readonly tree: EdnTree | null
  /** The event map printed as the library prints it (`pr-str`); null when a cell cannot be read. */
  readonly edn: string | null
  /** The event as JSON (see "copy as JSON"); null when a cell cannot be read. */
  readonly json: string | null
  /** Why the event cannot be read, as a sentence; null when it can. */
  readonly problem: string | null
  /**
   * For an action: the later effects that make reads replay it (their trigger
   * is carried by an action on the same aggregate, docs/semantics.md#read-with-replay).
   */
  readonly reachedBy: readonly EventRow[]
  /**
   * For an effect: the earlier actions a read from its seq-no replays because
   * of it (every action before it on an aggregate that carries its trigger).
   */
  readonly reaches: readonly EventRow[]
  /** True when `reachedBy` / `reaches` were cut at their limit. */
  readonly relatedTruncated: boolean
}

/** The lowest and highest seq-no matching a filter (null when nothing matches). */
export interface SeqNoRange {
  readonly first: number | null
  readonly last: number | null
}

/** Columns whose distinct values the filter bar suggests. */
export type SuggestableColumn = 'reason' | 'source' | 'aggregateKind' | 'actorKind' | 'triggerKind'
