/**
 * Composing new events: the composer's form, validation diagnostics per
 * field, and the preflight (a dry rebase of the staged batch) as plain data.
 * Shared by main (which validates with the library's rules and runs the dry
 * rebase) and the window (which shows the results at the fields they concern).
 */
import type { CellIdentity } from './browse'
import type { EdnTree } from './edn-tree'

/**
 * The composer's form. Every field is EDN text as the user typed it
 * (`:payment`, `[:user "alice"]`, `#inst "…"`); an empty field means "not given".
 */
export interface ComposeForm {
  readonly type: 'action' | 'effect'
  readonly timestamp: string
  readonly source: string
  readonly reason: string
  /** Actions only. */
  readonly actor: string
  /** Actions only. */
  readonly aggregate: string
  /** Actions only, optional: a collection of identities such as `#{[:encryption-key 1]}`. */
  readonly triggers: string
  /** Effects only. */
  readonly trigger: string
  /** Actions only: `:assoc` rows (a key or key path, and its new value). */
  readonly assoc: readonly { readonly key: string; readonly value: string }[]
  /** Actions only: `:dissoc` keys. */
  readonly dissoc: readonly string[]
}

/**
 * Which field a diagnostic belongs to: a form field, `assoc.<row>.key`,
 * `assoc.<row>.value`, `dissoc.<row>`, `patch` (the patch as a whole),
 * `event` (the event as a whole) or `raw` (the raw-EDN editor).
 */
export type ComposeField =
  | 'timestamp'
  | 'source'
  | 'reason'
  | 'actor'
  | 'aggregate'
  | 'triggers'
  | 'trigger'
  | 'patch'
  | 'event'
  | 'raw'
  | `assoc.${number}.key`
  | `assoc.${number}.value`
  | `dissoc.${number}`

/** One message at a field. `from`/`to` (UTF-16 offsets into the field's text) mark where a parse error is. */
export interface FieldDiagnostic {
  readonly field: ComposeField
  readonly severity: 'error' | 'warning'
  /** A plain sentence: what is wrong and what to do. */
  readonly message: string
  readonly from?: number
  readonly to?: number
}

/** The composer's input to validation: the form, or the whole event as raw EDN. */
export type ComposeInput = { readonly form: ComposeForm } | { readonly raw: string }

/** What validation says about a composed event. */
export interface ComposeValidation {
  /** Errors and warnings, each at its field. No error means the event can be staged. */
  readonly diagnostics: readonly FieldDiagnostic[]
  /** The event as Clojure prints it (library shape, no seq-no), when it has no error. */
  readonly edn: string | null
  /**
   * The form holding the same event (for raw input that parses as a map the form
   * can show), so switching from raw EDN back to the form keeps every edit.
   */
  readonly form: ComposeForm | null
  /** Why the form cannot show the raw event (e.g. a patch with other keys), or null. */
  readonly formProblem: string | null
  /** The valid event in one line (type, reason, aggregate or trigger, patch summary); null with errors. Optional for older callers. */
  readonly summary?: string | null
}

/** One difference between two states of an aggregate, printed for display. */
export interface DiffEntry {
  readonly type: 'added' | 'removed' | 'changed'
  /** The key path as EDN, e.g. `[:address :city]`, or a single key `:title`. */
  readonly path: string
  /** Printed value before (removed, changed). */
  readonly before?: string
  /** Printed value after (added, changed). */
  readonly after?: string
}

/** An aggregate the batch touches: its state now and after the batch. */
export interface AggregateChange {
  /** The identity as printed, e.g. `[:book "Dune"]`. */
  readonly aggregate: string
  readonly cells: CellIdentity
  /** Indexes (in the batch) of the staged events that change it. */
  readonly events: readonly number[]
  readonly before: EdnTree
  readonly after: EdnTree
  readonly changes: readonly DiffEntry[]
  /**
   * Why the state could not be computed (a stored patch the library cannot
   * apply, or a staged patch Clojure would throw on), or null.
   */
  readonly problem: string | null
}

/** A stored or staged event in a rebase outcome. */
export interface OutcomeEvent {
  readonly seqNo: number
  readonly type: 'action' | 'effect'
  /** The complete event as Clojure prints it (with `:seq-no`). */
  readonly edn: string
  readonly tree: EdnTree
  /** Printed identities: the aggregate (actions) or the trigger (effects). */
  readonly aggregate: string | null
  readonly trigger: string | null
  /** Printed triggers of an action. */
  readonly triggers: readonly string[]
  readonly reason: string
}

/** A conflict: the staged event `index` (ours) meets the stored event `theirs`. */
export interface ComposeConflict {
  /** Index of the conflicting staged event in the batch. */
  readonly index: number
  readonly ours: OutcomeEvent
  readonly theirs: OutcomeEvent
  /**
   * How theirs reaches ours' aggregate: `action` (an action on the same
   * aggregate) or `trigger` (an effect whose trigger an action on it carries).
   */
  readonly via: 'action' | 'trigger'
}

/** A problem with one staged event that stops the preflight before the rebase. */
export interface StagedProblem {
  /** Index in the batch. */
  readonly index: number
  readonly path: string
  readonly message: string
}

/**
 * A rebase described for the window (preflight = dry rebase, and commit):
 * the library's result plus what the user needs to judge it.
 */
export type RebaseOutcome =
  | {
      readonly result: 'ok'
      readonly base: number
      /** The events with the seq-nos they get (preflight) or got (commit), in batch order. */
      readonly events: readonly OutcomeEvent[]
      /** Before → after of every aggregate an action of the batch touches. */
      readonly aggregates: readonly AggregateChange[]
    }
  | {
      readonly result: 'conflict'
      readonly base: number
      /** Staged events accepted before the conflicting one, with tentative seq-nos. */
      readonly events: readonly OutcomeEvent[]
      readonly conflict: ComposeConflict
    }
  | { readonly result: 'invalid-seq-no'; readonly base: number; readonly nextSeqNo: number }
  | { readonly result: 'write-conflict'; readonly base: number; readonly message: string }
  | { readonly result: 'invalid'; readonly problems: readonly StagedProblem[] }

/** An identity the store knows, for autocomplete. */
export interface KnownIdentity {
  /** Printed `[kind id]`, ready to insert into a field. */
  readonly text: string
  readonly cells: CellIdentity
  /** Actions naming it in that role. */
  readonly count: number
}

/** Roles an identity plays in stored events (what autocomplete lists). */
export type IdentityRole = 'aggregate' | 'actor' | 'trigger'
