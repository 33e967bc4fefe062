/**
 * "Revert…" on a stored action: shows the compensating action (the store is
 * append-only, so undo is a new action that sets every key the action
 * touched back to its earlier value) and stages it for the user to preflight
 * and commit in Compose like any other event.
 */
import { useState, type ReactNode } from 'react'
import { Alert, Button, Code, Group, Loader, Modal, Stack, Table, Text } from '@mantine/core'
import type { Compensation } from '../../../../shared/resolve'
import { call, messageOf } from '../../../ipc/client'
import { useWorkspace } from '../../../workspace/WorkspaceProvider'
import type { StoreTab } from '../../../workspace/workspace-state'
import { notifyInfo } from '../../../ui/notify'
import { stageEvent, startBatch } from '../staging'
import classes from './resolve.module.css'
import { ModalActions } from '../../../ui/modal/ModalActions'

/** The section the staged revert is committed from. */
const COMPOSE_SECTION = 'compose'

function Absent({ text }: { text: string | null }): ReactNode {
  return text === null ? <span className={classes.absent}>absent</span> : <span className={classes.mono}>{text}</span>
}

function CompensationView({ compensation }: { compensation: Extract<Compensation, { ok: true }> }): ReactNode {
  return (
    <Stack gap="sm">
      <Text size="sm" data-testid="revert-summary">{compensation.summary}</Text>
      <Table verticalSpacing={4} className={classes.table} data-testid="revert-keys">
        <Table.Thead>
          <Table.Tr><Table.Th>Key</Table.Th><Table.Th>Now</Table.Th><Table.Th>After the revert</Table.Th></Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {compensation.restores.map((r) => (
            <Table.Tr key={r.key}>
              <Table.Td className={classes.key}>{r.key}</Table.Td>
              <Table.Td><div className={classes.value}><Absent text={r.now} /></div></Table.Td>
              <Table.Td><div className={classes.value}><Absent text={r.before} /></div></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {compensation.overwrites.length > 0 && (
        <Alert color="yellow" title="Later changes are overwritten" data-testid="revert-overwrites">
          Event{compensation.overwrites.length === 1 ? '' : 's'} {compensation.overwrites.join(', ')} changed{' '}
          {compensation.overwrites.length === 1 ? 'one of these keys' : 'some of these keys'} after event {compensation.seqNo}; the revert sets them back to the values before event {compensation.seqNo}.
        </Alert>
      )}
      <div>
        <Text size="xs" c="dimmed" mb={2}>The new action (edit it in Compose if the reason, actor or source should differ):</Text>
        <Code block className={classes.code} data-testid="revert-edn">{compensation.edn}</Code>
      </div>
    </Stack>
  )
}

/** Props: the store tab and the stored action to revert. */
export interface RevertButtonProps {
  readonly tab: StoreTab
  readonly seqNo: number
}

/** A "Revert…" button that opens the compensating action and stages it. */
export function RevertButton({ tab, seqNo }: RevertButtonProps): ReactNode {
  const { storeId } = tab.info
  const { showSection } = useWorkspace()
  const [open, setOpen] = useState(false)
  const [state, setState] = useState<{ compensation: Compensation | null; error: string | null }>({ compensation: null, error: null })

  const show = (): void => {
    setOpen(true)
    setState({ compensation: null, error: null })
    call('store:compensation', { storeId, seqNo }).then(
      (compensation) => setState({ compensation, error: null }),
      (e: unknown) => setState({ compensation: null, error: messageOf(e) })
    )
  }

  const stage = (compensation: Extract<Compensation, { ok: true }>): void => {
    startBatch(storeId, tab.info.seqNo)
    stageEvent(storeId, compensation.edn, `Revert of event ${seqNo}`)
    setOpen(false)
    notifyInfo(`Revert of event ${seqNo} staged`, 'Run the preflight in Compose to check it, then commit it.')
  }

  const { compensation, error } = state
  return (
    <>
      <Button size="xs" variant="default" onClick={show} data-testid="revert-button">Revert…</Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={`Revert event ${seqNo}`} size="xl" data-testid="revert-modal">
        {compensation === null && error === null && (
          <Group gap="xs"><Loader size="xs" /><Text size="sm" c="dimmed">Computing the state before event {seqNo}…</Text></Group>
        )}
        {error !== null && <Alert color="red" title="No revert">{error}</Alert>}
        {compensation !== null && !compensation.ok && (
          <Alert color="gray" title="Nothing to revert" data-testid="revert-nothing">{compensation.message}</Alert>
        )}
        {compensation?.ok && <CompensationView compensation={compensation} />}
        <ModalActions>
          <Button variant="default" onClick={() => setOpen(false)}>Cancel</Button>
          {compensation?.ok && (
            <>
              <Button variant="light" onClick={() => { stage(compensation); showSection(COMPOSE_SECTION) }} data-testid="revert-stage-open">
                Stage and open Compose
              </Button>
              <Button onClick={() => stage(compensation)} data-testid="revert-stage">Stage revert</Button>
            </>
          )}
        </ModalActions>
      </Modal>
    </>
  )
}
