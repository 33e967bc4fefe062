/**
 * The side-by-side resolver needs the width of the window: the conflict
 * summary offers "Resolve side by side…", which opens it in a wide dialog.
 * The dialog stays open from one conflict of the batch to the next and
 * closes when the preflight passes (the slot, and with it the dialog, goes).
 */
import { useState, type ReactNode } from 'react'
import { Alert, Button, Modal } from '@mantine/core'
import { ConflictResolver, type ConflictResolverProps } from './ConflictResolver'

/** A button opening the resolver for the conflict of the latest preflight. */
export function ResolveConflictButton({ tab, conflict, onResolved }: ConflictResolverProps): ReactNode {
  const [open, setOpen] = useState(false)
  const [seen, setSeen] = useState(conflict.theirs.seqNo)
  const [note, setNote] = useState<string | null>(null)
  if (seen !== conflict.theirs.seqNo) {
    // The preflight after a resolution stopped at the next conflict: say so, the columns changed under the user's eyes.
    setSeen(conflict.theirs.seqNo)
    setNote(`Stored event ${seen} is resolved. The preflight stopped at the next conflict: stored event ${conflict.theirs.seqNo}.`)
  }
  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid="resolve-open">
        Resolve side by side…
      </Button>
      <Modal
        opened={open}
        onClose={() => setOpen(false)}
        title={`Resolve the conflict with stored event ${conflict.theirs.seqNo}`}
        size="calc(100vw - 6rem)"
        centered={false}
        data-testid="resolve-dialog"
      >
        {note !== null && (
          <Alert color="blue" variant="light" mb="sm" withCloseButton onClose={() => setNote(null)} data-testid="resolve-next-note">
            {note}
          </Alert>
        )}
        <ConflictResolver tab={tab} conflict={conflict} onResolved={onResolved} />
      </Modal>
    </>
  )
}
