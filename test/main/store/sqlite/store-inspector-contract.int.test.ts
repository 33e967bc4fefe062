/** The StoreInspector contract on the SQLite adapter. */
import { describeStoreInspectorContract } from '../contract/store-inspector-contract'
import { sqliteAdapter } from './sqlite-adapter'

describeStoreInspectorContract(sqliteAdapter)
