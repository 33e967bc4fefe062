/**
 * Types of the audit views: the trigger index, the trigger graph, the blast
 * radius of an effect and the timeline. Identities are cell texts (`:book`,
 * `"Neuromancer"`), compared as text exactly like the library does.
 */
import type { CellIdentity } from './browse'

/** How the trigger index is ordered. Counts sort descending, ties by identity. */
export type TriggerSort = 'identity' | 'actions' | 'effects'

/** One trigger identity with what refers to it. */
export interface TriggerSummary extends CellIdentity {
  /** Trigger rows carrying it (one per action; rows on non-actions are reported by the integrity check). */
  readonly actions: number
  /** Effects naming it. */
  readonly effects: number
}

/** Keyset position: the last row of the previous page. */
export interface TriggerCursor extends CellIdentity {
  /** That row's value of the sort column (ignored when sorting by identity). */
  readonly count: number
}

/** A page request of the trigger index. */
export interface TriggerIndexQuery {
  /** Substring of `kind id` as printed, e.g. `encryption` or `:consent "mallory"`. */
  readonly text?: string
  readonly sort?: TriggerSort
  readonly after?: TriggerCursor
  readonly limit: number
}

/** One page of the trigger index. */
export interface TriggerIndexPage {
  readonly rows: readonly TriggerSummary[]
  readonly hasMore: boolean
}

/** What a graph is drawn around. */
export type GraphFocus =
  | { readonly type: 'trigger'; readonly kind: string; readonly id: string }
  | { readonly type: 'effect'; readonly seqNo: number }
  | { readonly type: 'aggregate'; readonly kind: string; readonly id: string }

/** The first `items` of a group, and how many there are in all. */
export interface Capped<T> {
  readonly items: readonly T[]
  readonly total: number
}

/** An action as a graph node. */
export interface GraphAction {
  readonly seqNo: number
  readonly reason: string
  readonly aggregate: CellIdentity
}

/** An effect as a graph node. */
export interface GraphEffect {
  readonly seqNo: number
  readonly reason: string
  readonly trigger: CellIdentity
}

/** The actions of the graph on one aggregate kind: what a grouped node stands for. */
export interface GraphKindGroup {
  /** Aggregate kind as the store prints it, e.g. `:book`. */
  readonly kind: string
  /** Actions carrying the graph's triggers on aggregates of this kind (all of them, not only the shown ones). */
  readonly actions: number
  /** Distinct aggregates of this kind among them. */
  readonly aggregates: number
}

/**
 * The neighbourhood of a focus: triggers → actions carrying them → their
 * aggregates → effects naming the triggers. Each group is capped; `total`
 * says how many there are.
 */
export interface AuditGraph {
  readonly focus: GraphFocus
  readonly triggers: Capped<CellIdentity>
  readonly actions: Capped<GraphAction>
  readonly aggregates: Capped<CellIdentity>
  readonly effects: Capped<GraphEffect>
  /** Edges trigger → action among the shown nodes. */
  readonly carries: readonly { readonly trigger: CellIdentity; readonly seqNo: number }[]
  /** Edges aggregate → effect among the shown nodes: the effect reaches the aggregate (any action of it carries the trigger). */
  readonly reaches: readonly { readonly aggregate: CellIdentity; readonly effect: number }[]
  /**
   * All actions of the graph counted per aggregate kind, most actions first (capped like the groups).
   * Optional for compatibility: without it the renderer groups the shown actions only.
   */
  readonly kinds?: readonly GraphKindGroup[]
}

/** An aggregate that a read replays because of one effect. */
export interface BlastAggregate extends CellIdentity {
  /** Its actions before the offset: the ones replayed. */
  readonly replayed: number
  /** True when another effect at or after the offset reaches it too, so it would be replayed anyway. */
  readonly sharedWithOtherEffects: boolean
}

/** An action replayed because of the effect. */
export interface BlastAction {
  readonly seqNo: number
  readonly timestamp: number
  readonly reason: string
  readonly aggregate: CellIdentity
  /** True when no other effect at or after the offset makes it replay. */
  readonly onlyBecauseOfIt: boolean
}

/**
 * What `read(offset)` replays because of one effect (docs/semantics.md#read-with-replay): the actions
 * before `offset` of every aggregate the effect reaches, provided the effect's
 * seq-no is at or after `offset`; compared with the same read without the effect.
 */
export interface BlastRadius {
  readonly effect: GraphEffect
  readonly offset: number
  /** Why the effect replays nothing at this offset, as a sentence; null when it counts. */
  readonly inactive: string | null
  /** Aggregates the effect reaches (whatever the offset), with what a read from `offset` replays of each. */
  readonly aggregates: Capped<BlastAggregate>
  /** Actions replayed because of the effect (before the offset, on a reached aggregate), ascending. */
  readonly actions: Capped<BlastAction>
  /** Of `aggregates.total`, those with at least one replayed action. */
  readonly replayedAggregates: number
  /** Of `actions.total`, those no other effect would replay. */
  readonly onlyBecauseOfIt: number
  /** Of `aggregates.total`, those with replayed actions that no other effect reaches. */
  readonly aggregatesOnlyBecauseOfIt: number
}

/**
 * Size of `read(offset)` with and without one effect: actions at or after the
 * offset, plus the replayed ones. A separate query: on a big store it costs
 * as much as the read's replay part itself.
 */
export interface BlastReadSizes {
  readonly current: number
  readonly replayedWith: number
  readonly replayedWithout: number
}

/** A timeline request: about `buckets` buckets over the store's time span (or the given range). */
export interface TimelineQuery {
  readonly buckets?: number
  /** Epoch seconds, inclusive. */
  readonly fromTime?: number
  readonly toTime?: number
}

/** Events of one time bucket `[from, to)` (epoch seconds). */
export interface TimelineBucket {
  readonly from: number
  readonly to: number
  readonly actions: number
  readonly effects: number
  /**
   * Effects that reach at least one aggregate: each is a conflict for every
   * writer behind it on those aggregates (docs/semantics.md#conflicts), and makes reads replay.
   */
  readonly conflicts: number
  /** Actions whose reason names a compensation (see `COMPENSATION_WORDS`). */
  readonly compensations: number
}

/**
 * An action is a compensation when its reason keyword contains one of these
 * words (case-insensitive): `:revert`, `:undo-payment`, `:refund`, `:order-cancelled`, ….
 */
export const COMPENSATION_WORDS = ['revert', 'undo', 'compensat', 'rollback', 'roll-back', 'reverse', 'cancel', 'refund', 'void', 'correct'] as const

/** Events per time bucket. */
export interface Timeline {
  /** Seconds per bucket (a round size: a minute, an hour, a day, a week, …). */
  readonly bucketSeconds: number
  readonly buckets: readonly TimelineBucket[]
  /** Earliest and latest timestamp in range; null when there are no events. */
  readonly firstTime: number | null
  readonly lastTime: number | null
}
