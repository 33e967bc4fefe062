/**
 * The export dialog opened from the command palette ("Export…": the whole
 * active store). The palette asks through `requestExport`; this component,
 * mounted once beside the app's other dialogs, answers.
 */
import type { ReactNode } from 'react'
import type { EventFilter } from '../../../shared/browse'
import { setViewState, useViewState } from '../../app/workspace/view-state'
import { useWorkspace } from '../../app/workspace/WorkspaceProvider'
import { ExportModal } from './ExportModal'

const REQUEST = 'export.request'
const WHOLE_STORE: EventFilter = {}

/** Open the export dialog for the whole store `storeId`. */
export function requestExport(storeId: string): void {
  setViewState(storeId, REQUEST, true)
}

/** The palette's export dialog, for the active store. */
export function ExportRequestModal(): ReactNode {
  const { active } = useWorkspace()
  const storeId = active?.info.storeId ?? ''
  const [opened, setOpened] = useViewState(storeId, REQUEST, false)
  if (!active) return null
  return <ExportModal key={storeId} opened={opened} onClose={() => setOpened(false)} tab={active} filter={WHOLE_STORE} filterLabel="" />
}
