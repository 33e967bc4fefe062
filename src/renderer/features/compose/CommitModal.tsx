/**
 * The final confirmation before anything is written: exactly what will be
 * appended (how many events, to which file, at which seq-nos, each in one
 * line), the base and the resolved list.
 */
import type { ReactNode } from 'react'
import { Alert, Button, Modal, Stack, Text } from '@mantine/core'
import type { RebaseOutcome } from '../../../shared/compose'
import { eventLine } from './OutcomeView'
import type { OlderThanLatest } from './useOlderThanLatest'
import { useTimeZone } from '../../ui/time-zone'
import { ModalActions } from '../../ui/modal/ModalActions'

/** The warning about staged events stamped before the store's latest event, or nothing. */
function OlderWarning({ older }: { older: OlderThanLatest }): ReactNode {
  const time = useTimeZone()
  if (older.latest === null || older.events.length === 0) return null
  const { latest } = older
  const at = (ms: number): string => time.format(Math.floor(ms / 1000))
  return (
    <Alert color="yellow" variant="light" title="Timestamp before the latest event" data-testid="commit-older-warning">
      {older.events.map((e) => `Staged event ${e.place} is stamped ${at(e.ms)}`).join('; ')}, before the store's latest event ({latest.seqNo}, at {at(latest.ms)}).
      It will still come after it (the store is ordered by seq-no). Cancel and set its timestamp to “now at commit” unless the earlier time is meant.
    </Alert>
  )
}

/** Props of `CommitModal`. */
export interface CommitModalProps {
  readonly fileName: string
  /** The passing preflight of the batch about to be written. */
  readonly outcome: Extract<RebaseOutcome, { result: 'ok' }>
  readonly resolved: readonly number[]
  /** Staged events stamped before the store's latest event (warned about). */
  readonly older?: OlderThanLatest
  readonly onCancel: () => void
  readonly onConfirm: () => void
}

/** The sentence that says what will be appended, e.g. "Append 2 events to shop.db at seq-no 8:". */
export function appendSentence(count: number, fileName: string, firstSeqNo: number): string {
  return `Append ${count === 1 ? '1 event' : `${count} events`} to ${fileName} at seq-no ${firstSeqNo}:`
}

/** The confirmation modal. */
export function CommitModal({ fileName, outcome, resolved, older, onCancel, onConfirm }: CommitModalProps): ReactNode {
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
        {older && <OlderWarning older={older} />}
        <Text size="sm" c="dimmed">
          Rebase at base {outcome.base}
          {resolved.length > 0 ? `, treating ${resolved.join(', ')} as resolved` : ''}. The store is append-only: the events cannot be removed afterwards, only compensated by new ones.
          If someone appends a conflicting event before this write, nothing is written and the conflict is shown.
        </Text>
        <ModalActions gap="xs">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button color="red" onClick={onConfirm} data-testid="confirm-commit">
            Append {count === 1 ? '1 event' : `${count} events`}
          </Button>
        </ModalActions>
      </Stack>
    </Modal>
  )
}
