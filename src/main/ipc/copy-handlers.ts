/**
 * Copy the open store to another adapter: a new SQLite file the user chose in
 * main's own save dialog (the window holds only its token), or an empty
 * PostgreSQL database the user typed in the form. All or nothing; the window
 * never names a path.
 */
import { basename, extname } from 'node:path'
import { connectionLabelOf } from '../../shared/postgres-connection'
import type { StoreCopyOutcome } from '../../shared/fork'
import type { IpcDeps } from './deps'
import type { Handler, Handlers } from './handler'
import { targetUrl, withoutSecrets } from './postgres-target'

/** Main's save dialog for a copy of `storeId`, suggesting `<name>-copy.db`. */
function chooseCopyPath(deps: IpcDeps, storeId: string): Promise<string | null> {
  const file = deps.host.fileNameOf(storeId)
  return deps.dialogs.chooseCopyPath(`${basename(file, extname(file)) || 'store'}-copy.db`)
}

/** `store:copy` */
const copy: Handler<'store:copy'> = async (deps, { storeId, to }): Promise<StoreCopyOutcome> => {
  if (to.kind === 'file') {
    const path = to.location === undefined ? await chooseCopyPath(deps, storeId) : deps.locations.resolve(to.location, 'create')
    if (path === null) return { result: 'cancelled' }
    const started = Date.now()
    const outcome = await deps.host.copy(storeId, path)
    return { result: 'ok', ...outcome, target: path, elapsedMs: Date.now() - started, file: deps.locations.choose(path, 'open') }
  }
  const url = targetUrl(deps.connections, to.target)
  const started = Date.now()
  const outcome = await withoutSecrets(url, () => deps.host.copy(storeId, url))
  const elapsedMs = Date.now() - started
  await rememberTarget(deps, storeId, url)
  return { result: 'ok', ...outcome, target: connectionLabelOf(url), elapsedMs }
}

/** A database copied into joins the recent connections (the password sealed when possible), as after Connect; a failure to remember does not undo the copy. */
async function rememberTarget(deps: IpcDeps, storeId: string, url: string): Promise<void> {
  try {
    deps.connections.remember(url, (await deps.host.info(storeId)).tables)
  } catch {
    // The copy is done; the recent list stays as it was.
  }
}

/** `store:copy`, `dialog:copy-target` */
export const copyHandlers: Handlers<'store:copy' | 'dialog:copy-target'> = {
  'store:copy': copy,
  'dialog:copy-target': async (deps, { storeId }) => {
    const path = await chooseCopyPath(deps, storeId)
    return path === null ? null : deps.locations.choose(path, 'create')
  }
}
