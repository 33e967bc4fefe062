/**
 * Domain types of a coherence store, mirroring the library's `coherence.specs`.
 * Values are EDN values (see `edn-value.ts`) so nothing is lost between a cell
 * and the screen. No Node or Electron imports here.
 */
import type { EdnInt, EdnKeyword, EdnString, EdnUuid, EdnValue } from './edn-value'

/** The id half of an identity: an integer, a string or a UUID (`::id` in the specs). */
export type IdentityId = EdnInt | EdnString | EdnUuid

/** `[kind id]`, e.g. `[:book "Neuromancer"]`. */
export interface Identity {
  readonly kind: EdnKeyword
  readonly id: IdentityId
}

/** The `:action` map of an action event. */
export interface Action {
  readonly reason: EdnKeyword
  readonly actor: Identity
  readonly aggregate: Identity
  /** Usually `{:assoc {…} :dissoc […]}`; stores written without validation may hold anything. */
  readonly patch: EdnValue
}

/** The `:effect` map of an effect event. */
export interface Effect {
  readonly reason: EdnKeyword
  readonly trigger: Identity
}

/** Fields every event has. `timestampMs` is milliseconds since the epoch; stores keep whole seconds. */
interface EventHead {
  readonly timestampMs: number
  readonly source: EdnKeyword
}

/** An action event without a seq-no (input to rebase). `triggers` empty means "no :triggers key". */
export interface NewActionEvent extends EventHead {
  readonly type: 'action'
  readonly action: Action
  readonly triggers: readonly Identity[]
}

/** An effect event without a seq-no (input to rebase). */
export interface NewEffectEvent extends EventHead {
  readonly type: 'effect'
  readonly effect: Effect
}

/** Input to rebase. */
export type NewEvent = NewActionEvent | NewEffectEvent

/** An action event with its seq-no. */
export interface ActionEvent extends NewActionEvent {
  readonly seqNo: number
}

/** An effect event with its seq-no. */
export interface EffectEvent extends NewEffectEvent {
  readonly seqNo: number
}

/** Any event with its seq-no. */
export type StoredEvent = ActionEvent | EffectEvent

/**
 * Result of `rebase`, mirroring the library's result map
 * (`{:result :ok …}`, `:conflict`, `:invalid-seq-no`, `:write-conflict`).
 */
export type RebaseResult =
  | { readonly result: 'ok'; readonly events: readonly StoredEvent[] }
  | {
      readonly result: 'conflict'
      /** Events of the batch accepted before the conflicting one, with their tentative seq-nos. */
      readonly events: readonly StoredEvent[]
      readonly conflict: { readonly ours: StoredEvent; readonly theirs: StoredEvent }
    }
  | { readonly result: 'invalid-seq-no'; readonly nextSeqNo: number }
  | { readonly result: 'write-conflict'; readonly message: string }

/** Options of `rebase`: seq-nos treated as resolved conflicts, and a trial run that writes nothing. */
export interface RebaseOptions {
  readonly resolved?: readonly number[]
  readonly dry?: boolean
}

/** Configurable table names, keyed like the library's `:tables` option. */
export interface TableNames {
  readonly event: string
  readonly action: string
  readonly effect: string
  readonly trigger: string
}

/** The README's table names (`events`, `actions`, `effects`, `triggers`). */
export const DEFAULT_TABLES: TableNames = Object.freeze({
  event: 'events',
  action: 'actions',
  effect: 'effects',
  trigger: 'triggers'
})

/** The table names the library's own tests use (`event`, `action`, `effect`, `trigger`). */
export const SINGULAR_TABLES: TableNames = Object.freeze({
  event: 'event',
  action: 'action',
  effect: 'effect',
  trigger: 'trigger'
})

/**
 * The names the library gives tables named by keywords, as a person writes
 * them (`--tables event=my-events`, the New store form): HoneySQL's
 * `format-entity` (`:quoted-snake true`) turns every `-` into `_`, so
 * `:my-events` is the table `"my_events"`; no other character changes (`?`,
 * `!`, `$`, case are kept). Never applied to names found in a store.
 */
export function libraryTableNames(tables: TableNames): TableNames {
  const snake = (name: string): string => name.replaceAll('-', '_')
  return { event: snake(tables.event), action: snake(tables.action), effect: snake(tables.effect), trigger: snake(tables.trigger) }
}
