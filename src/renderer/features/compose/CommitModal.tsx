/**
 * The final confirmation before anything is written: exactly what will be
 * appended (how many events, to which file, at which seq-nos, each in one
 * line), the base and the resolved list.
 */
import type { ReactNode } from 'react'
import { Button, Group, Modal, Stack, Text } from '@mantine/core'
import type { RebaseOutcome } from '../../../shared/compose'
import { eventLine } from './OutcomeView'

/** Props of `CommitModal`. */
export interface CommitModalProps {
  readonly fileName: string
  /** The passing preflight of the batch about to be written. */
  readonly outcome: Extract<RebaseOutcome, { result: 'ok' }>
  readonly resolved: readonly number[]
  readonly onCancel: () => void
  readonly onConfirm: () => void
}

/** The sentence that says what will be appended, e.g. "Append 2 events to shop.db at seq-no 8:". */
export function appendSentence(count: number, fileName: string, firstSeqNo: number): string {
  return `Append ${count === 1 ? '1 event' : `${count} events`} to ${fileName} at seq-no ${firstSeqNo}:`
}

/** The confirmation modal. */
export function CommitModal({ fileName, outcome, resolved, onCancel, onConfirm }: CommitModalProps): ReactNode {
  const count = outcome.events.length
  return (
    <Modal opened onClose={onCancel} title="Write to the store?" centered size="lg">
      <Stack gap="sm" data-testid="commit-modal">
        <Text fw={600} data-testid="commit-sentence">
          {appendSentence(count, fileName, outcome.events[0]?.seqNo ?? 0)}
        </Text>
        <Stack gap={2}>
          {outcome.events.map((event) => (
            <Text key={event.seqNo} size="sm" ff="monospace">
              {event.seqNo}: {eventLine(event)}
            </Text>
          ))}
        </Stack>
        <Text size="sm" c="dimmed">
          Rebase at base {outcome.base}
          {resolved.length > 0 ? `, treating ${resolved.join(', ')} as resolved` : ''}. The store is append-only: the events cannot be removed afterwards, only compensated by new ones.
          If someone appends a conflicting event before this write, nothing is written and the conflict is shown.
        </Text>
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button color="red" onClick={onConfirm} data-testid="confirm-commit">
            Append {count === 1 ? '1 event' : `${count} events`}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
