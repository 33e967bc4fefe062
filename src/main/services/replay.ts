/** Queries behind the replay preview: a page of what a read delivers, and its size. */
import type { ActionEvent } from '../../shared/domain'
import type { ReplayCount, ReplayItem, ReplayPage, ReplayQuery } from '../../shared/replay'
import { identityCells, identityToEdn, parseReadScope, ReadScopeError, type ParsedReadScope } from '../core/domain'
import { printEdn } from '../core/edn'
import type { OpenedStore } from '../store/opened-store'
import type { ReadRange } from '../store/event-store'
import { ServiceError } from './service-error'
import type { QueryContext } from './service'

/** Most items one page of the preview holds. */
export const REPLAY_PAGE_LIMIT = 1000

function scopeOf(query: ReplayQuery): ParsedReadScope | undefined {
  try {
    return parseReadScope(blankToUndefined(query.aggregates), blankToUndefined(query.kinds), { aggregates: 'The aggregates field', kinds: 'The kinds field' })
  } catch (e) {
    if (e instanceof ReadScopeError) throw new ServiceError('invalid-request', e.message)
    throw e
  }
}

function blankToUndefined(text: string | undefined): string | undefined {
  return text === undefined || text.trim() === '' ? undefined : text
}

/** The read itself, exactly as a read model would call it. */
function readOf(store: OpenedStore, offset: number, scope: ParsedReadScope | undefined, range: ReadRange): AsyncIterable<ActionEvent> {
  if (scope === undefined) return store.read(offset, range)
  return 'aggregates' in scope ? store.filterAggregates(offset, scope.aggregates, range) : store.filterAggregateKinds(offset, scope.kinds, range)
}

function key(kind: string, id: string): string {
  return `${kind} ${id}`
}

/**
 * Up to `limit` actions the read from `offset` delivers after seq-no `after`,
 * in its order, each replayed one with the effects that cause its replay.
 */
async function replayPage({ store }: QueryContext, args: ReplayQuery & { after?: number; limit: number }): Promise<ReplayPage> {
  const scope = scopeOf(args)
  const limit = Math.max(1, Math.min(args.limit, REPLAY_PAGE_LIMIT))
  const events: ActionEvent[] = []
  let hasMore = false
  for await (const event of readOf(store, args.offset, scope, { after: args.after })) {
    if (events.length === limit) {
      hasMore = true
      break // ends the read (its connection closes)
    }
    events.push(event)
  }
  const replayedAny = events.some((e) => e.seqNo < args.offset)
  const causes = new Map<string, readonly number[]>()
  if (replayedAny) for (const c of await store.replayCauses(args.offset)) causes.set(key(c.aggregate.kind, c.aggregate.id), c.effects)
  const items = events.map((event): ReplayItem => {
    const { reason, actor, aggregate, patch } = event.action
    const cells = identityCells(aggregate)
    const replayed = event.seqNo < args.offset
    return {
      seqNo: event.seqNo,
      timestamp: Math.floor(event.timestampMs / 1000),
      source: printEdn(event.source),
      reason: printEdn(reason),
      actor: printEdn(identityToEdn(actor)),
      aggregate: printEdn(identityToEdn(aggregate)),
      aggregateKind: cells.kind,
      aggregateId: cells.id,
      patch: printEdn(patch),
      triggers: event.triggers.map((t) => printEdn(identityToEdn(t))),
      replayed,
      causes: replayed ? (causes.get(key(cells.kind, cells.id)) ?? []) : []
    }
  })
  return { items, hasMore }
}

/** How many actions the read delivers (a count over the store: run it in the background). */
function replayCount({ store }: QueryContext, args: ReplayQuery): Promise<ReplayCount> {
  return store.countRead(args.offset, scopeOf(args))
}

/** The replay queries. */
export const replayQueries = { replayPage, replayCount }
