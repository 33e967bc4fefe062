/**
 * What the staging panel does with its batch: preflight (a dry rebase at the
 * batch's base — nothing is written), commit after an explicit confirmation,
 * and start over. The outcome shown is kept per store with the batch and the
 * store seq-no it was computed for, so a changed batch or store marks it
 * stale. A failed write leaves the batch exactly as it was, with a sentence.
 */
import { useEffect, useState } from 'react'
import type { RebaseOutcome } from '../../../shared/compose'
import type { StoreTab } from '../../workspace/workspace-state'
import { useViewState, viewKey } from '../../workspace/view-state'
import { call, messageOf } from '../../ipc/client'
import { failureMessage } from '../../ui/connection-lost'
import { batchEdn, clearBatch, getStaging, startBatch, usePreflightRequest, useStaging, type StagedBatch } from './staging'
import { recordCommittedMerge } from '../fork/fork-actions'
import { eventsAt } from './timestamps'

/** An outcome, and the batch and store seq-no it was computed for (the store is append-only: the same seq-no is the same data). */
export interface ShownOutcome {
  readonly outcome: RebaseOutcome
  readonly kind: 'preflight' | 'commit'
  readonly batchKey: string
  readonly seqNo: number
}

const SHOWN_OUTCOME = viewKey<ShownOutcome | null>('compose.outcome', null)

/** The same key for the same batch (base, events and when each is stamped, resolved seq-nos). */
export function batchKey(batch: StagedBatch): string {
  return JSON.stringify([batch.base, batch.events.map((e) => [e.edn, e.stampAtCommit === true]), batch.resolved])
}

/** Run the preflight of `batch` on `storeId`. */
export function preflight(storeId: string, batch: StagedBatch, seenSeqNo: number): Promise<RebaseOutcome> {
  return call('store:preflight', {
    storeId,
    base: batch.base > 0 ? batch.base : seenSeqNo + 1,
    events: eventsAt(batch.events, Date.now()),
    resolved: [...batch.resolved]
  })
}

/** The batch of the store of `tab`, the outcome to show, and preflight, commit and restart. */
export function useStagingRun(tab: StoreTab) {
  const { storeId } = tab.info
  const batch = useStaging(storeId)
  const [shown, setShown] = useViewState(storeId, SHOWN_OUTCOME)
  const [busy, setBusy] = useState<'preflight' | 'commit' | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const [confirm, setConfirm] = useState<Extract<RebaseOutcome, { result: 'ok' }> | null>(null)
  const key = batchKey(batch)
  // Locking or unlocking changes nothing a preflight depends on: only the batch and the store's data (its seq-no) do.
  const stale = shown !== null && shown.kind === 'preflight' && (shown.batchKey !== key || shown.seqNo !== tab.info.seqNo)
  // The result of the last commit goes once a new batch is staged.
  const visible = shown !== null && !(shown.kind === 'commit' && batch.events.length > 0) ? shown : null

  const runPreflight = async (): Promise<RebaseOutcome | null> => {
    setBusy('preflight')
    setFailure(null)
    try {
      const outcome = await preflight(storeId, batch, tab.info.seqNo)
      setShown({ outcome, kind: 'preflight', batchKey: key, seqNo: tab.info.seqNo })
      return outcome
    } catch (e) {
      // A lost connection is the connection-lost bar's to say; the preflight runs again after Reconnect.
      const message = failureMessage(e)
      setFailure(message === null ? null : `The preflight could not run: ${message}`)
      return null
    } finally {
      setBusy(null)
    }
  }

  // A merge (or another feature) staged a whole batch and asked for its preflight.
  const [preflightRequested, takePreflightRequest] = usePreflightRequest(storeId)
  useEffect(() => {
    if (!preflightRequested || busy !== null) return
    // After this render (the latest batch), not inside it.
    const timer = setTimeout(() => {
      takePreflightRequest()
      void runPreflight()
    }, 0)
    return () => clearTimeout(timer)
  })

  const startCommit = async (): Promise<void> => {
    const outcome = await runPreflight()
    if (outcome?.result === 'ok') setConfirm(outcome)
  }

  const commit = async (): Promise<void> => {
    setConfirm(null)
    setBusy('commit')
    setFailure(null)
    try {
      const base = batch.base > 0 ? batch.base : tab.info.seqNo + 1
      const summary = await call('store:rebase', { storeId, eventsEdn: batchEdn(batch, Date.now()), base, resolved: [...batch.resolved] })
      setShown({ outcome: summary.outcome, kind: summary.result === 'ok' ? 'commit' : 'preflight', batchKey: key, seqNo: tab.info.seqNo })
      if (summary.result === 'ok') {
        void recordCommittedMerge(storeId, batch, summary.outcome)
        clearBatch(storeId)
        startBatch(storeId, summary.seqNo)
      }
    } catch (e) {
      setFailure(`Nothing was written, and the staged batch is unchanged: ${messageOf(e)}`)
    } finally {
      setBusy(null)
    }
  }

  /** A new, empty batch on top of what the store holds now. */
  const restart = (): void => {
    clearBatch(storeId)
    startBatch(storeId, tab.info.seqNo)
    setShown(null)
  }

  /** Show `outcome` as the preflight of the batch as it is now (after a conflict was resolved), or nothing. */
  const showPreflight = (outcome: RebaseOutcome | null): void =>
    setShown(outcome === null ? null : { outcome, kind: 'preflight', batchKey: batchKey(getStaging(storeId)), seqNo: tab.info.seqNo })

  return { batch, busy, failure, confirm, setConfirm, stale, visible, runPreflight, startCommit, commit, restart, showPreflight }
}
