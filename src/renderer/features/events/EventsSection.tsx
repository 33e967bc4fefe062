/**
 * The Events section: every event of the store in a virtualized table fed by
 * keyset pages, filters as chips, "go to seq-no", follow mode for events
 * written by other processes, and the selected event's detail beside the
 * table. Filter, selection and follow survive switching tabs and sections.
 */
import { useCallback, useEffect, useState, type ReactNode } from 'react'
import { Box, Button, Collapse, Group, NumberInput, Switch, Text, Title } from '@mantine/core'
import type { EventFilter, SeqNoRange } from '../../../shared/browse'
import { call } from '../../ipc/client'
import { NAV_STATE } from '../../workspace/navigation'
import { useRequest } from '../../ui/useRequest'
import { useViewState } from '../../workspace/view-state'
import { useWorkspace } from '../../workspace/WorkspaceProvider'
import type { StoreTab } from '../../workspace/workspace-state'
import { ExportButton } from '../../ui/export/ExportButton'
import { formatCount, storeName } from '../../ui/format'
import { Timeline } from '../../ui/timeline/Timeline'
import { EventDetailPanel } from './detail/EventDetailPanel'
import { FilterBar } from './filters/FilterBar'
import { describeFilter } from './filters/filter-model'
import { EventTable } from './table/EventTable'
import { EVENTS_STATE } from './view-state'


function MatchCount({ tab, filter }: { tab: StoreTab; filter: EventFilter }): ReactNode {
  const { storeId } = tab.info
  const key = `${storeId}:${JSON.stringify(filter)}:${tab.revision}`
  const count = useRequest<number>(key, () => call('store:count-events', { storeId, filter }))
  const filtered = Object.keys(filter).length > 0
  if (count.error) return <Text size="sm" c="red">Counting failed: {count.error}</Text>
  if (count.data === null) return <Text size="sm" c="dimmed">Counting…</Text>
  return (
    <Text size="sm" c="dimmed" data-testid="match-count" title={describeFilter(filter)}>
      {formatCount(count.data)} {count.data === 1 ? 'event' : 'events'}
      {filtered ? ' match' : ''}
      {count.loading ? ' (recounting…)' : ''}
    </Text>
  )
}

function GoTo({ onGo }: { onGo(seqNo: number): void }): ReactNode {
  const [value, setValue] = useState<string | number>('')
  const go = (): void => {
    if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) onGo(value)
  }
  return (
    <Group gap={4} wrap="nowrap">
      <NumberInput
        size="xs"
        w={130}
        placeholder="Go to seq-no"
        aria-label="Go to seq-no"
        min={0}
        allowDecimal={false}
        allowNegative={false}
        thousandSeparator=","
        value={value}
        onChange={setValue}
        onKeyDown={(e) => e.key === 'Enter' && go()}
      />
      <Button size="xs" variant="default" onClick={go} disabled={typeof value !== 'number'}>
        Go
      </Button>
    </Group>
  )
}

/** The section. */
export function EventsSection({ tab }: { tab: StoreTab }): ReactNode {
  const { storeId } = tab.info
  const { showSection } = useWorkspace()
  const [filter, setFilter] = useViewState(storeId, NAV_STATE.eventsFilter)
  const [selection, setSelection] = useViewState(storeId, NAV_STATE.eventsSelected)
  const [follow, setFollow] = useViewState(storeId, EVENTS_STATE.follow)
  const [timeline, setTimeline] = useViewState(storeId, EVENTS_STATE.timeline)
  const range = useRequest<SeqNoRange>(`${storeId}:${JSON.stringify(filter)}:${tab.revision}`, () => call('store:seq-no-range', { storeId, filter }))
  const select = useCallback((seqNo: number) => setSelection((previous) => ({ seqNo, at: previous?.at ?? 0 })), [setSelection])
  const nav = { storeId, showSection }

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape' && !document.querySelector('[role="dialog"]')) setSelection(null)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [setSelection])

  return (
    <Box data-testid="events" style={{ display: 'flex', flexDirection: 'column', gap: 10, height: 'calc(100dvh - var(--app-shell-header-offset, 0px) - 2 * var(--app-shell-padding))' }}>
      <Group justify="space-between" wrap="nowrap">
        <Group gap="md" wrap="nowrap">
          <Title order={2}>Events</Title>
          <MatchCount tab={tab} filter={filter} />
        </Group>
        <Group gap="md" wrap="nowrap">
          <GoTo onGo={(seqNo) => setSelection({ seqNo, at: Date.now() })} />
          <Switch label="Timeline" checked={timeline} onChange={(e) => setTimeline(e.currentTarget.checked)} />
          <Switch label="Follow new events" checked={follow} onChange={(e) => setFollow(e.currentTarget.checked)} />
          <ExportButton storeId={tab.info.storeId} revision={tab.revision} storeName={storeName(tab.info)} filter={filter} filterLabel={Object.keys(filter).length === 0 ? '' : describeFilter(filter)} />
        </Group>
      </Group>
      <FilterBar storeId={storeId} filter={filter} onChange={setFilter} />
      <Collapse expanded={timeline} style={{ flex: 'none' }}>
        <Timeline storeId={tab.info.storeId} revision={tab.revision} onPickRange={(fromTime, toTime) => setFilter({ ...filter, fromTime, toTime })} />
      </Collapse>
      <div style={{ display: 'flex', gap: 12, flex: 1, minHeight: 0 }}>
        <EventTable storeId={storeId} filter={filter} revision={tab.revision} follow={follow} range={range.data} selection={selection} onSelect={select} />
        {selection && (
          <div style={{ width: 440, flex: 'none', minHeight: 0 }}>
            <EventDetailPanel storeId={storeId} seqNo={selection.seqNo} revision={tab.revision} nav={nav} onClose={() => setSelection(null)} />
          </div>
        )}
      </div>
    </Box>
  )
}
