/**
 * The store host: every open store lives in its own worker thread, so opening
 * a big file, counting or checking never blocks Electron's main thread (main
 * runs no SQL). Each store gets an id (a tab in the window). The host keeps
 * each store's lock state and refuses writes to a locked store itself, before
 * the worker (which refuses them again) is even asked.
 */
import { basename, resolve } from 'node:path'
import { parseStoreLocation } from '../../shared/store-location'
import { connectionLabelOf } from '../../shared/postgres-connection'
import { postgresKey } from '../../shared/postgres-identity'
import type { TableNames } from '../../shared/domain'
import type { AddIndexOutcome, EventPage, Problem, StoreCounts } from '../../shared/browse'
import type { OperationKind, ProgressEvent, RebaseSummary, StoreInfo } from '../../shared/ipc/types'
import { HostError } from './host-error'
import type { QueryArgs, QueryName, QueryResult } from '../services/registry'
import type { HostPageQuery, HostRebaseRequest, HostStoreState, WorkerConfig } from './protocol'
import { StoreWorkerClient, type WorkerLaunch } from './store-worker-client'
import type { ForkRecord, ForkSummary, ImportOutcome, MergeBatch } from '../../shared/fork'
import type { MergeCommitted } from '../services/fork/merge'
import type { CopyOutcome } from '../services/fork/copy-store'

/** How often each store polls `data_version` by default. */
export const DEFAULT_POLL_INTERVAL_MS = 500

/** How to start store workers. */
export interface StoreHostOptions {
  /** The built worker script. */
  readonly workerPath: string
  /** Electron-ABI better-sqlite3 binding (absent under plain Node). */
  readonly nativeBinding?: string
  readonly pollIntervalMs?: number
  /** Extra Node flags for workers (tests only). */
  readonly execArgv?: readonly string[]
}

/** What the host reports to the window. */
export interface StoreHostListener {
  changed(storeId: string, seqNo: number): void
  lost(storeId: string, message: string): void
  /** A PostgreSQL store's connection was lost; the store stays open until reconnected or closed. */
  disconnected(storeId: string, message: string): void
  progress(event: ProgressEvent): void
}

interface OpenStore {
  readonly client: StoreWorkerClient
  state: HostStoreState
  /** Stops the copy of this store that is running, if one is. */
  copying?: AbortController
  /** A second, read-only worker for slow queries (started on first use). */
  background?: Promise<StoreWorkerClient>
  /** That worker from the moment it starts (still opening, too), so closing the store stops it at once. */
  backgroundWorker?: StoreWorkerClient
}

/**
 * Where a query runs: `main` is the store's own worker (pages, details);
 * `background` is a second read-only connection in its own worker, for slow
 * queries (full counts, scans) so they never hold up pages the user waits for.
 */
export type QueryLane = 'main' | 'background'

/** Owns the workers of all open stores. */
export class StoreHost {
  private readonly stores = new Map<string, OpenStore>()
  private readonly launch: WorkerLaunch
  private nextStoreId = 1
  private nextOperationId = 1

