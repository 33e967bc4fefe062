/** "Export…" for a toolbar: exports the events of the given filter (the Events section passes its own). */
import { useState, type ReactNode } from 'react'
import { Button } from '@mantine/core'
import type { EventFilter } from '../../../shared/browse'
import { IconDownload } from '../../app/icons'
import type { StoreTab } from '../../app/workspace/workspace-state'
import { ExportModal } from './ExportModal'

/** Props: the store, the filter to export, and the filter in words ('' for the whole store). */
export interface ExportButtonProps {
  readonly tab: StoreTab
  readonly filter: EventFilter
  readonly filterLabel: string
}

/** The button and its dialog. */
export function ExportButton({ tab, filter, filterLabel }: ExportButtonProps): ReactNode {
  const [opened, setOpened] = useState(false)
  return (
    <>
      <Button variant="default" size="xs" leftSection={<IconDownload size={16} />} onClick={() => setOpened(true)} data-testid="export-button">
        Export…
      </Button>
      <ExportModal opened={opened} onClose={() => setOpened(false)} tab={tab} filter={filter} filterLabel={filterLabel} />
    </>
  )
}
