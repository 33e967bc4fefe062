/** The EventStore contract on the SQLite adapter, with both table-name conventions. */
import { SINGULAR_TABLES } from '../../../../src/shared/domain'
import { describeEventStoreContract } from '../contract/event-store-contract'
import { sqliteAdapter } from './sqlite-adapter'

describeEventStoreContract(sqliteAdapter)
describeEventStoreContract(sqliteAdapter, SINGULAR_TABLES)
