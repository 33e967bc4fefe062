/**
 * The export dialog: the scope in words with its count, the format, then
 * progress and a result sentence. Main asks where to save; the store's
 * background worker writes the file.
 */
import { useEffect, useState, type ReactNode } from 'react'
import { Alert, Button, Code, Modal, Progress, Radio, Stack, Text } from '@mantine/core'
import type { EventFilter } from '../../../shared/browse'
import type { ExportFormat, ExportOutcome } from '../../../shared/export'
import { call, messageOf, subscribe } from '../../ipc/client'
import { useRequest } from '../useRequest'
import { formatCount } from '../format'
import { ModalActions } from '../modal/ModalActions'

/** What the dialog shows. */
type Phase =
  | { readonly kind: 'choose'; readonly note?: string }
  | { readonly kind: 'running'; readonly done: number; readonly total: number }
  | { readonly kind: 'done'; readonly outcome: Extract<ExportOutcome, { result: 'ok' }> }
  | { readonly kind: 'failed'; readonly message: string }

/** Props of the dialog. */
export interface ExportModalProps {
  readonly opened: boolean
  readonly onClose: () => void
  readonly storeId: string
  /** Grows on every change of the store (the count is taken again). */
  readonly revision: number
  /** The store's file name, for the sentence. */
  readonly storeName: string
  readonly filter: EventFilter
  /** The filter in words (`reason :create, source :shop`); empty for the whole store. */
  readonly filterLabel: string
}

/** `2.3 MB` */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`
  const units = ['KB', 'MB', 'GB', 'TB']
  let value = bytes / 1024
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`
}


function scopeSentence(store: string, filterLabel: string, total: number | null): string {
  const events = total === null ? 'the events' : `${formatCount(total)} ${total === 1 ? 'event' : 'events'}`
  return filterLabel.trim() === '' ? `Export ${total === null ? 'all events' : `all ${events}`} of ${store}.` : `Export ${events} matching: ${filterLabel}.`
}

/** The export dialog. */
export function ExportModal({ opened, onClose, storeId, revision, storeName: store, filter, filterLabel }: ExportModalProps): ReactNode {
  const [format, setFormat] = useState<ExportFormat>('edn')
  const [phase, setPhase] = useState<Phase>({ kind: 'choose' })
  const filterKey = JSON.stringify(filter)
  const total = useRequest<number | null>(`${storeId}:${revision}:${filterKey}:${opened}`, () =>
    opened ? call('store:count-events', { storeId, filter }) : Promise.resolve(null)
  )
  const running = phase.kind === 'running'

  useEffect(() => {
    if (!running) return
    return subscribe('progress', (event) => {
      if (event.operation !== 'export' || event.storeId !== storeId || event.finished) return
      setPhase((p) => (p.kind === 'running' ? { kind: 'running', done: event.done, total: event.total } : p))
    })
  }, [running, storeId])

  const start = (): void => {
    // Total 0 until the worker reports: the save dialog is still open until then.
    setPhase({ kind: 'running', done: 0, total: 0 })
    call('store:export', { storeId, filter, format, filtered: filterLabel.trim() !== '' }).then(
      (outcome) => setPhase(outcome.result === 'ok' ? { kind: 'done', outcome } : { kind: 'choose', note: 'No file was chosen, so nothing was exported.' }),
      (e: unknown) => setPhase({ kind: 'failed', message: messageOf(e) })
    )
  }
  const close = (): void => {
    if (running) return
    setPhase({ kind: 'choose' })
    onClose()
  }
  const nothing = total.data === 0

  return (
    <Modal opened={opened} onClose={close} title="Export events" size="lg" closeOnClickOutside={!running} closeOnEscape={!running} withCloseButton={!running}>
      <Stack gap="md" data-testid="export-modal">
        <Text fw={500} data-testid="export-scope">
          {scopeSentence(store, filterLabel, total.loading ? null : total.data)}
        </Text>
        {total.error && <Text c="red" size="sm">Counting the events failed: {total.error}</Text>}
        {phase.kind === 'choose' && (
          <>
            <Radio.Group label="Format" value={format} onChange={(v) => setFormat(v as ExportFormat)}>
              <Stack gap="xs" mt={6}>
                <Radio value="edn" label="EDN" description="One vector of event maps, printed exactly as the library prints them (what read returns)." />
                <Radio value="json" label="JSON" description="The same events as a JSON array (keywords as &quot;:name&quot; strings, as “Copy as JSON” does)." />
              </Stack>
            </Radio.Group>
            <Text size="sm" c="dimmed">
              An event that cannot be read (a cell that is not valid EDN) stops the export and is named by its seq-no; no partial file is
              written. The integrity check lists such events.
            </Text>
            {phase.note && (
              <Text size="sm" data-testid="export-note">
                {phase.note}
              </Text>
            )}
            {nothing && <Text size="sm">No event matches, so there is nothing to export.</Text>}
            <ModalActions>
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button onClick={start} disabled={nothing}>
                Choose file and export…
              </Button>
            </ModalActions>
          </>
        )}
        {phase.kind === 'running' && (
          <Stack gap={6} data-testid="export-progress">
            <Progress value={phase.total > 0 ? (100 * phase.done) / phase.total : 0} animated={phase.total === 0} />
            <Text size="sm" c="dimmed">
              {phase.total > 0 ? `Writing ${formatCount(phase.done)} of ${formatCount(phase.total)} events…` : 'Waiting for the file to be chosen…'}
            </Text>
          </Stack>
        )}
        {phase.kind === 'done' && (
          <>
            <Alert color="green" title="Export finished" data-testid="export-result">
              Exported {formatCount(phase.outcome.events)} {phase.outcome.events === 1 ? 'event' : 'events'} as {phase.outcome.format.toUpperCase()} (
              {formatBytes(phase.outcome.bytes)}) to <Code style={{ wordBreak: 'break-all' }}>{phase.outcome.path}</Code>
            </Alert>
            <ModalActions>
              <Button onClick={close}>Done</Button>
            </ModalActions>
          </>
        )}
        {phase.kind === 'failed' && (
          <>
            <Alert color="red" title="The export failed" role="alert" data-testid="export-error">
              {phase.message}
            </Alert>
            <ModalActions>
              <Button variant="default" onClick={() => setPhase({ kind: 'choose' })}>
                Back
              </Button>
              <Button onClick={close}>Close</Button>
            </ModalActions>
          </>
        )}
      </Stack>
    </Modal>
  )
}
