/**
 * The export dialog opened from the command palette ("Export…": the whole
 * active store). The palette asks through `requestExport`; this component,
 * mounted once beside the app's other dialogs, answers.
 */
import type { ReactNode } from 'react'
import type { EventFilter } from '../../shared/browse'
import { setViewState, useViewState, viewKey } from '../workspace/view-state'
import { useWorkspace } from '../workspace/WorkspaceProvider'
import { storeName } from '../ui/format'
import { ExportModal } from '../ui/export/ExportModal'

const REQUEST = viewKey<boolean>('export.request', false)
const WHOLE_STORE: EventFilter = {}

/** Open the export dialog for the whole store `storeId`. */
export function requestExport(storeId: string): void {
  setViewState(storeId, REQUEST, true)
}

/** The palette's export dialog, for the active store. */
export function ExportRequestModal(): ReactNode {
  const { active } = useWorkspace()
  const storeId = active?.info.storeId ?? ''
  const [opened, setOpened] = useViewState(storeId, REQUEST)
  if (!active) return null
  return <ExportModal key={storeId} opened={opened} onClose={() => setOpened(false)} storeId={storeId} revision={active.revision} storeName={storeName(active.info)} filter={WHOLE_STORE} filterLabel="" />
}
