/** The EventStore contract, run against the SQLite adapter with both table-name conventions. */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SINGULAR_TABLES } from '../../../../src/shared/domain'
import { createSqliteStore, openSqliteStore, SqliteEventStore } from '../../../../src/main/store/sqlite'
import { describeStoreContract, type StoreHarness } from '../contract/store-contract'
import { describeLibraryReaderCases } from '../contract/library-reader-cases'

const harness: StoreHarness = {
  create: (tables) => createSqliteStore(join(mkdtempSync(join(tmpdir(), 'coherence-contract-')), 'store.db'), tables),
  reopenReadOnly: (store) => openSqliteStore((store as SqliteEventStore).path, { readOnly: true, tables: store.tables })
}

describeStoreContract('SQLite', harness)
describeStoreContract('SQLite', harness, SINGULAR_TABLES)
describeLibraryReaderCases('SQLite', harness)
