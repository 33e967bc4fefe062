/**
 * The blast radius of one effect: what `read(offset)` replays because of it
 * (docs/semantics.md#read-with-replay), with counts, compared with the same read without the effect.
 * Reusable: the event detail panel can show it for any effect.
 */
import { useMemo, useState, type ReactNode } from 'react'
import { Alert, Badge, Grid, Group, Loader, NumberInput, Paper, SimpleGrid, Stack, Table, Text, Tooltip } from '@mantine/core'
import type { BlastRadius as Blast } from '../../../shared/audit'
import { call } from '../../ipc/client'
import { useRequest } from '../../ui/useRequest'
import { useWorkspace } from '../../workspace/WorkspaceProvider'
import { showAggregate, showEvent } from '../../workspace/navigation'
import type { StoreTab } from '../../workspace/workspace-state'
import { formatCount } from '../../ui/format'
import { useTimeZone } from '../../ui/time-zone'
import classes from './Audit.module.css'
import { identityText } from '../../../shared/browse'

/** Props: the store tab and the effect's seq-no. */
export interface BlastRadiusProps {
  readonly tab: StoreTab
  readonly effectSeqNo: number
}

const plural = (n: number, one: string, many: string): string => `${formatCount(n)} ${n === 1 ? one : many}`

function Summary({ blast, tab }: { blast: Blast; tab: StoreTab }): ReactNode {
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

const NO_WRAP = { whiteSpace: 'nowrap' } as const
const BADGE_STYLES = { label: { overflow: 'visible' } } as const

function OnlyBadge({ only }: { only: boolean }): ReactNode {
  return only ? (
    <Badge size="sm" variant="light" color="red" styles={BADGE_STYLES}>
      only this effect
    </Badge>
  ) : (
    <Tooltip label="Another effect at or after the offset reaches this aggregate too, so the read replays it anyway." withArrow>
      <Badge size="sm" variant="light" color="gray" styles={BADGE_STYLES}>
        other effects too
      </Badge>
    </Tooltip>
  )
}

function Tables({ blast, tab }: { blast: Blast; tab: StoreTab }): ReactNode {
  const time = useTimeZone()
  const { showSection } = useWorkspace()
  const nav = { storeId: tab.info.storeId, showSection }
  const shownAggregates = blast.aggregates.items
  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, lg: 5 }}>
        <Text fw={600} size="sm" mb={4}>
          Aggregates the effect reaches ({formatCount(blast.aggregates.total)})
        </Text>
        <Table highlightOnHover verticalSpacing={4} data-testid="blast-aggregates" style={NO_WRAP}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Aggregate</Table.Th>
              <Table.Th ta="right">Replayed</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shownAggregates.map((g) => (
              <Table.Tr key={`${g.kind} ${g.id}`} className={classes.clickableRow} onClick={() => showAggregate(nav, { aggregate: g })}>
                <Table.Td className={classes.mono}>{identityText(g)}</Table.Td>
                <Table.Td ta="right">{formatCount(g.replayed)}</Table.Td>
                <Table.Td>{g.replayed > 0 && <OnlyBadge only={!g.sharedWithOtherEffects} />}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {blast.aggregates.total > shownAggregates.length && (
          <Text size="xs" c="dimmed" mt={4}>
            The first {formatCount(shownAggregates.length)} of {formatCount(blast.aggregates.total)} are listed.
          </Text>
        )}
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 7 }}>
        <Text fw={600} size="sm" mb={4}>
          Replayed actions ({formatCount(blast.actions.total)})
        </Text>
        {blast.actions.total === 0 ? (
          <Text size="sm" c="dimmed">
            None: no reached aggregate has an action before offset {blast.offset}.
          </Text>
        ) : (
          <Table highlightOnHover verticalSpacing={4} data-testid="blast-actions" style={NO_WRAP}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th ta="right">Seq-no</Table.Th>
                <Table.Th>{time.header}</Table.Th>
                <Table.Th>Reason</Table.Th>
                <Table.Th>Aggregate</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {blast.actions.items.map((a) => (
                <Table.Tr key={a.seqNo} className={classes.clickableRow} onClick={() => showEvent(nav, a.seqNo)}>
                  <Table.Td ta="right" className={classes.mono}>
                    {a.seqNo}
                  </Table.Td>
                  <Table.Td className={classes.mono} title={time.hover(a.timestamp)}>
                    {time.format(a.timestamp)}
                  </Table.Td>
                  <Table.Td className={classes.mono}>{a.reason}</Table.Td>
                  <Table.Td className={classes.mono}>{identityText(a.aggregate)}</Table.Td>
                  <Table.Td>
                    <OnlyBadge only={a.onlyBecauseOfIt} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {blast.actions.total > blast.actions.items.length && (
          <Text size="xs" c="dimmed" mt={4}>
            The first {formatCount(blast.actions.items.length)} of {formatCount(blast.actions.total)} are listed.
          </Text>
        )}
      </Grid.Col>
    </Grid>
  )
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
          <Summary blast={blast} tab={tab} />
          <Tables blast={blast} tab={tab} />
        </>
      )}
    </Stack>
  )
}
