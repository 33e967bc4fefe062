/** The Events section's toolbar pieces: how many events match, and "go to seq-no". */
import { useState, type ReactNode } from 'react'
import { Button, Group, NumberInput, Text } from '@mantine/core'
import type { EventFilter } from '../../../shared/browse'
import { call } from '../../ipc/client'
import { useRequest } from '../../ui/useRequest'
import type { StoreTab } from '../../workspace/workspace-state'
import { formatCount } from '../../ui/format'
import { describeFilter } from './filters/filter-model'
import { useTimeZone } from '../../ui/time-zone'

/** "1,234 events match". */
export function MatchCount({ tab, filter }: { tab: StoreTab; filter: EventFilter }): ReactNode {
  const { storeId } = tab.info
  const key = `${storeId}:${JSON.stringify(filter)}:${tab.revision}`
  const count = useRequest<number>(key, () => call('store:count-events', { storeId, filter }))
  const filtered = Object.keys(filter).length > 0
  const { zone } = useTimeZone()
  if (count.error) return <Text size="sm" c="red">Counting failed: {count.error}</Text>
  if (count.data === null) return <Text size="sm" c="dimmed">Counting…</Text>
  return (
    <Text size="sm" c="dimmed" data-testid="match-count" title={describeFilter(filter, zone)} style={{ whiteSpace: 'nowrap' }}>
      {formatCount(count.data)} {count.data === 1 ? 'event' : 'events'}
      {filtered ? ' match' : ''}
      {count.loading ? ' (recounting…)' : ''}
    </Text>
  )
}

/** The "go to seq-no" field. */
export function GoTo({ onGo }: { onGo(seqNo: number): void }): ReactNode {
  const [value, setValue] = useState<string | number>('')
  const go = (): void => {
    if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) onGo(value)
  }
  return (
    <Group gap={4} wrap="nowrap">
      <NumberInput
        size="xs"
        w={112}
        placeholder="Go to seq-no"
        aria-label="Go to seq-no"
        min={0}
        allowDecimal={false}
        allowNegative={false}
        thousandSeparator=","
        value={value}
        onChange={setValue}
        onKeyDown={(e) => e.key === 'Enter' && go()}
      />
      <Button size="xs" variant="default" onClick={go} disabled={typeof value !== 'number'}>
        Go
      </Button>
    </Group>
  )
}

