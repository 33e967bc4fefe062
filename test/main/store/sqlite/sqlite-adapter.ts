/**
 * The SQLite adapter as the contract suites see it: stores in temporary
 * files, made and reopened through the adapter factory (`createStore` /
 * `openStore`) by location.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { StoreLocation } from '../../../../src/shared/store-location'
import { createStore, openStore, type OpenedStore } from '../../../../src/main/store/open-store'
import type { StoreAdapterFactory } from '../contract/adapter'

const locations = new WeakMap<OpenedStore, StoreLocation>()

/** Where a store made by `sqliteAdapter` lives. */
export function locationOf(store: OpenedStore): StoreLocation {
  const location = locations.get(store)
  if (!location) throw new Error('This store was not made by the SQLite contract factory.')
  return location
}

async function remember(location: StoreLocation, store: Promise<OpenedStore>): Promise<OpenedStore> {
  const opened = await store
  locations.set(opened, location)
  return opened
}

/** Fresh SQLite stores, one temporary file each. */
export const sqliteAdapter: StoreAdapterFactory = {
  name: 'SQLite',
  create: (tables) => {
    const location: StoreLocation = { kind: 'sqlite', path: join(mkdtempSync(join(tmpdir(), 'coherence-contract-')), 'store.db') }
    return remember(location, createStore(location, { tables }))
  },
  reopenReadOnly: (store) => remember(locationOf(store), openStore(locationOf(store), { readOnly: true, tables: store.tables })),
  reopenWritable: (store) => remember(locationOf(store), openStore(locationOf(store), { readOnly: false, tables: store.tables }))
}
