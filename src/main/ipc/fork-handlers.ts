/**
 * Fork, merge back and import. The window never names a path: main asks
 * where the fork goes and which batch to read through its own dialogs, and
 * takes the origin of a merge from the fork's sidecar (a store the user
 * opened before; a PostgreSQL origin's password comes from its open tab, the
 * sealed recent connection, or the Connect dialog — `merge-origin.ts`).
 */
import { basename, extname } from 'node:path'
import type { ForkCreateOutcome, ImportBatchOutcome, MergeOutcome } from '../../shared/fork'
import { HostError } from '../host/host-error'
import { isOriginAt } from '../services/fork/sidecar'
import type { Handler, Handlers } from './handler'
import { openMergeOrigin } from './merge-origin'

/** `fork:create`: the fork is written, then opened unlocked in a tab of its own (it is the user's new scratch copy). */
const create: Handler<'fork:create'> = async (deps, { storeId }): Promise<ForkCreateOutcome> => {
  const file = deps.host.fileNameOf(storeId)
  const target = await deps.dialogs.chooseForkPath(`${basename(file, extname(file)) || 'store'}-fork.db`)
  if (target === null) return { result: 'cancelled' }
  const record = await deps.host.fork(storeId, target)
  const opened = await deps.host.open(target, record.tables)
  deps.recent.remember(opened.path, opened.tables)
  return { result: 'ok', info: await deps.host.unlock(opened.storeId) }
}

/** `fork:merge` */
const merge: Handler<'fork:merge'> = async (deps, request): Promise<MergeOutcome> => {
  if (request.step === 'stage') {
    const { record, batch } = await deps.host.collectMerge(request.storeId)
    const origin = await openMergeOrigin(deps, record)
    return 'connect' in origin ? { result: 'connect', connection: origin.connect } : { result: 'staged', origin: origin.opened, batch }
  }
  const { record } = await deps.host.collectMerge(request.storeId)
  const origin = await deps.host.info(request.originStoreId)
  if (!isOriginAt(record.origin, deps.host.pathOf(request.originStoreId))) {
    throw new HostError('invalid-request', `${origin.path} is not the origin of this fork, so the merge was not recorded.`)
  }
  if (origin.seqNo < request.lastSeqNo) {
    throw new HostError('invalid-request', `The origin holds events up to seq-no ${origin.seqNo}, not ${request.lastSeqNo}; the merge was not recorded.`)
  }
  const { storeId: _fork, step: _step, originStoreId: _origin, ...committed } = request
  return { result: 'recorded', fork: await deps.host.recordMerge(request.storeId, committed) }
}

/** `fork:create`, `fork:info`, `fork:merge`, `import` */
export const forkHandlers: Handlers<'fork:create' | 'fork:info' | 'fork:merge' | 'import'> = {
  'fork:create': create,
  'fork:info': async (deps, { storeId }) => (await deps.host.info(storeId)).fork ?? null,
  'fork:merge': merge,
  'import': async (deps, { storeId }): Promise<ImportBatchOutcome> => {
    const file = await deps.dialogs.chooseBatchFile()
    if (file === null) return { result: 'cancelled' }
    return { ...(await deps.host.importBatch(storeId, file)), file: basename(file) }
  }
}
