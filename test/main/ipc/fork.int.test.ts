/**
 * Fork, merge back and import through the real dispatch, store host and
 * workers, with the dialogs scripted: the window never sends a path, the
 * fork opens unlocked in its own tab marked as a fork, a merge opens the
 * origin and hands over the batch, recording checks the origin really holds
 * the merged seq-nos, and an import reads an exported batch.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { ForkCreateOutcome, ImportBatchOutcome, MergeOutcome } from '../../../src/shared/fork'
import type { RebaseSummary, StoreInfo } from '../../../src/shared/ipc/types'
import { appendEvents, makeWalkthroughStore, neuromancerEdn } from '../../helpers/stores'
import { startIpc, type IpcHarness } from '../../helpers/ipc'


let ipc: IpcHarness
let origin: StoreInfo
beforeEach(async () => {
  ipc = await startIpc('fork-ipc')
  const path = await makeWalkthroughStore(ipc.dir.path)
  origin = await ipc.open(path)
})
afterEach(() => ipc.close())

describe('fork:create', () => {
  it('asks main for the path, writes the fork and opens it unlocked, marked with its origin', async () => {
    const target = join(ipc.dir.path, 'fork.db')
    ipc.dialogs.willForkTo(target)
    const outcome = await ipc.value<ForkCreateOutcome>('fork:create', { storeId: origin.storeId })
    expect(ipc.dialogs.forkSuggestions).toEqual(['walkthrough-fork.db'])
    if (outcome.result !== 'ok') throw new Error('cancelled')
    expect(outcome.info).toMatchObject({ path: target, locked: false, seqNo: 7, fork: { origin: origin.path, originKind: 'sqlite', forkSeqNo: 7, mergedUpTo: 7 } })
    expect(outcome.info.storeId).not.toBe(origin.storeId)
    expect(await ipc.value('fork:info', { storeId: outcome.info.storeId })).toEqual({ origin: origin.path, originKind: 'sqlite', forkSeqNo: 7, mergedUpTo: 7 })
    expect(await ipc.value('fork:info', { storeId: origin.storeId })).toBeNull()
    expect((await ipc.value<StoreInfo>('store:info', { storeId: origin.storeId })).locked).toBe(true)
  })

  it('cancelled: nothing written; a path from the window is an invalid request', async () => {
    expect(await ipc.value('fork:create', { storeId: origin.storeId })).toEqual({ result: 'cancelled' })
    const error = await ipc.failure('fork:create', { storeId: origin.storeId, path: join(ipc.dir.path, 'x.db') })
    expect(error.code).toBe('invalid-request')
    expect(existsSync(join(ipc.dir.path, 'x.db'))).toBe(false)
  })
})

describe('fork:merge', () => {
  it('stages the fork events for the origin, and records the commit only when the origin holds it', async () => {
    ipc.dialogs.willForkTo(join(ipc.dir.path, 'fork.db'))
    const created = await ipc.value<ForkCreateOutcome>('fork:create', { storeId: origin.storeId })
    if (created.result !== 'ok') throw new Error('cancelled')
    const fork = created.info.storeId
    await ipc.value('store:rebase', { storeId: fork, eventsEdn: `[${neuromancerEdn('carol', 'Cyberpunk classic')}]`, base: 8 })
    await appendEvents(origin.path, [neuromancerEdn('dave', 'Classic')])
    const staged = await ipc.value<MergeOutcome>('fork:merge', { storeId: fork, step: 'stage' })
    if (staged.result !== 'staged') throw new Error(staged.result)
    expect(staged.origin.storeId).toBe(origin.storeId)
    expect(staged.batch).toMatchObject({ base: 8, resolved: [], upTo: 8 })
    expect(staged.batch.events).toHaveLength(1)

    const record = { storeId: fork, step: 'record', originStoreId: origin.storeId, upTo: 8, firstSeqNo: 9, lastSeqNo: 9, resolved: [8] }
    expect((await ipc.failure('fork:merge', record)).message).toMatch(/holds events up to seq-no 8, not 9; the merge was not recorded/)
    ipc.dialogs.willConfirmUnlock()
    await ipc.value('store:unlock', { storeId: origin.storeId })
    const conflict = await ipc.value<RebaseSummary>('store:rebase', { storeId: origin.storeId, eventsEdn: `[${staged.batch.events[0].edn}]`, base: 8 })
    expect(conflict.result).toBe('conflict')
    const ok = await ipc.value<RebaseSummary>('store:rebase', { storeId: origin.storeId, eventsEdn: `[${staged.batch.events[0].edn}]`, base: 8, resolved: [8] })
    expect(ok.result).toBe('ok')
    expect(await ipc.value('fork:merge', record)).toEqual({ result: 'recorded', fork: { origin: origin.path, originKind: 'sqlite', forkSeqNo: 7, mergedUpTo: 8 } })
    const again = await ipc.value<MergeOutcome>('fork:merge', { storeId: fork, step: 'stage' })
    expect(again.result === 'staged' && again.batch.events).toEqual([])
    expect((await ipc.failure('fork:merge', { ...record, originStoreId: fork })).message).toMatch(/is not the origin of this fork/)
  })

  it('a store that is not a fork says so', async () => {
    expect((await ipc.failure('fork:merge', { storeId: origin.storeId, step: 'stage' })).message).toMatch(/is not a fork/)
  })
})

describe('import', () => {
  it('reads the batch main asked for; cancelling reads nothing', async () => {
    const file = join(ipc.dir.path, 'batch.edn')
    ipc.dialogs.willExportTo(file)
    await ipc.value('store:export', { storeId: origin.storeId, format: 'edn' })
    ipc.dialogs.willImport(file)
    const outcome = await ipc.value<ImportBatchOutcome>('import', { storeId: origin.storeId })
    expect(outcome).toMatchObject({ result: 'ok', format: 'edn', file: 'batch.edn' })
    expect(outcome.result === 'ok' && outcome.events.length).toBe(7)
    expect(await ipc.value('import', { storeId: origin.storeId })).toEqual({ result: 'cancelled' })
  })
})
