/**
 * What a store worker does: it owns at most one open store and answers the
 * host methods. The store opens read-only (a read-only SQLite connection);
 * `unlock` reopens it writable — refused for a file that cannot be written —
 * and every write method is refused while the store is locked. Runs inside
 * the worker thread, so SQL never runs on Electron's main thread.
 */
import type { TableNames } from '../../shared/domain'
import type { EventPage, Problem, StoreCounts } from '../../shared/browse'
import type { RebaseSummary } from '../../shared/ipc/types'
import { parseNewEvents, rebaseResultToEdn } from '../core/domain'
import { printEdn, readEdn, EdnParseError } from '../core/edn'
import { canWriteStore, createStore, detectStoreTables, openStore } from '../store/open-store'
import { parseStoreLocation } from '../../shared/store-location'
import type { OpenedStore } from '../store/opened-store'
import type { ProgressFn } from '../store/store-inspector'
import { HostError } from './host-error'
import { isQueryName, storeQueries } from './queries'
import { describeRebase } from './queries/compose-outcome'
import { withPatchSummaries } from './queries/browse'
import type { HostPageQuery, HostRebaseRequest, HostStoreState } from './protocol'

/** The one store a worker owns, and how it reports commits by others. */
export class StoreSession {
  private store: OpenedStore | null = null
  private path = ''
  private lastDataVersion = 0

  /** @param nativeBinding the Electron-ABI better-sqlite3 binding, when running inside Electron */
  constructor(private readonly nativeBinding?: string) {}

  /** Candidate table-name sets in `path` (no store needs to be open). */
  detectTables(path: string): Promise<TableNames[]> {
    return detectStoreTables(parseStoreLocation(path), this.options())
  }

  /** Open `path` read-only (locked). */
  async open(path: string, tables?: TableNames): Promise<HostStoreState> {
    this.assertNothingOpen()
    await this.replace(path, await openStore(parseStoreLocation(path), { ...this.options(), tables, readOnly: true }))
    return this.info()
  }

  /** Create a store at `path` with `tables`, then keep it open locked. */
  async create(path: string, tables: TableNames): Promise<HostStoreState> {
    this.assertNothingOpen()
    const created = await createStore(parseStoreLocation(path), { ...this.options(), tables })
    await created.close()
    return this.open(path, tables)
  }

  /** Path, tables, lock state and seq-no. */
  async info(): Promise<HostStoreState> {
    const store = this.current()
    return {
      path: this.path,
      tables: store.tables,
      locked: store.readOnly,
      fileReadOnly: !(await canWriteStore(parseStoreLocation(this.path))),
      seqNo: await store.currentSeqNo()
    }
  }

  /** Row counts (may take a while on a big store). */
  counts(): Promise<StoreCounts> {
    return this.current().counts()
  }

  /** A keyset page of raw rows. */
  async page(query: HostPageQuery): Promise<EventPage> {
    return withPatchSummaries(await this.current().pageEvents(query))
  }

  /** The integrity check, with progress. */
  check(onProgress: ProgressFn): Promise<Problem[]> {
    return this.current().check(onProgress)
  }

  /** Run a registered read-only query on the open store. */
  query(name: string, args: unknown, progress: ProgressFn): Promise<unknown> {
    if (!isQueryName(name)) throw new HostError('invalid-request', `The store host has no query "${name}".`)
    const run = storeQueries[name] as (context: { store: OpenedStore; progress: ProgressFn }, args: unknown) => Promise<unknown>
    return run({ store: this.current(), progress }, args)
  }

  /** Reopen writable; refused (and the store stays locked) when the file cannot be written. */
  async unlock(): Promise<HostStoreState> {
    const store = this.current()
    if (!store.readOnly) return this.info()
    if (!(await canWriteStore(parseStoreLocation(this.path)))) {
      throw new HostError('read-only', `${this.path} is a read-only file, so this store cannot be unlocked for writing. Copy it somewhere writable to change it.`)
    }
    await this.replace(this.path, await openStore(parseStoreLocation(this.path), { ...this.options(), tables: store.tables, readOnly: false }))
    return this.info()
  }

  /** Reopen read-only. */
  async lock(): Promise<HostStoreState> {
    const store = this.current()
    if (store.readOnly) return this.info()
    await this.replace(this.path, await openStore(parseStoreLocation(this.path), { ...this.options(), tables: store.tables, readOnly: true }))
    return this.info()
  }

  /** Parse, validate and append new events (refused while locked). */
  async rebase(request: HostRebaseRequest): Promise<RebaseSummary> {
    const store = this.writableStore()
    const parsed = parseNewEvents(readEventsEdn(request.eventsEdn))
    if (!parsed.ok) {
      throw new HostError('invalid-events', `The new events are not valid:\n${parsed.errors.map((e) => e.message).join('\n')}`)
    }
    const result = await store.rebase(request.base, parsed.events, { resolved: request.resolved, dry: request.dry })
    const eventCount = result.result === 'ok' || result.result === 'conflict' ? result.events.length : 0
    const outcome = await describeRebase(store, request.base, result)
    return { result: result.result, edn: printEdn(rebaseResultToEdn(result)), eventCount, seqNo: await store.currentSeqNo(), outcome }
  }

  /**
   * The new seq-no when another connection committed since the last call,
   * else null. The first call after opening only records the baseline.
   */
  async pollChange(): Promise<number | null> {
    if (!this.store) return null
    const version = await this.store.dataVersion()
    if (version === this.lastDataVersion) return null
    this.lastDataVersion = version
    return this.store.currentSeqNo()
  }

  /** Close the store (if any). */
  async close(): Promise<null> {
    const store = this.store
    this.store = null
    if (store) await store.close()
    return null
  }

  private options(): { nativeBinding?: string } {
    return this.nativeBinding ? { nativeBinding: this.nativeBinding } : {}
  }

  private current(): OpenedStore {
    if (!this.store) throw new HostError('not-open', 'No store is open here. Open the store again.')
    return this.store
  }

  private writableStore(): OpenedStore {
    const store = this.current()
    if (store.readOnly) {
      throw new HostError('store-locked', 'This store is read-only. Unlock it (the lock button in the header) before writing.')
    }
    return store
  }

  private assertNothingOpen(): void {
    if (this.store) throw new HostError('internal', `This worker already holds ${this.path}.`)
  }

  private async replace(path: string, next: OpenedStore): Promise<void> {
    const previous = this.store
    this.store = next
    this.path = path
    this.lastDataVersion = await next.dataVersion()
    if (previous) await previous.close()
  }
}

function readEventsEdn(text: string): ReturnType<typeof readEdn> {
  try {
    return readEdn(text)
  } catch (e) {
    if (e instanceof EdnParseError) throw new HostError('invalid-events', `The new events are not valid EDN: ${e.message}`)
    throw e
  }
}
