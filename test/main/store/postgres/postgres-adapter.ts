/**
 * The PostgreSQL adapter as the contract suites see it: stores made and
 * reopened through the adapter factory (`createStore` / `openStore`) by URL.
 * Each factory gets a fresh database (createDatabase); each store a fresh
 * schema in it, chosen by the URL's `options=-c search_path=…` — a database
 * takes ~0.4 s to create, a schema ~1 ms, and the model property makes 200
 * stores. This also exercises "tables live in the default schema".
 */
import type { StoreLocation } from '../../../../src/shared/store-location'
import { createStore, openStore, type OpenedStore } from '../../../../src/main/store/open-store'
import type { StoreAdapterFactory } from '../contract/adapter'
import { adminQuery, createDatabase, postgresUrl, type PostgresServer } from '../../../helpers/postgres'

/** Fresh PostgreSQL stores on `server`, one database each. */
export function postgresAdapter(server: PostgresServer): StoreAdapterFactory {
  const locations = new WeakMap<OpenedStore, StoreLocation>()
  const locationOf = (store: OpenedStore): StoreLocation => {
    const location = locations.get(store)
    if (!location) throw new Error('This store was not made by the PostgreSQL contract factory.')
    return location
  }
  const remember = async (location: StoreLocation, store: Promise<OpenedStore>): Promise<OpenedStore> => {
    const opened = await store
    locations.set(opened, location)
    return opened
  }
  let database: Promise<string> | null = null
  let made = 0
  let used = 0
  const nextSchema = async (): Promise<{ db: string; schema: string }> => {
    database ??= createDatabase(server, 'contract')
    const db = await database
    const n = ++used
    // Schemas are made ahead, 250 in one round trip (a connection costs more than the DDL).
    while (n > made) {
      const from = made + 1
      made += 250
      const names = Array.from({ length: 250 }, (_, i) => `CREATE SCHEMA store_${from + i};`)
      await adminQuery(server, names.join(' '), db)
    }
    return { db, schema: `store_${n}` }
  }
  return {
    name: 'PostgreSQL',
    create: async (tables) => {
      const { db, schema } = await nextSchema()
      const url = `${postgresUrl(server, db)}?options=${encodeURIComponent(`-c search_path=${schema}`)}`
      const location: StoreLocation = { kind: 'postgres', url }
      return remember(location, createStore(location, { tables }))
    },
    reopenReadOnly: (store) => remember(locationOf(store), openStore(locationOf(store), { readOnly: true, tables: store.tables })),
    reopenWritable: (store) => remember(locationOf(store), openStore(locationOf(store), { readOnly: false, tables: store.tables }))
  }
}
