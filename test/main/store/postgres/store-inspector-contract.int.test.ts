/** The StoreInspector contract on the PostgreSQL adapter (a fresh schema per store). */
import { vi } from 'vitest'
import { describeStoreInspectorContract } from '../contract/store-inspector-contract'
import { describePostgres } from '../../../helpers/postgres-suite'
import { postgresAdapter } from './postgres-adapter'

// The blast-radius property makes a store per run; each costs a login and the DDL on a server.
vi.setConfig({ testTimeout: 180_000 })

describePostgres('PostgreSQL adapter', (server) => {
  describeStoreInspectorContract(postgresAdapter(server))
})
