/**
 * The use cases of one open store: open (locked, i.e. read-only), create,
 * unlock — refused for a store that cannot be written — and lock, the
 * validated rebase (refused while locked), the registered queries, and
 * noticing commits by other connections. It knows nothing of threads or IPC:
 * the store worker (src/main/host/worker.ts) runs one session per store.
 */
import type { StoreInfo } from '../../shared/ipc/types'
import type { TableNames } from '../../shared/domain'
import type { EventPage, Problem, StoreCounts } from '../../shared/browse'
import type { RebaseSummary } from '../../shared/ipc/types'
import { parseNewEvents, rebaseResultToEdn } from '../core/domain'
import { printEdn, readEdn, EdnParseError } from '../core/edn'
import { canWriteStore, createStore, detectStoreTables, openStore } from '../store/open-store'
import { parseStoreLocation } from '../../shared/store-location'
import { connectionLabelOf, parsePostgresUrl } from '../../shared/postgres-connection'
import type { OpenedStore } from '../store/opened-store'
import type { ProgressFn } from '../store/store-inspector'
import { ServiceError } from './service-error'
import { isQueryName, runQuery, type QueryRequest } from './registry'
import { describeRebase } from './compose-outcome'
import { withPatchSummaries } from './browse'
import type { EventFilter } from '../../shared/browse'
import type { ForkRecord, ForkSummary, ImportOutcome, MergeBatch } from '../../shared/fork'
import { collectForMerge, forkSummaryOf, forkTo, readBatchFile, recordCommittedMerge, type ForkContext } from './fork/fork-session'
import type { MergeCommitted } from './fork/merge'
import { copyStore, type CopyOutcome } from './fork/copy-store'
import { addTriggerIndex } from './trigger-index'
import type { AddIndexOutcome } from '../../shared/browse'

/** What a session knows about its store: the window's `StoreInfo` without the ids the host adds. */
export type SessionState = Omit<StoreInfo, 'storeId' | 'kind'>

/** A page request, as the store's `pageEvents` takes it. */
export interface PageQuery {
  readonly limit: number
  readonly after?: number
  readonly before?: number
  readonly filter?: EventFilter
}

/** A rebase request with the new events as EDN text (parsed and validated by the session). */
export interface RebaseRequest {
  readonly eventsEdn: string
  readonly base: number
  readonly resolved: readonly number[]
  readonly dry: boolean
}

/** The one store a session owns, and how it notices commits by others. */
export class StoreSession {
  private store: OpenedStore | null = null
  private path = ''
  private lastDataVersion = 0
  /** Whether the PostgreSQL role may write, asked once per connection (a file is asked each time: its mode can change). */
  private roleMayWrite: boolean | null = null

  /** @param nativeBinding the Electron-ABI better-sqlite3 binding, when running inside Electron */
  constructor(private readonly nativeBinding?: string) {}

  /** Candidate table-name sets in `path` (no store needs to be open). */
  detectTables(path: string): Promise<TableNames[]> {
    return detectStoreTables(parseStoreLocation(path), this.options())
  }

  /** Open `path` read-only (locked). */
  async open(path: string, tables?: TableNames): Promise<SessionState> {
    this.assertNothingOpen()
    await this.replace(path, await openStore(parseStoreLocation(path), { ...this.options(), tables, readOnly: true }))
    return this.info()
  }

  /** Create a store at `path` with `tables`, then keep it open locked. */
  async create(path: string, tables: TableNames): Promise<SessionState> {
    this.assertNothingOpen()
    const created = await createStore(parseStoreLocation(path), { ...this.options(), tables })
    await created.close()
    return this.open(path, tables)
  }

  /** Path, tables, lock state and seq-no. */
  async info(): Promise<SessionState> {
    const store = this.current()
    const fork = forkSummaryOf(this.path)
    return {
      path: this.path,
      tables: store.tables,
      locked: store.readOnly,
      fileReadOnly: !(await this.mayWrite(store)),
      seqNo: await store.currentSeqNo(),
      ...(fork === null ? {} : { fork })
    }
  }

  /** Fork the store into the new file `target` (see services/fork). */
  fork(target: string): Promise<ForkRecord> {
    return forkTo(this.forkContext(), target)
  }

  /** Copy the store into `target` (a new file or an empty database), all or nothing; `signal` stops it (see services/fork/copy-store). */
  copy(target: string, progress?: (done: number, total: number) => void, signal?: AbortSignal): Promise<CopyOutcome> {
    return copyStore(parseStoreLocation(this.path), parseStoreLocation(target), { ...this.options(), tables: this.current().tables, progress, signal })
  }

  /** This fork's events after its last merge, and its record. */
  collectMerge(): Promise<{ record: ForkRecord; batch: MergeBatch }> {
    return collectForMerge(this.forkContext())
  }

  /** Record in this fork's sidecar what its origin committed. */
  recordMerge(committed: MergeCommitted): Promise<ForkSummary> {
    return recordCommittedMerge(this.forkContext(), committed)
  }

  /** Read a batch file (EDN or exported JSON) for this store's staging area. */
  importBatch(file: string): Promise<ImportOutcome> {
    return readBatchFile(file)
  }

  private forkContext(): ForkContext {
    return { store: this.current(), path: this.path, ...this.options() }
  }

  /** Row counts (may take a while on a big store). */
  counts(): Promise<StoreCounts> {
    return this.current().counts()
  }

