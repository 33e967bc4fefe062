/**
 * Conflict resolution, side by side: the stored event that conflicts with a
 * staged one, the aggregate's three states (base | theirs | ours) aligned key
 * by key, a choice per key, and the adjusted patch. "Resolve and retry"
 * replaces the staged event by the adjusted one, adds theirs to the resolved
 * list and runs the preflight again; the next conflict, if any, comes next.
 * The resolved list and that button stay at the dialog's bottom while the
 * rest scrolls.
 */
import { useMemo, type ReactNode } from 'react'
import { Alert, Button, Code, Group, Loader, Stack, Text, TextInput, Title } from '@mantine/core'
import type { ComposeConflict, RebaseOutcome } from '../../../../shared/compose'
import type { ConflictDetail } from '../../../../shared/resolve'
import { call } from '../../../ipc/client'
import { useRequest } from '../../../ui/useRequest'
import { ModalActions } from '../../../ui/modal/ModalActions'
import { ReconnectHint, useConnectionLost } from '../../../ui/connection-lost'
import type { StoreTab } from '../../../workspace/workspace-state'
import { useStaging, type StagedEvent } from '../staging'
import { draftKey } from './drafts'
import { ResolvedList } from './ResolvedList'
import { AdjustedPatch, KeyChoices } from './ResolverParts'
import { TheirsSummary } from './TheirsSummary'
import { useResolution, type ConflictRef } from './useResolution'
import { useResolveRetry } from './useResolveRetry'
import classes from './resolve.module.css'

/** Props of the resolver. */
export interface ConflictResolverProps {
  readonly tab: StoreTab
  /** The conflict from the preflight result. */
  readonly conflict: ComposeConflict
  /**
   * Called after the batch was adjusted, with the new preflight outcome (null
   * when the batch became empty): show it, and the next conflict if it has one.
   */
  readonly onResolved: (outcome: RebaseOutcome | null) => void
}

/** The resolver for one conflict of the staged batch. */
export function ConflictResolver({ tab, conflict, onResolved }: ConflictResolverProps): ReactNode {
  const batch = useStaging(tab.info.storeId)
  const staged = batch.events[conflict.index]
  if (staged === undefined) {
    return (
      <Alert color="yellow" title="The batch changed" data-testid="resolve-stale">
        Staged event {conflict.index + 1}, which this conflict is about, is no longer in the batch. Run the preflight again.
      </Alert>
    )
  }
  const ref: ConflictRef = {
    storeId: tab.info.storeId, base: batch.base > 0 ? batch.base : tab.info.seqNo + 1, theirs: conflict.theirs.seqNo, oursEdn: staged.edn, resolved: [...batch.resolved],
    draft: draftKey(tab.info.storeId, conflict)
  }
  return <ConflictLoader key={`${ref.theirs}:${staged.id}`} tab={tab} conflict={conflict} staged={staged} conflictRef={ref} onResolved={onResolved} />
}

/** Loads the conflict's detail (the three states key by key), then shows the resolver. */
function ConflictLoader({ tab, conflict, staged, conflictRef, onResolved }: ConflictResolverProps & { staged: StagedEvent; conflictRef: ConflictRef }): ReactNode {
  const requestKey = `${tab.revision}:${conflictRef.base}:${conflictRef.theirs}:${conflictRef.resolved.join(',')}:${conflictRef.oursEdn}`
  const detail = useRequest<ConflictDetail>(requestKey, () => call('store:conflict-detail', { storeId: conflictRef.storeId, base: conflictRef.base, theirs: conflictRef.theirs, oursEdn: conflictRef.oursEdn, resolved: [...conflictRef.resolved] }))
  if (detail.data === null) {
    return detail.error !== null ? (
      <Alert color="red" title="The conflict cannot be shown" data-testid="resolve-error">{detail.error}</Alert>
    ) : (
      <Group gap="xs"><Loader size="xs" /><Text size="sm" c="dimmed">Comparing the aggregate's states…</Text></Group>
    )
  }
  return <ResolverBody tab={tab} conflict={conflict} staged={staged} conflictRef={conflictRef} detail={detail.data} onResolved={onResolved} />
}

interface BodyProps extends ConflictResolverProps {
  readonly staged: StagedEvent
  readonly conflictRef: ConflictRef
  readonly detail: ConflictDetail
}

/** One conflict, loaded: the stored event, the key choices, the reason and patch of the adjusted event, the resolved list and Resolve and retry. */
function ResolverBody({ tab, conflict, staged, conflictRef, detail, onResolved }: BodyProps): ReactNode {
  const state = useResolution(conflictRef, detail.keys, detail.oursReason)
  const { resolution } = state
  const errors = useMemo(() => new Map((resolution?.errors ?? []).map((e) => [e.key, e.message])), [resolution])
  const lost = useConnectionLost()
  const blocked = lost || state.pending || resolution === null || resolution.errors.length > 0 || resolution.problems.length > 0
  const theirs = detail.theirs.seqNo
  const { retry, retrying, retryError } = useResolveRetry({ conflictRef, staged, theirs, onResolved })

  return (
    <Stack gap="sm" data-testid="conflict-resolver" data-theirs={theirs}>
      <Title order={5}>
        Resolve it key by key: <Code fz="inherit">{detail.aggregate}</Code> in the base, after stored event {theirs}, and with staged event {conflict.index + 1}
      </Title>
      <TheirsSummary detail={detail} />
      {detail.laterConflicts.length > 0 && (
        <Text size="sm" c="dimmed" data-testid="resolve-later">
          After this one, stored event{detail.laterConflicts.length === 1 ? '' : 's'} {detail.laterConflicts.join(', ')} also conflict{detail.laterConflicts.length === 1 ? 's' : ''} with it; they come one at a time.
        </Text>
      )}
      <KeyChoices detail={detail} state={state} errors={errors} />
      <Group align="flex-start" grow>
        <TextInput
          label="Reason of the adjusted event"
          description={`The staged event says ${detail.oursReason}; an adjustment is often an :update.`}
          value={state.reason}
          onChange={(e) => state.setReason(e.currentTarget.value)}
          error={resolution?.problems[0]}
          classNames={{ input: classes.mono }}
          data-testid="resolve-reason"
        />
      </Group>
      <AdjustedPatch state={state} theirs={theirs} />
      <ModalActions justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap="xs" style={{ flex: 1, minWidth: 0 }}>
          {retryError !== null && <Alert color="red" title="Not retried" data-testid="resolve-retry-error">{retryError}</Alert>}
          <ResolvedList tab={tab} />
        </Stack>
        <Stack gap={4} align="flex-end">
          <Button onClick={() => void retry(resolution)} loading={retrying} disabled={blocked} data-testid="resolve-retry">
            Resolve and retry
          </Button>
          <ReconnectHint to="resolve and retry" />
        </Stack>
      </ModalActions>
    </Stack>
  )
}
