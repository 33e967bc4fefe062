/**
 * The staged events, one readable line each — type, reason, aggregate (or
 * trigger) and the patch summary the Events table shows — with the full EDN
 * on expand; reorder (drag, or the arrow buttons), edit and drop.
 */
import { useState, type ReactNode } from 'react'
import { ActionIcon, Badge, Button, Code, Group, Paper, Stack, Text, Tooltip } from '@mantine/core'
import { call } from '../../ipc/client'
import { useRequest } from '../../ui/useRequest'
import { useTimeZone } from '../../ui/time-zone'
import { editStagedEvent } from './Composer'
import { useComposerState } from './form-state'
import { dropStagedEvent, moveStagedEvent, useStaging, type StagedEvent } from './staging'
import { timestampOf } from './timestamps'
import classes from './Compose.module.css'

/** The drag-and-drop type carrying a staged event's id while it is dragged to a new place. */
const DRAG_TYPE = 'application/x-coherence-staged-event'

/** The one-line summary of a staged event (asked of the validator, which prints it like the Events table). */
function Summary({ storeId, event }: { storeId: string; event: StagedEvent }): ReactNode {
  const answer = useRequest(`${storeId}:${event.edn}`, () => call('compose:validate', { storeId, input: { raw: event.edn } }))
  const line = answer.data?.summary ?? event.edn.replace(/\s+/g, ' ')
  const time = useTimeZone()
  const ms = timestampOf(event.edn)
  const seconds = ms === null ? null : Math.floor(ms / 1000)
  const when = event.stampAtCommit ? 'now at commit' : seconds === null ? '' : time.format(seconds)
  return (
    <>
      <Text size="sm" ff="monospace" lineClamp={2} title={line} data-testid="staging-summary">
        {line}
      </Text>
      {when && <Text size="xs" c="dimmed" data-testid="staging-when" title={event.stampAtCommit || seconds === null ? undefined : time.hover(seconds)}>{when}</Text>}
    </>
  )
}

/** One staged event. */
function StagedRow({ storeId, event, index, count }: { storeId: string; event: StagedEvent; index: number; count: number }): ReactNode {
  const composer = useComposerState(storeId)
  const [open, setOpen] = useState(false)
  const n = index + 1
  return (
    <Paper
      withBorder p={6} radius="sm" draggable
      onDragStart={(e) => {
        e.dataTransfer.setData(DRAG_TYPE, event.id)
        e.dataTransfer.effectAllowed = 'move'
      }}
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes(DRAG_TYPE)) e.preventDefault()
      }}
      onDrop={(e) => {
        const id = e.dataTransfer.getData(DRAG_TYPE)
        if (id) moveStagedEvent(storeId, id, index)
      }}
      data-testid={`staged-${index}`}
      style={{ cursor: 'grab', opacity: composer.editing === event.id ? 0.6 : 1 }}
    >
      <Group gap="xs" wrap="nowrap" align="center">
        <Badge variant="light" size="sm">{n}</Badge>
        <ActionIcon size="sm" variant="subtle" color="gray" aria-label={open ? `Hide the EDN of staged event ${n}` : `Show the EDN of staged event ${n}`} aria-expanded={open} onClick={() => setOpen(!open)} data-testid="staging-expand">
          {open ? '▾' : '▸'}
        </ActionIcon>
        <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
          {event.note && <Text size="xs" c="dimmed">{event.note}</Text>}
          <Summary storeId={storeId} event={event} />
        </Stack>
        <Group gap={2} wrap="nowrap">
          <Tooltip label="Move up" withArrow>
            <ActionIcon variant="subtle" color="gray" aria-label={`Move staged event ${n} up`} disabled={index === 0} onClick={() => moveStagedEvent(storeId, event.id, index - 1)}>↑</ActionIcon>
          </Tooltip>
          <Tooltip label="Move down" withArrow>
            <ActionIcon variant="subtle" color="gray" aria-label={`Move staged event ${n} down`} disabled={index === count - 1} onClick={() => moveStagedEvent(storeId, event.id, index + 1)}>↓</ActionIcon>
          </Tooltip>
          <Button size="compact-xs" variant="subtle" aria-label={`Edit staged event ${n}`} onClick={() => void editStagedEvent(storeId, event.id, event.edn, composer)}>Edit</Button>
          <Button size="compact-xs" variant="subtle" color="red" aria-label={`Drop staged event ${n}`} onClick={() => dropStagedEvent(storeId, event.id)}>Drop</Button>
        </Group>
      </Group>
      {open && (
        <>
          {event.stampAtCommit && <Text size="xs" c="dimmed" mt={6}>The timestamp below is replaced by the time of the preflight and of the commit.</Text>}
          <Code block className={classes.edn} mt={4} data-testid="staging-edn">
            {event.edn}
          </Code>
        </>
      )}
    </Paper>
  )
}

/** The staged events of `storeId`. */
export function StagedList({ storeId }: { storeId: string }): ReactNode {
  const batch = useStaging(storeId)
  return (
    <Stack gap={4} data-testid="staged-list">
      {batch.events.map((event, index) => (
        <StagedRow key={event.id} storeId={storeId} event={event} index={index} count={batch.events.length} />
      ))}
    </Stack>
  )
}
