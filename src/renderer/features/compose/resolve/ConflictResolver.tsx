/**
 * Conflict resolution, side by side: the stored event that conflicts with a
 * staged one, the aggregate's three states (base | theirs | ours) aligned key
 * by key, a choice per key, and the adjusted patch. "Resolve and retry"
 * replaces the staged event by the adjusted one, adds theirs to the resolved
 * list and runs the preflight again; the next conflict, if any, comes next.
 */
import { useMemo, useState, type ReactNode } from 'react'
import { Alert, Button, Code, Group, Loader, Paper, Stack, Switch, Text, TextInput, Title } from '@mantine/core'
import type { ComposeConflict, RebaseOutcome } from '../../../../shared/compose'
import type { ConflictDetail } from '../../../../shared/resolve'
import { call, messageOf } from '../../../ipc/client'
import { notifyInfo } from '../../../ui/notify'
import { useRequest } from '../../../ui/useRequest'
import type { StoreTab } from '../../../workspace/workspace-state'
import { addResolved, dropStagedEvent, getStaging, replaceStagedEvent, useStaging, type StagedEvent } from '../staging'
import { discardDraft, draftKey } from './drafts'
import { KeyTable } from './KeyTable'
import { ResolvedList } from './ResolvedList'
import { TheirsSummary } from './TheirsSummary'
import { useResolution, type ConflictRef } from './useResolution'
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

function ResolverBody({ tab, conflict, staged, conflictRef, detail, onResolved }: BodyProps): ReactNode {
  const { storeId } = tab.info
  const state = useResolution(conflictRef, detail.keys, detail.oursReason)
  const [showUnchanged, setShowUnchanged] = useState(detail.keys.length <= 12)
  const [retrying, setRetrying] = useState(false)
  const [retryError, setRetryError] = useState<string | null>(null)
  const { resolution } = state
  const errors = useMemo(() => new Map((resolution?.errors ?? []).map((e) => [e.key, e.message])), [resolution])
  const blocked = state.pending || resolution === null || resolution.errors.length > 0 || resolution.problems.length > 0
  const theirs = detail.theirs.seqNo
  const changed = detail.keys.filter((k) => k.mark !== 'none').length

  const retry = async (): Promise<void> => {
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
      setRetryError(messageOf(e))
    } finally {
      setRetrying(false)
    }
  }

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
      <Paper withBorder radius="md" p="sm">
        <Group justify="space-between" mb="xs">
          <Text size="sm">
            {changed === 0 ? 'No key differs between the three states.' : `${changed} of ${detail.keys.length} key${detail.keys.length === 1 ? '' : 's'} changed since the base. Choose what each keeps.`}
          </Text>
          <Group gap="xs">
            <Button size="xs" variant="default" onClick={() => state.chooseAll('ours')} disabled={changed === 0}>Keep ours for all</Button>
            <Button size="xs" variant="default" onClick={() => state.chooseAll('theirs')} disabled={changed === 0}>Keep theirs for all</Button>
            <Switch size="xs" label="Show unchanged keys" checked={showUnchanged} onChange={(e) => setShowUnchanged(e.currentTarget.checked)} />
          </Group>
        </Group>
        <KeyTable
          keys={detail.keys}
          baseLabel={detail.baseAsOf === 0 ? 'Base (before any event)' : `Base (as of ${detail.baseAsOf})`}
          theirsLabel={`Theirs (after ${theirs})`}
          pickOf={state.pickOf}
          choose={state.choose}
          edit={state.edit}
          errors={errors}
          showUnchanged={showUnchanged}
        />
      </Paper>
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
      <Paper withBorder radius="md" p="sm" data-testid="resolve-patch" data-pending={state.pending || undefined}>
        <Group gap="xs" mb={4}>
          <Text fw={600} size="sm">Adjusted patch</Text>
          {state.pending && <Loader size="xs" />}
        </Group>
        {state.error !== null && <Text c="red" size="sm" role="alert">{state.error}</Text>}
        {resolution !== null && resolution.errors.length === 0 && resolution.patch !== null && (
          <>
            <Code block className={classes.code} data-testid="resolve-patch-edn">{resolution.patch}</Code>
            <Text size="xs" c="dimmed" mt={4}>Applied after stored event {theirs}, it gives the state:</Text>
            <Code block className={classes.code} data-testid="resolve-state-edn">{resolution.chosenState?.text ?? ''}</Code>
          </>
        )}
        {resolution !== null && resolution.errors.length === 0 && resolution.patch === null && (
          <Text size="sm" data-testid="resolve-patch-none">
            Every key keeps theirs, so the staged event would change nothing. Resolving drops it from the batch.
          </Text>
        )}
        {resolution !== null && resolution.errors.length > 0 && (
          <Text size="sm" c="red" mt={4}>Fix the edited value{resolution.errors.length === 1 ? '' : 's'} above first ({resolution.errors.map((e) => e.key).join(', ')}).</Text>
        )}
      </Paper>
      {retryError !== null && <Alert color="red" title="Not retried" data-testid="resolve-retry-error">{retryError}</Alert>}
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <ResolvedList tab={tab} />
        <Button onClick={() => void retry()} loading={retrying} disabled={blocked} data-testid="resolve-retry">
          Resolve and retry
        </Button>
      </Group>
    </Stack>
  )
}
