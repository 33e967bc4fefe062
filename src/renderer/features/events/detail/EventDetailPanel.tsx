/**
 * Everything about one event: when, who, what, the whole event as the
 * library reads it (tree, EDN, JSON — each copyable), the exact stored cells,
 * its triggers and the events linked to it through them.
 */
import { useState, type ReactNode } from 'react'
import { ActionIcon, Alert, Anchor, Button, CopyButton, Group, Modal, Paper, ScrollArea, Stack, Table, Text, Title, Tooltip } from '@mantine/core'
import type { EventDetail, EventRow } from '../../../../shared/browse'
import { call } from '../../../ipc/client'
import { IconX } from '../../../ui/icons'
import { showAggregate, showEvent, showEvents, type Navigator } from '../../../workspace/navigation'
import { useRequest } from '../../../ui/useRequest'
import { formatCount, formatTimestamp } from '../../../ui/format'
import { localTimestamp, subjectOf } from '../table/columns'
import type { StoreTab } from '../../../workspace/workspace-state'
import { BlastRadius } from '../../audit/BlastRadius'
import { RevertButton } from '../../compose/resolve/RevertButton'
import { useWorkspace } from '../../../workspace/WorkspaceProvider'
import { RelatedEvents } from './RelatedEvents'
import { EventTabs } from './EventTabs'
import { TypeBadge } from '../../../ui/type-badge/TypeBadge'

function CopyAs({ value, label }: { value: string | null; label: string }): ReactNode {
  if (value === null) return null
  return (
    <CopyButton value={value}>
      {({ copied, copy }) => (
        <Button size="compact-xs" variant="light" color={copied ? 'teal' : undefined} onClick={copy}>
          {copied ? 'Copied' : label}
        </Button>
      )}
    </CopyButton>
  )
}

function BlastRadiusButton({ tab, effectSeqNo }: { tab: StoreTab; effectSeqNo: number }): ReactNode {
  const [opened, setOpened] = useState(false)
  return (
    <>
      <Button size="compact-xs" variant="light" color="grape" onClick={() => setOpened(true)}>
        Blast radius…
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} size="70rem" title={`What reads replay because of effect ${effectSeqNo}`}>
        <div data-testid="event-blast-radius">{opened && <BlastRadius tab={tab} effectSeqNo={effectSeqNo} />}</div>
      </Modal>
    </>
  )
}

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

function Facts({ row, nav }: { row: EventRow; nav: Navigator }): ReactNode {
  const identity = (kind: string | null, id: string | null): string => `[${kind ?? ''} ${id ?? ''}]`
  return (
    <Table withRowBorders={false} verticalSpacing={3} fz="sm" data-testid="event-facts">
      <Table.Tbody>
        <Fact label="Time">
          <Tooltip label={`UTC ${formatTimestamp(row.timestamp)}`} withArrow>
            <span>{localTimestamp(row.timestamp)}</span>
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

/** The panel for `seqNo`. */
export function EventDetailPanel({ storeId, seqNo, revision, nav, onClose }: { storeId: string; seqNo: number; revision: number; nav: Navigator; onClose(): void }): ReactNode {
  const detail = useRequest<EventDetail | null>(`${storeId}:${seqNo}:${revision}`, () => call('store:event-detail', { storeId, seqNo }))
  const d = detail.data?.row.seqNo === seqNo ? detail.data : null
  const { active } = useWorkspace()
  return (
    <Paper withBorder radius="md" p="md" h="100%" style={{ display: 'flex', flexDirection: 'column', minHeight: 0 }} data-testid="event-detail" aria-label={`Event ${seqNo}`}>
      <Group justify="space-between" wrap="nowrap" mb="xs">
        <Group gap="xs">
          <Title order={4}>Event {formatCount(seqNo)}</Title>
          {d && <TypeBadge type={d.row.type} />}
        </Group>
        <Group gap="xs" wrap="nowrap">
          {d?.row.type === 'action' && active?.info.storeId === storeId && <RevertButton tab={active} seqNo={seqNo} />}
          <ActionIcon variant="subtle" color="gray" onClick={onClose} aria-label="Close the event detail">
            <IconX size={16} />
          </ActionIcon>
        </Group>
      </Group>
      {detail.error && (
        <Text c="red" role="alert" size="sm">
          {detail.error}
        </Text>
      )}
      {detail.data === null && !detail.loading && !detail.error && <Text c="dimmed">There is no event {seqNo} in this store.</Text>}
      {d && (
        <ScrollArea style={{ flex: 1 }} offsetScrollbars>
          <Stack gap="sm">
            <Facts row={d.row} nav={nav} />
            {d.problem && (
              <Alert color="red" title="The library cannot read this event" data-testid="event-problem">
                {d.problem}
              </Alert>
            )}
            <Group gap={6}>
              <CopyAs value={d.edn} label="Copy as EDN" />
              <CopyAs value={d.json} label="Copy as JSON" />
              {d.row.type === 'effect' && active?.info.storeId === storeId && <BlastRadiusButton tab={active} effectSeqNo={d.row.seqNo} />}
            </Group>
            <EventTabs detail={d} />
            <RelatedEvents detail={d} onOpen={(n) => showEvent(nav, n)} />
          </Stack>
        </ScrollArea>
      )}
    </Paper>
  )
}
