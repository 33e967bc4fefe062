/**
 * The timeline's chart: events per bucket, actions and effects stacked, a
 * cyan dot over buckets with effects that reach aggregates (rebase reports
 * them to writers behind them; reads replay them) and an orange one for
 * compensations. Integer ticks only (counts of events).
 */
import { useMemo, type ReactNode } from 'react'
import { BarChart } from '@mantine/charts'
import '@mantine/charts/styles.css'
import { Group, Paper, Text } from '@mantine/core'
import type { Timeline as TimelineData, TimelineBucket } from '../../../shared/audit'
import { bucketLabel, bucketSpan, clusterBuckets } from './buckets'
import { useTimeZone } from '../time-zone'
import { formatCount } from '../format'

/** Colour of the "effects reaching aggregates" marker (not red: it is not a rebase conflict). */
export const REACH_COLOR = 'cyan.6'
/** Colour of the compensation marker. */
export const COMPENSATION_COLOR = 'orange.6'

type Datum = TimelineBucket & { readonly label: string; readonly total: number }

function BucketTooltip({ datum, size }: { datum: Datum | undefined; size: number }): ReactNode {
  const { zone } = useTimeZone()
  if (!datum) return null
  const rows: [string, number, string][] = [
    ['Actions', datum.actions, 'blue'],
    ['Effects', datum.effects, 'grape'],
    ['Effects reaching aggregates', datum.conflicts, 'cyan'],
    ['Compensations', datum.compensations, 'orange']
  ]
  return (
    <Paper withBorder shadow="md" p="xs" radius="md">
      <Text size="xs" fw={600} data-testid="timeline-bucket-span">
        {bucketSpan(datum.from, datum.to, size, zone)}
      </Text>
      <Text size="xs" c="dimmed" mb={4}>
        {bucketSpan(datum.from, datum.to, size, zone === 'utc' ? 'local' : 'utc')}
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

/** The chart, `height` pixels high. */
export function TimelineChart({ timeline, height, onPickRange }: { timeline: TimelineData; height: number; onPickRange: (fromTime: number, toTime: number) => void }): ReactNode {
  const { zone } = useTimeZone()
  const data: Datum[] = useMemo(
    () => timeline.buckets.map((b) => ({ ...b, label: bucketLabel(b.from, timeline.bucketSeconds, zone), total: b.actions + b.effects })),
    [timeline, zone]
  )
  const clusters = useMemo(() => new Set(clusterBuckets(timeline.buckets)), [timeline])
  const lift = Math.max(1, ...data.map((d) => d.total)) * 0.06
  const dots = data.flatMap((d, i) => [
    ...(d.conflicts > 0 ? [{ x: d.label, y: d.total + lift, color: REACH_COLOR, label: clusters.has(i) ? `${d.conflicts + d.compensations}` : undefined }] : []),
    ...(d.compensations > 0 ? [{ x: d.label, y: d.total + lift * (d.conflicts > 0 ? 2 : 1), color: COMPENSATION_COLOR, label: clusters.has(i) && d.conflicts === 0 ? `${d.compensations}` : undefined }] : [])
  ])
  return (
    <BarChart
      h={height}
      data={data}
      dataKey="label"
      type="stacked"
      yAxisLabel="events"
      yAxisProps={{ allowDecimals: false }}
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
