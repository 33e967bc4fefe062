/**
 * The state of an aggregate as of one of its actions: a scrubber over its
 * own seq-nos, and the state as a tree where each key carries the seq-no of
 * the event that last set it (click it to open that event).
 */
import { useCallback, useMemo, type ReactNode } from 'react'
import { ActionIcon, Alert, Badge, Button, Group, Loader, Slider, Text, Tooltip, UnstyledButton } from '@mantine/core'
import type { AggregateStateView } from '../../../shared/aggregates'
import type { CellIdentity, EventRow } from '../../../shared/browse'
import { IconArrowLeft, IconArrowRight } from '../../ui/icons'
import { useRequest } from '../../ui/useRequest'
import { call } from '../../ipc/client'
import { EdnTreeView } from '../../ui/edn/EdnTreeView'
import { useTimeZone } from '../../ui/time-zone'
import { positionOf } from './view-state'

/** Props of `StatePanel`. */
export interface StatePanelProps {
  readonly storeId: string
  readonly revision: number
  readonly aggregate: CellIdentity
  /** The aggregate's actions, ascending. */
  readonly rows: readonly EventRow[]
  readonly asOf: number
  readonly onAsOf: (seqNo: number) => void
  readonly onOpenEvent: (seqNo: number) => void
}

const pathKey = (path: readonly string[]): string => path.join('\u0000')

function describe(row: EventRow | undefined, format: (seconds: number) => string): string {
  if (!row) return ''
  return `${format(row.timestamp)} · ${row.reason ?? ''} by [${row.actorKind ?? ''} ${row.actorId ?? ''}]`
}

/** The scrubber over the aggregate's own seq-nos. */
function Scrubber({ rows, asOf, onAsOf }: Pick<StatePanelProps, 'rows' | 'asOf' | 'onAsOf'>): ReactNode {
  const time = useTimeZone()
  const seqNos = useMemo(() => rows.map((r) => r.seqNo), [rows])
  const position = positionOf(seqNos, asOf)
  const at = Math.max(0, position)
  const step = (delta: number): void => onAsOf(seqNos[Math.min(seqNos.length - 1, Math.max(0, at + delta))])
  // Every seq-no labelled when they fit; otherwise dots (up to 60) with the two ends labelled.
  const marks =
    seqNos.length <= 60
      ? seqNos.map((s, i) => ({ value: i, label: seqNos.length <= 14 || i === 0 || i === seqNos.length - 1 ? String(s) : undefined }))
      : [{ value: 0, label: String(seqNos[0]) }, { value: seqNos.length - 1, label: String(seqNos[seqNos.length - 1]) }]
  return (
    <div data-testid="aggregate-scrubber">
      <Group gap="xs" wrap="nowrap" align="center">
        <Tooltip label="Previous action" withArrow>
          <ActionIcon variant="default" onClick={() => step(-1)} disabled={at <= 0 && position >= 0} aria-label="Previous action">
            <IconArrowLeft size={16} />
          </ActionIcon>
        </Tooltip>
        <div style={{ flex: 1, padding: marks ? '0 8px 18px' : '0 8px' }}>
          {seqNos.length > 1 ? (
            <Slider
              min={0}
              max={seqNos.length - 1}
              step={1}
              value={at}
              onChange={(i) => onAsOf(seqNos[i])}
              label={(i) => `seq-no ${seqNos[i]}`}
              marks={marks}
              thumbLabel="Seq-no of the state shown"
              aria-label="Seq-no of the state shown"
              styles={{ markLabel: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 11 } }}
            />
          ) : (
            <Text size="sm" c="dimmed">
              This aggregate has one action, so it has one state.
            </Text>
          )}
        </div>
        <Tooltip label="Next action" withArrow>
          <ActionIcon variant="default" onClick={() => step(1)} disabled={at >= seqNos.length - 1} aria-label="Next action">
            <IconArrowRight size={16} />
          </ActionIcon>
        </Tooltip>
      </Group>
      <Text size="sm" mt={6} data-testid="aggregate-as-of">
        {position < 0 ? (
          <>As of seq-no {asOf}: before the first action, so the state is empty.</>
        ) : (
          <>
            As of seq-no <b>{asOf}</b> · action {position + 1} of {seqNos.length}
            <Text span c="dimmed" size="sm">
              {' '}
              · {describe(rows[position], time.format)}
            </Text>
          </>
        )}
      </Text>
    </div>
  )
}

/** Scrubber and state. */
export function StatePanel({ storeId, revision, aggregate, rows, asOf, onAsOf, onOpenEvent }: StatePanelProps): ReactNode {
  const time = useTimeZone()
  const state = useRequest<AggregateStateView>(`${storeId}:${revision}:${aggregate.kind}:${aggregate.id}:${asOf}`, () =>
    call('store:aggregate-state', { storeId, aggregate, asOf })
  )
  const view = state.data
  const bySeqNo = useMemo(() => new Map(rows.map((r) => [r.seqNo, r])), [rows])
  const blame = useMemo(() => new Map((view?.blame ?? []).map((b) => [pathKey(b.path), b.seqNo])), [view])
  const annotate = useCallback(
    (path: string[]): ReactNode => {
      const seqNo = blame.get(pathKey(path))
      if (seqNo === undefined) return null
      return (
        <Tooltip label={`Set by event ${seqNo} · ${describe(bySeqNo.get(seqNo), time.format)}. Click to open it.`} withArrow openDelay={200}>
          <UnstyledButton onClick={() => onOpenEvent(seqNo)} aria-label={`Open event ${seqNo}, which set ${path.join(' ')}`} data-testid={`blame-${path.join(' ')}`}>
            <Badge size="sm" variant={seqNo === asOf ? 'filled' : 'light'} color="indigo" ff="monospace" style={{ cursor: 'pointer' }} styles={{ label: { overflow: 'visible' } }}>
              #{seqNo}
            </Badge>
          </UnstyledButton>
        </Tooltip>
      )
    },
    [blame, bySeqNo, onOpenEvent, asOf, time.format]
  )
  return (
    <div>
      <Scrubber rows={rows} asOf={asOf} onAsOf={onAsOf} />
      <Group justify="space-between" mt="md" mb={2}>
        <Text fw={600} size="sm">
          State
        </Text>
        <Group gap={6}>
          {state.loading && <Loader size="xs" aria-label="Computing the state" />}
          <Text size="xs" c="dimmed">
            Badges: the event that last set each key
          </Text>
        </Group>
      </Group>
      {state.error && (
        <Alert color="red" title="The state could not be computed" role="alert">
          {state.error}
        </Alert>
      )}
      {view?.problem && (
        <Alert color="orange" title={`No state as of seq-no ${asOf}`} role="alert" data-testid="aggregate-problem">
          {view.problem.message}
          <Group gap="sm" mt={6} wrap="nowrap" justify="space-between">
            <Text size="sm">
              {view.problem.seqNo > (rows[0]?.seqNo ?? Infinity)
                ? `States before seq-no ${view.problem.seqNo} can still be shown: move the scrubber back.`
                : 'The first action already cannot be applied, so this aggregate has no state to show.'}
            </Text>
            <Button size="xs" variant="default" onClick={() => onOpenEvent(view.problem!.seqNo)}>
              Open event {view.problem.seqNo}
            </Button>
          </Group>
        </Alert>
      )}
      {view?.tree && (
        <div data-testid="aggregate-state" data-edn={view.edn ?? ''} aria-busy={state.loading}>
          <EdnTreeView tree={view.tree} annotate={annotate} />
        </div>
      )}
    </div>
  )
}
