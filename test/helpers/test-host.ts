/**
 * A real store host for tests: real worker threads (the worker bundled from
 * the current sources) and a listener that records what the host reports.
 */
import type { ProgressEvent } from '../../src/shared/ipc/types'
import { StoreHost, type StoreHostListener } from '../../src/main/host/store-host'
import { buildStoreWorker } from './build'

/** Everything a host reported, in order. */
export interface HostEvents {
  readonly changed: { storeId: string; seqNo: number }[]
  readonly lost: { storeId: string; message: string }[]
  readonly disconnected: { storeId: string; message: string }[]
  readonly progress: ProgressEvent[]
}

/** A recording listener, optionally forwarding to `forward`. */
export function recordingListener(forward?: Partial<StoreHostListener>): { events: HostEvents; listener: StoreHostListener } {
  const events: HostEvents = { changed: [], lost: [], disconnected: [], progress: [] }
  return {
    events,
    listener: {
      changed: (storeId, seqNo) => {
        events.changed.push({ storeId, seqNo })
        forward?.changed?.(storeId, seqNo)
      },
      lost: (storeId, message) => {
        events.lost.push({ storeId, message })
        forward?.lost?.(storeId, message)
      },
      disconnected: (storeId, message) => {
        events.disconnected.push({ storeId, message })
        forward?.disconnected?.(storeId, message)
      },
      progress: (event) => {
        events.progress.push(event)
        forward?.progress?.(event)
      }
    }
  }
}

/** Start a host whose workers run the current worker source. */
export async function startTestHost(listener: StoreHostListener, pollIntervalMs = 100): Promise<StoreHost> {
  return new StoreHost({ workerPath: await buildStoreWorker(), pollIntervalMs }, listener)
}
