/**
 * Drag & drop: a file dragged over the window shows where to drop it;
 * dropping opens it (every file, each in its own tab). Dropping never
 * navigates the window.
 */
import { useEffect, useState, type ReactNode } from 'react'
import { Center, Overlay, Stack, Text } from '@mantine/core'
import { droppedFile } from '../../ipc/client'
import { notifyError } from '../../ui/notify'
import { IconDrop } from '../../ui/icons'
import { useWorkspace } from '../../workspace/WorkspaceProvider'

function carriesFiles(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes('Files') ?? false
}

/** Listens on the whole window; renders the overlay while files hover. */
export function DropOverlay(): ReactNode {
  const { openPath } = useWorkspace()
  const [hovering, setHovering] = useState(false)

  useEffect(() => {
    let depth = 0
    const enter = (e: DragEvent): void => {
      if (!carriesFiles(e)) return
      e.preventDefault()
      depth += 1
      setHovering(true)
    }
    const over = (e: DragEvent): void => {
      e.preventDefault()
      if (e.dataTransfer) e.dataTransfer.dropEffect = carriesFiles(e) ? 'copy' : 'none'
    }
    const leave = (): void => {
      depth = Math.max(0, depth - 1)
      if (depth === 0) setHovering(false)
    }
    const drop = (e: DragEvent): void => {
      e.preventDefault()
      depth = 0
      setHovering(false)
      void openInOrder(Array.from(e.dataTransfer?.files ?? []))
    }
    // One after another, so the tabs come in the order the files were dropped.
    const openInOrder = async (files: File[]): Promise<void> => {
      for (const file of files) {
        // Main records the drop as the user's choice and answers with the location to open.
        const result = await droppedFile(file)
        if (result.ok) await openPath(result.value)
        else notifyError(`Could not open ${file.name}`, result.error.message)
      }
    }
    window.addEventListener('dragenter', enter)
    window.addEventListener('dragover', over)
    window.addEventListener('dragleave', leave)
    window.addEventListener('drop', drop)
    return () => {
      window.removeEventListener('dragenter', enter)
      window.removeEventListener('dragover', over)
      window.removeEventListener('dragleave', leave)
      window.removeEventListener('drop', drop)
    }
  }, [openPath])

  if (!hovering) return null
  return (
    <Overlay fixed blur={2} backgroundOpacity={0.45} zIndex={1000} data-testid="drop-overlay">
      <Center h="100%">
        <Stack align="center" c="white" gap="xs">
          <IconDrop size={56} />
          <Text fz="xl" fw={700}>
            Drop to open the store
          </Text>
          <Text size="sm">It opens read-only; the file is not changed.</Text>
        </Stack>
      </Center>
    </Overlay>
  )
}
