/** Parts of the staging panel: the catch-up note, the resolved seq-nos, and the outcome of the last preflight or commit. */
import type { ReactNode } from 'react'
import { ActionIcon, Badge, Button, Group, Stack, Text } from '@mantine/core'
import type { RebaseOutcome } from '../../../shared/compose'
import type { StoreTab } from '../../workspace/workspace-state'
import { OutcomeView } from './OutcomeView'
import { removeResolved } from './staging'
import type { ShownOutcome } from './useStagingRun'

/** The store moved on while the (empty) batch waited: compose on top of its newest seq-no. */
export function CatchUp({ seqNo, restart }: { seqNo: number; restart(): void }): ReactNode {
  return (
    <Group gap="xs" justify="space-between" wrap="nowrap" data-testid="catch-up">
      <Text size="sm">
        The store has moved on to seq-no {seqNo} since this batch started. Look at what changed, then compose on top of it.
      </Text>
      <Button size="xs" variant="light" style={{ flexShrink: 0 }} onClick={restart}>
        Compose on top of {seqNo}
      </Button>
    </Group>
  )
}

/** The stored events the batch treats as resolved, each with a button that stops treating it so. */
export function ResolvedBadges({ storeId, resolved }: { storeId: string; resolved: readonly number[] }): ReactNode {
  return (
    <Group gap={6} data-testid="resolved-list">
      <Text size="sm">Treated as resolved:</Text>
      {resolved.map((seqNo) => (
        <Badge key={seqNo} variant="outline" color="orange" rightSection={
          <ActionIcon size="xs" variant="transparent" color="orange" aria-label={`Stop treating ${seqNo} as resolved`} onClick={() => removeResolved(storeId, seqNo)}>
            ×
          </ActionIcon>
        }>
          {seqNo}
        </Badge>
      ))}
    </Group>
  )
}

interface OutcomePanelProps {
  readonly tab: StoreTab
  readonly shown: ShownOutcome
  /** The batch or the store changed since this preflight. */
  readonly stale: boolean
  onOutcome(outcome: RebaseOutcome | null): void
}

/** The outcome shown (marked when stale), with its conflicts' resolution. */
export function OutcomePanel({ tab, shown, stale, onOutcome }: OutcomePanelProps): ReactNode {
  return (
    <Stack gap="xs" data-testid="outcome">
      {stale && (
        <Text size="xs" c="orange" data-testid="outcome-stale">
          The batch or the store changed since this preflight; run it again to see the current outcome.
        </Text>
      )}
      <OutcomeView storeId={tab.info.storeId} outcome={shown.outcome} kind={shown.kind} tab={tab} onOutcome={onOutcome} />
    </Stack>
  )
}
