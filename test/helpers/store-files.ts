/**
 * Stores at a file path for tests, opened through the one adapter factory
 * (`openStore` / `createStore`) like the app and the CLI open them.
 */
import type { TableNames } from '../../src/shared/domain'
import { createStore, openStore, type OpenedStore, type StoreOptions } from '../../src/main/store/open-store'

/** Create the library's tables in the SQLite file `path` (created if missing); the store is returned writable. */
export function createStoreFile(path: string, tables?: TableNames): Promise<OpenedStore> {
  return createStore({ kind: 'sqlite', path }, { tables })
}

/** Open the SQLite store file `path` (writable unless `readOnly`). */
export function openStoreFile(path: string, options: StoreOptions = {}): Promise<OpenedStore> {
  return openStore({ kind: 'sqlite', path }, options)
}
