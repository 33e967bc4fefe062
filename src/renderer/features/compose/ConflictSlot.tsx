/**
 * Where a conflict is shown. `ConflictSlot` is the one place the side-by-side
 * conflict resolver (built separately) plugs in; until then, and as its
 * heading afterwards, `ConflictSummary` says plainly which staged event meets
 * which stored one, why they conflict, shows both events, and offers the
 * ways forward: look at theirs, edit ours, or treat theirs as resolved.
 */
import type { ReactNode } from 'react'
import { Alert, Button, Code, Group, SimpleGrid, Stack, Text } from '@mantine/core'
import type { ComposeConflict, RebaseOutcome } from '../../../shared/compose'
import { showEvent } from '../../workspace/navigation'
import { useWorkspace } from '../../workspace/WorkspaceProvider'
import { editStagedEvent } from './Composer'
import { useComposerState } from './form-state'
import { addResolved, useStaging } from './staging'
import type { StoreTab } from '../../workspace/workspace-state'
import { ResolveConflictButton } from './resolve/ResolveDialog'
import classes from './Compose.module.css'

type ConflictOutcome = Extract<RebaseOutcome, { result: 'conflict' }>

/** Why theirs conflicts with ours, in one or two sentences. */
export function conflictReason(conflict: ComposeConflict): string {
  const { ours, theirs } = conflict
  if (conflict.via === 'action') {
    return `Stored event ${theirs.seqNo} is an action ${theirs.reason} on ${theirs.aggregate ?? '?'}, the aggregate your staged event ${conflict.index + 1} changes, and it was appended at or after your base.`
  }
  return (
    `Stored event ${theirs.seqNo} is an effect ${theirs.reason} on the trigger ${theirs.trigger ?? '?'}. ` +
    `An action on ${ours.aggregate ?? '?'} carries that trigger, so the effect reaches the aggregate your staged event ${conflict.index + 1} changes.`
  )
}

/** The plain conflict summary with its actions. */
export function ConflictSummary({ storeId, outcome }: { storeId: string; outcome: ConflictOutcome }): ReactNode {
  const { conflict } = outcome
  const { ours, theirs } = conflict
  const batch = useStaging(storeId)
  const composer = useComposerState(storeId)
  const { showSection } = useWorkspace()
  const staged = batch.events[conflict.index]
  return (
    <Stack gap="sm" data-testid="conflict-summary">
      <Alert color="orange" variant="light" title={`Conflict: staged event ${conflict.index + 1} meets stored event ${theirs.seqNo}`}>
        <Stack gap={4}>
          <Text size="sm">
            Your batch starts at base {outcome.base}: you had seen the store up to seq-no {outcome.base - 1}. {conflictReason(conflict)} Appending
            now would overwrite a change you have not seen, so nothing is written.
          </Text>
          {outcome.events.length > 0 && (
            <Text size="sm">
              Staged events before it pass: {outcome.events.map((e) => `${e.seqNo}`).join(', ')}.
            </Text>
          )}
          {batch.resolved.length > 0 && <Text size="sm">Already treated as resolved: {batch.resolved.join(', ')}.</Text>}
        </Stack>
      </Alert>
      <SimpleGrid cols={1} spacing="sm">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Text size="sm" fw={600}>
            Ours — staged event {conflict.index + 1} (would be seq-no {ours.seqNo})
          </Text>
          <Code block className={classes.edn} data-testid="conflict-ours">
            {ours.edn}
          </Code>
        </Stack>
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Text size="sm" fw={600}>
            Theirs — stored event {theirs.seqNo}
          </Text>
          <Code block className={classes.edn} data-testid="conflict-theirs">
            {theirs.edn}
          </Code>
        </Stack>
      </SimpleGrid>
      <Group gap="xs">
        <Button size="xs" variant="default" onClick={() => showEvent({ storeId, showSection }, theirs.seqNo)}>
          Show event {theirs.seqNo}
        </Button>
        {staged && (
          <Button size="xs" variant="default" onClick={() => void editStagedEvent(storeId, staged.id, staged.edn, composer)}>
            Edit staged event {conflict.index + 1}
          </Button>
        )}
        <Button size="xs" variant="light" color="orange" onClick={() => addResolved(storeId, theirs.seqNo)} data-testid="mark-resolved">
          Treat event {theirs.seqNo} as resolved
        </Button>
      </Group>
      <Text size="xs" c="dimmed">
        Treat it as resolved once your staged event takes event {theirs.seqNo} into account; the next preflight then looks for the next conflict.
      </Text>
    </Stack>
  )
}

/**
 * The conflict slot: the summary, then the way into the side-by-side
 * `ConflictResolver` (when the caller can take the preflight it runs after resolving).
 */
export function ConflictSlot({ storeId, outcome, tab, onOutcome }: { storeId: string; outcome: ConflictOutcome; tab?: StoreTab; onOutcome?: (outcome: RebaseOutcome | null) => void }): ReactNode {
  return (
    <Stack gap="md" data-testid="conflict-slot">
      <ConflictSummary storeId={storeId} outcome={outcome} />
      {tab && onOutcome && <ResolveConflictButton tab={tab} conflict={outcome.conflict} onResolved={onOutcome} />}
    </Stack>
  )
}
