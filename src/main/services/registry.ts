/**
 * Every read use case of an open store (a "store query"), by name. A new
 * query is a function in its feature's service file, listed here; the
 * worker, the host and the IPC handlers are generic over this registry.
 * Types only leave this folder for main (the host and the IPC handlers
 * import `type`s), so main's bundle holds no store code.
 */
import { auditQueries } from './audit'
import { aggregateQueries } from './aggregates'
import { browseQueries } from './browse'
import { replayQueries } from './replay'
import { exportQueries } from './export'
import { composeQueries } from './compose'
import { compensationQueries } from './compensation'
import { resolveQueries } from './resolve'
import type { QueryContext } from './service'

/** The registry the worker dispatches on. */
export const storeQueries = {
  ...browseQueries,
  ...auditQueries,
  ...aggregateQueries,
  ...composeQueries,
  ...resolveQueries,
  ...compensationQueries,
  ...replayQueries,
  ...exportQueries
}

/** The registry's type. */
export type StoreQueries = typeof storeQueries

/** A query name. */
export type QueryName = keyof StoreQueries

/** The argument of query `N`. */
export type QueryArgs<N extends QueryName> = Parameters<StoreQueries[N]>[1]

/** The result of query `N`. */
export type QueryResult<N extends QueryName> = Awaited<ReturnType<StoreQueries[N]>>

/** Every query typed by its own name: what `runQuery` indexes. */
type QueryTable = { readonly [N in QueryName]: (context: QueryContext, args: QueryArgs<N>) => Promise<QueryResult<N>> }

const queryTable: QueryTable = storeQueries

/** A request for query `N` with that query's arguments. */
export interface QueryRequest<N extends QueryName = QueryName> {
  readonly name: N
  readonly args: QueryArgs<N>
}

/** Run the query a request names, with its arguments, on `context`'s store. */
export function runQuery<N extends QueryName>(context: QueryContext, request: QueryRequest<N>): Promise<QueryResult<N>> {
  return queryTable[request.name](context, request.args)
}

/** True for a registered query name (checked on messages from main). */
export function isQueryName(name: unknown): name is QueryName {
  return typeof name === 'string' && Object.hasOwn(storeQueries, name)
}
