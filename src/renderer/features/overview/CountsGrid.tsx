/** Seq-no and row counts; counts run in the store's worker and arrive when ready. */
import type { ReactNode } from 'react'
import { Paper, SimpleGrid, Skeleton, Text } from '@mantine/core'
import type { StoreCounts } from '../../../shared/browse'
import { call } from '../../ipc/client'
import { useRequest } from '../../ui/useRequest'
import type { StoreTab } from '../../workspace/workspace-state'
import { formatCount } from '../../ui/format'

function Stat({ label, value, testId, hint }: { label: string; value: number | null; testId: string; hint: string }): ReactNode {
  return (
    <Paper withBorder p="md" radius="md">
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
        {label}
      </Text>
      {value === null ? (
        <Skeleton height={30} mt={6} width="60%" />
      ) : (
        <Text fz={28} fw={700} lh={1.3} data-testid={testId} title={hint}>
          {formatCount(value)}
        </Text>
      )}
    </Paper>
  )
}

/** The counts row of the Overview. */
export function CountsGrid({ tab }: { tab: StoreTab }): ReactNode {
  const { storeId, seqNo } = tab.info
  const counts = useRequest<StoreCounts>(`${storeId}:${tab.revision}`, () => call('store:counts', { storeId }))
  const value = (pick: (c: StoreCounts) => number): number | null => (counts.data ? pick(counts.data) : null)
  return (
    <>
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }}>
        <Stat label="Seq-no" value={seqNo} testId="seq-no" hint="The highest sequence number in the store" />
        <Stat label="Events" value={value((c) => c.events)} testId="count-events" hint="Rows of the event table" />
        <Stat label="Actions" value={value((c) => c.actions)} testId="count-actions" hint="Rows of the action table" />
        <Stat label="Effects" value={value((c) => c.effects)} testId="count-effects" hint="Rows of the effect table" />
        <Stat label="Triggers" value={value((c) => c.triggers)} testId="count-triggers" hint="Rows of the trigger table" />
      </SimpleGrid>
      {counts.error && (
        <Text c="red" size="sm" role="alert">
          Counting failed: {counts.error}
        </Text>
      )}
    </>
  )
}
