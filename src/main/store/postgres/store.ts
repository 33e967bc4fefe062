/**
 * `EventStore` (and the `StoreInspector` half of `OpenedStore`) on PostgreSQL.
 * A small pool per store: every read runs in its own
 * `BEGIN READ ONLY ISOLATION LEVEL REPEATABLE READ` snapshot (streams through
 * pg-cursor), every rebase in one read-committed transaction that decides with
 * `core/rebase.ts` exactly as the SQLite adapter does and writes each table's
 * rows in one statement. The SQL is the shared text of `../sql/` with numbered
 * parameters, so the cells and the output are the SQLite adapter's.
 */
import type pg from 'pg'
import type { ActionEvent, Identity, NewEvent, RebaseOptions, RebaseResult, StoredEvent, TableNames } from '../../../shared/domain'
import type { AggregateSummary, CellIdentity, EventFilter, EventPage, EventPageQuery, EventRow, Problem, StoreCounts, SuggestableColumn } from '../../../shared/browse'
import type { AuditGraph, BlastRadius, BlastReadSizes, GraphFocus, Timeline, TimelineQuery, TriggerIndexPage, TriggerIndexQuery } from '../../../shared/audit'
import type { KnownIdentity } from '../../../shared/compose'
import type { ReadRange } from '../event-store'
import type { AggregateQuery, IdentityPrefixQuery, ProgressFn, ReadCount, ReadScope, ReplayCause } from '../store-inspector'
import type { OpenedStore } from '../opened-store'
import { ReplayingReads } from '../replaying-reads'
import { numbered } from '../sql/numbered'
import type { StoreCopier, StoredRowPage, StoredRowsSnapshot } from '../store-copier'
import { pgSnapshotRows, pgWriteRows } from './copier'
import { decideRebase, rebaseArgumentsError, type RebaseWriter } from '../../core/rebase'
import { printEdn } from '../../core/edn'
import { CellReader, identityToCells } from '../cells'
import { StoreError } from '../errors'
import { RowDecoder, textRowMerger, type ActionRow, type EffectRow } from '../rows/row-decoder'
import { buildQueries, POSTGRES_DIALECT, type Queries } from '../sql/queries'
import { quoteIdent } from '../sql/schema'
import { addTriggerSeqNoIndex } from './indexes'
import type { AddedIndex } from '../store-indexer'
import { afterCriteria, bothCriteria, replayPlan, type ActionCriteria } from '../sql/replay'
import { connectionLossOf, explainPgError, pgErrorCode, type PgTarget } from './connection'
import type { PgQueries } from './pg-queries'
import { batchRows, insertStatements } from './rows'
import { firstConflictsSql } from './conflicts'
import { BEGIN_SNAPSHOT, inTransaction, queriesOn, snapshotStream } from './snapshot'
import { streamRows } from './row-stream'
import * as inspector from './inspector'
import { flattenBatches } from '../async-items'

/**
 * Rows per batch (Execute) of a streaming read (`streamRows`): a few MB of
 * typical cells at most wait in memory; each batch costs a round trip, overlapped
 * with decoding.
 */
export const READ_BATCH = 5000


/** Duplicate key (another writer took the seq-no) or a serialization failure: a `:write-conflict`, not an error. */
const WRITE_CONFLICT_CODES = new Set(['23505', '40001', '40P01'])

/** A coherence store in a PostgreSQL database. Made by `openPostgresStore` / `createPostgresStore`. */
export class PostgresEventStore extends ReplayingReads implements OpenedStore, StoreCopier {
  private readonly queries: Queries
  private readonly decoder: RowDecoder
  private closed = false

  constructor(
    private readonly pool: pg.Pool,
    private readonly target: PgTarget,
    readonly tables: TableNames,
    readonly readOnly: boolean
  ) {
    super()
    this.queries = buildQueries(tables, POSTGRES_DIALECT)
    this.decoder = new RowDecoder(new CellReader(), tables)
  }

  /** The URL with its password masked. */
  get location(): string {
    return this.target.shown
  }

  private closedError(): StoreError {
    return new StoreError('io', `${this.target.shown} is closed.`)
  }

