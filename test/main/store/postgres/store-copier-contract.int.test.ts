/** The StoreCopier contract on PostgreSQL: PostgreSQL → PostgreSQL, SQLite → PostgreSQL and PostgreSQL → SQLite. */
import { vi } from 'vitest'
import { describeStoreCopierContract } from '../contract/store-copier-contract'
import { describePostgres } from '../../../helpers/postgres-suite'
import { sqliteAdapter } from '../sqlite/sqlite-adapter'
import { postgresAdapter } from './postgres-adapter'

vi.setConfig({ testTimeout: 120_000 })

describePostgres('PostgreSQL copier', (server) => {
  const postgres = postgresAdapter(server)
  describeStoreCopierContract(postgres)
  describeStoreCopierContract(sqliteAdapter, postgres)
  describeStoreCopierContract(postgres, sqliteAdapter)
})
