/**
 * The timeline overview: events per time bucket (a round size chosen for the
 * store's time span), actions and effects stacked on the left axis, and on
 * the right axis where conflicts and compensations cluster:
 *
 * - a *conflict* is an effect that reaches at least one aggregate (some
 *   action carries its trigger): rebase reports it as a conflict to every
 *   writer behind it on those aggregates, and reads replay them;
 * - a *compensation* is an action whose reason contains revert, undo,
 *   compensat…, rollback, reverse, cancel, refund, void or correct
 *   (`COMPENSATION_WORDS`).
 *
 * The buckets with the most of both are marked. Clicking a bucket calls
 * `onPickRange(from, to)` with its first and last second (inclusive).
 */
import { useMemo, type ReactNode } from 'react'
import { BarChart } from '@mantine/charts'
import '@mantine/charts/styles.css'
import { Group, Loader, Paper, Text } from '@mantine/core'
import type { Timeline as TimelineData, TimelineBucket } from '../../../shared/audit'
import { call } from '../../ipc/client'
import { useRequest } from '../../app/useRequest'
import type { StoreTab } from '../../app/workspace/workspace-state'
import { bucketLabel, bucketSizeText, clusterBuckets } from './buckets'

/** Props: the store and what a click on a bucket does (epoch seconds, both inclusive). */
export interface TimelineProps {
  readonly tab: StoreTab
  readonly onPickRange: (fromTime: number, toTime: number) => void
}

function Chart({ timeline, onPickRange }: { timeline: TimelineData; onPickRange: TimelineProps['onPickRange'] }): ReactNode {
  const data = useMemo(
    () => timeline.buckets.map((b) => ({ ...b, label: bucketLabel(b.from, timeline.bucketSeconds) })),
    [timeline]
  )
  const clusters = useMemo(() => clusterBuckets(timeline.buckets), [timeline])
  const pick = (index: unknown): void => {
    const bucket: TimelineBucket | undefined = typeof index === 'number' ? timeline.buckets[index] : typeof index === 'string' ? timeline.buckets[Number(index)] : undefined
    if (bucket) onPickRange(bucket.from, bucket.to - 1)
  }
  return (
    <BarChart
      h={220}
      data={data}
      dataKey="label"
      type="stacked"
      withLegend
      withRightYAxis
      legendProps={{ verticalAlign: 'bottom', height: 28 }}
      yAxisLabel="events"
      rightYAxisLabel="conflicts, compensations"
      series={[
        { name: 'actions', label: 'Actions', color: 'blue.6', stackId: 'events' },
        { name: 'effects', label: 'Effects', color: 'grape.6', stackId: 'events' },
        { name: 'conflicts', label: 'Conflicts (effects reaching aggregates)', color: 'red.6', stackId: 'marks', yAxisId: 'right' },
        { name: 'compensations', label: 'Compensations', color: 'orange.5', stackId: 'marks', yAxisId: 'right' }
      ]}
      referenceLines={clusters.map((i) => ({
        x: data[i].label,
        color: 'red.4',
        label: `${timeline.buckets[i].conflicts + timeline.buckets[i].compensations}`,
        labelPosition: 'insideTopRight' as const
      }))}
      barChartProps={{ onClick: (state) => pick(state?.activeTooltipIndex), style: { cursor: 'pointer' } }}
      tickLine="none"
      gridAxis="y"
    />
  )
}

/** The timeline of the whole store. */
export function Timeline({ tab, onPickRange }: TimelineProps): ReactNode {
  const { storeId } = tab.info
  const request = useRequest(`${storeId}:${tab.revision}`, () => call('store:timeline', { storeId }))
  const t = request.data
  return (
    <Paper withBorder p="md" radius="md" data-testid="timeline" data-loading={request.loading || undefined}>
      <Group justify="space-between" mb="xs">
        <Text fw={600}>Timeline</Text>
        {t && t.buckets.length > 0 && (
          <Text size="xs" c="dimmed">
            {bucketSizeText(t.bucketSeconds)} per bar, UTC. Click a bar to show its events.
          </Text>
        )}
      </Group>
      {request.error && (
        <Text c="red" size="sm" role="alert">
          The timeline could not be built: {request.error}
        </Text>
      )}
      {t === null && request.loading && (
        <Group gap="xs">
          <Loader size="xs" />
          <Text size="sm" c="dimmed">
            Counting events per time bucket…
          </Text>
        </Group>
      )}
      {t && t.buckets.length === 0 && (
        <Text size="sm" c="dimmed">
          This store has no events yet, so there is no timeline.
        </Text>
      )}
      {t && t.buckets.length > 0 && <Chart timeline={t} onPickRange={onPickRange} />}
    </Paper>
  )
}
