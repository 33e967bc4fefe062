/**
 * One aggregate: its identity and counts, the state as of a chosen seq-no
 * (with blame) or the diff of two states, and its history below.
 */
import type { ReactNode } from 'react'
import { Alert, Badge, Button, CopyButton, Group, Loader, Paper, SegmentedControl, Text, Title, Tooltip } from '@mantine/core'
import type { AggregateHistory } from '../../../shared/aggregates'
import type { CellIdentity } from '../../../shared/browse'
import { showEvent, showEvents, type Navigator } from '../../workspace/navigation'
import { useRequest } from '../../ui/useRequest'
import { call } from '../../ipc/client'
import { DiffPanel } from './DiffPanel'
import { HistoryTable } from './HistoryTable'
import { StatePanel } from './StatePanel'
import { defaultPoints, positionOf, type AggregateMode, type DiffPoints } from './view-state'
import { identityText } from '../../../shared/browse'
import { formatCount } from '../../ui/format'

/** Props of `AggregateView`. */
export interface AggregateViewProps {
  readonly nav: Navigator
  readonly revision: number
  readonly aggregate: CellIdentity
  /** The seq-no to show the state as of (null: after the latest action). */
  readonly asOf: number | null
  readonly onAsOf: (seqNo: number) => void
  readonly mode: AggregateMode
  readonly onMode: (mode: AggregateMode) => void
  readonly points: DiffPoints
  readonly onPoints: (points: DiffPoints) => void
}

/** The view. */
export function AggregateView({ nav, revision, aggregate, asOf, onAsOf, mode, onMode, points, onPoints }: AggregateViewProps): ReactNode {
  const { storeId } = nav
  const history = useRequest<AggregateHistory>(`${storeId}:${revision}:${aggregate.kind}:${aggregate.id}`, () =>
    call('store:aggregate-history', { storeId, aggregate })
  )
  const fresh = history.data !== null && history.data.aggregate.kind === aggregate.kind && history.data.aggregate.id === aggregate.id
  const rows = fresh ? history.data!.rows : []
  const last = rows.length > 0 ? rows[rows.length - 1] : null
  const shownAsOf = asOf ?? last?.seqNo ?? 0
  const openEvent = (seqNo: number): void => showEvent(nav, seqNo)
  const seqNos = rows.map((r) => r.seqNo)
  const fallback = defaultPoints(rows)
  const shownPosition = positionOf(seqNos, shownAsOf)
  const highlighted = new Set(
    mode === 'state' ? (shownPosition >= 0 ? [seqNos[shownPosition]] : []) : [points.from ?? fallback.from, points.to ?? fallback.to]
  )
  const name = identityText(aggregate)
  return (
    <Paper withBorder p="md" radius="md" data-testid="aggregate-view" style={{ minWidth: 0 }}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" mb="sm">
        <div style={{ minWidth: 0 }}>
          <CopyButton value={name}>
            {({ copied, copy }) => (
              <Tooltip label={copied ? 'Copied' : 'Copy the identity'} withArrow>
                <Title order={3} ff="monospace" fz="lg" onClick={copy} style={{ cursor: 'pointer', overflowWrap: 'anywhere' }} data-testid="aggregate-title">
                  {name}
                </Title>
              </Tooltip>
            )}
          </CopyButton>
          {last && (
            <Group gap={6} mt={4}>
              <Badge variant="light" styles={{ label: { overflow: 'visible' } }}>
                {formatCount(rows.length)} {rows.length === 1 ? 'action' : 'actions'}
              </Badge>
              <Text size="sm" c="dimmed">
                seq-no {rows[0].seqNo}
                {rows.length > 1 ? `–${last.seqNo}` : ''}
              </Text>
            </Group>
          )}
        </div>
        <Group gap="xs" wrap="nowrap">
          {history.loading && <Loader size="xs" aria-label="Loading the history" />}
          <Button size="xs" variant="default" onClick={() => showEvents(nav, { aggregate })}>
            Show in Events
          </Button>
        </Group>
      </Group>
      {history.error && (
        <Alert color="red" title="The history could not be read" role="alert">
          {history.error}
        </Alert>
      )}
      {fresh && rows.length === 0 && (
        <Text c="dimmed" size="sm" data-testid="aggregate-no-history">
          The store has no action on {name}. It may have been named by a link from elsewhere; pick an aggregate from the list.
        </Text>
      )}
      {rows.length > 0 && (
        <>
          <SegmentedControl
            size="xs"
            mb="md"
            value={mode}
            onChange={(v) => onMode(v as AggregateMode)}
            data={[
              { value: 'state', label: 'State as of' },
              { value: 'diff', label: 'Diff two points' }
            ]}
            aria-label="State or diff"
          />
          {mode === 'state' ? (
            <StatePanel storeId={storeId} revision={revision} aggregate={aggregate} rows={rows} asOf={shownAsOf} onAsOf={onAsOf} onOpenEvent={openEvent} />
          ) : (
            <DiffPanel storeId={storeId} revision={revision} aggregate={aggregate} rows={rows} points={points} onPoints={onPoints} />
          )}
          <Text fw={600} size="sm" mt="lg" mb={4}>
            History{' '}
            <Text span size="xs" c="dimmed" fw={400}>
              (click a row to open the event)
            </Text>
          </Text>
          <HistoryTable
            rows={rows}
            asOf={mode === 'state' ? shownAsOf : null}
            current={mode === 'state' ? shownPosition : null}
            highlighted={highlighted}
            onOpenEvent={openEvent}
            onShowStateAsOf={(seqNo) => {
              onMode('state')
              onAsOf(seqNo)
            }}
          />
        </>
      )}
    </Paper>
  )
}
