/**
 * The staged batch: reorder (drag, or the arrow buttons), edit and drop
 * events; preflight (a dry rebase at the batch's base — nothing is written);
 * commit after an explicit confirmation, only on an unlocked store. A failed
 * write leaves the batch exactly as it was, with a plain message.
 */
import { useEffect, useState, type ReactNode } from 'react'
import { ActionIcon, Alert, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core'
import type { RebaseOutcome } from '../../../shared/compose'
import type { StoreTab } from '../../workspace/workspace-state'
import { useViewState, viewKey } from '../../workspace/view-state'
import { call, messageOf } from '../../ipc/client'
import { CommitModal } from './CommitModal'
import { OutcomeView } from './OutcomeView'
import { batchEdn, clearBatch, getStaging, removeResolved, startBatch, usePreflightRequest, useStaging, type StagedBatch } from './staging'
import { ImportButton } from '../fork/ImportButton'
import { recordCommittedMerge } from '../fork/fork-actions'
import { StagedList } from './StagedList'
import { eventsAt } from './timestamps'
import { useOlderThanLatest } from './useOlderThanLatest'

/** An outcome, and the batch and store seq-no it was computed for (the store is append-only: the same seq-no is the same data). */
interface ShownOutcome {
  readonly outcome: RebaseOutcome
  readonly kind: 'preflight' | 'commit'
  readonly batchKey: string
  readonly seqNo: number
}

const SHOWN_OUTCOME = viewKey<ShownOutcome | null>('compose.outcome', null)

const fileName = (path: string): string => path.split(/[\\/]/).pop() ?? path

function batchKey(batch: StagedBatch): string {
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

/** The staging panel for the store of `tab`. */
export function Staging({ tab }: { tab: StoreTab }): ReactNode {
  const { storeId, locked, path } = tab.info
  const batch = useStaging(storeId)
  const [shown, setShown] = useViewState(storeId, SHOWN_OUTCOME)
  const [busy, setBusy] = useState<'preflight' | 'commit' | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const [confirm, setConfirm] = useState<Extract<RebaseOutcome, { result: 'ok' }> | null>(null)
  const key = batchKey(batch)
  const older = useOlderThanLatest(tab, batch)
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
      setFailure(`The preflight could not run: ${messageOf(e)}`)
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

  const empty = batch.events.length === 0
  return (
    <Paper withBorder p="md" radius="md" data-testid="staging">
      <Stack gap="sm">
        <Group justify="space-between">
          <Text fw={600}>Staged batch</Text>
          <ImportButton tab={tab} />
        </Group>
        <Text size="xs" c="dimmed" data-testid="staging-base">
          {batch.base > 0 ? `Base ${batch.base}: composed on top of seq-no ${batch.base - 1}` : 'No batch started yet'}
          {batch.merge ? ` · merging ${batch.merge.forkName} (its events up to seq-no ${batch.merge.upTo})` : ''}
        </Text>
        {empty && batch.base > 0 && tab.info.seqNo >= batch.base && (
          <Group gap="xs" justify="space-between" wrap="nowrap" data-testid="catch-up">
            <Text size="sm">
              The store has moved on to seq-no {tab.info.seqNo} since this batch started. Look at what changed, then compose on top of it.
            </Text>
            <Button size="xs" variant="light" style={{ flexShrink: 0 }} onClick={restart}>
              Compose on top of {tab.info.seqNo}
            </Button>
          </Group>
        )}
        {empty ? (
          <Text size="sm" c="dimmed">
            Nothing is staged. Compose an event and choose “Stage event”; staged events are appended together, in this order, in one rebase.
          </Text>
        ) : (
          <StagedList storeId={storeId} />
        )}
        {batch.resolved.length > 0 && (
          <Group gap={6} data-testid="resolved-list">
            <Text size="sm">Treated as resolved:</Text>
            {batch.resolved.map((seqNo) => (
              <Badge key={seqNo} variant="outline" color="orange" rightSection={
                <ActionIcon size="xs" variant="transparent" color="orange" aria-label={`Stop treating ${seqNo} as resolved`} onClick={() => removeResolved(storeId, seqNo)}>
                  ×
                </ActionIcon>
              }>
                {seqNo}
              </Badge>
            ))}
          </Group>
        )}
        <Group justify="space-between" wrap="wrap">
          <Button variant="default" color="red" disabled={empty && batch.resolved.length === 0} onClick={restart}>
            Discard batch
          </Button>
          <Group gap="xs">
            <Button variant="light" onClick={() => void runPreflight()} disabled={empty} loading={busy === 'preflight'} data-testid="preflight-button">
              Preflight
            </Button>
            {locked ? (
              <Text size="sm" c="dimmed" data-testid="commit-locked">
                Unlock the store to write.
              </Text>
            ) : (
              <Button onClick={() => void startCommit()} disabled={empty || busy !== null} loading={busy === 'commit'} data-testid="commit-button">
                Commit…
              </Button>
            )}
          </Group>
        </Group>
        {failure && (
          <Alert color="red" variant="light" title="Not written" data-testid="commit-failure">
            {failure}
          </Alert>
        )}
        {visible && (
          <Stack gap="xs" data-testid="outcome">
            {stale && (
              <Text size="xs" c="orange" data-testid="outcome-stale">
                The batch or the store changed since this preflight; run it again to see the current outcome.
              </Text>
            )}
            <OutcomeView
              storeId={storeId}
              outcome={visible.outcome}
              kind={visible.kind}
              tab={tab}
              onOutcome={(outcome) => setShown(outcome === null ? null : { outcome, kind: 'preflight', batchKey: batchKey(getStaging(storeId)), seqNo: tab.info.seqNo })}
            />
          </Stack>
        )}
      </Stack>
      {confirm && (
        <CommitModal fileName={fileName(path)} outcome={confirm} resolved={batch.resolved} older={older} onCancel={() => setConfirm(null)} onConfirm={() => void commit()} />
      )}
    </Paper>
  )
}
