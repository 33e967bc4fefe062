/**
 * Cross-feature navigation: "show event 12", "show these events", "show
 * aggregate [:book 1] as of 7". A link writes the target section's view state
 * (the names below are that section's public inputs) and shows the section.
 */
import type { CellIdentity, EventFilter } from '../../shared/browse'
import { setViewState } from './workspace/view-state'

/** View-state names other features may write. */
export const NAV_STATE = {
  /** Events section: the selected seq-no (the table scrolls to it and the detail opens). */
  eventsSelected: 'events.selected',
  /** Events section: the filter. */
  eventsFilter: 'events.filter',
  /** Aggregates section: the aggregate shown, as `{ aggregate, asOf? }`. */
  aggregateShown: 'aggregates.shown'
} as const

/** An aggregate to show, optionally as of a seq-no. */
export interface AggregateTarget {
  readonly aggregate: CellIdentity
  readonly asOf?: number
}

/** What navigation needs from the workspace. */
export interface Navigator {
  readonly storeId: string
  showSection(section: string): void
}

/** Show one event in the Events section (filters are kept unless it would be hidden; then they are cleared). */
export function showEvent(nav: Navigator, seqNo: number, options: { clearFilter?: boolean } = {}): void {
  if (options.clearFilter ?? true) setViewState<EventFilter>(nav.storeId, NAV_STATE.eventsFilter, {})
  setViewState(nav.storeId, NAV_STATE.eventsSelected, { seqNo, at: Date.now() })
  nav.showSection('events')
}

/** Show the Events section with `filter`. */
export function showEvents(nav: Navigator, filter: EventFilter): void {
  setViewState<EventFilter>(nav.storeId, NAV_STATE.eventsFilter, filter)
  nav.showSection('events')
}

/** Show one aggregate in the Aggregates section. */
export function showAggregate(nav: Navigator, target: AggregateTarget): void {
  setViewState<AggregateTarget & { at: number }>(nav.storeId, NAV_STATE.aggregateShown, { ...target, at: Date.now() })
  nav.showSection('aggregates')
}
