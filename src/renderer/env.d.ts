/// <reference types="vite/client" />
import type { CoherenceApi } from '../shared/ipc/contract'

declare global {
  interface Window {
    /** The preload bridge: exactly the IPC contract. */
    readonly coherence: CoherenceApi
  }
}
