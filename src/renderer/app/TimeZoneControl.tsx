/** "Time: Local | UTC" in the header. */
import type { ReactNode } from 'react'
import { Group, SegmentedControl, Text, Tooltip } from '@mantine/core'
import { useTimeZone } from '../ui/time-zone'
import type { TimeZone } from '../ui/format'
import responsive from '../ui/responsive.module.css'

const DATA: { value: TimeZone; label: string }[] = [
  { value: 'local', label: 'Local' },
  { value: 'utc', label: 'UTC' }
]

/** Chooses the zone every time is shown in. */
export function TimeZoneControl(): ReactNode {
  const { zone, setZone } = useTimeZone()
  return (
    <Tooltip label="Times are shown in this zone; the other one is on hover" withArrow openDelay={400}>
      <Group gap={6} wrap="nowrap" data-testid="time-zone" className={responsive.noShrink}>
        <Text size="xs" c="dimmed" className={responsive.wideOnly}>
          Time
        </Text>
        <SegmentedControl size="xs" aria-label="Time zone" data={DATA} value={zone} onChange={(v) => setZone(v === 'utc' ? 'utc' : 'local')} />
      </Group>
    </Tooltip>
  )
}
