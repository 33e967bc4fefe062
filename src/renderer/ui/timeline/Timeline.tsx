/**
 * The timeline overview: events per time bucket (a round size chosen for the
 * store's time span), actions and effects stacked, with markers where
 * effects reach aggregates and where compensations cluster:
 *
 * - an *effect reaching aggregates* is an effect some action carries as its
 *   trigger: rebase reports it to every writer behind it on those
 *   aggregates, and reads replay them;
 * - a *compensation* is an action whose reason contains revert, undo,
 *   compensat…, rollback, reverse, cancel, refund, void or correct
 *   (`COMPENSATION_WORDS`).
 *
 * The panel always takes `TIMELINE_HEIGHT` pixels, while loading too, so
 * nothing below it moves when the data arrives. Clicking a bucket calls
 * `onPickRange(from, to)` with its first and last second (inclusive).
 */
import type { ReactNode } from 'react'
import { Group, Loader, Paper, Text } from '@mantine/core'
import { call } from '../../ipc/client'
import { useRequest } from '../useRequest'
import { bucketLegend } from './buckets'
import { useTimeZone } from '../time-zone'
import { COMPENSATION_COLOR, REACH_COLOR, TimelineChart } from './TimelineChart'

/** Height of the whole panel in pixels (reserved before the data arrives). */
export const TIMELINE_HEIGHT = 196
const CHART_HEIGHT = 150

/** Props: the store and what a click on a bucket does (epoch seconds, both inclusive). */
export interface TimelineProps {
  readonly storeId: string
  /** Grows on every change of the store (the timeline is built again). */
  readonly revision: number
  readonly onPickRange: (fromTime: number, toTime: number) => void
}

const NO_WRAP = { whiteSpace: 'nowrap' } as const

/** How long a bar is and which zone its labels are in (the bars start at UTC boundaries, as the store counts them). */
function ZoneNote({ bucketSeconds }: { bucketSeconds: number }): ReactNode {
  const { zone } = useTimeZone()
  const text = `${bucketLegend(bucketSeconds, zone)}. Click a bar to show its events.`
  return (
    <Text size="xs" c="dimmed" truncate="end" title={`${text} The bars start at UTC boundaries; hover a bar for its span in the other zone.`} data-testid="timeline-legend-zone">
      {text}
    </Text>
  )
}

function Legend({ bucketSeconds }: { bucketSeconds: number | null }): ReactNode {
  return (
    <Group justify="space-between" mb={4} wrap="nowrap" gap="md">
      <Group gap="md" wrap="nowrap">
        <Text fw={600} size="sm">Timeline</Text>
        <Text size="xs" c="blue.6" style={NO_WRAP}>■ actions</Text>
        <Text size="xs" c="grape.6" style={NO_WRAP}>■ effects</Text>
        <Text size="xs" c={REACH_COLOR} style={NO_WRAP} title="Effects that some action carries as its trigger: rebase reports them to writers behind them, reads replay them">
          ● effects reaching aggregates
        </Text>
        <Text size="xs" c={COMPENSATION_COLOR} style={NO_WRAP} title="Actions whose reason is a revert, undo, refund, cancellation or correction">
          ● compensations
        </Text>
      </Group>
      {bucketSeconds !== null && <ZoneNote bucketSeconds={bucketSeconds} />}
    </Group>
  )
}

/** The timeline of the whole store. */
export function Timeline({ storeId, revision, onPickRange }: TimelineProps): ReactNode {
  const request = useRequest(`${storeId}:${revision}`, () => call('store:timeline', { storeId }))
  const t = request.data
  return (
    <Paper withBorder px="md" py={8} radius="md" h={TIMELINE_HEIGHT} style={{ flex: 'none', overflow: 'hidden' }} data-testid="timeline" data-loading={request.loading || undefined}>
      <Legend bucketSeconds={t && t.buckets.length > 0 ? t.bucketSeconds : null} />
      {request.error && (
        <Text c="red" size="sm" role="alert">
          The timeline could not be built: {request.error}
        </Text>
      )}
      {t === null && request.loading && (
        <Group gap="xs" h={CHART_HEIGHT} justify="center">
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
      {t && t.buckets.length > 0 && <TimelineChart timeline={t} height={CHART_HEIGHT} onPickRange={onPickRange} />}
    </Paper>
  )
}
