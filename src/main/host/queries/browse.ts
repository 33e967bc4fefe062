/** Queries behind the event table and the event detail panel. */
import type { EventDetail, EventFilter, EventPage, EventRow, SeqNoRange, SuggestableColumn } from '../../../shared/browse'
import { eventToEdn, patchSummary } from '../../core/domain'
import { ednToJson, ednTree, printEdn } from '../../core/edn'
import { eventFromRow } from '../../store/row-event'
import type { EventStore } from '../../store/store'
import type { QueryContext } from './query'

/** How many related events the detail panel lists at most per side. */
export const RELATED_LIMIT = 200

async function related(store: EventStore, filter: EventFilter): Promise<{ rows: readonly EventRow[]; truncated: boolean }> {
  const page = await store.pageEvents({ filter, limit: RELATED_LIMIT })
  return { rows: page.rows, truncated: page.hasMoreAfter }
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
  const none = { rows: [] as readonly EventRow[], truncated: false }
  const reachedBy = { rows: [] as EventRow[], truncated: false }
  for (const [kind, id] of row.type === 'action' ? (row.triggers ?? []) : []) {
    const found = await related(store, { type: 'effect', trigger: { kind, id } })
    reachedBy.rows.push(...found.rows)
    reachedBy.truncated ||= found.truncated
  }
  reachedBy.rows.sort((a, b) => a.seqNo - b.seqNo)
  const reaches =
    row.type === 'effect' && row.triggerKind !== null && row.triggerId !== null
      ? await related(store, { type: 'action', trigger: { kind: row.triggerKind, id: row.triggerId } })
      : none
  return {
    row,
    ...decoded,
    reachedBy: reachedBy.rows.slice(0, RELATED_LIMIT),
    reaches: reaches.rows,
    relatedTruncated: reachedBy.truncated || reaches.truncated || reachedBy.rows.length > RELATED_LIMIT
  }
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