  constructor(options: StoreHostOptions, private readonly listener: StoreHostListener) {
    const config: WorkerConfig = {
      pollIntervalMs: options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {})
    }
    this.launch = { workerPath: options.workerPath, config, execArgv: options.execArgv }
  }

  /** Candidate table-name sets in `path`, from a short-lived worker. */
  async detectTables(path: string): Promise<TableNames[]> {
    const client = this.spawn(null)
    try {
      return await this.tracked('detect-tables', null, `Looking for store tables in ${displayName(path)}`, (progress) =>
        client.request('detectTables', { path }, progress)
      )
    } finally {
      await client.terminate()
    }
  }

  /** Open `path` locked (read-only). A file that is already open returns its existing tab. */
  open(path: string, tables?: TableNames): Promise<StoreInfo> {
    const existing = this.findByPath(path)
    if (existing) return this.info(existing)
    return this.start('open', `Opening ${displayName(path)}`, (client, progress) => client.request('open', { path, tables }, progress))
  }

  /** Create a store at `path` and open it locked. */
  create(path: string, tables: TableNames): Promise<StoreInfo> {
    return this.start('create', `Creating ${displayName(path)}`, (client, progress) => client.request('create', { path, tables }, progress))
  }

  /** Every open store, in the order they were opened. */
  list(): Promise<StoreInfo[]> {
    return Promise.all([...this.stores.keys()].map((id) => this.info(id)))
  }

  /** Fresh info (the seq-no is read again). */
  async info(storeId: string): Promise<StoreInfo> {
    return this.remember(storeId, await this.get(storeId).client.request('info', {}))
  }

  /** Row counts, as a tracked operation (slow on big stores). */
  counts(storeId: string): Promise<StoreCounts> {
    const { state } = this.get(storeId)
    // Full counts take seconds on big stores: the background worker runs them, so pages never wait.
    return this.tracked('counts', storeId, `Counting rows of ${displayName(state.path)}`, async (progress) =>
      (await this.backgroundClient(storeId)).request('counts', {}, progress)
    )
  }

  /** A keyset page of raw rows. */
  page(storeId: string, query: HostPageQuery): Promise<EventPage> {
    return this.get(storeId).client.request('page', query)
  }

  /**
   * Run a read-only store query in the store's worker. With `tracked`, the
   * window sees it as a long operation with progress.
   */
  async query<N extends QueryName>(
    storeId: string,
    name: N,
    args: QueryArgs<N>,
    tracked?: { readonly operation: OperationKind; readonly label: string },
    lane: QueryLane = 'main'
  ): Promise<QueryResult<N>> {
    const client = lane === 'background' ? await this.backgroundClient(storeId) : this.get(storeId).client
    const run = (progress?: (done: number, total: number) => void): Promise<unknown> => client.request('query', { name, args }, progress)
    return (tracked ? await this.tracked(tracked.operation, storeId, tracked.label, run) : await run()) as QueryResult<N>
  }

  /** The file name of an open store, for progress labels. */
  fileNameOf(storeId: string): string {
    return displayName(this.get(storeId).state.path)
  }

  /** Integrity check with progress. */
  check(storeId: string): Promise<Problem[]> {
    const { state } = this.get(storeId)
    // A full scan of every table: the background worker runs it, so browsing goes on meanwhile.
    return this.tracked('check', storeId, `Checking ${displayName(state.path)}`, async (progress) =>
      (await this.backgroundClient(storeId)).request('check', {}, progress)
    )
  }

  /** Reopen writable (refused for a read-only file). */
  async unlock(storeId: string): Promise<StoreInfo> {
    return this.remember(storeId, await this.get(storeId).client.request('unlock', {}))
  }

  /**
   * Open the store again after its connection was lost: a new connection,
   * read-only as on first open; the background worker starts afresh.
   */
  async reconnect(storeId: string): Promise<StoreInfo> {
    const store = this.get(storeId)
    const background = store.background
    store.background = undefined
    if (background) await background.then((b) => b.terminate(), () => undefined)
    return this.remember(storeId, await store.client.request('reconnect', {}))
  }

  /** Reopen read-only. */
  async lock(storeId: string): Promise<StoreInfo> {
    return this.remember(storeId, await this.get(storeId).client.request('lock', {}))
  }

  /** True while `storeId` is locked (unknown stores count as locked). */
  isLocked(storeId: string): boolean {
    return this.stores.get(storeId)?.state.locked ?? true
  }

  /** Append events; refused here, in main, while the store is locked. */
  rebase(storeId: string, request: HostRebaseRequest): Promise<RebaseSummary> {
    const { client } = this.get(storeId)
    if (this.isLocked(storeId)) {
      return Promise.reject(new HostError('store-locked', 'This store is read-only. Unlock it (the lock button in the header) before writing.'))
    }
    return client.request('rebase', request)
  }

  /**
   * Add the trigger table's seq_no index (a tracked operation: it may take a
   * while on a big table); refused here, in main, while the store is locked.
   */
  addTriggerIndex(storeId: string): Promise<AddIndexOutcome> {
    const { client, state } = this.get(storeId)
    if (this.isLocked(storeId)) {
      return Promise.reject(new HostError('store-locked', 'This store is read-only. Unlock it (the lock button in the header) before writing.'))
    }
    return this.tracked('add-index', storeId, `Adding an index to ${displayName(state.path)}`, () => client.request('addTriggerIndex', {}))
  }

  /** Fork the store into the new file `target` (a tracked operation); the fork is not opened here. */
  fork(storeId: string, target: string): Promise<ForkRecord> {
    const { client, state } = this.get(storeId)
    return this.tracked('fork', storeId, `Forking ${displayName(state.path)} into ${basename(target)}`, () => client.request('fork', { target }))
  }

  /**
   * Copy the store into `target` (a new file or an empty database; a tracked
   * operation with progress); nothing is opened. `cancelCopy` stops it: it
   * then fails with the code `cancelled`, `target` left as it was.
   */
  async copy(storeId: string, target: string): Promise<CopyOutcome> {
    const store = this.get(storeId)
    if (store.copying) throw new HostError('invalid-request', `${displayName(store.state.path)} is being copied already; wait for that copy or cancel it.`)
    const copying = new AbortController()
    store.copying = copying
    try {
      return await this.tracked('copy', storeId, `Copying ${displayName(store.state.path)} to ${displayName(target)}`, (progress) =>
        store.client.request('copy', { target }, progress, copying.signal)
      )
    } finally {
      store.copying = undefined
    }
  }

  /** Stop the running copy of `storeId`; false when none is running (it may just have finished). */
  cancelCopy(storeId: string): boolean {
    const copying = this.get(storeId).copying
    copying?.abort()
    return copying !== undefined
  }

  /** A fork's events after its last merge, with its record (which names the origin). */
  collectMerge(storeId: string): Promise<{ record: ForkRecord; batch: MergeBatch }> {
    return this.get(storeId).client.request('collectMerge', {})
  }

  /** Record in a fork what its origin committed; the tab's info is refreshed. */
  async recordMerge(storeId: string, committed: MergeCommitted): Promise<ForkSummary> {
    const summary = await this.get(storeId).client.request('recordMerge', committed)
    await this.info(storeId)
    return summary
  }

  /** Read a batch file for the staging area of `storeId` (a tracked operation). */
  importBatch(storeId: string, file: string): Promise<ImportOutcome> {
    return this.tracked('import', storeId, `Reading ${basename(file)}`, () => this.get(storeId).client.request('importBatch', { file }))
  }

  /** The id of an open store whose location (as it was opened, with any password) `matches`, or null. */
  findOpen(matches: (location: string) => boolean): string | null {
    for (const [id, store] of this.stores) if (matches(store.state.path)) return id
    return null
  }

  /** The location of an open store, as it was opened. */
  pathOf(storeId: string): string {
    return this.get(storeId).state.path
  }

  /** Close one store and stop its workers. */
  async close(storeId: string): Promise<void> {
    const { client, backgroundWorker } = this.get(storeId)
    this.stores.delete(storeId)
    // Stops slow background work (counts, checks) at once, even while its worker is still opening the store.
    await backgroundWorker?.terminate()
    try {
      await client.request('close', {})
    } finally {
      await client.terminate()
    }
  }

  /** Close every store (app quit). */
  async closeAll(): Promise<void> {
    await Promise.allSettled([...this.stores.keys()].map((id) => this.close(id)))
  }

  /** The store's background worker, opening the same file read-only on first use. */
  private backgroundClient(storeId: string): Promise<StoreWorkerClient> {
    const store = this.get(storeId)
    store.background ??= (async () => {
      const client = new StoreWorkerClient(this.launch, {
        changed: () => undefined,
        disconnected: () => undefined,
        failed: () => {
          store.background = undefined
        }
      })
      store.backgroundWorker = client
      try {
        await client.request('open', { path: store.state.path, tables: store.state.tables })
        return client
      } catch (e) {
        store.background = undefined
        await client.terminate()
        throw e
      }
    })()
    return store.background
  }

  private get(storeId: string): OpenStore {
    const store = this.stores.get(storeId)
    if (!store) throw new HostError('not-open', `This store (${storeId}) is not open any more. Open the file again.`)
    return store
  }

  private findByPath(path: string): string | undefined {
    const wanted = locationKey(path)
    for (const [id, store] of this.stores) if (locationKey(store.state.path) === wanted) return id
    return undefined
  }

  private remember(storeId: string, state: HostStoreState): StoreInfo {
    const store = this.get(storeId)
    store.state = state
    return toInfo(storeId, state)
  }

  /** Start a worker, open or create a store in it, and give it an id once that worked. */
  private async start(
    operation: OperationKind,
    label: string,
    work: (client: StoreWorkerClient, progress: (done: number, total: number) => void) => Promise<HostStoreState>
  ): Promise<StoreInfo> {
    const storeId = `s${this.nextStoreId++}`
    const client = this.spawn(storeId)
    try {
      const state = await this.tracked(operation, null, label, (progress) => work(client, progress))
      this.stores.set(storeId, { client, state })
      return toInfo(storeId, state)
    } catch (e) {
      await client.terminate()
      throw e
    }
  }

  private spawn(storeId: string | null): StoreWorkerClient {
    return new StoreWorkerClient(this.launch, {
      changed: (seqNo) => {
        const store = storeId ? this.stores.get(storeId) : undefined
        if (!store || !storeId) return
        store.state = { ...store.state, seqNo }
        this.listener.changed(storeId, seqNo)
      },
      disconnected: (message) => {
        if (storeId && this.stores.has(storeId)) this.listener.disconnected(storeId, message)
      },
      failed: (message) => {
        if (!storeId || !this.stores.delete(storeId)) return
        this.listener.lost(storeId, `${message} The store was closed; open it again.`)
      }
    })
  }

  /** Run `work`, reporting start, worker progress and the end as progress events. */
  private async tracked<T>(
    operation: OperationKind,
    storeId: string | null,
    label: string,
    work: (progress: (done: number, total: number) => void) => Promise<T>
  ): Promise<T> {
    const operationId = `op${this.nextOperationId++}`
    const report = (done: number, total: number, finished: boolean): void =>
      this.listener.progress({ operationId, operation, storeId, label, done, total, finished })
    report(0, 0, false)
    try {
      return await work((done, total) => report(done, total, false))
    } finally {
      report(1, 1, true)
    }
  }
}

/** How a location is named to the user: the file name, or `user@host/db` (never a password). */
function displayName(path: string): string {
  return parseStoreLocation(path).kind === 'postgres' ? connectionLabelOf(path) : basename(path)
}

/** Two locations with the same key are the same store (one tab); for PostgreSQL `postgresKey` decides (loopback spellings alike, port counts). */
function locationKey(path: string): string {
  if (parseStoreLocation(path).kind !== 'postgres') return resolve(path)
  return `postgres:${postgresKey(path, process.env) ?? connectionLabelOf(path)}`
}

function toInfo(storeId: string, state: HostStoreState): StoreInfo {
  const kind = parseStoreLocation(state.path).kind
  const path = kind === 'postgres' ? connectionLabelOf(state.path) : state.path
  return { storeId, kind, path, tables: state.tables, locked: state.locked, fileReadOnly: state.fileReadOnly, seqNo: state.seqNo, ...(state.fork ? { fork: state.fork } : {}) }
}