  /** `work` in a read-only snapshot transaction, driver errors explained. */
  private async snapshot<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    if (this.closed) throw this.closedError()
    try {
      return await inTransaction(this.pool, BEGIN_SNAPSHOT, work)
    } catch (e) {
      throw explainPgError(e, this.target)
    }
  }

  /** Run read-model queries (the inspector's) in one read-only snapshot. */
  inspect<T>(work: (db: PgQueries) => Promise<T>): Promise<T> {
    return this.snapshot((client) => work(queriesOn(client)))
  }

  currentSeqNo(): Promise<number> {
    return this.snapshot(async (client) => maxSeqNo(client, this.queries))
  }

  /** The complete stored event with this seq-no (an action with its triggers), or null. */
  private async storedEvent(client: pg.PoolClient, seqNo: number): Promise<StoredEvent | null> {
    const actionRows = (await client.query({ text: numbered(this.queries.actionBySeqNo), values: [seqNo], rowMode: 'array' })).rows as unknown as ActionRow[]
    if (actionRows.length > 0) return [...this.decoder.actions(actionRows)][0]
    const effectRow = (await client.query<EffectRow>(numbered(this.queries.effectBySeqNo), [seqNo])).rows[0]
    return effectRow ? this.decoder.effect(effectRow) : null
  }

  /** The earliest conflicting stored event of each aggregate (by its `kind id` key), from `base` on, ignoring `resolved`. */
  private async firstConflicts(client: pg.PoolClient, base: number, aggregates: Map<string, CellIdentity>, resolved: readonly number[]): Promise<Map<string, StoredEvent | null>> {
    const keys = [...aggregates.keys()]
    const { sql, params } = firstConflictsSql(this.queries, [...aggregates.values()], base, resolved)
    const { rows } = await client.query<{ n: number; seq_no: number | null }>(sql, params)
    const found = new Map<number, StoredEvent | null>()
    const conflicts = new Map<string, StoredEvent | null>()
    for (const row of rows) {
      if (row.seq_no !== null && !found.has(row.seq_no)) found.set(row.seq_no, await this.storedEvent(client, row.seq_no))
      conflicts.set(keys[row.n - 1], row.seq_no === null ? null : (found.get(row.seq_no) ?? null))
    }
    return conflicts
  }

  /**
   * The rebase decision needs answers synchronously: ask the database first
   * (next seq-no, the first conflict of every aggregate in the batch, in one query), then
   * let `decideRebase` decide over those answers; the rows are written after.
   */
  private async decide(client: pg.PoolClient, base: number, history: readonly NewEvent[], resolved: readonly number[]): Promise<RebaseResult> {
    const next = (await maxSeqNo(client, this.queries)) + 1
    const aggregates = new Map<string, CellIdentity>()
    for (const event of history) {
      if (event.type === 'action') aggregates.set(aggregateKey(event.action.aggregate), identityToCells(event.action.aggregate))
    }
    const conflicts = base <= next && aggregates.size > 0 ? await this.firstConflicts(client, base, aggregates, resolved) : new Map<string, StoredEvent | null>()
    const writer: RebaseWriter = {
      nextSeqNo: () => next,
      nextConflict: (_base, aggregate) => conflicts.get(aggregateKey(aggregate)) ?? null,
      append: () => {}
    }
    return decideRebase(writer, base, history, resolved)
  }

  async rebase(base: number, history: readonly NewEvent[], options: RebaseOptions = {}): Promise<RebaseResult> {
    if (this.readOnly) throw new StoreError('read-only', `${this.target.shown} is open read-only; unlock it for writing first. Nothing was written.`)
    const resolved = options.resolved ?? []
    const invalid = rebaseArgumentsError(base, history, resolved)
    if (invalid !== null) throw new RangeError(invalid)
    if (this.closed) throw this.closedError()
    // Every cell is printed and checked against its column before the transaction starts.
    const rows = batchRows(history, this.tables)
    const client = await this.pool.connect().catch((e: unknown) => {
      throw explainPgError(e, this.target)
    })
    let broken: Error | undefined
    let committed = false
    try {
      await client.query('BEGIN')
      const result = await this.decide(client, base, history, resolved)
      if (result.result !== 'ok') return result
      try {
        for (const statement of insertStatements(rows, result.events[0].seqNo, this.queries.tables)) {
          await client.query(statement.sql, statement.params)
        }
      } catch (e) {
        if (!WRITE_CONFLICT_CODES.has(pgErrorCode(e) ?? '')) throw e
        return { result: 'write-conflict', message: `Seq-no ${result.events[0].seqNo} could not be written: ${(e as Error).message}.` }
      }
      if (!options.dry) {
        await client.query('COMMIT')
        committed = true
      }
      return result
    } catch (e) {
      broken = e instanceof Error ? e : undefined
      throw explainPgError(e, this.target)
    } finally {
      // Anything but a successful commit leaves the database as it was.
      if (!committed) await client.query('ROLLBACK').catch(() => {})
      client.release(broken)
    }
  }

  protected stream(offset: number, criteria?: ActionCriteria, range: ReadRange = {}): AsyncIterable<ActionEvent> {
    if (this.closed) return rejecting(this.closedError())
    const plan = replayPlan(this.queries, offset, bothCriteria(criteria, afterCriteria(range.after)))
    const decoder = this.decoder
    const target = this.target
    // Batches of rows cross the generators; each row is decoded just when its event is asked for.
    const batches = snapshotStream(this.pool, async function* (client) {
      const anyBefore = await client.query(numbered(plan.anyBefore.sql), plan.anyBefore.params)
      const parts = anyBefore.rows.length > 0 ? [plan.replayed, plan.current] : [plan.current]
      for (const part of parts) yield* streamRows(client, numbered(part.sql), part.params, READ_BATCH)
    })
    return flattenBatches(batches, textRowMerger(decoder.merger()), (e) => explainPgError(e, target))
  }


  queryConflicts(offset: number, aggregate: Identity): Promise<StoredEvent[]> {
    return this.snapshot(async (client) => {
      const cells = identityToCells(aggregate)
      const { rows } = await client.query<{ seq_no: number }>(numbered(this.queries.conflictSeqNos), [cells.kind, cells.id, offset, offset, cells.kind, cells.id])
      const events: StoredEvent[] = []
      for (const r of rows) {
        const event = await this.storedEvent(client, r.seq_no)
        if (event !== null) events.push(event)
      }
      return events
    })
  }

  snapshotRows(): Promise<StoredRowsSnapshot> {
    if (this.closed) return Promise.reject(this.closedError())
    return pgSnapshotRows(this.pool, this.tables, this.target)
  }

  async writeRows(pages: AsyncIterable<StoredRowPage>, progress?: (rows: number) => void): Promise<number> {
    if (this.closed) throw this.closedError()
    if (this.readOnly) throw new StoreError('read-only', `${this.target.shown} is open read-only; nothing was written.`)
    try {
      return await inTransaction(this.pool, 'BEGIN', (client) => pgWriteRows(client, this.tables, this.target.shown, pages, progress))
    } catch (e) {
      throw e instanceof StoreError ? e : explainPgError(e, this.target)
    }
  }

  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    await this.pool.end()
  }

  // StoreInspector: the read models of ./inspector, each in one read-only snapshot (`inspect`).

  pageEvents(query: EventPageQuery): Promise<EventPage> {
    return this.inspect((db) => inspector.pageEvents(db, this.tables, query))
  }
  eventRow(seqNo: number): Promise<EventRow | null> {
    return this.inspect((db) => inspector.eventRow(db, this.tables, seqNo))
  }
  streamEvents(filter?: EventFilter): AsyncIterable<EventRow> {
    if (this.closed) return rejecting(this.closedError())
    const tables = this.tables
    const rows = snapshotStream(this.pool, (client) => inspector.streamEvents(queriesOn(client), tables, filter))
    return explained(rows, (e) => explainPgError(e, this.target))
  }
  countEvents(filter?: EventFilter): Promise<number> {
    return this.inspect((db) => inspector.countEvents(db, this.tables, filter))
  }
  counts(): Promise<StoreCounts> {
    return this.inspect((db) => inspector.counts(db, this.tables))
  }
  countRead(offset: number, scope?: ReadScope): Promise<ReadCount> {
    return this.inspect((db) => inspector.countRead(db, this.tables, offset, scope))
  }
  replayCauses(offset: number): Promise<ReplayCause[]> {
    return this.inspect((db) => inspector.replayCauses(db, this.tables, offset))
  }
  aggregates(query: AggregateQuery): Promise<AggregateSummary[]> {
    return this.inspect((db) => inspector.aggregates(db, this.tables, query))
  }
  aggregateKinds(): Promise<{ kind: string; aggregates: number }[]> {
    return this.inspect((db) => inspector.aggregateKinds(db, this.tables))
  }
  identitiesByPrefix(query: IdentityPrefixQuery): Promise<KnownIdentity[]> {
    return this.inspect((db) => inspector.identitiesByPrefix(db, this.tables, query))
  }
  aggregateHistory(aggregate: CellIdentity, upTo?: number): Promise<EventRow[]> {
    return this.inspect((db) => inspector.aggregateHistory(db, this.tables, aggregate, upTo))
  }
  triggerIndex(query: TriggerIndexQuery): Promise<TriggerIndexPage> {
    return this.inspect((db) => inspector.triggerIndex(db, this.tables, query))
  }
  countTriggers(text?: string): Promise<number> {
    return this.inspect((db) => inspector.countTriggers(db, this.tables, text))
  }
  triggerGraph(focus: GraphFocus, cap?: number): Promise<AuditGraph | null> {
    return this.inspect((db) => inspector.triggerGraph(db, this.tables, focus, cap))
  }
  blastRadius(effectSeqNo: number, offset?: number): Promise<BlastRadius | null> {
    return this.inspect((db) => inspector.blastRadius(db, this.tables, effectSeqNo, offset))
  }
  blastReadSizes(effectSeqNo: number, offset?: number): Promise<BlastReadSizes | null> {
    return this.inspect((db) => inspector.blastReadSizes(db, this.tables, effectSeqNo, offset))
  }
  timeline(query?: TimelineQuery, onProgress?: ProgressFn): Promise<Timeline> {
    return this.inspect((db) => inspector.timeline(db, this.tables, query, onProgress))
  }
  triggersOfAggregate(aggregate: CellIdentity): Promise<CellIdentity[]> {
    return this.inspect((db) => inspector.triggersOfAggregate(db, this.tables, aggregate))
  }
  distinctValues(column: SuggestableColumn, limit: number): Promise<string[]> {
    return this.inspect((db) => inspector.distinctValues(db, this.tables, column, limit))
  }
  check(onProgress?: ProgressFn): Promise<Problem[]> {
    return this.inspect((db) => inspector.check(db, this.tables, onProgress, this.target.shown))
  }
  triggerSeqNoIndex(): Promise<string | null> {
    return this.inspect((db) => inspector.leadingIndex(db, quoteIdent(this.tables.trigger), ['seq_no']))
  }

  /** `coherence index`: in one transaction (see `./indexes`); a role that does not own the table is refused in one sentence. */
  async addTriggerSeqNoIndex(): Promise<AddedIndex> {
    if (this.readOnly) throw new StoreError('read-only', `${this.target.shown} is open read-only; open it for writing to add an index.`)
    if (this.closed) throw this.closedError()
    try {
      return await inTransaction(this.pool, 'BEGIN', (client) => addTriggerSeqNoIndex(client, this.tables))
    } catch (e) {
      if (e instanceof StoreError) throw e
      if (pgErrorCode(e) !== '42501') throw explainPgError(e, this.target)
      const table = quoteIdent(this.tables.trigger)
      throw new StoreError('permission-denied', `The role "${this.target.user}" may not create an index on ${table} in ${this.target.shown} (only the table's owner may); nothing changed. Run this as the owner.`)
    }
  }

  /**
   * Also the liveness check of an open store (polled off the page path): it fails, until the store is reopened, once
   * any of the pool's connections was cut — even when the server is back and a new connection would work.
   */
  dataVersion(): Promise<number> {
    const loss = connectionLossOf(this.pool)
    if (loss !== undefined) return Promise.reject(explainPgError(loss, this.target))
    return this.inspect((db) => inspector.dataVersion(db, this.tables))
  }
}

/** The key `decideRebase` uses for an aggregate: its printed kind and id. */
function aggregateKey(aggregate: Identity): string {
  return `${printEdn(aggregate.kind)} ${printEdn(aggregate.id)}`
}

async function maxSeqNo(client: pg.PoolClient, queries: Queries): Promise<number> {
  return (await client.query<{ seq_no: number }>(queries.maxSeqNo)).rows[0].seq_no
}

/** A stream that fails with `error` when iterated. */
async function* rejecting<T>(error: Error): AsyncGenerator<T> {
  yield* []
  throw error
}

/** `items` with every failure translated by `explain`. */
async function* explained<T>(items: AsyncIterable<T>, explain: (e: unknown) => Error): AsyncGenerator<T> {
  try {
    yield* items
  } catch (e) {
    throw explain(e)
  }
}
