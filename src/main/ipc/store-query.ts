/**
 * The handler of a read channel that is one store query: `{ storeId, …args }`
 * in, the query's result out. The compiler checks that the channel's request
 * schema produces the query's arguments and that the query's result is the
 * channel's response type.
 */
import type { OperationKind } from '../../shared/ipc/types'
import type { QueryArgs, QueryName, QueryResult } from '../services/registry'
import type { QueryLane } from '../host/store-host'
import type { IpcDeps } from './deps'

/** How a long query appears in the window's progress indicator. */
export type QueryTracking = (fileName: string) => { readonly operation: OperationKind; readonly label: string }

/**
 * A handler that runs query `name` in the store's worker (`lane` 'background'
 * for slow scans and counts: a second read-only connection, so pages never
 * wait behind them).
 */
export function storeQuery<N extends QueryName>(
  name: N,
  tracking?: QueryTracking,
  lane: QueryLane = 'main'
): (deps: IpcDeps, request: { readonly storeId: string } & QueryArgs<N>) => Promise<QueryResult<N>> {
  return (deps, { storeId, ...args }) =>
    deps.host.query(storeId, name, args as QueryArgs<N>, tracking?.(deps.host.fileNameOf(storeId)), lane)
}
