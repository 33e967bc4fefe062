/**
 * What the fork feature does, as plain functions over the workspace: fork the
 * active store into a file (main asks where), merge a fork into its origin
 * (the fork's events staged in the origin's Compose, preflight run there),
 * record a committed merge in the fork, import a batch file into staging.
 * Every failure is one notification sentence; nothing is staged half.
 */
import type { RebaseOutcome } from '../../../shared/compose'
import type { BatchEvent } from '../../../shared/fork'
import type { RecentConnection } from '../../../shared/ipc/types'
import { call } from '../../ipc/client'
import { fileName, storeName } from '../../ui/format'
import { notifyError, notifyInfo } from '../../ui/notify'
import type { Workspace } from '../../workspace/WorkspaceProvider'
import type { StoreTab } from '../../workspace/workspace-state'
import { getStaging, requestPreflight, stageWholeBatch, type StagedBatch } from '../compose/staging'

/** "Fork to a file…": the fork opens unlocked in a new tab. */
export async function forkToFile(workspace: Workspace, tab: StoreTab): Promise<void> {
  try {
    const outcome = await call('fork:create', { storeId: tab.info.storeId })
    if (outcome.result === 'cancelled') return
    workspace.showOpened(outcome.info)
    notifyInfo('Forked', `${fileName(outcome.info.path)} holds ${storeName(tab.info)} up to seq-no ${outcome.info.seqNo}. Work on it freely, then merge it into the origin.`)
  } catch (e) {
    notifyError(`Could not fork ${storeName(tab.info)}`, e)
  }
}

const noted = (events: readonly BatchEvent[], from: string): { edn: string; note: string }[] =>
  events.map((e) => ({ edn: e.edn, note: `${from}: ${e.summary}` }))

/** A PostgreSQL origin main cannot open without its password: the Connect dialog asks for it, then the merge goes on. */
function connectOrigin(workspace: Workspace, fork: StoreTab, connection: RecentConnection): void {
  const note = `${fileName(fork.info.path)} merges into ${connection.label}, which is not open. Connect to it; the merge then goes on there.`
  workspace.showConnect(true, connection, { note, connected: () => void mergeIntoOrigin(workspace, fork) })
}

/** "Merge into origin…": stage the fork's new events in the origin's Compose and preflight them there. */
export async function mergeIntoOrigin(workspace: Workspace, fork: StoreTab): Promise<void> {
  const forkName = fileName(fork.info.path)
  try {
    const outcome = await call('fork:merge', { storeId: fork.info.storeId, step: 'stage' })
    if (outcome.result === 'connect') return connectOrigin(workspace, fork, outcome.connection)
    if (outcome.result !== 'staged') return
    const { origin, batch } = outcome
    const originName = storeName(origin)
    if (batch.events.length === 0) {
      notifyInfo('Nothing to merge', `${forkName} has no events after seq-no ${batch.upTo} that ${originName} does not have.`)
      return
    }
    const merge = { forkStoreId: fork.info.storeId, forkName, upTo: batch.upTo }
    const staged = stageWholeBatch(origin.storeId, { base: batch.base, events: noted(batch.events, `From ${forkName}`), resolved: batch.resolved, merge })
    workspace.showOpened(origin)
    workspace.showSection('compose')
    if (!staged) {
      notifyError('Not staged', new Error(`${originName} has staged events already; commit or discard them, then merge again.`))
      return
    }
    requestPreflight(origin.storeId)
  } catch (e) {
    notifyError(`Could not merge ${forkName}`, e)
  }
}

/** After a commit of `batch` on `storeId`: when it was a merge, the fork records how far it is merged. */
export async function recordCommittedMerge(storeId: string, batch: StagedBatch, outcome: RebaseOutcome): Promise<void> {
  if (!batch.merge || outcome.result !== 'ok' || outcome.events.length === 0) return
  const seqNos = outcome.events.map((e) => e.seqNo)
  try {
    await call('fork:merge', {
      storeId: batch.merge.forkStoreId,
      step: 'record',
      originStoreId: storeId,
      upTo: batch.merge.upTo,
      firstSeqNo: Math.min(...seqNos),
      lastSeqNo: Math.max(...seqNos),
      resolved: [...batch.resolved]
    })
    notifyInfo('Merged', `${batch.merge.forkName} is merged up to its seq-no ${batch.merge.upTo}; a next merge takes only newer events.`)
  } catch (e) {
    notifyError(`The merge was written, but ${batch.merge.forkName} could not record it`, e)
  }
}

/** "Import batch…": main asks for the file; its events are staged with a summary each, or its problems shown. */
export async function importBatch(tab: StoreTab): Promise<void> {
  const { storeId } = tab.info
  try {
    const outcome = await call('import', { storeId })
    if (outcome.result === 'cancelled') return
    if (outcome.result === 'invalid') {
      notifyError(`${outcome.file} cannot be imported`, new Error(outcome.problems.join('\n')))
      return
    }
    const current = getStaging(storeId)
    const base = current.base > 0 ? current.base : tab.info.seqNo + 1
    if (!stageWholeBatch(storeId, { base, events: noted(outcome.events, outcome.file), resolved: current.resolved })) {
      notifyError('Not imported', new Error('Events are staged already; commit or discard them, then import the batch.'))
      return
    }
    notifyInfo('Imported', `${outcome.events.length === 1 ? '1 event' : `${outcome.events.length} events`} from ${outcome.file} staged; preflight them before committing.`)
  } catch (e) {
    notifyError('Could not import the batch', e)
  }
}
