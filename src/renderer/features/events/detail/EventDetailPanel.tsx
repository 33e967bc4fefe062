/**
 * Everything about one event: when, who, what, the whole event as the
 * library reads it (tree, EDN, JSON — each copyable), the exact stored cells,
 * its triggers and the events linked to it through them.
 */
import { useState, type ReactNode } from 'react'
import { ActionIcon, Alert, Button, CopyButton, Group, Modal, Paper, ScrollArea, Stack, Text, Title } from '@mantine/core'
import type { EventDetail } from '../../../../shared/browse'
import { call } from '../../../ipc/client'
import { IconX } from '../../../ui/icons'
import { showEvent, type Navigator } from '../../../workspace/navigation'
import { useRequest } from '../../../ui/useRequest'
import { formatCount } from '../../../ui/format'
import type { StoreTab } from '../../../workspace/workspace-state'
import { BlastRadius } from '../../audit/BlastRadius'
import { RevertButton } from '../../compose/resolve/RevertButton'
import { useWorkspace } from '../../../workspace/WorkspaceProvider'
import { RelatedEvents } from './RelatedEvents'
import { EventFacts } from './EventFacts'
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
            <EventFacts row={d.row} nav={nav} />
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
