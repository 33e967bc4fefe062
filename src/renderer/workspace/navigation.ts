/**
 * Cross-feature navigation: "show event 12", "show these events", "show
 * aggregate [:book 1] as of 7". A link writes the target section's view state
 * (the names below are that section's public inputs) and shows the section.
 */
import type { CellIdentity, EventFilter } from '../../shared/browse'
import { setViewState, viewKey } from './view-state'
import type { SectionId } from './workspace-state'

/** An aggregate to show, optionally as of a seq-no. */
export interface AggregateTarget {
  readonly aggregate: CellIdentity
  readonly asOf?: number
}

/** A selected event, with when it was asked for (a newer `at` scrolls the table to it again). */
export interface EventSelection {
  readonly seqNo: number
  readonly at: number
}

/** An aggregate target with when it was asked for (the newer of this and the user's own choice wins). */
export type ShownAggregate = AggregateTarget & { readonly at: number }

const NO_FILTER: EventFilter = {}

/** View state other features may write: the sections' public inputs. */
export const NAV_STATE = {
  /** Events section: the selected seq-no (the table scrolls to it and the detail opens). */
  eventsSelected: viewKey<EventSelection | null>('events.selected', null),
  /** Events section: the filter. */
  eventsFilter: viewKey<EventFilter>('events.filter', NO_FILTER),
  /** Aggregates section: the aggregate shown. */
  aggregateShown: viewKey<ShownAggregate | null>('aggregates.shown', null)
} as const

/** What navigation needs from the workspace. */
export interface Navigator {
  readonly storeId: string
  showSection(section: SectionId): void
}

/** Show one event in the Events section (filters are kept unless it would be hidden; then they are cleared). */
export function showEvent(nav: Navigator, seqNo: number, options: { clearFilter?: boolean } = {}): void {
  if (options.clearFilter ?? true) setViewState(nav.storeId, NAV_STATE.eventsFilter, NO_FILTER)
  setViewState(nav.storeId, NAV_STATE.eventsSelected, { seqNo, at: Date.now() })
  nav.showSection('events')
}

/** Show the Events section with `filter`. */
export function showEvents(nav: Navigator, filter: EventFilter): void {
  setViewState(nav.storeId, NAV_STATE.eventsFilter, filter)
  nav.showSection('events')
}

/** Show one aggregate in the Aggregates section. */
export function showAggregate(nav: Navigator, target: AggregateTarget): void {
  setViewState(nav.storeId, NAV_STATE.aggregateShown, { ...target, at: Date.now() })
  nav.showSection('aggregates')
}
