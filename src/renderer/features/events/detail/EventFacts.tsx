/** The facts of one event, as a two-column table. */
import type { ReactNode } from 'react'
import { Anchor, Table, Tooltip } from '@mantine/core'
import type { EventRow } from '../../../../shared/browse'
import { useTimeZone } from '../../../ui/time-zone'
import { showAggregate, showEvents, type Navigator } from '../../../workspace/navigation'
import { subjectOf } from '../table/columns'

function Fact({ label, children }: { label: string; children: ReactNode }): ReactNode {
  return (
    <Table.Tr>
      <Table.Td c="dimmed" w={96} style={{ verticalAlign: 'top' }}>
        {label}
      </Table.Td>
      <Table.Td ff="monospace" style={{ wordBreak: 'break-word' }}>
        {children}
      </Table.Td>
    </Table.Tr>
  )
}

/** When, where from, why, on what, by whom, with which triggers — each a link where it leads somewhere. */
export function EventFacts({ row, nav }: { row: EventRow; nav: Navigator }): ReactNode {
  const time = useTimeZone()
  const identity = (kind: string | null, id: string | null): string => `[${kind ?? ''} ${id ?? ''}]`
  return (
    <Table withRowBorders={false} verticalSpacing={3} fz="sm" data-testid="event-facts">
      <Table.Tbody>
        <Fact label="Time">
          <Tooltip label={time.hover(row.timestamp)} withArrow>
            <span>{time.format(row.timestamp)}</span>
          </Tooltip>
        </Fact>
        <Fact label="Source">{row.source}</Fact>
        <Fact label="Reason">{row.reason ?? '—'}</Fact>
        {row.aggregateKind !== null && (
          <Fact label="Aggregate">
            <Anchor component="button" ff="monospace" fz="sm" onClick={() => showAggregate(nav, { aggregate: { kind: row.aggregateKind ?? '', id: row.aggregateId ?? '' }, asOf: row.seqNo })}>
              {subjectOf(row)}
            </Anchor>
          </Fact>
        )}
        {row.actorKind !== null && (
          <Fact label="Actor">
            <Anchor component="button" ff="monospace" fz="sm" title="Show this actor's events" onClick={() => showEvents(nav, { actor: { kind: row.actorKind ?? '', id: row.actorId ?? '' } })}>
              {identity(row.actorKind, row.actorId)}
            </Anchor>
          </Fact>
        )}
        {row.triggerKind !== null && (
          <Fact label="Trigger">
            <Anchor component="button" ff="monospace" fz="sm" title="Show every event of this trigger" onClick={() => showEvents(nav, { trigger: { kind: row.triggerKind ?? '', id: row.triggerId ?? '' } })}>
              {identity(row.triggerKind, row.triggerId)}
            </Anchor>
          </Fact>
        )}
        {row.type === 'action' && (
          <Fact label="Triggers">
            {(row.triggers ?? []).length === 0
              ? 'none'
              : (row.triggers ?? []).map(([kind, id]) => (
                  <Anchor key={`${kind} ${id}`} component="button" ff="monospace" fz="sm" mr="sm" title="Show every event of this trigger" onClick={() => showEvents(nav, { trigger: { kind, id } })}>
                    {identity(kind, id)}
                  </Anchor>
                ))}
          </Fact>
        )}
      </Table.Tbody>
    </Table>
  )
}

