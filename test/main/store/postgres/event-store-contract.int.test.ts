/** The EventStore contract on the PostgreSQL adapter (a fresh database per store), with both table-name conventions. */
import { vi } from 'vitest'
import { SINGULAR_TABLES } from '../../../../src/shared/domain'
import { describeEventStoreContract } from '../contract/event-store-contract'
import { describePostgres } from '../../../helpers/postgres-suite'
import { postgresAdapter } from './postgres-adapter'

// The model property makes 200 stores; each costs a login (SCRAM) and the DDL on a server, ~45 s on this machine.
vi.setConfig({ testTimeout: 180_000 })

describePostgres('PostgreSQL adapter', (server) => {
  describeEventStoreContract(postgresAdapter(server))
  describeEventStoreContract(postgresAdapter(server), SINGULAR_TABLES)
})
