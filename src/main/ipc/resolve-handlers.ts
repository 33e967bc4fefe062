/** Conflict resolution and undo channels: each is one store query run in the store's worker. */
import type { Handlers } from './handler'
import { storeQuery } from './store-query'

/** `store:conflict-detail`, `store:conflict-resolution`, `store:compensation` */
export const resolveHandlers: Handlers<'store:conflict-detail' | 'store:conflict-resolution' | 'store:compensation'> = {
  'store:conflict-detail': storeQuery('conflictDetail'),
  'store:conflict-resolution': storeQuery('conflictResolution'),
  'store:compensation': storeQuery('compensation')
}
