/**
 * A rebase outcome (preflight or commit) as the user reads it: the seq-nos
 * the events get, each touched aggregate's state before → after with the
 * diff, or what stopped the rebase — a conflict, a stale base, invalid events.
 */
import type { ReactNode } from 'react'
import { Alert, Badge, Code, Group, Paper, SimpleGrid, Stack, Table, Text } from '@mantine/core'
import type { AggregateChange, DiffEntry, OutcomeEvent, RebaseOutcome } from '../../../shared/compose'
import type { StoreTab } from '../../workspace/workspace-state'
import { ConflictSlot } from './ConflictSlot'
import classes from './Compose.module.css'

/** "seq-no 8" or "seq-nos 8–10". */
export function seqNoRange(events: readonly { seqNo: number }[]): string {
  if (events.length === 0) return 'no seq-nos'
  const first = events[0].seqNo
  const last = events[events.length - 1].seqNo
  return first === last ? `seq-no ${first}` : `seq-nos ${first}–${last}`
}

/** One line naming an event: `action :fix on [:book "Dune"]`. */
export function eventLine(event: Pick<OutcomeEvent, 'type' | 'reason' | 'aggregate' | 'trigger'>): string {
  return event.type === 'action' ? `action ${event.reason} on ${event.aggregate ?? '?'}` : `effect ${event.reason} on the trigger ${event.trigger ?? '?'}`
}

const CHANGE_COLORS: Record<DiffEntry['type'], string> = { added: 'teal', removed: 'red', changed: 'blue' }

function DiffTable({ changes }: { changes: readonly DiffEntry[] }): ReactNode {
  if (changes.length === 0) return <Text size="sm" c="dimmed">The state does not change.</Text>
  return (
    <Table verticalSpacing={4} fz="sm" data-testid="diff-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={96}>Change</Table.Th>
          <Table.Th>Key</Table.Th>
          <Table.Th>Before</Table.Th>
          <Table.Th>After</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {changes.map((change, index) => (
          <Table.Tr key={index}>
            <Table.Td>
              <Badge size="sm" variant="light" color={CHANGE_COLORS[change.type]} styles={{ label: { overflow: 'visible' } }}>
                {change.type}
              </Badge>
            </Table.Td>
            <Table.Td ff="monospace">{change.path}</Table.Td>
            <Table.Td ff="monospace" style={{ wordBreak: 'break-word' }}>
              {change.before ?? '—'}
            </Table.Td>
            <Table.Td ff="monospace" style={{ wordBreak: 'break-word' }}>
              {change.after ?? '—'}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}

function AggregateCard({ change }: { change: AggregateChange }): ReactNode {
  return (
    <Paper withBorder p="sm" radius="sm" data-testid="aggregate-change">
      <Stack gap={6}>
        <Group gap="xs">
          <Code fw={600}>{change.aggregate}</Code>
          <Text size="xs" c="dimmed">
            changed by staged event{change.events.length === 1 ? '' : 's'} {change.events.map((i) => i + 1).join(', ')}
          </Text>
        </Group>
        {change.problem && (
          <Alert color="red" variant="light" p="xs">
            {change.problem}
          </Alert>
        )}
        <DiffTable changes={change.changes} />
        <SimpleGrid cols={2} spacing="xs">
          <Stack gap={2}>
            <Text size="xs" c="dimmed">
              Before
            </Text>
            <Code block className={classes.edn} data-testid="state-before">{change.before.text}</Code>
          </Stack>
          <Stack gap={2}>
            <Text size="xs" c="dimmed">
              After
            </Text>
            <Code block className={classes.edn} data-testid="state-after">{change.after.text}</Code>
          </Stack>
        </SimpleGrid>
      </Stack>
    </Paper>
  )
}

/** Props of `OutcomeView`. */
export interface OutcomeViewProps {
  readonly storeId: string
  readonly outcome: RebaseOutcome
  /** `preflight`: nothing was written; `commit`: the result of the write. */
  readonly kind: 'preflight' | 'commit'
  /** With both, a conflict is resolved side by side; `onOutcome` receives the preflight run after resolving (null: the batch became empty). */
  readonly tab?: StoreTab
  readonly onOutcome?: (outcome: RebaseOutcome | null) => void
}

/** The outcome. */
export function OutcomeView({ storeId, outcome, kind, tab, onOutcome }: OutcomeViewProps): ReactNode {
  switch (outcome.result) {
    case 'ok':
      return (
        <Stack gap="sm" data-testid="outcome-ok">
          <Alert color="teal" variant="light" title={kind === 'preflight' ? 'Preflight passed: nothing was written' : 'Appended'}>
            {kind === 'preflight'
              ? `At base ${outcome.base}, the ${outcome.events.length === 1 ? 'event would get' : `${outcome.events.length} events would get`} ${seqNoRange(outcome.events)}.`
              : `The ${outcome.events.length === 1 ? 'event got' : `${outcome.events.length} events got`} ${seqNoRange(outcome.events)}.`}
          </Alert>
          <Stack gap={2} data-testid="outcome-seq-nos">
            {outcome.events.map((event) => (
              <Text size="sm" key={event.seqNo} ff="monospace">
                {event.seqNo}: {eventLine(event)}
              </Text>
            ))}
          </Stack>
          {outcome.aggregates.map((change) => (
            <AggregateCard key={change.aggregate} change={change} />
          ))}
        </Stack>
      )
    case 'conflict':
      return <ConflictSlot storeId={storeId} outcome={outcome} tab={tab} onOutcome={onOutcome} />
    case 'invalid-seq-no':
      return (
        <Alert color="red" variant="light" title="The base is beyond the store" data-testid="outcome-invalid-seq-no">
          The batch was composed on top of seq-no {outcome.base - 1}, but the store ends before that (the next seq-no is {outcome.nextSeqNo}). The store was probably replaced or rolled back; start a new batch on the store as it is now. Nothing was written.
        </Alert>
      )
    case 'write-conflict':
      return (
        <Alert color="red" variant="light" title="Another writer took the same seq-no" data-testid="outcome-write-conflict">
          {outcome.message} Nothing was written; the staged batch is unchanged. Run the preflight again to see what was appended.
        </Alert>
      )
    case 'invalid':
      return (
        <Alert color="red" variant="light" title="Some staged events are not valid" data-testid="outcome-invalid">
          <Stack gap={2}>
            {outcome.problems.map((problem, index) => (
              <Text size="sm" key={index}>
                {problem.message}
              </Text>
            ))}
          </Stack>
        </Alert>
      )
  }
}
