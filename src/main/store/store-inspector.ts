/**
 * The read models the screens need beside the library's semantics: pages,
 * counts, aggregates and their history, triggers and their graph, blast
 * radius, timeline, suggestions, the integrity check and a change counter.
 * Every adapter implements it together with `EventStore`; only domain and
 * browse types cross it, no driver types.
 */
import type { Identity } from '../../shared/domain'
import type { EdnKeyword } from '../../shared/edn-value'
import type { IdentityRole, KnownIdentity } from '../../shared/compose'
import type {
  AggregateSummary,
  CellIdentity,
  EventFilter,
  EventPage,
  EventPageQuery,
  EventRow,
  Problem,
  StoreCounts,
  SuggestableColumn
} from '../../shared/browse'
import type { AuditGraph, BlastRadius, BlastReadSizes, GraphFocus, Timeline, TimelineQuery, TriggerIndexPage, TriggerIndexQuery } from '../../shared/audit'

/** Progress callback for long operations: `done` of `total` units. */
export type ProgressFn = (done: number, total: number) => void

/** Query for the aggregate list. */
export interface AggregateQuery {
  /** Kind cell text, e.g. `:book`. */
  readonly kind?: string
  /** Keyset: aggregates after this one (ordered by kind, then id cell text). */
  readonly after?: CellIdentity
  /** Only aggregates whose id cell text contains this (case-insensitive for ASCII letters). */
  readonly idContains?: string
  readonly limit: number
}

/** An aggregate that a read replays, and the effects that make it replay. */
export interface ReplayCause {
  readonly aggregate: CellIdentity
  readonly effects: readonly number[]
}

/** A read's restriction: the aggregates of `filterAggregates` or the kinds of `filterAggregateKinds`. */
export type ReadScope = { readonly aggregates: readonly Identity[] } | { readonly kinds: readonly EdnKeyword[] }

/** How many actions a read delivers: `replayed` of them below the offset, `total` in all. */
export interface ReadCount {
  readonly replayed: number
  readonly total: number
}

/** Identities in a role starting with a prefix (autocomplete). */
export interface IdentityPrefixQuery {
  readonly role: IdentityRole
  readonly prefix: string
  readonly limit: number
}

/** The screens' read models of one store. */
export interface StoreInspector {
  /** A keyset page of raw event rows (actions and effects), ascending by seq-no. */
  pageEvents(query: EventPageQuery): Promise<EventPage>
  /** One raw row by seq-no, or null. */
  eventRow(seqNo: number): Promise<EventRow | null>
  /**
   * Every event row matching `filter`, ascending, each action with its trigger
   * rows, from one snapshot; streamed (for exports: nothing is held in memory).
   */
  streamEvents(filter?: EventFilter): AsyncIterable<EventRow>
  /** Number of events matching `filter` (may be slow on huge stores: call off the UI path). */
  countEvents(filter?: EventFilter): Promise<number>
  /** Row counts per table and the highest seq-no. */
  counts(): Promise<StoreCounts>
  /** How many actions `read(offset)` (restricted to `scope`) delivers, without decoding them. */
  countRead(offset: number, scope?: ReadScope): Promise<ReadCount>
  /**
   * Why `read(offset)` replays: every aggregate that an effect at or after
   * `offset` reaches through a trigger, with those effects' seq-nos (ascending).
   */
  replayCauses(offset: number): Promise<ReplayCause[]>
  /** Aggregates with their action counts, keyset-paged. */
  aggregates(query: AggregateQuery): Promise<AggregateSummary[]>
  /** Distinct aggregate kinds (cell text) with their aggregate counts. */
  aggregateKinds(): Promise<{ kind: string; aggregates: number }[]>
  /** Identities in `role` whose printed form starts with `prefix` (autocomplete), by kind then id. */
  identitiesByPrefix(query: IdentityPrefixQuery): Promise<KnownIdentity[]>
  /** Raw action rows of one aggregate (cell identity), ascending, up to `upTo` inclusive. */
  aggregateHistory(aggregate: CellIdentity, upTo?: number): Promise<EventRow[]>
  /** Trigger identities (carried by actions or named by effects) with their counts, keyset-paged. */
  triggerIndex(query: TriggerIndexQuery): Promise<TriggerIndexPage>
  /** Number of distinct trigger identities whose printed `kind id` contains `text`. */
  countTriggers(text?: string): Promise<number>
  /** Triggers → actions carrying them → aggregates → effects naming them, around `focus`, capped per group; null for an unknown effect. */
  triggerGraph(focus: GraphFocus, cap?: number): Promise<AuditGraph | null>
  /** What `read(offset)` replays because of the effect `effectSeqNo` (offset defaults to its seq-no); null when it is not an effect. */
  blastRadius(effectSeqNo: number, offset?: number): Promise<BlastRadius | null>
  /** The size of `read(offset)` with and without the effect (as costly as the read's replay part); null when it is not an effect. */
  blastReadSizes(effectSeqNo: number, offset?: number): Promise<BlastReadSizes | null>
  /** Actions and effects per time bucket. */
  timeline(query?: TimelineQuery, onProgress?: ProgressFn): Promise<Timeline>
  /** The distinct triggers carried by any action on `aggregate` (cell texts). */
  triggersOfAggregate(aggregate: CellIdentity): Promise<CellIdentity[]>
  /** Up to `limit` distinct cell texts of a column (sorted), for filter suggestions. */
  distinctValues(column: SuggestableColumn, limit: number): Promise<string[]>
  /** Integrity check; never writes. */
  check(onProgress?: ProgressFn): Promise<Problem[]>
  /** A number that changes whenever another connection commits (SQLite `data_version`); on PostgreSQL it fails once a connection of the store was cut (the liveness check). */
  dataVersion(): Promise<number>
}
