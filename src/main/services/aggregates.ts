/**
 * Queries behind the Aggregates section: kinds with counts, keyset pages of
 * the aggregates of a kind, one aggregate's history, its state as of a seq-no
 * (the library's `apply-patch` from `{}`) with per-key blame, and the diff of
 * two of its states. Rows are decoded like the library reads them; a cell
 * that cannot be read or a patch that cannot be applied becomes a sentence
 * naming the seq-no, never an exception.
 */
import type {
  AggregateChange,
  AggregateDiffView,
  AggregateHistory,
  AggregateKindCount,
  AggregateListPage,
  AggregateListQuery,
  AggregateProblem,
  AggregateStateView
} from '../../shared/aggregates'
import type { CellIdentity } from '../../shared/browse'
import type { ActionEvent } from '../../shared/domain'
import type { EdnMap, EdnValue } from '../../shared/edn-value'
import { edn } from '../../shared/edn-value'
import { applyPatch, blame, diffStates, patchSummary, stateAsOf } from '../core/domain'
import { ednTree, printEdn } from '../core/edn'
import { CellReader } from '../store/cells'
import { eventFromRow } from '../store/row-event'
import type { OpenedStore } from '../store/opened-store'
import type { QueryContext } from './service'

/** Most aggregates one page may hold. */
export const AGGREGATE_PAGE_MAX = 1000

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e))

/** The aggregate's actions up to `upTo`, decoded and checked by applying them in order; or the first problem. */
type Replayed =
  | { readonly ok: true; readonly events: readonly ActionEvent[]; readonly state: EdnMap }
  | { readonly ok: false; readonly problem: AggregateProblem }

async function replay(store: OpenedStore, aggregate: CellIdentity, upTo: number): Promise<Replayed> {
  const rows = await store.aggregateHistory(aggregate, upTo)
  const cells = new CellReader()
  const events: ActionEvent[] = []
  let state: EdnMap = edn.map([])
  for (const row of rows) {
    let event
    try {
      event = eventFromRow(row, store.tables, cells)
    } catch (e) {
      return { ok: false, problem: { seqNo: row.seqNo, message: messageOf(e) } }
    }
    if (event.type !== 'action') {
      return { ok: false, problem: { seqNo: row.seqNo, message: `Event ${row.seqNo} is listed as an action on this aggregate but reads as an effect. Run the integrity check.` } }
    }
    try {
      state = applyPatch(state, event.action.patch)
    } catch (e) {
      return {
        ok: false,
        problem: { seqNo: row.seqNo, message: `The patch of seq-no ${row.seqNo} cannot be applied, so no state exists from there on: ${messageOf(e)}` }
      }
    }
    events.push(event)
  }
  return { ok: true, events, state }
}

/** The printed text of each step of a key path. */
const pathTexts = (path: readonly EdnValue[]): string[] => path.map((key) => printEdn(key))

/** Distinct aggregate kinds with their number of aggregates, by kind cell text. */
function aggregateKinds({ store }: QueryContext, _args: object): Promise<AggregateKindCount[]> {
  return store.aggregateKinds()
}

/** One keyset page of a kind's aggregates (by id cell text), optionally only ids containing a text. */
async function aggregateList({ store }: QueryContext, query: AggregateListQuery): Promise<AggregateListPage> {
  const limit = Math.max(1, Math.min(query.limit, AGGREGATE_PAGE_MAX))
  const rows = await store.aggregates({
    kind: query.kind,
    limit: limit + 1,
    ...(query.afterId !== undefined ? { after: { kind: query.kind, id: query.afterId } } : {}),
    ...(query.idContains ? { idContains: query.idContains } : {})
  })
  return { rows: rows.slice(0, limit), hasMore: rows.length > limit }
}

/** Every action on one aggregate as stored, ascending, with one-line patch summaries. */
async function aggregateHistory({ store }: QueryContext, { aggregate }: { aggregate: CellIdentity }): Promise<AggregateHistory> {
  const rows = await store.aggregateHistory(aggregate)
  return { aggregate, rows: rows.map((row) => (row.patch === null ? row : { ...row, patchSummary: patchSummary(row.patch) })) }
}

/** The aggregate's state after its actions with seq-no ≤ `asOf`, with the event that last set each key path. */
async function aggregateState({ store }: QueryContext, { aggregate, asOf }: { aggregate: CellIdentity; asOf: number }): Promise<AggregateStateView> {
  const replayed = await replay(store, aggregate, asOf)
  if (!replayed.ok) return { aggregate, asOf, actions: 0, tree: null, edn: null, blame: [], problem: replayed.problem }
  const { events } = replayed
  if (events.length === 0) {
    const empty = edn.map([])
    return { aggregate, asOf, actions: 0, tree: ednTree(empty), edn: printEdn(empty), blame: [], problem: null }
  }
  const identity = events[0].action.aggregate
  const state = stateAsOf(events, identity, asOf)
  return {
    aggregate,
    asOf,
    actions: events.length,
    tree: ednTree(state),
    edn: printEdn(state),
    blame: blame(events, identity, asOf).map(({ path, seqNo }) => ({ path: pathTexts(path), seqNo })),
    problem: null
  }
}

/** What changed in the aggregate's state from seq-no `from` to seq-no `to` (either may be the larger). */
async function aggregateDiff(
  { store }: QueryContext,
  { aggregate, from, to }: { aggregate: CellIdentity; from: number; to: number }
): Promise<AggregateDiffView> {
  const replayed = await replay(store, aggregate, Math.max(from, to))
  if (!replayed.ok) return { aggregate, from, to, changes: [], problem: replayed.problem }
  const { events } = replayed
  const identity = events[0]?.action.aggregate
  const at = (seqNo: number): EdnMap => (identity === undefined ? edn.map([]) : stateAsOf(events, identity, seqNo))
  const changes = diffStates(at(from), at(to)).map((change): AggregateChange => {
    const path = pathTexts(change.path)
    if (change.type === 'changed') return { type: 'changed', path, before: printEdn(change.before), after: printEdn(change.after) }
    if (change.type === 'added') return { type: 'added', path, before: null, after: printEdn(change.value) }
    return { type: 'removed', path, before: printEdn(change.value), after: null }
  })
  return { aggregate, from, to, changes, problem: null }
}

/** The aggregate queries. */
export const aggregateQueries = { aggregateKinds, aggregateList, aggregateHistory, aggregateState, aggregateDiff }
