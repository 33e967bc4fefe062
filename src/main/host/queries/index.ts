/**
 * Every store query, by name. Types only leave this folder for main (the host
 * and the IPC handlers import `type`s), so main's bundle holds no store code.
 */
import { auditQueries } from './audit'
import { aggregateQueries } from './aggregates'
import { browseQueries } from './browse'
import { replayQueries } from './replay'
import { exportQueries } from './export'
import { composeQueries } from './compose'
import { compensationQueries } from './compensation'
import { resolveQueries } from './resolve'

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

/** True for a registered query name (checked on messages from main). */
export function isQueryName(name: unknown): name is QueryName {
  return typeof name === 'string' && Object.hasOwn(storeQueries, name)
}
