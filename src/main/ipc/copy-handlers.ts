/**
 * Copy the open store to another adapter: a new SQLite file main asks for in
 * its own save dialog, or an empty PostgreSQL database the user typed in the
 * form. All or nothing; the window never names a path.
 */
import { basename, extname } from 'node:path'
import { connectionLabelOf } from '../../shared/postgres-connection'
import type { StoreCopyOutcome } from '../../shared/fork'
import type { Handler, Handlers } from './handler'
import { targetUrl, withoutSecrets } from './postgres-target'

/** `store:copy` */
const copy: Handler<'store:copy'> = async (deps, { storeId, to }): Promise<StoreCopyOutcome> => {
  if (to.kind === 'file') {
    const file = deps.host.fileNameOf(storeId)
    const path = await deps.dialogs.chooseCopyPath(`${basename(file, extname(file)) || 'store'}-copy.db`)
    if (path === null) return { result: 'cancelled' }
    const outcome = await deps.host.copy(storeId, path)
    return { result: 'ok', ...outcome, target: path }
  }
  const url = targetUrl(deps.connections, to.target)
  const outcome = await withoutSecrets(url, () => deps.host.copy(storeId, url))
  return { result: 'ok', ...outcome, target: connectionLabelOf(url) }
}

/** `store:copy` */
export const copyHandlers: Handlers<'store:copy'> = { 'store:copy': copy }
