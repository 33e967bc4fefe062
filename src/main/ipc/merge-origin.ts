/**
 * The origin a fork merges into, opened through main from the fork's sidecar
 * (a store the user opened before): a file as the sidecar names it; a
 * PostgreSQL database in the tab already open on it, else with the password
 * main holds sealed for its recent connection, else not yet — then the window
 * asks for the password through the Connect dialog for that recent connection
 * (listed for it, without a password), and main never keeps it in plain text.
 */
import type { ForkRecord } from '../../shared/fork'
import { postgresFormSchema } from '../../shared/ipc/postgres-schemas'
import type { RecentConnection, StoreInfo } from '../../shared/ipc/types'
import { maskedUrl } from '../../shared/store-location'
import { HostError, toIpcError } from '../host/host-error'
import { isOriginAt } from '../services/fork/sidecar'
import type { IpcDeps } from './deps'
import { withoutSecrets } from './postgres-target'

/** The origin's tab, or the recent connection whose password the window must ask for. */
export type MergeOrigin = { readonly opened: StoreInfo } | { readonly connect: RecentConnection }

/** Open with the sealed password of the recent connection for `url`; null when main holds none or the server refused it. */
async function openWithStoredPassword(deps: IpcDeps, known: RecentConnection, record: ForkRecord): Promise<StoreInfo | null> {
  const resolved = deps.connections.resolve(known.id)
  if (!resolved?.hasPassword) return null
  try {
    const opened = await withoutSecrets(resolved.url, () => deps.host.open(resolved.url, record.tables))
    deps.connections.remember(resolved.url, opened.tables)
    return opened
  } catch (e) {
    if (toIpcError(e).code === 'auth') return null // the password changed: ask for it
    throw e
  }
}

/** The origin of the fork whose sidecar is `record`, opened or found open. */
export async function openMergeOrigin(deps: IpcDeps, record: ForkRecord): Promise<MergeOrigin> {
  const { origin, tables } = record
  if (origin.kind === 'sqlite') return { opened: await deps.host.open(origin.path, tables) }
  const open = deps.host.findOpen((location) => isOriginAt(origin, location))
  if (open !== null) return { opened: await deps.host.info(open) }
  // The sidecar is a file on disk: its URL passes the checks of a typed one (no options that redirect the connection).
  if (!postgresFormSchema.safeParse({ via: 'url', url: origin.url }).success) {
    throw new HostError('invalid-request', `The fork's origin ${maskedUrl(origin.url)} is not a PostgreSQL URL this app connects to (options: sslmode, application_name, connect_timeout); fix it in the fork's .fork.json sidecar.`)
  }
  const known = deps.connections.find(origin.url)
  const opened = known && (await openWithStoredPassword(deps, known, record))
  if (opened) return { opened }
  if (!known) deps.connections.remember(origin.url, tables)
  const connect = known ?? deps.connections.find(origin.url)
  if (!connect) throw new HostError('internal', `The connection to ${maskedUrl(origin.url)} could not be listed among the recent connections.`)
  return { connect }
}
