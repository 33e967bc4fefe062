/**
 * The side-by-side resolver needs the width of the window: the conflict
 * summary offers "Resolve side by side…", which opens it in a wide dialog.
 * The dialog stays open from one conflict of the batch to the next and
 * closes when the preflight passes (the slot, and with it the dialog, goes).
 */
import { useState, type ReactNode } from 'react'
import { Button, Modal } from '@mantine/core'
import { ConflictResolver, type ConflictResolverProps } from './ConflictResolver'

/** A button opening the resolver for the conflict of the latest preflight. */
export function ResolveConflictButton({ tab, conflict, onResolved }: ConflictResolverProps): ReactNode {
  const [open, setOpen] = useState(false)
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
        <ConflictResolver tab={tab} conflict={conflict} onResolved={onResolved} />
      </Modal>
    </>
  )
}
