/**
 * The side-by-side resolver needs the width of the window: the conflict
 * summary offers "Resolve side by side…", which opens it in a wide dialog
 * (or the whole window, maximized). The dialog stays open from one conflict
 * of the batch to the next and closes when the preflight passes (the slot,
 * and with it the dialog, goes). Its choices are a draft kept per conflict:
 * closing with choices asks whether to keep or discard them, and ⌘Z / ⇧⌘Z
 * (outside the editors, which have their own) undo and redo them.
 */
import { useEffect, useState, type ReactNode } from 'react'
import { ActionIcon, Alert, Button, Group, Modal, Text, Tooltip } from '@mantine/core'
import { ConflictResolver, type ConflictResolverProps } from './ConflictResolver'
import { discardDraft, draftKey, isDirty, redo, undo, useDraft } from './drafts'
import { ModalActions } from '../../../ui/modal/ModalActions'

/** Undo/redo keys while the dialog is open, unless typed in an editor or a text field (they have their own). */
function useHistoryKeys(key: string, active: boolean): void {
  useEffect(() => {
    if (!active) return
    const onKey = (e: KeyboardEvent): void => {
      if (!(e.metaKey || e.ctrlKey) || (e.target as HTMLElement | null)?.closest('.cm-editor, input, textarea') != null) return
      const k = e.key.toLowerCase()
      if (k === 'z' && !e.shiftKey) undo(key)
      else if ((k === 'z' && e.shiftKey) || k === 'y') redo(key)
      else return
      e.preventDefault()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [key, active])
}

/** The dialog's title: which conflict, undo/redo and maximize. */
function DialogTitle({ theirs, draft, maximized, onMaximize }: { theirs: number; draft: string; maximized: boolean; onMaximize: () => void }): ReactNode {
  const d = useDraft(draft)
  const mod = navigator.platform.startsWith('Mac') ? '⌘' : 'Ctrl+'
  return (
    <Group gap="xs" wrap="nowrap">
      <Text fw={600}>Resolve the conflict with stored event {theirs}</Text>
      <Tooltip label={`Undo the last choice (${mod}Z)`}>
        <ActionIcon variant="default" size="sm" aria-label="Undo choice" disabled={d.past.length === 0} onClick={() => undo(draft)} data-testid="resolve-undo">↶</ActionIcon>
      </Tooltip>
      <Tooltip label={`Redo (${mod}Shift+Z)`}>
        <ActionIcon variant="default" size="sm" aria-label="Redo choice" disabled={d.future.length === 0} onClick={() => redo(draft)} data-testid="resolve-redo">↷</ActionIcon>
      </Tooltip>
      <Tooltip label={maximized ? 'Restore the dialog size' : 'Maximize to the window'}>
        <ActionIcon variant="default" size="sm" aria-label={maximized ? 'Restore dialog' : 'Maximize dialog'} onClick={onMaximize} data-testid="resolve-maximize">{maximized ? '⤡' : '⤢'}</ActionIcon>
      </Tooltip>
    </Group>
  )
}

/** Asks what to do with the choices of a dialog being closed. */
function CloseConfirm({ opened, onKeep, onDiscard, onStay }: { opened: boolean; onKeep: () => void; onDiscard: () => void; onStay: () => void }): ReactNode {
  return (
    <Modal opened={opened} onClose={onStay} title="Close with your choices unresolved?" zIndex={400} centered data-testid="resolve-close-confirm">
      <Text size="sm" mb="md">
        Nothing is staged until you resolve and retry. Keep the choices for when you open this conflict again, or discard them.
      </Text>
      <ModalActions gap="xs">
        <Button variant="default" onClick={onStay} data-testid="resolve-close-stay">Stay</Button>
        <Button variant="light" color="red" onClick={onDiscard} data-testid="resolve-close-discard">Discard choices</Button>
        <Button onClick={onKeep} data-testid="resolve-close-keep">Keep for later</Button>
      </ModalActions>
    </Modal>
  )
}

/** A button opening the resolver for the conflict of the latest preflight. */
export function ResolveConflictButton({ tab, conflict, onResolved }: ConflictResolverProps): ReactNode {
  const [open, setOpen] = useState(false)
  const [asking, setAsking] = useState(false)
  const [maximized, setMaximized] = useState(false)
  const [seen, setSeen] = useState(conflict.theirs.seqNo)
  const [note, setNote] = useState<string | null>(null)
  const key = draftKey(tab.info.storeId, conflict)
  const dirty = isDirty(useDraft(key))
  useHistoryKeys(key, open && !asking)
  if (seen !== conflict.theirs.seqNo) {
    // The preflight after a resolution stopped at the next conflict: say so, the columns changed under the user's eyes.
    setSeen(conflict.theirs.seqNo)
    setNote(`Stored event ${seen} is resolved. The preflight stopped at the next conflict: stored event ${conflict.theirs.seqNo}.`)
  }
  const close = (): void => {
    setAsking(false)
    setOpen(false)
  }
  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid="resolve-open">
        {dirty ? 'Resolve side by side (choices kept)…' : 'Resolve side by side…'}
      </Button>
      <Modal
        opened={open}
        onClose={() => (dirty ? setAsking(true) : close())}
        title={<DialogTitle theirs={conflict.theirs.seqNo} draft={key} maximized={maximized} onMaximize={() => setMaximized(!maximized)} />}
        size="calc(100vw - 6rem)"
        fullScreen={maximized}
        centered={false}
        data-testid="resolve-dialog"
        data-maximized={maximized || undefined}
      >
        {note !== null && (
          <Alert color="blue" variant="light" mb="sm" withCloseButton onClose={() => setNote(null)} data-testid="resolve-next-note">
            {note}
          </Alert>
        )}
        <ConflictResolver tab={tab} conflict={conflict} onResolved={onResolved} />
      </Modal>
      <CloseConfirm opened={asking} onStay={() => setAsking(false)} onKeep={close} onDiscard={() => { discardDraft(key); close() }} />
    </>
  )
}
