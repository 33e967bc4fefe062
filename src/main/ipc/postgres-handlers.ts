/**
 * Connect to PostgreSQL: test a connection (open read-only, list the store
 * tables, close), connect (open in a tab, read-only), and the recent
 * connections (ids and labels only; main keeps the URLs).
 */
import { connectionLabelOf } from '../../shared/postgres-connection'
import type { Handlers } from './handler'
import { targetUrl, withoutSecrets } from './postgres-target'

/** `postgres:test-connection`, `postgres:connect`, `postgres:recent`, `postgres:forget-recent` */
export const postgresHandlers: Handlers<'postgres:test-connection' | 'postgres:connect' | 'postgres:recent' | 'postgres:forget-recent'> = {
  'postgres:test-connection': async (deps, { target }) => {
    const url = targetUrl(deps.connections, target)
    const tables = await withoutSecrets(url, () => deps.host.detectTables(url))
    return { label: connectionLabelOf(url), tables }
  },
  'postgres:connect': async (deps, { target, tables }) => {
    const url = targetUrl(deps.connections, target)
    const remembered = target.source === 'recent' ? deps.connections.resolve(target.id)?.tables : undefined
    const info = await withoutSecrets(url, () => deps.host.open(url, tables ?? remembered))
    deps.connections.remember(url, info.tables)
    return info
  },
  'postgres:recent': async (deps) => deps.connections.list(),
  'postgres:forget-recent': async (deps, { id }) => deps.connections.forget(id)
}
