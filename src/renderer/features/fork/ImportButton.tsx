/** "Import batch…" in Compose: a file of events (EDN, or the JSON the export writes) into the staging area. */
import type { ReactNode } from 'react'
import { Button, Tooltip } from '@mantine/core'
import { IconUpload } from '../../ui/icons'
import type { StoreTab } from '../../workspace/workspace-state'
import { importBatch } from './fork-actions'

/** The button. */
export function ImportButton({ tab }: { tab: StoreTab }): ReactNode {
  return (
    <Tooltip label="Stage the events of an EDN or exported JSON file, checked like composed ones" withArrow>
      <Button size="xs" variant="default" leftSection={<IconUpload size={14} />} onClick={() => void importBatch(tab)} data-testid="import-button">
        Import batch…
      </Button>
    </Tooltip>
  )
}
