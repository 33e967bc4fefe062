/**
 * The Problems section: the integrity check (run in the store's worker, with
 * progress in the header), each problem a sentence with its severity,
 * grouped by kind, with a jump to the event. The check never changes the
 * store; the one fix it offers (adding the trigger table's seq_no index,
 * `AddIndexFix`) writes only to an unlocked store. The check runs in the background after a store opens
 * (`problems-check.ts`); a change to the store marks the result as out of date.
 * A check a lost connection cut short before it had a result says so in one
 * sentence in its place, and runs again by itself after Reconnect.
 */
import type { ReactNode } from 'react'
import { Alert, Button, Group, Loader, Stack, Text, Title } from '@mantine/core'
import { showEvent } from '../../../workspace/navigation'
import { useWorkspace } from '../../../workspace/WorkspaceProvider'
import type { StoreTab } from '../../../workspace/workspace-state'
import { groupProblems, problemSummary } from './problem-groups'
import { ProblemGroup } from './ProblemGroup'
import { AddIndexFix } from './AddIndexFix'
import { useBackgroundCheck, useCheck } from './problems-check'
import { LostNotice, ReconnectHint, useConnectionLost } from '../../../ui/connection-lost'
import { storeName } from '../../../ui/format'

/** Props: whether the check runs, how to run it, and whether the hint beside the button shows (not when a sentence below says it). */
function Heading({ running, onRun, hint }: { running: boolean; onRun: () => void; hint: boolean }): ReactNode {
  const lost = useConnectionLost()
  return (
    <Group justify="space-between" align="flex-end">
      <div>
        <Title order={2}>Problems</Title>
        <Text c="dimmed" size="sm" maw={760}>
          The integrity check reads every row — schema, orphan rows, events with neither or both bodies, every EDN cell, patches and triggers — and never
          changes the store.
        </Text>
      </div>
      <Stack gap={4} align="flex-end">
        <Button onClick={onRun} loading={running} disabled={lost} variant="light" data-testid="problems-run">
          Run the check again
        </Button>
        {hint && <ReconnectHint to="run the check" />}
      </Stack>
    </Group>
  )
}

/** The Problems section. */
export function ProblemsSection({ tab }: { tab: StoreTab }): ReactNode {
  const { storeId } = tab.info
  const { showSection } = useWorkspace()
  useBackgroundCheck(tab)
  const { result, running, error, interruptedAt, run } = useCheck(storeId, tab.revision)
  const lost = useConnectionLost()
  const stale = result !== null && result.revision !== tab.revision
  const cutShort = result === null && !running && interruptedAt !== undefined
  return (
    <Stack gap="lg" data-testid="problems-section">
      <Heading running={running} onRun={run} hint={!cutShort} />
      {cutShort && (
        <LostNotice testId="problems-interrupted">
          The check did not finish: the connection to {storeName(tab.info)} was lost. {lost ? 'Reconnect to run it.' : 'Run the check again to see its result.'}
        </LostNotice>
      )}
      {error && (
        <Alert color="red" variant="light" role="alert">
          The check could not run: {error}
        </Alert>
      )}
      {result === null && running && (
        <Group gap="xs">
          <Loader size="xs" />
          <Text size="sm" c="dimmed">
            Checking every row of the store; the header shows how far it is.
          </Text>
        </Group>
      )}
      {stale && !running && (
        <Alert color="blue" variant="light">
          The store changed since this check ran. Run it again to see its current state.
        </Alert>
      )}
      {result !== null && result.problems.length === 0 && (
        <Alert color="green" variant="light" data-testid="problems-none">
          No problems found: every table, row and cell is as the library writes it.
        </Alert>
      )}
      {result !== null && result.problems.length > 0 && (
        <>
          <Text fw={600} data-testid="problems-summary">
            {problemSummary(result.problems)}
          </Text>
          {groupProblems(result.problems).map(([code, problems]) => (
            <ProblemGroup
              key={code}
              code={code}
              problems={problems}
              onShow={(seqNo) => showEvent({ storeId, showSection }, seqNo)}
              renderFix={(fix) => <AddIndexFix tab={tab} fix={fix} />}
            />
          ))}
        </>
      )}
    </Stack>
  )
}
