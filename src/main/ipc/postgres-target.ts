/**
 * From a validated Connect request to the URL main connects to: the form the
 * user typed, or an entry of main's own recent-connections list. Failures
 * leave the window with one sentence that never contains the password.
 */
import type { z } from 'zod'
import type { postgresTargetSchema } from '../../shared/ipc/postgres-schemas'
import { formatPostgresUrl, formParts, parsePostgresUrl } from '../../shared/postgres-connection'
import { HostError, toIpcError } from '../host/host-error'
import type { RecentConnections } from './deps'

/** A validated connect target. */
export type PostgresTarget = z.output<typeof postgresTargetSchema>

/** The URL of `target` (with its password, if any). */
export function targetUrl(connections: RecentConnections, target: PostgresTarget): string {
  if (target.source === 'form') {
    const parts = formParts(target.form)
    if (!parts) throw new HostError('invalid-request', 'That is not a PostgreSQL URL. Write it as postgresql://user@host:5432/database.')
    return formatPostgresUrl(parts)
  }
  const resolved = connections.resolve(target.id, target.password)
  if (!resolved) throw new HostError('not-found', 'That connection is no longer in the recent list. Connect with the dialog again.')
  return resolved.url
}

/**
 * Run `work` on `url`; a failure is rethrown with the password blanked out
 * of its message, in case a driver or server sentence quoted it.
 */
export async function withoutSecrets<T>(url: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (e) {
    const error = toIpcError(e)
    const password = parsePostgresUrl(url)?.password
    if (!password) throw new HostError(error.code, error.message)
    throw new HostError(error.code, error.message.split(password).join('••••').split(encodeURIComponent(password)).join('••••'))
  }
}
