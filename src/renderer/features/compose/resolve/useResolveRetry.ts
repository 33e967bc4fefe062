/**
 * "Resolve and retry": replace the staged event by the adjusted one (or drop
 * it when it would change nothing), add theirs to the resolved list, forget
 * the draft and run the preflight again, whose outcome goes to `onResolved`.
 * Refused, with a sentence, when the staged event was edited meanwhile.
 */
import { useState } from 'react'
import type { RebaseOutcome } from '../../../../shared/compose'
import type { ConflictResolution } from '../../../../shared/resolve'
import { call } from '../../../ipc/client'
import { failureMessage } from '../../../ui/connection-lost'
import { notifyInfo } from '../../../ui/notify'
import { addResolved, dropStagedEvent, getStaging, replaceStagedEvent, type StagedEvent } from '../staging'
import { discardDraft } from './drafts'
import type { ConflictRef } from './useResolution'

/** What a retry needs: the conflict, the staged event it is about, the stored event it conflicts with, and where the outcome goes. */
export interface RetryTarget {
  readonly conflictRef: ConflictRef
  readonly staged: StagedEvent
  readonly theirs: number
  onResolved(outcome: RebaseOutcome | null): void
}

/** `retry(resolution)`, whether it runs, and why the last one failed (null: it did not). */
export function useResolveRetry({ conflictRef, staged, theirs, onResolved }: RetryTarget) {
  const [retrying, setRetrying] = useState(false)
  const [retryError, setRetryError] = useState<string | null>(null)
  const { storeId } = conflictRef
  const retry = async (resolution: ConflictResolution | null): Promise<void> => {
    if (resolution === null) return
    setRetrying(true)
    setRetryError(null)
    try {
      if (getStaging(storeId).events.find((e) => e.id === staged.id)?.edn !== staged.edn) {
        throw new Error('The staged event was edited meanwhile; run the preflight again to see the conflict as it is now.')
      }
      if (resolution.event === null) dropStagedEvent(storeId, staged.id)
      else replaceStagedEvent(storeId, staged.id, resolution.event)
      addResolved(storeId, theirs)
      discardDraft(conflictRef.draft)
      const batch = getStaging(storeId)
      const outcome = batch.events.length === 0
        ? null
        : await call('store:preflight', { storeId, events: batch.events.map((e) => e.edn), base: conflictRef.base, resolved: [...batch.resolved] })
      if (outcome === null) notifyInfo('Conflict resolved', 'The staged event changed nothing once adjusted, so it was dropped; the batch is empty.')
      else if (outcome.result === 'ok') notifyInfo('Conflict resolved', 'The preflight passes now. Review the resolved list and commit when ready.')
      onResolved(outcome)
    } catch (e) {
      setRetryError(failureMessage(e))
    } finally {
      setRetrying(false)
    }
  }
  return { retry, retrying, retryError }
}
