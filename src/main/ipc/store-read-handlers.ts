/** Reading an open store: info, counts, pages of rows, the integrity check. */
import type { Handlers } from './handler'

/** `store:info`, `store:counts`, `store:page`, `store:check` */
export const storeReadHandlers: Handlers<'store:info' | 'store:counts' | 'store:page' | 'store:check'> = {
  'store:info': (deps, request) => deps.host.info(request.storeId),
  'store:counts': (deps, request) => deps.host.counts(request.storeId),
  'store:page': (deps, { storeId, ...query }) => deps.host.page(storeId, query),
  'store:check': (deps, request) => deps.host.check(request.storeId)
}
