/**
 * Every trigger identity with the actions carrying it and the effects naming
 * it: filter by text, sort by identity or a count, keyset pages ("Show
 * more"). A row opens the Events section filtered by that trigger; "Graph"
 * draws it.
 */
import type { ReactNode } from 'react'
import { Paper, Text } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import type { CellIdentity } from '../../../shared/browse'
import { useWorkspace } from '../../workspace/WorkspaceProvider'
import { useViewState, viewKey } from '../../workspace/view-state'
import { showEvents } from '../../workspace/navigation'
import type { StoreTab } from '../../workspace/workspace-state'
import { ShowMoreTriggers } from './ShowMoreTriggers'
import { TriggerCount, TriggerIndexToolbar, type TriggerQuery } from './TriggerIndexToolbar'
import { TriggerTable } from './TriggerTable'
import { useTriggerPages } from './useTriggerPages'

const INDEX_STATE = viewKey<TriggerQuery>('audit.triggers', { text: '', sort: 'identity' })

/** The trigger index; `onGraph` draws a trigger's graph. */
export function TriggerIndex({ tab, onGraph }: { tab: StoreTab; onGraph: (trigger: CellIdentity) => void }): ReactNode {
  const { storeId } = tab.info
  const { showSection } = useWorkspace()
  const [query, setQuery] = useViewState(storeId, INDEX_STATE)
  const [text] = useDebouncedValue(query.text, 250)
  const pages = useTriggerPages(storeId, tab.revision, query.sort, text)

  return (
    <Paper withBorder p="md" radius="md" data-testid="trigger-index">
      <TriggerIndexToolbar query={query} onChange={setQuery} />
      <TriggerCount total={pages.total} text={text} />
      {pages.firstError && (
        <Text c="red" size="sm" role="alert">
          The triggers could not be listed: {pages.firstError}
        </Text>
      )}
      {pages.firstLoaded && pages.rows.length === 0 && (
        <Text size="sm" c="dimmed">
          {text ? 'No trigger identity matches this filter. Filter by part of the kind or the id as printed, e.g. consent or "mallory".' : 'No action in this store carries a trigger and no effect names one.'}
        </Text>
      )}
      {pages.rows.length > 0 && <TriggerTable rows={pages.rows} onOpen={(trigger) => showEvents({ storeId, showSection }, { trigger })} onGraph={onGraph} />}
      <ShowMoreTriggers pages={pages} />
    </Paper>
  )
}
