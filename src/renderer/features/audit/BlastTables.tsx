/**
 * The blast radius in detail: the aggregates the effect reaches, and the
 * actions a read replays because of it, each marked whether only this effect
 * replays it; a row opens the aggregate or the event.
 */
import type { ReactNode } from 'react'
import { Grid, Table, Text } from '@mantine/core'
import type { BlastRadius as Blast } from '../../../shared/audit'
import { useWorkspace } from '../../workspace/WorkspaceProvider'
import { showAggregate, showEvent, type Navigator } from '../../workspace/navigation'
import type { StoreTab } from '../../workspace/workspace-state'
import { formatCount } from '../../ui/format'
import { useTimeZone } from '../../ui/time-zone'
import classes from './Audit.module.css'
import { identityText } from '../../../shared/browse'
import { OnlyBadge } from './OnlyBadge'

const NO_WRAP = { whiteSpace: 'nowrap' } as const

interface ListProps {
  readonly blast: Blast
  readonly nav: Navigator
}

/** The aggregates the effect reaches (the first ones listed), how many actions of each a read replays. */
function AggregatesColumn({ blast, nav }: ListProps): ReactNode {
  const shownAggregates = blast.aggregates.items
  return (
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
  )
}

/** The actions a read from the offset replays (the first ones listed). */
function ActionsColumn({ blast, nav }: ListProps): ReactNode {
  const time = useTimeZone()
  return (
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
  )
}

/** The two lists of `blast`, side by side on a wide window. */
export function BlastTables({ blast, tab }: { blast: Blast; tab: StoreTab }): ReactNode {
  const { showSection } = useWorkspace()
  const nav = { storeId: tab.info.storeId, showSection }
  return (
    <Grid gap="md">
      <AggregatesColumn blast={blast} nav={nav} />
      <ActionsColumn blast={blast} nav={nav} />
    </Grid>
  )
}
