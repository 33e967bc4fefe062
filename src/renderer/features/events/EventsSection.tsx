/**
 * The Events section: every event of the store in a virtualized table fed by
 * keyset pages, filters as chips, "go to seq-no", follow mode for events
 * written by other processes, and the selected event's detail beside the
 * table. Filter, selection and follow survive switching tabs and sections.
 */
import { useCallback, useEffect, type ReactNode } from 'react'
import { ActionIcon, Box, Group, Switch, Title, Tooltip } from '@mantine/core'
import type { SeqNoRange } from '../../../shared/browse'
import { call } from '../../ipc/client'
import { NAV_STATE } from '../../workspace/navigation'
import { useRequest } from '../../ui/useRequest'
import { useViewState } from '../../workspace/view-state'
import { useWorkspace } from '../../workspace/WorkspaceProvider'
import type { StoreTab } from '../../workspace/workspace-state'
import { ExportButton } from '../../ui/export/ExportButton'
import { storeName } from '../../ui/format'
import { IconPanelBottom, IconPanelRight } from '../../ui/icons'
import { usePersistentState } from '../../ui/usePersistentState'
import { Timeline } from '../../ui/timeline/Timeline'
import { DetailDock, useDockLayout } from './DetailDock'
import { EventDetailPanel } from './detail/EventDetailPanel'
import { GoTo, MatchCount } from './EventsToolbar'
import { FilterBar } from './filters/FilterBar'
import { describeFilter } from './filters/filter-model'
import { useColumnLayout } from './table/column-layout'
import { ColumnsMenu } from './table/ColumnsMenu'
import { EventTable } from './table/EventTable'
import { EVENTS_STATE } from './view-state'
import responsive from '../../ui/responsive.module.css'
import { useTimeZone } from '../../ui/time-zone'

/** The section. */
export function EventsSection({ tab }: { tab: StoreTab }): ReactNode {
  const { storeId } = tab.info
  const { showSection } = useWorkspace()
  const [filter, setFilter] = useViewState(storeId, NAV_STATE.eventsFilter)
  const [selection, setSelection] = useViewState(storeId, NAV_STATE.eventsSelected)
  const [follow, setFollow] = useViewState(storeId, EVENTS_STATE.follow)
  // Shown or collapsed per store file, remembered across sessions.
  const [timeline, setTimeline] = usePersistentState(`events.timeline:${tab.info.path}`, true)
  const [columns, setColumns] = useColumnLayout()
  const [dock, setDock] = useDockLayout()
  const range = useRequest<SeqNoRange>(`${storeId}:${JSON.stringify(filter)}:${tab.revision}`, () => call('store:seq-no-range', { storeId, filter }))
  const select = useCallback((seqNo: number) => setSelection((previous) => ({ seqNo, at: previous?.at ?? 0 })), [setSelection])
  const nav = { storeId, showSection }
  const { zone } = useTimeZone()

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape' && !document.querySelector('[role="dialog"]')) setSelection(null)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [setSelection])

  const table = <EventTable storeId={storeId} filter={filter} revision={tab.revision} follow={follow} range={range.data} selection={selection} onSelect={select} columns={columns} onColumns={setColumns} />
  const detail = selection && <EventDetailPanel storeId={storeId} seqNo={selection.seqNo} revision={tab.revision} nav={nav} onClose={() => setSelection(null)} />
  const below = dock.side === 'bottom'
  return (
    <Box data-testid="events" style={{ display: 'flex', flexDirection: 'column', gap: 8, height: 'calc(100dvh - var(--app-shell-header-offset, 0px) - var(--cs-notifications-reserve, 0px) - 2 * var(--app-shell-padding))' }}>
      <Group justify="space-between" wrap="nowrap">
        <Group gap="md" wrap="nowrap">
          <Title order={3}>Events</Title>
          <MatchCount tab={tab} filter={filter} />
        </Group>
        <Group gap="sm" wrap="nowrap">
          <GoTo onGo={(seqNo) => setSelection({ seqNo, at: Date.now() })} />
          <Switch size="xs" label="Timeline" className={responsive.noShrink} checked={timeline} onChange={(e) => setTimeline(e.currentTarget.checked)} />
          <Switch size="xs" label={<>Follow<span className={responsive.wideOnly}> new events</span></>} title="Follow new events" className={`${responsive.noShrink} ${responsive.noWrap}`} checked={follow} onChange={(e) => setFollow(e.currentTarget.checked)} />
          <ColumnsMenu layout={columns} onLayout={setColumns} />
          <Tooltip label={below ? 'Show the detail beside the table' : 'Dock the detail below the table'}>
            <ActionIcon variant="default" size="md" aria-label={below ? 'Show the detail beside the table' : 'Dock the detail below the table'} onClick={() => setDock({ side: below ? 'right' : 'bottom', size: below ? 440 : 300 })}>
              {below ? <IconPanelRight size={16} /> : <IconPanelBottom size={16} />}
            </ActionIcon>
          </Tooltip>
          <ExportButton storeId={tab.info.storeId} revision={tab.revision} storeName={storeName(tab.info)} filter={filter} filterLabel={Object.keys(filter).length === 0 ? '' : describeFilter(filter, zone)} />
        </Group>
      </Group>
      <FilterBar storeId={storeId} filter={filter} onChange={setFilter} />
      {timeline && <Timeline storeId={tab.info.storeId} revision={tab.revision} onPickRange={(fromTime, toTime) => setFilter({ ...filter, fromTime, toTime })} />}
      <DetailDock table={table} detail={detail} layout={dock} onLayout={setDock} />
    </Box>
  )
}
