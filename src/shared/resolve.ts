/**
 * Types of conflict resolution and undo by compensation, as they cross IPC:
 * every value is printed EDN text (or a display tree), so the window needs no
 * EDN reader. The logic lives in `src/main/core/resolve`.
 */
import type { EdnTree } from './edn-tree'

/**
 * Who changed a key relative to the base state: only the staged event
 * (`ours-only`), only the stored events since the base (`theirs-only`), both,
 * or neither (`none`, listed for context).
 */
export type KeyMark = 'ours-only' | 'theirs-only' | 'both' | 'none'

/** One key path of an aggregate, aligned across the three states. */
export interface AlignedKey {
  /** The key as a patch key in EDN: `:genre`, or `[:address :city]` for a nested key. Unique in an alignment. */
  readonly key: string
  /** The path's steps, printed (`[":address", ":city"]`). */
  readonly path: readonly string[]
  /** The value before the user's base, printed; null when the key is absent. */
  readonly base: string | null
  /** The value after the conflicting stored event; null when absent. */
  readonly theirs: string | null
  /** The value the staged event would produce; null when absent. */
  readonly ours: string | null
  readonly mark: KeyMark
  /** True when ours and theirs hold the same value (or both lack the key). */
  readonly agree: boolean
}

/** How the user settles one key: keep the staged value, keep the stored one, or type a value (EDN). */
export type KeyChoice =
  | { readonly key: string; readonly take: 'ours' | 'theirs' }
  | { readonly key: string; readonly take: 'edit'; readonly edn: string }

/** The stored conflicting event, as the panel shows it. */
export interface ConflictingEvent {
  readonly seqNo: number
  readonly type: 'action' | 'effect'
  /** The event map as the library prints it. */
  readonly edn: string
  /** Reason cell, e.g. `:create`. */
  readonly reason: string
  /** Actor of an action (`[:user "alice"]`), null for an effect. */
  readonly actor: string | null
  /** Source cell, e.g. `:bookstore`. */
  readonly source: string
  /** Epoch seconds. */
  readonly timestamp: number
}

/**
 * How an effect reaches the aggregate: the effect names a trigger, and these
 * actions on the aggregate carry that trigger.
 */
export interface TriggerPath {
  readonly effect: number
  /** The trigger identity, printed: `[:encryption-key 1]`. */
  readonly trigger: string
  /** Seq-nos of the actions on this aggregate that carry the trigger (ascending). */
  readonly actions: readonly number[]
}

/** Everything the three-column conflict view shows. */
export interface ConflictDetail {
  /** The aggregate, printed: `[:book "Neuromancer"]`. */
  readonly aggregate: string
  readonly base: number
  /**
   * The base state is the state as of this seq-no: `base - 1`, or the latest
   * already-resolved seq-no before theirs (the state the staged event was
   * last adjusted against).
   */
  readonly baseAsOf: number
  readonly theirs: ConflictingEvent
  /** The state the staged event was written against (as of `baseAsOf`). */
  readonly baseState: EdnTree
  /** The state after the conflicting stored event. */
  readonly theirsState: EdnTree
  /** The base state with the staged event's patch applied. */
  readonly oursState: EdnTree
  /** The staged event's patch, printed. */
  readonly oursPatch: string
  /** The staged event's reason, printed (`:create`). */
  readonly oursReason: string
  readonly keys: readonly AlignedKey[]
  /** Set when theirs is an effect. */
  readonly triggerPath: TriggerPath | null
  /** Other stored events after the base that will conflict with the same event once this one is resolved. */
  readonly laterConflicts: readonly number[]
}

/** The adjusted event for a set of per-key choices, or why there is none. */
export interface ConflictResolution {
  /** The patch that turns theirs' state into the chosen one; null when nothing differs from theirs. */
  readonly patch: string | null
  /** The staged event with that patch (and the chosen reason), as EDN; null when the patch is null or a choice is wrong. */
  readonly event: string | null
  /** The state the aggregate would have (theirs + the patch). */
  readonly chosenState: EdnTree | null
  /** Problems with individual choices (an edit that is not one EDN value, an unknown key), by key. */
  readonly errors: readonly { readonly key: string; readonly message: string }[]
  /** Problems with the whole (e.g. a reason that is not a keyword), as sentences. */
  readonly problems: readonly string[]
}

/** One key a compensating action sets back. */
export interface RestoredKey {
  /** Patch key, printed (`:genre`, `[:address :city]`). */
  readonly key: string
  /** The value before the reverted action, printed; null when the key did not exist. */
  readonly before: string | null
  /** The value now, printed; null when absent now. */
  readonly now: string | null
}

/** A compensating ("revert") action for a stored action. */
export type Compensation =
  | {
      readonly ok: true
      readonly seqNo: number
      readonly aggregate: string
      /** The new action event as EDN text (no seq-no), ready to stage. */
      readonly edn: string
      /** Its patch, printed. */
      readonly patch: string
      /** One sentence saying what it restores. */
      readonly summary: string
      readonly restores: readonly RestoredKey[]
      /** Later actions on the aggregate that changed a key the revert sets back (their change is overwritten). */
      readonly overwrites: readonly number[]
    }
  | { readonly ok: false; readonly seqNo: number; readonly message: string }