  /** A keyset page of raw rows. */
  async page(query: PageQuery): Promise<EventPage> {
    return withPatchSummaries(await this.current().pageEvents(query))
  }

  /** The integrity check, with progress. */
  check(onProgress: ProgressFn): Promise<Problem[]> {
    return this.current().check(onProgress)
  }

  /** Run a registered read-only query on the open store (a request from outside is checked by name first). */
  query(request: QueryRequest, progress: ProgressFn): Promise<unknown> {
    if (!isQueryName(request.name)) throw new ServiceError('invalid-request', `There is no store query "${String(request.name)}".`)
    return runQuery({ store: this.current(), progress }, request)
  }

  /** Reopen writable; refused (and the store stays locked) when the file cannot be written. */
  async unlock(): Promise<SessionState> {
    const store = this.current()
    if (!store.readOnly) return this.info()
    this.roleMayWrite = null // ask again: privileges may have been granted since
    if (!(await this.mayWrite(store))) throw new ServiceError('read-only', notWritable(this.path))
    // The database's own check first (SQLite's quick_check): a damaged store is refused, stays locked, and the message says why.
    await this.replace(this.path, await openStore(parseStoreLocation(this.path), { ...this.options(), tables: store.tables, readOnly: false, verify: true }))
    return this.info()
  }

  /**
   * Open the same store again on a new connection, read-only (after the
   * connection was lost). The old connection is dropped whatever state it is in;
   * when the new one fails, the session keeps the old one and says why.
   */
  async reconnect(): Promise<SessionState> {
    const previous = this.current()
    const next = await openStore(parseStoreLocation(this.path), { ...this.options(), tables: previous.tables, readOnly: true })
    this.store = next
    this.roleMayWrite = null
    this.lastDataVersion = await next.dataVersion()
    await previous.close().catch(() => undefined)
    return this.info()
  }

  /**
   * The sentence for a failed poll when it means the database connection is
   * gone (a PostgreSQL store); null for a file store, whose polls do not lose a server.
   */
  connectionLost(): string | null {
    if (!this.store || parseStoreLocation(this.path).kind !== 'postgres') return null
    return `The connection to ${connectionLabelOf(this.path)} was lost (the server stopped or restarted); nothing was half-written — reconnect when the server is back.`
  }

  /** Reopen read-only. */
  async lock(): Promise<SessionState> {
    const store = this.current()
    if (store.readOnly) return this.info()
    await this.replace(this.path, await openStore(parseStoreLocation(this.path), { ...this.options(), tables: store.tables, readOnly: true }))
    return this.info()
  }

  /** Parse, validate and append new events (refused while locked). */
  async rebase(request: RebaseRequest): Promise<RebaseSummary> {
    const store = this.writableStore()
    const parsed = parseNewEvents(readEventsEdn(request.eventsEdn))
    if (!parsed.ok) {
      throw new ServiceError('invalid-events', `The new events are not valid:\n${parsed.errors.map((e) => e.message).join('\n')}`)
    }
    const result = await store.rebase(request.base, parsed.events, { resolved: request.resolved, dry: request.dry })
    const eventCount = result.result === 'ok' || result.result === 'conflict' ? result.events.length : 0
    const outcome = await describeRebase(store, request.base, result)
    return { result: result.result, edn: printEdn(rebaseResultToEdn(result)), eventCount, seqNo: await store.currentSeqNo(), outcome }
  }

  /** Add the trigger table's seq_no index (refused while locked; see `./trigger-index`). */
  addTriggerIndex(): Promise<AddIndexOutcome> {
    return addTriggerIndex(this.writableStore())
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
    if (!this.store) throw new ServiceError('not-open', 'No store is open here. Open the store again.')
    return this.store
  }

  private writableStore(): OpenedStore {
    const store = this.current()
    if (store.readOnly) {
      throw new ServiceError('store-locked', 'This store is read-only. Unlock it (the lock button in the header) before writing.')
    }
    return store
  }

  private assertNothingOpen(): void {
    if (this.store) throw new ServiceError('internal', `This session already holds ${this.path}.`)
  }

  private async mayWrite(store: OpenedStore): Promise<boolean> {
    const location = parseStoreLocation(this.path)
    if (location.kind === 'sqlite') return canWriteStore(location, store.tables)
    this.roleMayWrite ??= await canWriteStore(location, store.tables)
    return this.roleMayWrite
  }

  private async replace(path: string, next: OpenedStore): Promise<void> {
    const previous = this.store
    this.store = next
    if (path !== this.path) this.roleMayWrite = null
    this.path = path
    this.lastDataVersion = await next.dataVersion()
    if (previous) await previous.close()
  }
}

/** Why unlocking is refused: a read-only file, or a PostgreSQL role without INSERT privileges. */
function notWritable(path: string): string {
  const location = parseStoreLocation(path)
  if (location.kind === 'sqlite') {
    return `${path} is a read-only file, so this store cannot be unlocked for writing. Copy it somewhere writable to change it.`
  }
  const user = parsePostgresUrl(location.url)?.user || 'this role'
  return `The role ${user} may not insert into this store's tables on ${connectionLabelOf(location.url)}, so it cannot be unlocked for writing. Connect as a role with INSERT privileges to change it.`
}

function readEventsEdn(text: string): ReturnType<typeof readEdn> {
  try {
    return readEdn(text)
  } catch (e) {
    if (e instanceof EdnParseError) throw new ServiceError('invalid-events', `The new events are not valid EDN: ${e.message}`)
    throw e
  }
}
