/** The delivered actions of a read, in read order: replayed ones marked with the effects that cause them. */
import type { ReactNode } from 'react'
import { Anchor, Badge, Code, Group, Table, Text } from '@mantine/core'
import type { ReplayItem } from '../../../shared/replay'
import { useTimeZone } from '../../ui/time-zone'

const NO_WRAP = { whiteSpace: 'nowrap' } as const
/** Replayed rows: a quiet tint and an orange edge, readable in both schemes. */
const REPLAYED_ROW = {
  background: 'light-dark(var(--mantine-color-orange-0), rgba(255, 146, 43, 0.07))',
  boxShadow: 'inset 3px 0 0 var(--mantine-color-orange-6)'
} as const
const PATCH = { maxWidth: 340, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } as const

function SeqNoLink({ seqNo, onShow, label }: { seqNo: number; onShow: (seqNo: number) => void; label?: string }): ReactNode {
  return (
    <Anchor component="button" type="button" ff="monospace" size="sm" onClick={() => onShow(seqNo)} aria-label={label ?? `Show event ${seqNo}`}>
      {seqNo}
    </Anchor>
  )
}

/** Why an item arrives: replayed because of effects, or simply at or after the offset. */
function Why({ item, onShow }: { item: ReplayItem; onShow: (seqNo: number) => void }): ReactNode {
  if (!item.replayed) return <Text size="sm" c="dimmed" style={NO_WRAP}>from the offset on</Text>
  return (
    <Group gap={6} wrap="nowrap">
      <Badge size="sm" color="orange" variant="light" styles={{ label: { overflow: 'visible' } }}>
        replayed
      </Badge>
      <Text size="sm" style={NO_WRAP}>
        because of {item.causes.length === 1 ? 'effect' : 'effects'}
      </Text>
      {item.causes.map((effect) => (
        <SeqNoLink key={effect} seqNo={effect} onShow={onShow} label={`Show effect ${effect}`} />
      ))}
    </Group>
  )
}

/** The table; `offset` draws the line between replayed actions and the rest. */
export function ReplayList({ items, offset, onShow }: { items: readonly ReplayItem[]; offset: number; onShow: (seqNo: number) => void }): ReactNode {
  const time = useTimeZone()
  const firstCurrent = items.findIndex((i) => !i.replayed)
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table highlightOnHover verticalSpacing={6} data-testid="replay-list">
        <Table.Thead>
          <Table.Tr>
            <Table.Th ta="right" style={NO_WRAP}>
              #
            </Table.Th>
            <Table.Th ta="right" style={NO_WRAP}>
              Seq-no
            </Table.Th>
            <Table.Th>Delivered because</Table.Th>
            <Table.Th>Reason</Table.Th>
            <Table.Th>Aggregate</Table.Th>
            <Table.Th>Actor</Table.Th>
            <Table.Th style={NO_WRAP}>{time.header}</Table.Th>
            <Table.Th>Patch</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item, index) => [
            index === firstCurrent && firstCurrent > 0 ? (
              <Table.Tr key={`offset-${offset}`} data-testid="replay-offset-line">
                <Table.Td colSpan={8}>
                  <Text size="xs" c="dimmed" ta="center">
                    from offset {offset} on: every action, in seq-no order
                  </Text>
                </Table.Td>
              </Table.Tr>
            ) : null,
            <Table.Tr key={item.seqNo} data-replayed={item.replayed || undefined} data-testid="replay-item" style={item.replayed ? REPLAYED_ROW : undefined}>
              <Table.Td ta="right" c="dimmed" ff="monospace">
                {index + 1}
              </Table.Td>
              <Table.Td ta="right">
                <SeqNoLink seqNo={item.seqNo} onShow={onShow} />
              </Table.Td>
              <Table.Td>
                <Why item={item} onShow={onShow} />
              </Table.Td>
              <Table.Td style={NO_WRAP}>
                <Code>{item.reason}</Code>
              </Table.Td>
              <Table.Td ff="monospace" style={NO_WRAP}>
                {item.aggregate}
              </Table.Td>
              <Table.Td ff="monospace" style={NO_WRAP}>
                {item.actor}
              </Table.Td>
              <Table.Td ff="monospace" style={NO_WRAP} title={time.hover(item.timestamp)}>
                {time.format(item.timestamp)}
              </Table.Td>
              <Table.Td ff="monospace" style={PATCH} title={item.patch}>
                {item.patch}
              </Table.Td>
            </Table.Tr>
          ])}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
