/** Replay preview channels: a page of what a read delivers, and how much it delivers. */
import type { Handlers } from './handler'
import { storeQuery } from './store-query'

/** `store:replay-page`, `store:replay-count` */
export const replayHandlers: Handlers<'store:replay-page' | 'store:replay-count'> = {
  'store:replay-page': storeQuery('replayPage', undefined, 'background'),
  'store:replay-count': storeQuery('replayCount', (file) => ({ operation: 'replay', label: `Counting what a read delivers in ${file}` }), 'background')
}
