/**
 * What changed in an aggregate's state between two of its seq-nos: keys
 * added, removed and changed (nested keys by their full path), with the
 * value before and after, printed as the library prints them.
 */
import type { ReactNode } from 'react'
import { ActionIcon, Alert, Badge, Group, Loader, Select, Table, Text, Tooltip } from '@mantine/core'
import type { AggregateChange, AggregateDiffView } from '../../../shared/aggregates'
import type { CellIdentity, EventRow } from '../../../shared/browse'
import { useRequest } from '../../ui/useRequest'
import { call } from '../../ipc/client'
import { useTimeZone } from '../../ui/time-zone'
import { defaultPoints, type DiffPoints } from './view-state'
import classes from './Aggregates.module.css'

/** Props of `DiffPanel`. */
export interface DiffPanelProps {
  readonly storeId: string
  readonly revision: number
  readonly aggregate: CellIdentity
  readonly rows: readonly EventRow[]
  readonly points: DiffPoints
  readonly onPoints: (points: DiffPoints) => void
}

/** Options rendered at once (type a seq-no to find others in long histories). */
const SELECT_LIMIT = 300

const TYPE_COLOR: Record<AggregateChange['type'], string> = { added: 'green', removed: 'red', changed: 'yellow' }

function Value({ text }: { text: string | null }): ReactNode {
  if (text === null) return <Text span c="dimmed" size="sm">—</Text>
  return <span className={classes.diffValue}>{text}</span>
}

/** The two pickers and the list of changes. */
export function DiffPanel({ storeId, revision, aggregate, rows, points, onPoints }: DiffPanelProps): ReactNode {
  const time = useTimeZone()
  const fallback = defaultPoints(rows)
  const from = points.from ?? fallback.from
  const to = points.to ?? fallback.to
  const diff = useRequest<AggregateDiffView>(`${storeId}:${revision}:${aggregate.kind}:${aggregate.id}:${from}:${to}`, () =>
    call('store:aggregate-diff', { storeId, aggregate, from, to })
  )
  const options = [
    { value: '0', label: 'before the first action (empty)' },
    ...rows.map((r) => ({ value: String(r.seqNo), label: `${r.seqNo} · ${r.reason ?? ''} · ${time.format(r.timestamp).slice(0, 10)}` }))
  ]
  const view = diff.data
  const current = view !== null && view.from === from && view.to === to
  return (
    <div>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <Select
          label="From (state as of)"
          data={options}
          value={String(from)}
          onChange={(v) => v !== null && onPoints({ from: Number(v), to })}
          allowDeselect={false}
          searchable
          limit={SELECT_LIMIT}
          w={340}
          data-testid="diff-from"
        />
        <Tooltip label="Swap from and to" withArrow>
          <ActionIcon variant="default" size="lg" mb={1} onClick={() => onPoints({ from: to, to: from })} aria-label="Swap from and to">
            ⇄
          </ActionIcon>
        </Tooltip>
        <Select
          label="To (state as of)"
          data={options}
          value={String(to)}
          onChange={(v) => v !== null && onPoints({ from, to: Number(v) })}
          allowDeselect={false}
          searchable
          limit={SELECT_LIMIT}
          w={340}
          data-testid="diff-to"
        />
        {diff.loading && <Loader size="xs" mb={10} aria-label="Comparing the states" />}
      </Group>
      {diff.error && (
        <Alert color="red" mt="md" title="The states could not be compared" role="alert">
          {diff.error}
        </Alert>
      )}
      {view?.problem && (
        <Alert color="orange" mt="md" title="These states cannot be compared" role="alert" data-testid="aggregate-problem">
          {view.problem.message}
        </Alert>
      )}
      {view && !view.problem && (
        <>
          <Text size="sm" mt="md" mb="xs" data-testid="diff-summary">
            {view.changes.length === 0
              ? from === to
                ? 'Both points are the same seq-no: pick two different ones.'
                : `The state as of ${view.from} equals the state as of ${view.to}: nothing changed.`
              : `${view.changes.length} ${view.changes.length === 1 ? 'key differs' : 'keys differ'} from the state as of ${view.from} to the state as of ${view.to}.`}
          </Text>
          {view.changes.length > 0 && (
            <Table.ScrollContainer minWidth={560}>
              <Table verticalSpacing={6} striped data-testid="diff-changes" style={{ opacity: current ? 1 : 0.6 }}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={100}>Change</Table.Th>
                    <Table.Th>Key</Table.Th>
                    <Table.Th>Before ({view.from})</Table.Th>
                    <Table.Th>After ({view.to})</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {view.changes.map((c) => (
                    <Table.Tr key={`${c.type}:${c.path.join(' ')}`} data-change={c.type} data-path={c.path.join(' ')}>
                      <Table.Td>
                        <Badge size="sm" variant="light" color={TYPE_COLOR[c.type]} styles={{ label: { overflow: 'visible' } }}>
                          {c.type}
                        </Badge>
                      </Table.Td>
                      <Table.Td className={classes.diffValue}>{c.path.length === 1 ? c.path[0] : `[${c.path.join(' ')}]`}</Table.Td>
                      <Table.Td>
                        <Value text={c.before} />
                      </Table.Td>
                      <Table.Td>
                        <Value text={c.after} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </>
      )}
    </div>
  )
}
