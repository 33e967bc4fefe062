/**
 * The blast radius of one effect: what `read(offset)` replays because of it
 * (docs/semantics.md#read-with-replay), with counts, compared with the same read without the effect.
 * Reusable: the event detail panel can show it for any effect.
 */
import { useMemo, useState, type ReactNode } from 'react'
import { Alert, Group, Loader, NumberInput, Stack, Text } from '@mantine/core'
import { call } from '../../ipc/client'
import { useRequest } from '../../ui/useRequest'
import type { StoreTab } from '../../workspace/workspace-state'
import { identityText } from '../../../shared/browse'
import { BlastSummary } from './BlastSummary'
import { BlastTables } from './BlastTables'

/** Props: the store tab and the effect's seq-no. */
export interface BlastRadiusProps {
  readonly tab: StoreTab
  readonly effectSeqNo: number
}

/** What reads replay because of effect `effectSeqNo`, from an offset the user picks (its own seq-no at first). */
export function BlastRadius({ tab, effectSeqNo }: BlastRadiusProps): ReactNode {
  const [picked, setPicked] = useState<{ effect: number; offset: number } | null>(null)
  const offset = picked !== null && picked.effect === effectSeqNo ? picked.offset : effectSeqNo
  const { storeId } = tab.info
  const request = useRequest(`${storeId}:${tab.revision}:${effectSeqNo}:${offset}`, () => call('store:blast-radius', { storeId, effectSeqNo, offset }))
  const blast = request.data
  const heading = useMemo(
    () => (blast ? `Effect ${blast.effect.seqNo} ${blast.effect.reason} names trigger ${identityText(blast.effect.trigger)}.` : `Effect ${effectSeqNo}`),
    [blast, effectSeqNo]
  )
  return (
    <Stack gap="sm" data-testid="blast-radius" data-offset={offset} data-loading={request.loading || undefined}>
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Text fw={600}>Blast radius</Text>
          <Text size="sm" c="dimmed" maw={640}>
            {heading} A read from offset <i>o</i> replays the earlier actions of every aggregate it reaches, as long as the effect is at or after <i>o</i>{' '}
            (offsets 2 to {effectSeqNo}).
          </Text>
        </div>
        <NumberInput
          label="Read from offset"
          description="The first seq-no the reader has not seen"
          value={offset}
          min={0}
          allowDecimal={false}
          allowNegative={false}
          w={220}
          onChange={(value) => typeof value === 'number' && Number.isSafeInteger(value) && setPicked({ effect: effectSeqNo, offset: value })}
          data-testid="blast-offset"
        />
      </Group>
      {request.error && (
        <Text c="red" size="sm" role="alert">
          The blast radius could not be worked out: {request.error}
        </Text>
      )}
      {blast === null && request.loading && (
        <Group gap="xs">
          <Loader size="xs" />
          <Text size="sm" c="dimmed">
            Working out what a read from {offset} replays…
          </Text>
        </Group>
      )}
      {blast === null && !request.loading && !request.error && (
        <Text size="sm" c="dimmed">
          Seq-no {effectSeqNo} is not an effect in this store, so it has no blast radius.
        </Text>
      )}
      {blast && blast.inactive !== null && (
        <Alert color="yellow" variant="light" data-testid="blast-inactive">
          {blast.inactive}
        </Alert>
      )}
      {blast && (
        <>
          <BlastSummary blast={blast} tab={tab} />
          <BlastTables blast={blast} tab={tab} />
        </>
      )}
    </Stack>
  )
}
