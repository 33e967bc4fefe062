/**
 * What every adapter hands out: the library's semantics and the screens' read
 * models on one connection. Callers that only need one side take that
 * interface (`EventStore` or `StoreInspector`).
 */
import type { EventStore } from './event-store'
import type { StoreInspector } from './store-inspector'
import type { StoreIndexer } from './store-indexer'

/** An open store: `EventStore`, `StoreInspector` and `StoreIndexer` of one adapter. */
export type OpenedStore = EventStore & StoreInspector & StoreIndexer
