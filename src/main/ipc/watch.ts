/** Notices commits by other processes: polls each open store's `data_version`. */
import type { StoreRegistry } from './registry'

const POLL_MS = 500

/**
 * Poll every open store; call `changed(storeId, seqNo)` when another
 * connection committed. Returns a function that stops polling.
 */
export function watchStores(registry: StoreRegistry, changed: (storeId: string, seqNo: number) => void, intervalMs = POLL_MS): () => void {
  const seen = new Map<string, number>()
  let busy = false
  const tick = async (): Promise<void> => {
    if (busy) return
    busy = true
    try {
      for (const id of registry.ids()) {
        const { store } = registry.get(id)
        const version = await store.dataVersion()
        const before = seen.get(id)
        seen.set(id, version)
        if (before !== undefined && before !== version) changed(id, await store.currentSeqNo())
      }
    } catch {
      // A store closed mid-poll: the next tick sees the new set of ids.
    } finally {
      busy = false
    }
  }
  const timer = setInterval(() => void tick(), intervalMs)
  return () => clearInterval(timer)
}
