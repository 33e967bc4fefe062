/**
 * The rebase decision, exactly as `coherence.core/rebase!` makes it, over a
 * small writer port (like the library's `Writer` protocol). The adapter owns
 * the transaction: it calls `decideRebase` inside `BEGIN IMMEDIATE` and
 * commits only when the result is `ok` and the call is not `dry`.
 */
import type { Identity, NewEvent, RebaseResult, StoredEvent } from '../../shared/domain'
import { printEdn } from './edn'

/** What the rebase decision needs from a store, inside one transaction. */
export interface RebaseWriter {
  /** Highest stored seq-no + 1 (1 for an empty store). */
  nextSeqNo(): number
  /**
   * The earliest stored event with seq-no ≥ `base`, not in `resolved`, that
   * conflicts with an action on `aggregate` (an action on it, or an effect
   * whose trigger some action on it carries), complete with triggers; or null.
   */
  nextConflict(base: number, aggregate: Identity, resolved: readonly number[]): StoredEvent | null
  /** Write one event (and its triggers). Throws `WriteConflictError` on a constraint violation. */
  append(event: StoredEvent): void
}

/** The store refused a write because another writer took the seq-no (a constraint violation). */
export class WriteConflictError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'WriteConflictError'
  }
}

/**
 * What is wrong with a rebase call's arguments, in one sentence, or null:
 * the base is a positive integer, there is at least one event, and resolved
 * seq-nos are distinct positive integers. Every adapter asks this before its
 * transaction, so all refuse the same calls with the same words.
 */
export function rebaseArgumentsError(base: number, history: readonly NewEvent[], resolved: readonly number[]): string | null {
  if (!Number.isSafeInteger(base) || base < 1) return `The base must be a positive integer (the first seq-no not yet seen); got ${base}.`
  if (history.length === 0) return 'Rebase needs at least one event.'
  if (new Set(resolved).size !== resolved.length || resolved.some((n) => !Number.isSafeInteger(n) || n < 1)) {
    return 'Resolved seq-nos must be distinct positive integers.'
  }
  return null
}

function withSeqNo(event: NewEvent, seqNo: number): StoredEvent {
  return { ...event, seqNo } as StoredEvent
}

/**
 * Decide and perform a rebase of `history` on top of `base` (docs/semantics.md#rebase):
 * invalid base → `invalid-seq-no`; give seq-nos from the next free one; check
 * every action for a conflict before writing anything (so a batch never
 * conflicts with itself); then append all, or report `write-conflict`.
 */
export function decideRebase(
  writer: RebaseWriter,
  base: number,
  history: readonly NewEvent[],
  resolved: readonly number[]
): RebaseResult {
  const next = writer.nextSeqNo()
  if (base > next) return { result: 'invalid-seq-no', nextSeqNo: next }
  const events = history.map((event, index) => withSeqNo(event, next + index))

  // Checks run before any write, so the answer per aggregate cannot change within the batch.
  const checked = new Map<string, StoredEvent | null>()
  const accepted: StoredEvent[] = []
  for (const event of events) {
    if (event.type === 'action') {
      const aggregate = event.action.aggregate
      const key = `${printEdn(aggregate.kind)} ${printEdn(aggregate.id)}`
      let conflict = checked.get(key)
      if (conflict === undefined) {
        conflict = writer.nextConflict(base, aggregate, resolved)
        checked.set(key, conflict)
      }
      if (conflict !== null) {
        return { result: 'conflict', events: accepted, conflict: { ours: event, theirs: conflict } }
      }
    }
    accepted.push(event)
  }

  try {
    for (const event of events) writer.append(event)
  } catch (e) {
    if (e instanceof WriteConflictError) return { result: 'write-conflict', message: e.message }
    throw e
  }
  return { result: 'ok', events }
}
