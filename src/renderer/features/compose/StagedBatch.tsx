/**
 * The staged batch: reorder (drag, or the arrow buttons), edit and drop
 * events; preflight (a dry rebase at the batch's base — nothing is written);
 * commit after an explicit confirmation, only on an unlocked store. A failed
 * write leaves the batch exactly as it was, with a plain message. What the
 * buttons do is `useStagingRun`.
 */
import type { ReactNode } from 'react'
import { Alert, Button, Group, Paper, Stack, Text } from '@mantine/core'
import type { StoreTab } from '../../workspace/workspace-state'
import { CommitModal } from './CommitModal'
import { ImportButton } from '../fork/ImportButton'
import { StagedList } from './StagedList'
import { CatchUp, OutcomePanel, ResolvedBadges } from './StagingParts'
import { useOlderThanLatest } from './useOlderThanLatest'
import { useStagingRun } from './useStagingRun'
import { ReconnectHint, useConnectionLost } from '../../ui/connection-lost'

const fileName = (path: string): string => path.split(/[\\/]/).pop() ?? path

/** The staging panel for the store of `tab`. */
export function Staging({ tab }: { tab: StoreTab }): ReactNode {
  const { storeId, locked, path } = tab.info
  const run = useStagingRun(tab)
  const { batch, busy, visible } = run
  const older = useOlderThanLatest(tab, batch)
  const empty = batch.events.length === 0
  const lost = useConnectionLost()
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
        {empty && batch.base > 0 && tab.info.seqNo >= batch.base && <CatchUp seqNo={tab.info.seqNo} restart={run.restart} />}
        {empty ? (
          <Text size="sm" c="dimmed">
            Nothing is staged. Compose an event and choose “Stage event”; staged events are appended together, in this order, in one rebase.
          </Text>
        ) : (
          <StagedList storeId={storeId} />
        )}
        {batch.resolved.length > 0 && <ResolvedBadges storeId={storeId} resolved={batch.resolved} />}
        <Group justify="space-between" wrap="wrap">
          <Button variant="default" color="red" disabled={empty && batch.resolved.length === 0} onClick={run.restart}>
            Discard batch
          </Button>
          <Group gap="xs">
            <ReconnectHint to="preflight the batch" />
            <Button variant="light" onClick={() => void run.runPreflight()} disabled={empty || lost} loading={busy === 'preflight'} data-testid="preflight-button">
              Preflight
            </Button>
            {locked ? (
              <Text size="sm" c="dimmed" data-testid="commit-locked">
                Unlock the store to write.
              </Text>
            ) : (
              <Button onClick={() => void run.startCommit()} disabled={empty || busy !== null || lost} loading={busy === 'commit'} data-testid="commit-button">
                Commit…
              </Button>
            )}
          </Group>
        </Group>
        {run.failure && (
          <Alert color="red" variant="light" title="Not written" data-testid="commit-failure">
            {run.failure}
          </Alert>
        )}
        {visible && <OutcomePanel tab={tab} shown={visible} stale={run.stale} onOutcome={run.showPreflight} />}
      </Stack>
      {run.confirm && (
        <CommitModal fileName={fileName(path)} outcome={run.confirm} resolved={batch.resolved} older={older} onCancel={() => run.setConfirm(null)} onConfirm={() => void run.commit()} />
      )}
    </Paper>
  )
}
