/**
 * The `StoreInspector` half of the PostgreSQL adapter: one function per
 * method, each `(db, tables, ...the method's arguments)` returning the
 * method's result. `db` runs the queries inside the store's read-only
 * snapshot; `tables` are the store's (unquoted) table names.
 */
export { aggregateHistory, aggregateKinds, aggregates, triggersOfAggregate } from './aggregates'
export { blastRadius, blastReadSizes } from './blast-radius'
export { countEvents, distinctValues, eventRow, pageEvents, streamEvents } from './browse'
export { check, leadingIndex } from './check'
export { countRead, counts, dataVersion, replayCauses } from './counts'
export { identitiesByPrefix } from './identities'
export { timeline } from './timeline'
export { countTriggers, triggerGraph, triggerIndex } from './triggers'
