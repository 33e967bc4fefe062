/** Queries behind the event table and the event detail panel. */
import type { CellIdentity, EventDetail, EventFilter, EventPage, EventRow, SeqNoRange, SuggestableColumn } from '../../shared/browse'
import { eventToEdn, patchSummary } from '../core/domain'
import { ednToJson, ednTree, printEdn } from '../core/edn'
import { eventFromRow } from '../store/row-event'
import type { OpenedStore } from '../store/opened-store'
import type { QueryContext } from './service'

/** How many related events the detail panel lists at most per side. */
export const RELATED_LIMIT = 200

/**
 * Effects that make some read replay the action `row` (docs/semantics.md#read-with-replay): effects after it whose
 * trigger is carried by any action on its aggregate — what `conflicts` lists
 * as effects for that aggregate from the next seq-no on.
 */
async function effectsReaching(store: OpenedStore, row: EventRow): Promise<{ rows: EventRow[]; truncated: boolean }> {
  if (row.type !== 'action' || row.aggregateKind === null || row.aggregateId === null) return { rows: [], truncated: false }
  const rows: EventRow[] = []
  let truncated = false
  for (const trigger of await store.triggersOfAggregate({ kind: row.aggregateKind, id: row.aggregateId })) {
    const page = await store.pageEvents({ filter: { type: 'effect', trigger, fromSeqNo: row.seqNo + 1 }, limit: RELATED_LIMIT })
    rows.push(...page.rows)
    truncated ||= page.hasMoreAfter
  }
  rows.sort((a, b) => a.seqNo - b.seqNo)
  return { rows: rows.slice(0, RELATED_LIMIT), truncated: truncated || rows.length > RELATED_LIMIT }
}

/**
 * Actions a read from this effect's seq-no replays because of it: every
 * earlier action on an aggregate that some action carrying its trigger is on.
 */
async function actionsReached(store: OpenedStore, row: EventRow): Promise<{ rows: EventRow[]; truncated: boolean }> {
  if (row.type !== 'effect' || row.triggerKind === null || row.triggerId === null) return { rows: [], truncated: false }
  const carriers = await store.pageEvents({ filter: { type: 'action', trigger: { kind: row.triggerKind, id: row.triggerId } }, limit: RELATED_LIMIT })
  const aggregates = new Map<string, CellIdentity>()
  for (const a of carriers.rows) aggregates.set(`${a.aggregateKind} ${a.aggregateId}`, { kind: a.aggregateKind ?? '', id: a.aggregateId ?? '' })
  const rows: EventRow[] = []
  for (const aggregate of aggregates.values()) rows.push(...(await store.aggregateHistory(aggregate, row.seqNo - 1)))
  rows.sort((a, b) => a.seqNo - b.seqNo)
  return { rows: rows.slice(0, RELATED_LIMIT), truncated: carriers.hasMoreAfter || rows.length > RELATED_LIMIT }
}

/** One event, decoded when possible, with the events linked to it through triggers. */
async function eventDetail({ store }: QueryContext, { seqNo }: { seqNo: number }): Promise<EventDetail | null> {
  const row = await store.eventRow(seqNo)
  if (row === null) return null
  let decoded: Pick<EventDetail, 'tree' | 'edn' | 'json' | 'problem'>
  try {
    const value = eventToEdn(eventFromRow(row, store.tables))
    decoded = { tree: ednTree(value), edn: printEdn(value), json: JSON.stringify(ednToJson(value), null, 2), problem: null }
  } catch (e) {
    decoded = { tree: null, edn: null, json: null, problem: e instanceof Error ? e.message : String(e) }
  }
  const reachedBy = await effectsReaching(store, row)
  const reaches = await actionsReached(store, row)
  return { row, ...decoded, reachedBy: reachedBy.rows, reaches: reaches.rows, relatedTruncated: reachedBy.truncated || reaches.truncated }
}

/** Number of events matching a filter (a full count: call it off the UI path). */
function countEvents({ store }: QueryContext, { filter }: { filter?: EventFilter }): Promise<number> {
  return store.countEvents(filter)
}

/** First and last seq-no matching a filter, from one row at each end. */
async function seqNoRange({ store }: QueryContext, { filter }: { filter?: EventFilter }): Promise<SeqNoRange> {
  const [head, tail] = await Promise.all([
    store.pageEvents({ filter, limit: 1 }),
    store.pageEvents({ filter, limit: 1, before: Number.MAX_SAFE_INTEGER })
  ])
  return { first: head.rows[0]?.seqNo ?? null, last: tail.rows[0]?.seqNo ?? null }
}

/** A page with each action's one-line patch summary (what the event table shows). */
export function withPatchSummaries(page: EventPage): EventPage {
  return { ...page, rows: page.rows.map((row) => (row.patch === null ? row : { ...row, patchSummary: patchSummary(row.patch) })) }
}

/** Distinct values of a column for the filter bar's suggestions. */
function distinctValues({ store }: QueryContext, { column, limit }: { column: SuggestableColumn; limit: number }): Promise<string[]> {
  return store.distinctValues(column, limit)
}

/** The browse queries. */
export const browseQueries = { eventDetail, countEvents, seqNoRange, distinctValues }
