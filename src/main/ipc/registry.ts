/**
 * The open stores, keyed by id. Stores open read-only; `unlock` reopens one
 * writable (refused by the store for a read-only file), `lock` reopens it read-only.
 */
import type { TableNames } from '../../shared/domain'
import type { EventStore } from '../store/store'
import { openSqliteStore, createSqliteStore } from '../store/sqlite'
import { DEFAULT_TABLES } from '../../shared/domain'

interface OpenStore {
  readonly path: string
  store: EventStore
}

/** Owns the open stores of one app instance. */
export class StoreRegistry {
  private readonly stores = new Map<string, OpenStore>()
  private nextId = 1

  /** @param nativeBinding Electron-ABI better-sqlite3 binding, when running inside Electron. */
  constructor(private readonly nativeBinding?: string) {}

  /** Open `path` (read-only unless asked otherwise) and return its id. */
  async open(path: string, readOnly: boolean, tables?: TableNames): Promise<string> {
    const store = await openSqliteStore(path, { readOnly, tables, nativeBinding: this.nativeBinding })
    return this.add(path, store)
  }

  /** Create a new store file, then keep it open read-only. */
  async create(path: string, tables?: TableNames): Promise<string> {
    const created = await createSqliteStore(path, tables ?? DEFAULT_TABLES)
    await created.close()
    return this.open(path, true, tables)
  }

  /** The store and path behind `id`; throws a `not-open` error otherwise. */
  get(id: string): OpenStore {
    const entry = this.stores.get(id)
    if (!entry) throw Object.assign(new Error(`No store is open under id ${id}. Open the store again.`), { code: 'not-open' })
    return entry
  }

  /** Reopen `id` with (`readOnly=false`) or without write access. */
  async reopen(id: string, readOnly: boolean): Promise<void> {
    const entry = this.get(id)
    if (entry.store.readOnly === readOnly) return
    const next = await openSqliteStore(entry.path, { readOnly, tables: entry.store.tables, nativeBinding: this.nativeBinding })
    await entry.store.close()
    entry.store = next
  }

  /** Close `id`. */
  async close(id: string): Promise<void> {
    const entry = this.get(id)
    this.stores.delete(id)
    await entry.store.close()
  }

  /** Ids of all open stores. */
  ids(): string[] {
    return [...this.stores.keys()]
  }

  /** Close everything. */
  async closeAll(): Promise<void> {
    for (const id of this.ids()) await this.close(id)
  }

  private add(path: string, store: EventStore): string {
    const id = `s${this.nextId++}`
    this.stores.set(id, { path, store })
    return id
  }
}
