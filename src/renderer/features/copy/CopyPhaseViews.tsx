/**
 * The copy while it runs (rows written of the total, Cancel), when it ended
 * without a copy (main's sentence, or cancelled), and once it is done (what,
 * where, how long; Open the copy).
 */
import { useState, type ReactNode } from 'react'
import { Alert, Button, Progress, Stack, Text } from '@mantine/core'
import { countOf, formatCount } from '../../ui/format'
import { stoppedSentence, type CopyDone, type CopyPhase } from './useCopyRun'
import { ModalActions } from '../../ui/modal/ModalActions'

interface ProgressProps {
  readonly done: number
  readonly total: number
  /** Cancel was clicked and main has not answered yet. */
  readonly cancelling: boolean
  cancel(): void
}

/** Progress from main's events (a bar once the total is known), and Cancel, which stops the copy writing nothing. */
export function CopyProgress({ done, total, cancelling, cancel }: ProgressProps): ReactNode {
  const percent = total > 0 ? Math.round((100 * done) / total) : 0
  return (
    <Stack gap="sm">
      <Stack gap={6} role="status" aria-live="polite" data-testid="copy-progress">
        <Text size="sm">{cancelling ? 'Cancelling… nothing is kept' : total > 0 ? `Copying… ${formatCount(done)} of ${countOf(total, 'row', 'rows')}` : 'Copying… reading the store'}</Text>
        <Progress value={total > 0 ? percent : 100} animated={total === 0} striped={total === 0} aria-label={`${percent}%`} />
      </Stack>
      <ModalActions>
        <Button variant="default" onClick={cancel} loading={cancelling} data-testid="copy-cancel">
          Cancel copy
        </Button>
      </ModalActions>
    </Stack>
  )
}

/** Why the last copy made no copy: main's one sentence (red), or that it was cancelled and the target left as it was. */
export function CopyEndNotice({ phase }: { phase: Extract<CopyPhase, { kind: 'failed' | 'stopped' }> }): ReactNode {
  if (phase.kind === 'failed') {
    return (
      <Alert color="red" variant="light" role="alert" data-testid="copy-error">
        {phase.message}
      </Alert>
    )
  }
  return (
    <Alert color="gray" variant="light" role="status" data-testid="copy-stopped">
      {stoppedSentence(phase.target)}
    </Alert>
  )
}

/** `0.4 s`, `2.5 s`, `350 ms` */
function duration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`
}

/** The sentence a finished copy is reported in. */
export function copySentence(name: string, outcome: CopyDone): string {
  return `Copied ${countOf(outcome.seqNo, 'event', 'events')} of ${name} (${countOf(outcome.rows, 'row', 'rows')}) to ${outcome.target} in ${duration(outcome.elapsedMs)}.`
}

interface SummaryProps {
  readonly name: string
  readonly outcome: CopyDone
  openCopy(): Promise<void>
  close(): void
}

/** The summary, with Open the copy (a new tab, read-only like every open). */
export function CopySummary({ name, outcome, openCopy, close }: SummaryProps): ReactNode {
  const [opening, setOpening] = useState(false)
  const open = async (): Promise<void> => {
    setOpening(true)
    try {
      await openCopy()
    } finally {
      setOpening(false)
    }
  }
  return (
    <Stack gap="md">
      <Alert color="teal" variant="light" title="Copy complete" role="status" data-testid="copy-result">
        {copySentence(name, outcome)}
      </Alert>
      <Text size="sm" c="dimmed">
        The copy opens in a new tab, read-only like every store you open.
      </Text>
      <ModalActions>
        <Button variant="default" onClick={close}>
          Close
        </Button>
        <Button onClick={() => void open()} loading={opening} data-testid="copy-open">
          Open the copy
        </Button>
      </ModalActions>
    </Stack>
  )
}
