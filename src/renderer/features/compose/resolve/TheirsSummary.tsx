/**
 * The stored event a staged one conflicts with: who wrote it, when, and for
 * an effect the trigger path that links it to the aggregate
 * (effect → trigger → the actions on the aggregate that carry it).
 */
import { useState, type ReactNode } from 'react'
import { Anchor, Badge, Code, Collapse, Group, Paper, Text } from '@mantine/core'
import type { ConflictDetail, TriggerPath } from '../../../../shared/resolve'
import { useTimeZone } from '../../../ui/time-zone'
import classes from './resolve.module.css'

function Step({ children }: { children: ReactNode }): ReactNode {
  return <Code fz="sm">{children}</Code>
}

/** `effect 7 → [:encryption-key 1] → action 5 on [:receipt 1]` */
function TriggerChain({ path, aggregate }: { path: TriggerPath; aggregate: string }): ReactNode {
  const actions = path.actions.length === 0 ? 'no action (yet)' : `action${path.actions.length === 1 ? '' : 's'} ${path.actions.join(', ')}`
  return (
    <div data-testid="resolve-trigger-path">
      <Group gap={6} wrap="wrap">
        <Step>effect {path.effect}</Step>
        <Text size="sm">names</Text>
        <Step>{path.trigger}</Step>
        <Text size="sm">→ carried by</Text>
        <Step>{actions}</Step>
        <Text size="sm">on</Text>
        <Step>{aggregate}</Step>
      </Group>
      <Text size="xs" c="dimmed" mt={4}>
        Reads replay an aggregate when an effect reaches it through a trigger, so the library treats the effect as a change to it. Its state does not change; decide whether your event still holds.
      </Text>
    </div>
  )
}

/** One paragraph about theirs, with its EDN on demand. */
export function TheirsSummary({ detail }: { detail: ConflictDetail }): ReactNode {
  const time = useTimeZone()
  const [open, setOpen] = useState(false)
  const { theirs } = detail
  return (
    <Paper withBorder radius="md" p="sm" data-testid="resolve-theirs">
      <Group gap="xs" mb={4}>
        <Badge variant="light" color={theirs.type === 'action' ? 'blue' : 'grape'} styles={{ label: { overflow: 'visible' } }}>{theirs.type}</Badge>
        <Text size="sm">
          Stored event <b>{theirs.seqNo}</b>: <Code>{theirs.reason}</Code>
          {theirs.actor !== null && <> by <Code>{theirs.actor}</Code></>} from <Code>{theirs.source}</Code> at <span title={time.hover(theirs.timestamp)}>{time.format(theirs.timestamp)}</span>, written after your base {detail.base}
          {detail.baseAsOf >= detail.base ? ` (events up to ${detail.baseAsOf} are resolved already)` : ''}.
        </Text>
        <Anchor size="sm" onClick={() => setOpen((o) => !o)}>{open ? 'Hide EDN' : 'Show EDN'}</Anchor>
      </Group>
      {detail.triggerPath !== null && <TriggerChain path={detail.triggerPath} aggregate={detail.aggregate} />}
      <Collapse expanded={open}>
        <Code block className={classes.code} mt="xs">{theirs.edn}</Code>
      </Collapse>
    </Paper>
  )
}
