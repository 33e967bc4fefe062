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
import { useRequest } from '../useRequest'
import { bucketLabel, bucketSizeText, clusterBuckets } from './buckets'
import { formatCount } from '../format'

/** Props: the store and what a click on a bucket does (epoch seconds, both inclusive). */
export interface TimelineProps {
  readonly storeId: string
  /** Grows on every change of the store (the timeline is built again). */
  readonly revision: number
  readonly onPickRange: (fromTime: number, toTime: number) => void
}

type Datum = TimelineBucket & { readonly label: string; readonly total: number }

function BucketTooltip({ datum, size }: { datum: Datum | undefined; size: number }): ReactNode {
  if (!datum) return null
  const rows: [string, number, string][] = [
    ['Actions', datum.actions, 'blue'],
    ['Effects', datum.effects, 'grape'],
    ['Conflicts', datum.conflicts, 'red'],
    ['Compensations', datum.compensations, 'orange']
  ]
  return (
    <Paper withBorder shadow="md" p="xs" radius="md">
      <Text size="xs" fw={600} mb={4}>
        {bucketLabel(datum.from, size)} – {bucketLabel(datum.to, size)} UTC
      </Text>
      {rows.map(([name, n, color]) => (
        <Group key={name} justify="space-between" gap="lg">
          <Text size="xs" c={n > 0 ? color : 'dimmed'}>
            {name}
          </Text>
          <Text size="xs" fw={600}>
            {formatCount(n)}
          </Text>
        </Group>
      ))}
    </Paper>
  )
}

function Chart({ timeline, onPickRange }: { timeline: TimelineData; onPickRange: TimelineProps['onPickRange'] }): ReactNode {
  const data: Datum[] = useMemo(
    () => timeline.buckets.map((b) => ({ ...b, label: bucketLabel(b.from, timeline.bucketSeconds), total: b.actions + b.effects })),
    [timeline]
  )
  const clusters = useMemo(() => new Set(clusterBuckets(timeline.buckets)), [timeline])
  const lift = Math.max(1, ...data.map((d) => d.total)) * 0.06
  // A red dot over a bucket with conflicts, an orange one above it for compensations; clusters get their count as a label.
  const dots = data.flatMap((d, i) => [
    ...(d.conflicts > 0 ? [{ x: d.label, y: d.total + lift, color: 'red.6', label: clusters.has(i) ? `${d.conflicts + d.compensations}` : undefined }] : []),
    ...(d.compensations > 0 ? [{ x: d.label, y: d.total + lift * (d.conflicts > 0 ? 2 : 1), color: 'orange.5', label: clusters.has(i) && d.conflicts === 0 ? `${d.compensations}` : undefined }] : [])
  ])
  return (
    <BarChart
      h={220}
      data={data}
      dataKey="label"
      type="stacked"
      withLegend
      legendProps={{ verticalAlign: 'bottom', height: 28 }}
      yAxisLabel="events"
      series={[
        { name: 'actions', label: 'Actions', color: 'blue.6' },
        { name: 'effects', label: 'Effects', color: 'grape.6' }
      ]}
      referenceDots={dots.map((d) => ({ ...d, r: 4, ifOverflow: 'extendDomain' as const }))}
      tooltipProps={{ content: ({ payload }) => <BucketTooltip datum={payload?.[0]?.payload as Datum | undefined} size={timeline.bucketSeconds} /> }}
      barProps={{
        onClick: (entry: { payload?: Datum }) => entry.payload && onPickRange(entry.payload.from, entry.payload.to - 1),
        style: { cursor: 'pointer' }
      }}
      tickLine="none"
      gridAxis="x"
    />
  )
}

/** The timeline of the whole store. */
export function Timeline({ storeId, revision, onPickRange }: TimelineProps): ReactNode {
  const request = useRequest(`${storeId}:${revision}`, () => call('store:timeline', { storeId }))
  const t = request.data
  return (
    <Paper withBorder p="md" radius="md" data-testid="timeline" data-loading={request.loading || undefined}>
      <Group justify="space-between" mb="xs">
        <Group gap="md">
          <Text fw={600}>Timeline</Text>
          <Text size="xs" c="red.6">● conflicts: effects reaching aggregates</Text>
          <Text size="xs" c="orange.6">● compensations: reverts, refunds, corrections</Text>
        </Group>
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
