/** The StoreCopier contract on the SQLite adapter (SQLite → SQLite). */
import { describeStoreCopierContract } from '../contract/store-copier-contract'
import { sqliteAdapter } from './sqlite-adapter'

describeStoreCopierContract(sqliteAdapter)
