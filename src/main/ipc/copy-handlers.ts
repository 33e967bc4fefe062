/**
 * Copy the open store to another adapter: a new SQLite file the user chose in
 * main's own save dialog (the window holds only its token), or an empty
 * PostgreSQL database the user typed in the form. All or nothing; the window
 * never names a path. `store:copy-cancel` stops a running copy, which then
 * answers `stopped` with the target left as it was.
 */
import { basename, extname } from 'node:path'
import { connectionLabelOf } from '../../shared/postgres-connection'
import type { StoreCopyOutcome } from '../../shared/fork'
import type { CopyOutcome } from '../services/fork/copy-store'
import type { IpcDeps } from './deps'
import type { Handler, Handlers } from './handler'
import { targetUrl, withoutSecrets } from './postgres-target'

/** Main's save dialog for a copy of `storeId`, suggesting `<name>-copy.db`. */
function chooseCopyPath(deps: IpcDeps, storeId: string): Promise<string | null> {
  const file = deps.host.fileNameOf(storeId)
  return deps.dialogs.chooseCopyPath(`${basename(file, extname(file)) || 'store'}-copy.db`)
}

/** Run a copy to `target` (named `label` to the user), timed; a copy stopped by `store:copy-cancel` is `stopped`. */
async function timedCopy(deps: IpcDeps, storeId: string, target: string, label: string): Promise<(CopyOutcome & { elapsedMs: number }) | { result: 'stopped'; target: string }> {
  const started = Date.now()
  try {
    const outcome = await deps.host.copy(storeId, target)
    return { ...outcome, elapsedMs: Date.now() - started }
  } catch (e) {
    if ((e as { code?: unknown }).code === 'cancelled') return { result: 'stopped', target: label }
    throw e
  }
}

/** `store:copy` */
const copy: Handler<'store:copy'> = async (deps, { storeId, to }): Promise<StoreCopyOutcome> => {
  if (to.kind === 'file') {
    const path = to.location === undefined ? await chooseCopyPath(deps, storeId) : deps.locations.resolve(to.location, 'create')
    if (path === null) return { result: 'cancelled' }
    const outcome = await timedCopy(deps, storeId, path, path)
    if ('result' in outcome) return outcome
    return { result: 'ok', ...outcome, target: path, file: deps.locations.choose(path, 'open') }
  }
  const url = targetUrl(deps.connections, to.target)
  const label = connectionLabelOf(url)
  const outcome = await withoutSecrets(url, () => timedCopy(deps, storeId, url, label))
  if ('result' in outcome) return outcome
  await rememberTarget(deps, storeId, url)
  return { result: 'ok', ...outcome, target: label }
}

/** A database copied into joins the recent connections (the password sealed when possible), as after Connect; a failure to remember does not undo the copy. */
async function rememberTarget(deps: IpcDeps, storeId: string, url: string): Promise<void> {
  try {
    deps.connections.remember(url, (await deps.host.info(storeId)).tables)
  } catch {
    // The copy is done; the recent list stays as it was.
  }
}

/** `store:copy`, `store:copy-cancel`, `dialog:copy-target` */
export const copyHandlers: Handlers<'store:copy' | 'store:copy-cancel' | 'dialog:copy-target'> = {
  'store:copy': copy,
  'store:copy-cancel': (deps, { storeId }) => Promise.resolve(deps.host.cancelCopy(storeId)),
  'dialog:copy-target': async (deps, { storeId }) => {
    const path = await chooseCopyPath(deps, storeId)
    return path === null ? null : deps.locations.choose(path, 'create')
  }
}
