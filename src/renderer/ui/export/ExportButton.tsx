/** "Export…" for a toolbar: exports the events of the given filter (the Events section passes its own). */
import { useState, type ReactNode } from 'react'
import { Button } from '@mantine/core'
import { IconDownload } from '../icons'
import { ExportModal, type ExportModalProps } from './ExportModal'

/** Props: the store, the filter to export, and the filter in words ('' for the whole store). */
export type ExportButtonProps = Omit<ExportModalProps, 'opened' | 'onClose'>

/** The button and its dialog. */
export function ExportButton(props: ExportButtonProps): ReactNode {
  const [opened, setOpened] = useState(false)
  return (
    <>
      <Button variant="default" size="xs" leftSection={<IconDownload size={16} />} onClick={() => setOpened(true)} data-testid="export-button" style={{ flex: 'none' }}>
        Export…
      </Button>
      <ExportModal opened={opened} onClose={() => setOpened(false)} {...props} />
    </>
  )
}
