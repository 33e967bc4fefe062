/**
 * The bundled demo store: the README walkthrough (seq-nos 1–7) followed by
 * ten months of a bookshop. Written only through `rebase`, so it is a valid
 * store by construction, and the same on every machine (seeded).
 */
import { existsSync } from 'node:fs'
import { DEFAULT_TABLES } from '../../src/shared/domain'
import { createStore } from '../../src/main/store/open-store'
import { simulateShop } from './simulation'
import { writeWalkthrough } from './walkthrough'

/** Options of `createDemoStore`. */
export interface DemoOptions {
  /** Roughly how many actions the shop writes (default 6000). */
  readonly actions?: number
  readonly seed?: number
}

/** Create the demo store at `path` (which must not exist yet); returns its highest seq-no. */
export async function createDemoStore(path: string, options: DemoOptions = {}): Promise<number> {
  if (existsSync(path)) throw new Error(`${path} already exists; the demo store is only written to a new file.`)
  const store = await createStore({ kind: 'sqlite', path }, { tables: DEFAULT_TABLES })
  try {
    await writeWalkthrough(store)
    await simulateShop(store, { actions: options.actions ?? 6000, seed: options.seed ?? 20261128, start: Date.UTC(2026, 0, 6) })
    return await store.currentSeqNo()
  } finally {
    await store.close()
  }
}
