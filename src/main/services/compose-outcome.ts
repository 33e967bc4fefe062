/**
 * A rebase result described for the window: every event with its seq-no and
 * display tree, each touched aggregate's state before → after with the diff,
 * and a conflict with the stored event it meets and how it reaches ours.
 */
import type { AggregateChange, DiffEntry, OutcomeEvent, RebaseOutcome } from '../../shared/compose'
import type { ActionEvent, RebaseResult, StoredEvent } from '../../shared/domain'
import type { EdnMap, EdnValue } from '../../shared/edn-value'
import { edn } from '../../shared/edn-value'
import { applyPatch, diffStates, eventToEdn, identityCells, identityToEdn, type StateChange } from '../core/domain'
import { ednTree, printEdn } from '../core/edn'
import { eventFromRow } from '../store/row-event'
import type { OpenedStore } from '../store/opened-store'

/** An event as the window shows it. */
export function outcomeEvent(event: StoredEvent): OutcomeEvent {
  const value = eventToEdn(event)
  return {
    seqNo: event.seqNo,
    type: event.type,
    edn: printEdn(value),
    tree: ednTree(value),
    aggregate: event.type === 'action' ? printEdn(identityToEdn(event.action.aggregate)) : null,
    trigger: event.type === 'effect' ? printEdn(identityToEdn(event.effect.trigger)) : null,
    triggers: event.type === 'action' ? event.triggers.map((t) => printEdn(identityToEdn(t))) : [],
    reason: printEdn(event.type === 'action' ? event.action.reason : event.effect.reason)
  }
}

function diffEntry(change: StateChange): DiffEntry {
  const path = printEdn(change.path.length === 1 ? change.path[0] : edn.vec(change.path))
  switch (change.type) {
    case 'added': return { type: 'added', path, after: printEdn(change.value) }
    case 'removed': return { type: 'removed', path, before: printEdn(change.value) }
    case 'changed': return { type: 'changed', path, before: printEdn(change.before), after: printEdn(change.after) }
  }
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e))

/** The aggregate's state from its stored actions up to `upTo`, or why it cannot be computed. */
async function storedState(store: OpenedStore, action: ActionEvent, upTo: number): Promise<EdnMap | string> {
  const rows = await store.aggregateHistory(identityCells(action.action.aggregate), upTo)
  let state: EdnMap = edn.map([])
  for (const row of rows) {
    try {
      const stored = eventFromRow(row, store.tables)
      if (stored.type === 'action') state = applyPatch(state, stored.action.patch)
    } catch (e) {
      return `The stored event ${row.seqNo} cannot be applied, so the state before is unknown: ${message(e)}`
    }
  }
  return state
}

/** Before → after of every aggregate the actions of `events` touch; `upTo` is the last stored seq-no before them. */
export async function aggregateChanges(store: OpenedStore, events: readonly StoredEvent[], upTo: number): Promise<AggregateChange[]> {
  const byAggregate = new Map<string, { first: ActionEvent; indexes: number[] }>()
  events.forEach((event, index) => {
    if (event.type !== 'action') return
    const key = printEdn(identityToEdn(event.action.aggregate))
    const entry = byAggregate.get(key) ?? { first: event, indexes: [] }
    entry.indexes.push(index)
    byAggregate.set(key, entry)
  })
  const changes: AggregateChange[] = []
  for (const [aggregate, { first, indexes }] of byAggregate) {
    const before = await storedState(store, first, upTo)
    let after: EdnMap | string = before
    for (const index of indexes) {
      if (typeof after === 'string') break
      const event = events[index] as ActionEvent
      try {
        after = applyPatch(after, event.action.patch)
      } catch (e) {
        after = `Applying staged event ${index + 1} (seq-no ${event.seqNo}) fails as it would in Clojure: ${message(e)}`
      }
    }
    const empty: EdnValue = edn.map([])
    const beforeMap = typeof before === 'string' ? edn.map([]) : before
    const afterMap = typeof after === 'string' ? beforeMap : after
    changes.push({
      aggregate,
      cells: identityCells(first.action.aggregate),
      events: indexes,
      before: ednTree(typeof before === 'string' ? empty : before),
      after: ednTree(afterMap),
      changes: typeof after === 'string' ? [] : diffStates(beforeMap, afterMap).map(diffEntry),
      problem: typeof before === 'string' ? before : typeof after === 'string' ? after : null
    })
  }
  return changes
}

/**
 * Describe `result` of a rebase at `base`. For `ok`, the before states are
 * those just below the batch's first seq-no, so the same description fits a
 * preflight (nothing written) and a commit (the batch written).
 */
export async function describeRebase(store: OpenedStore, base: number, result: RebaseResult): Promise<RebaseOutcome> {
  switch (result.result) {
    case 'ok': {
      const first = result.events[0]?.seqNo ?? 1
      return { result: 'ok', base, events: result.events.map(outcomeEvent), aggregates: await aggregateChanges(store, result.events, first - 1) }
    }
    case 'conflict': {
      const { ours, theirs } = result.conflict
      return {
        result: 'conflict',
        base,
        events: result.events.map(outcomeEvent),
        conflict: { index: result.events.length, ours: outcomeEvent(ours), theirs: outcomeEvent(theirs), via: theirs.type === 'action' ? 'action' : 'trigger' }
      }
    }
    case 'invalid-seq-no':
      return { result: 'invalid-seq-no', base, nextSeqNo: result.nextSeqNo }
    case 'write-conflict':
      return { result: 'write-conflict', base, message: result.message }
  }
}
