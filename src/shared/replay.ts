/**
 * The replay preview: what a read model reading from an offset receives
 * (`read(offset)` and its filtered forms, docs/semantics.md#read-with-replay), page by page, with each
 * replayed action's cause.
 */

/** Which read: from `offset`, optionally restricted (EDN text, as the CLI's `--aggregates` / `--kinds`). */
export interface ReplayQuery {
  readonly offset: number
  /** An EDN vector of identities, e.g. `[[:book "Neuromancer"]]`. */
  readonly aggregates?: string
  /** An EDN vector of kinds, e.g. `[:book :receipt]`. */
  readonly kinds?: string
}

/** One delivered action. Cells are printed as the library prints them. */
export interface ReplayItem {
  readonly seqNo: number
  /** Epoch seconds. */
  readonly timestamp: number
  readonly source: string
  readonly reason: string
  /** `[:user "alice"]` */
  readonly actor: string
  /** `[:receipt 1]` */
  readonly aggregate: string
  /** The aggregate's cells (what links compare), e.g. kind `:receipt`, id `1`. */
  readonly aggregateKind: string
  readonly aggregateId: string
  readonly patch: string
  /** The action's triggers, printed. */
  readonly triggers: readonly string[]
  /** True when the action lies below the offset and is delivered only because an effect reaches its aggregate. */
  readonly replayed: boolean
  /** For a replayed action: the effects (seq-no ≥ offset) that reach its aggregate, ascending. */
  readonly causes: readonly number[]
}

/** One page of a read, in the order the read delivers it. */
export interface ReplayPage {
  readonly items: readonly ReplayItem[]
  /** True when the read delivers more after the last item (ask again with `after` = its seq-no). */
  readonly hasMore: boolean
}

/** How many actions the read delivers in all. */
export interface ReplayCount {
  readonly replayed: number
  readonly total: number
}
