/** The blast radius in four numbers: what is replayed because of the effect, only because of it, and the read's size with and without it. */
import type { ReactNode } from 'react'
import { Paper, SimpleGrid, Text } from '@mantine/core'
import type { BlastRadius as Blast } from '../../../shared/audit'
import { call } from '../../ipc/client'
import { useRequest } from '../../ui/useRequest'
import type { StoreTab } from '../../workspace/workspace-state'
import { formatCount } from '../../ui/format'

const plural = (n: number, one: string, many: string): string => `${formatCount(n)} ${n === 1 ? one : many}`

/** The four counts of `blast`; the read's sizes come from their own (slower) request. */
export function BlastSummary({ blast, tab }: { blast: Blast; tab: StoreTab }): ReactNode {
  const { effect, offset } = blast
  const { storeId } = tab.info
  // The read's size is a separate, slower query (it costs what the read's replay part costs).
  const sizes = useRequest(`${storeId}:${tab.revision}:${effect.seqNo}:${offset}:sizes`, () => call('store:blast-read-sizes', { storeId, effectSeqNo: effect.seqNo, offset }))
  const read = sizes.data
  const pending = sizes.error ? 'could not be counted' : 'counting…'
  const cells: [string, string, string][] = [
    ['Replayed because of it', plural(blast.actions.total, 'action', 'actions'), `of ${plural(blast.replayedAggregates, 'aggregate', 'aggregates')}`],
    ['Only because of it', plural(blast.onlyBecauseOfIt, 'action', 'actions'), `of ${plural(blast.aggregatesOnlyBecauseOfIt, 'aggregate', 'aggregates')}; other effects replay the rest anyway`],
    [
      `read(${offset}) with effect ${effect.seqNo}`,
      read ? plural(read.current + read.replayedWith, 'action', 'actions') : pending,
      read ? `${formatCount(read.current)} from ${offset} on + ${formatCount(read.replayedWith)} replayed` : ''
    ],
    [
      `read(${offset}) without it`,
      read ? plural(read.current + read.replayedWithout, 'action', 'actions') : pending,
      read ? `${formatCount(read.current)} from ${offset} on + ${formatCount(read.replayedWithout)} replayed` : ''
    ]
  ]
  return (
    <SimpleGrid cols={{ base: 2, lg: 4 }} spacing="sm" data-testid="blast-summary" data-sizes-loading={sizes.loading || undefined}>
      {cells.map(([label, value, detail]) => (
        <Paper key={label} withBorder p="sm" radius="md">
          <Text size="xs" c="dimmed">
            {label}
          </Text>
          <Text fw={700} size="lg">
            {value}
          </Text>
          <Text size="xs" c="dimmed">
            {detail}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  )
}
