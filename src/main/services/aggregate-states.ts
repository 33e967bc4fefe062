/**
 * One aggregate's history from a store, decoded, with its state as of any
 * seq-no (the library's `apply-patch` over its actions from `{}`), and new
 * events parsed from the window's EDN text.
 */
import type { ActionEvent, Identity, NewActionEvent, StoredEvent } from '../../shared/domain'
import type { EdnMap, EdnValue } from '../../shared/edn-value'
import { edn } from '../../shared/edn-value'
import { applyPatch, identityCells, parseNewEvents } from '../core/domain'
import { readEdn } from '../core/edn'
import { CellReader } from '../store/cells'
import { eventFromRow } from '../store/row-event'
import type { OpenedStore } from '../store/opened-store'
import { ServiceError } from './service-error'

/** The decoded actions of one aggregate, ascending by seq-no. */
export class AggregateStates {
  private constructor(readonly aggregate: Identity, readonly actions: readonly ActionEvent[]) {}

  /** Load every action on `aggregate` (compared as cell text, like the library). */
  static async load(store: OpenedStore, aggregate: Identity): Promise<AggregateStates> {
    const cells = new CellReader()
    const rows = await store.aggregateHistory(identityCells(aggregate))
    const actions = rows.map((row) => eventFromRow(row, store.tables, cells)).filter((e): e is ActionEvent => e.type === 'action')
    return new AggregateStates(aggregate, actions)
  }

  /** The state after every action with seq-no ≤ `seqNo` (`{}` before the first). */
  stateAsOf(seqNo: number): EdnMap {
    let state: EdnMap = edn.map([])
    for (const event of this.actions) {
      if (event.seqNo > seqNo) break
      state = applyPatch(state, event.action.patch)
    }
    return state
  }

  /** The state after every action. */
  current(): EdnMap {
    return this.stateAsOf(Number.MAX_SAFE_INTEGER)
  }
}

/** One stored event by seq-no, decoded with its triggers; a `not-found` ServiceError when absent. */
export async function storedEvent(store: OpenedStore, seqNo: number): Promise<StoredEvent> {
  const row = await store.eventRow(seqNo)
  if (row === null) throw new ServiceError('not-found', `There is no event ${seqNo} in this store; it may have been written by another program under a different number. Run the preflight again.`)
  return eventFromRow(row, store.tables)
}

function withoutSeqNo(value: EdnValue): EdnValue {
  if (value.t !== 'map') return value
  return edn.map(value.entries.filter(([key]) => !(key.t === 'kw' && key.ns === null && key.name === 'seq-no')))
}

/**
 * A new action event from EDN text (a staged event, or the `:ours` event of a
 * conflict with its tentative `:seq-no`, which is ignored). An `invalid-events`
 * ServiceError with the validator's sentences when it is not one.
 */
export function parseNewAction(text: string, what: string): NewActionEvent {
  let value: EdnValue
  try {
    value = readEdn(text)
  } catch (e) {
    throw new ServiceError('invalid-events', `${what} is not valid EDN: ${e instanceof Error ? e.message : String(e)}`)
  }
  const parsed = parseNewEvents(edn.vec([withoutSeqNo(value)]))
  if (!parsed.ok) throw new ServiceError('invalid-events', `${what} is not a valid event: ${parsed.errors.map((e) => e.message).join(' ')}`)
  const [event] = parsed.events
  if (event.type !== 'action') throw new ServiceError('invalid-events', `${what} is an effect; only actions conflict, so there is nothing to resolve.`)
  return event
}
