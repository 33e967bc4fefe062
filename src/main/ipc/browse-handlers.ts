/** Browsing channels: event detail, filtered counts and seq-no ranges. */
import type { Handlers } from './handler'
import { storeQuery } from './store-query'

/** `store:event-detail`, `store:count-events`, `store:seq-no-range`, `store:distinct-values` */
export const browseHandlers: Handlers<'store:event-detail' | 'store:count-events' | 'store:seq-no-range' | 'store:distinct-values'> = {
  'store:event-detail': storeQuery('eventDetail', undefined, 'background'),
  'store:count-events': storeQuery('countEvents', (file) => ({ operation: 'count-events', label: `Counting matching events in ${file}` }), 'background'),
  'store:seq-no-range': storeQuery('seqNoRange'),
  'store:distinct-values': storeQuery('distinctValues', undefined, 'background')
}
