/** The Events section's own view state (the filter and selection are navigation targets, see NAV_STATE). */
import { viewKey } from '../../workspace/view-state'

/** View state owned by the section. */
export const EVENTS_STATE = {
  /** Follow mode: keep the newest event in view as other processes write. */
  follow: viewKey<boolean>('events.follow', false)
} as const
