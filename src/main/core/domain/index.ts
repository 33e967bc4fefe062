/**
 * Pure domain logic of a coherence store: validation of new events and
 * patches exactly per the library's specs (results as data), conversion to
 * the library's EDN shapes, `apply-patch`, `project`, `merge-projections`,
 * and state history helpers (state as of a seq-no, diff, blame).
 */
export type { FieldError, FieldWarning } from './field'
export { validateIdentity, identityFromEdn } from './validate-identity'
export { validatePatch } from './validate-patch'
export { patchWarnings } from './patch-warnings'
export { parseNewEvents, type ParseNewEventsResult } from './validate-events'
export { eventToEdn, identityToEdn, identityCells, rebaseResultToEdn } from './convert'
export { applyPatch } from './apply-patch'
export {
  project,
  mergeProjections,
  stateAsOf,
  type AggregateState,
  type LoadAggregate,
  type Projection
} from './projection'
export { diffStates, type StateChange, type StateDiff } from './diff'
export { blame, type BlameEntry } from './blame'
export { parseReadScope, ReadScopeError, type ParsedReadScope, type ScopeLabels } from './read-scope'
export { patchSummary, PATCH_SUMMARY_MAX } from './patch-summary'
export { readEventBatch, BATCH_ERRORS_SHOWN, type EventBatch, type ReadEventBatchResult } from './event-batch'
