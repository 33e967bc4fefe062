/**
 * Adding the trigger table's seq_no index from the app (what `coherence
 * index` does): only on a store unlocked for writing; every refusal the store
 * gives (a read-only file, a PostgreSQL role that does not own the table, a
 * busy file, …) comes back as data with its one sentence, nothing changed.
 */
import type { AddIndexOutcome } from '../../shared/browse'
import type { OpenedStore } from '../store/opened-store'
import { StoreError } from '../store/errors'

/** Add the index to `store` (already checked to be unlocked), or say why not. */
export async function addTriggerIndex(store: OpenedStore): Promise<AddIndexOutcome> {
  try {
    const added = await store.addTriggerSeqNoIndex()
    return added.created ? { result: 'created', name: added.name } : { result: 'exists', name: added.name }
  } catch (e) {
    if (e instanceof StoreError) return { result: 'refused', message: e.message }
    throw e
  }
}
