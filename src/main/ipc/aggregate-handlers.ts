/** Aggregates channels: kinds, lists, one aggregate's history, state as of a seq-no, and diffs. */
import type { Handlers } from './handler'
import { storeQuery } from './store-query'

type AggregateChannel = 'store:aggregate-kinds' | 'store:aggregate-list' | 'store:aggregate-history' | 'store:aggregate-state' | 'store:aggregate-diff'

/** `store:aggregate-*`: kinds and counts scan the action table, so they run on the background lane. */
export const aggregateHandlers: Handlers<AggregateChannel> = {
  'store:aggregate-kinds': storeQuery('aggregateKinds', undefined, 'background'),
  'store:aggregate-list': storeQuery('aggregateList'),
  'store:aggregate-history': storeQuery('aggregateHistory'),
  'store:aggregate-state': storeQuery('aggregateState'),
  'store:aggregate-diff': storeQuery('aggregateDiff')
}
