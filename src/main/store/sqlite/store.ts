/**
 * `EventStore` and `StoreInspector` on SQLite (better-sqlite3). One connection per store for
 * queries and rebase; each streaming read gets its own read-only connection so
 * a long read never blocks other calls and sees one consistent snapshot.
 */
import type Database from 'better-sqlite3'
import type { ActionEvent, Identity, NewEvent, RebaseOptions, RebaseResult, StoredEvent, TableNames } from '../../../shared/domain'
import type { AggregateSummary, CellIdentity, EventFilter, EventPage, EventPageQuery, EventRow, Problem, StoreCounts, SuggestableColumn } from '../../../shared/browse'
import type { ReadRange } from '../event-store'
import type { AggregateQuery, IdentityPrefixQuery, ProgressFn, ReadCount, ReadScope, ReplayCause } from '../store-inspector'
import type { OpenedStore } from '../opened-store'
import { ReplayingReads } from '../replaying-reads'
import type { StoreCopier, StoredRowPage, StoredRowsSnapshot } from '../store-copier'
import { backupTo, snapshotRows, writeRows } from './copier'
import { decideRebase, rebaseArgumentsError, WriteConflictError, type RebaseWriter } from '../../core/rebase'
import { CellReader, identityToCells, patchToCell, toCell } from '../cells'
import { fromSync } from '../async-items'
import { StoreError, explainSqliteError, isSqliteError } from '../errors'
import { openConnection, type ConnectionOptions } from './connection'
import { buildQueries, type Queries } from '../sql/queries'
import { RowDecoder, type ActionRow, type EffectRow } from '../rows/row-decoder'
import { afterCriteria, bothCriteria, replayPlan, type ActionCriteria } from '../sql/replay'
import * as browse from './browse'
import { checkStore } from './check'
import { addTriggerSeqNoIndex, leadingIndex } from './indexes'
import type { AddedIndex } from '../store-indexer'
import type { AuditGraph, BlastRadius, BlastReadSizes, GraphFocus, Timeline, TimelineQuery, TriggerIndexPage, TriggerIndexQuery } from '../../../shared/audit'
import { countTriggers, triggerGraph, triggerIndex } from './triggers'
import { blastRadius, blastReadSizes } from './blast-radius'
import { timeline } from './timeline'
import { identitiesByPrefix } from './identities'
import { groupReplayCauses } from '../sql/audit-rules'
import { replayCausesSql } from '../sql/list-queries'
import { readCountPlan } from '../sql/read-count'
import type { KnownIdentity } from '../../../shared/compose'

type Stmt = Database.Statement

/** Prepared statements of the write and conflict paths, made once per store. */
interface Statements {
  maxSeqNo: Stmt
  insertEvent: Stmt
  insertAction: Stmt
  insertEffect: Stmt
  insertTrigger: Stmt
  firstConflictingAction: Stmt
  firstConflictingEffect: Stmt
  actionBySeqNo: Stmt
  effectBySeqNo: Stmt
  dataVersion: Stmt
}

/** A coherence store in an SQLite file. Create it with `openSqliteStore` / `createSqliteStore`. */
export class SqliteEventStore extends ReplayingReads implements OpenedStore, StoreCopier {
  private readonly queries: Queries
  private readonly statements: Statements
  private readonly decoder: RowDecoder
  private closed = false
  /** True once a rebase committed through this store (see `close`). */
  private wrote = false
  /** A read-only connection kept between streaming reads (see `onSnapshot`). */
  private idleReader: Database.Database | null = null

  constructor(
    private readonly db: Database.Database,
    readonly path: string,
    readonly tables: TableNames,
    readonly readOnly: boolean,
    private readonly connectionOptions: ConnectionOptions
  ) {
    super()
    this.queries = buildQueries(tables)
    const prepare = (sql: string): Stmt => db.prepare(sql)
    const writeStatement = (sql: string): Stmt => (readOnly ? (undefined as unknown as Stmt) : prepare(sql))
    const q = this.queries
    this.statements = {
      maxSeqNo: prepare(q.maxSeqNo),
      insertEvent: writeStatement(q.insertEvent),
      insertAction: writeStatement(q.insertAction),
      insertEffect: writeStatement(q.insertEffect),
      insertTrigger: writeStatement(q.insertTrigger),
      firstConflictingAction: prepare(q.firstConflictingAction),
      firstConflictingEffect: prepare(q.firstConflictingEffect),
      actionBySeqNo: prepare(q.actionBySeqNo),
      effectBySeqNo: prepare(q.effectBySeqNo),
      dataVersion: prepare('PRAGMA data_version')
    }
    this.decoder = new RowDecoder(new CellReader(), tables)
  }

  private guard<T>(work: () => T): Promise<T> {
    if (this.closed) return Promise.reject(new StoreError('io', `${this.path} is closed.`))
    try {
      return Promise.resolve(work())
    } catch (e) {
      return Promise.reject(explainSqliteError(e, this.path))
    }
  }

  currentSeqNo(): Promise<number> {
    return this.guard(() => (this.statements.maxSeqNo.get() as { seq_no: number }).seq_no)
  }

  /** The complete stored event with this seq-no (an action with its triggers), or null. */
  private storedEvent(seqNo: number): StoredEvent | null {
    const actionRows = this.statements.actionBySeqNo.raw().all(seqNo) as ActionRow[]
    if (actionRows.length > 0) return [...this.decoder.actions(actionRows)][0]
    const effectRow = this.statements.effectBySeqNo.get(seqNo) as EffectRow | undefined
    return effectRow ? this.decoder.effect(effectRow) : null
  }

  /** Earliest conflicting seq-no for `aggregate` from `base` on, ignoring `resolved`; by indexed queries only. */
  private firstConflictSeqNo(base: number, cells: CellIdentity, resolvedJson: string): number | null {
    const s = this.statements
    const viaAction = (s.firstConflictingAction.get(cells.kind, cells.id, base, resolvedJson) as { seq_no: number | null }).seq_no
    const viaEffect = (s.firstConflictingEffect.get(base, resolvedJson, cells.kind, cells.id) as { seq_no: number | null }).seq_no
    if (viaAction === null) return viaEffect
    return viaEffect === null ? viaAction : Math.min(viaAction, viaEffect)
  }

  private writer(): RebaseWriter {
    const s = this.statements
    return {
      nextSeqNo: () => (s.maxSeqNo.get() as { seq_no: number }).seq_no + 1,
      nextConflict: (base, aggregate, resolved) => {
        const seqNo = this.firstConflictSeqNo(base, identityToCells(aggregate), JSON.stringify(resolved))
        return seqNo === null ? null : this.storedEvent(seqNo)
      },
      append: (event) => {
        try {
          s.insertEvent.run(event.seqNo, Math.floor(event.timestampMs / 1000), toCell(event.source))
          if (event.type === 'action') {
            const { reason, actor, aggregate } = event.action
            s.insertAction.run(event.seqNo, toCell(reason), toCell(actor.kind), toCell(actor.id), toCell(aggregate.kind), toCell(aggregate.id), patchToCell(event.action))
            for (const trigger of event.triggers) s.insertTrigger.run(toCell(trigger.kind), toCell(trigger.id), event.seqNo)
          } else {
            const { reason, trigger } = event.effect
            s.insertEffect.run(event.seqNo, toCell(reason), toCell(trigger.kind), toCell(trigger.id))
          }
        } catch (e) {
          if (isSqliteError(e, 'SQLITE_CONSTRAINT')) {
            throw new WriteConflictError(`Seq-no ${event.seqNo} could not be written: ${(e as Error).message}.`)
          }
          throw e
        }
      }
    }
  }

  rebase(base: number, history: readonly NewEvent[], options: RebaseOptions = {}): Promise<RebaseResult> {
    if (this.readOnly) {
      return Promise.reject(new StoreError('read-only', `${this.path} is open read-only; unlock it for writing first. Nothing was written.`))
    }
    const resolved = options.resolved ?? []
    const invalid = rebaseArgumentsError(base, history, resolved)
    if (invalid !== null) return Promise.reject(new RangeError(invalid))
    return this.guard(() => {
      this.db.exec('BEGIN IMMEDIATE')
      try {
        const result = decideRebase(this.writer(), base, history, resolved)
        if (result.result === 'ok' && !options.dry) {
          this.db.exec('COMMIT')
          this.wrote = true
        }
        return result
      } finally {
        // Anything but a successful commit leaves the file as it was.
        if (this.db.inTransaction) this.db.exec('ROLLBACK')
      }
    })
  }

  /**
   * Rows of `work` on a read-only connection of its own, inside one read
   * transaction (one snapshot). The connection of a finished read is kept for
   * the next one, so its page cache stays warm (a fresh connection re-reads
   * every page it touches); reads that overlap each get their own. Handed
   * over through `fromSync`: one resolved promise per row, no async generator.
   */
  private onSnapshot<T>(work: (db: Database.Database) => Iterable<T>): AsyncIterable<T> {
    return fromSync(() => this.rowsOnSnapshot(work))
  }

  private *rowsOnSnapshot<T>(work: (db: Database.Database) => Iterable<T>): Generator<T> {
    if (this.closed) throw new StoreError('io', `${this.path} is closed.`)
    const db = this.idleReader ?? openConnection(this.path, true, this.connectionOptions)
    this.idleReader = null
    let reusable = false
    try {
      // One read transaction: every part sees the same snapshot even if a writer commits meanwhile.
      db.exec('BEGIN')
      yield* work(db)
      db.exec('COMMIT')
      reusable = true
    } catch (e) {
      throw explainSqliteError(e, this.path)
    } finally {
      if (db.inTransaction) db.exec('ROLLBACK')
      if (reusable && !this.closed && this.idleReader === null) this.idleReader = db
      else db.close()
    }
  }

  protected stream(offset: number, criteria?: ActionCriteria, range: ReadRange = {}): AsyncIterable<ActionEvent> {
    const decoder = this.decoder
    const queries = this.queries
    return this.onSnapshot(function* (db) {
      const plan = replayPlan(queries, offset, bothCriteria(criteria, afterCriteria(range.after)))
      const parts = [plan.current]
      if (db.prepare(plan.anyBefore.sql).get(...plan.anyBefore.params) !== undefined) parts.unshift(plan.replayed)
      for (const part of parts) {
        const rows = db.prepare(part.sql).raw().iterate(...part.params) as Iterable<ActionRow>
        yield* decoder.actions(rows)
      }
    })
  }


  countRead(offset: number, scope?: ReadScope): Promise<ReadCount> {
    return this.guard(() => {
      const plan = readCountPlan(this.queries, offset, scope)
      const count = (part: { sql: string; params: (string | number)[] }): number => (this.db.prepare(part.sql).get(...part.params) as { n: number }).n
      const replayed = count(plan.replayed)
      return { replayed, total: replayed + count(plan.current) }
    })
  }

  streamEvents(filter?: EventFilter): AsyncIterable<EventRow> {
    const queries = this.queries
    return this.onSnapshot((db) => browse.streamRows(db, queries, filter))
  }

  queryConflicts(offset: number, aggregate: Identity): Promise<StoredEvent[]> {
    return this.guard(() => {
      const cells = identityToCells(aggregate)
      const seqNos = this.db
        .prepare(this.queries.conflictSeqNos)
        .all(cells.kind, cells.id, offset, offset, cells.kind, cells.id) as { seq_no: number }[]
      return seqNos.map((r) => this.storedEvent(r.seq_no)).filter((e): e is StoredEvent => e !== null)
    })
  }

  replayCauses(offset: number): Promise<ReplayCause[]> {
    return this.guard(() => groupReplayCauses(this.db.prepare(replayCausesSql(this.queries.tables)).all(offset) as { kind: string; id: string; seq_no: number }[]))
  }

  pageEvents(query: EventPageQuery): Promise<EventPage> {
    return this.guard(() => browse.pageEvents(this.db, this.queries, query))
  }

  eventRow(seqNo: number): Promise<EventRow | null> {
    return this.guard(() => browse.eventRow(this.db, this.queries, seqNo))
  }

  countEvents(filter?: EventFilter): Promise<number> {
    return this.guard(() => browse.countEvents(this.db, this.queries, filter))
  }

  counts(): Promise<StoreCounts> {
    return this.guard(() => {
      const count = (table: string): number => (this.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
      const t = this.queries.tables
      return {
        events: count(t.event),
        actions: count(t.action),
        effects: count(t.effect),
        triggers: count(t.trigger),
        maxSeqNo: (this.statements.maxSeqNo.get() as { seq_no: number }).seq_no
      }
    })
  }

  aggregates(query: AggregateQuery): Promise<AggregateSummary[]> {
    return this.guard(() => browse.aggregates(this.db, this.queries, query))
  }

  identitiesByPrefix(query: IdentityPrefixQuery): Promise<KnownIdentity[]> {
    return this.guard(() => identitiesByPrefix(this.db, this.queries, query))
  }

  aggregateKinds(): Promise<{ kind: string; aggregates: number }[]> {
    return this.guard(() => browse.aggregateKinds(this.db, this.queries))
  }

  aggregateHistory(aggregate: CellIdentity, upTo?: number): Promise<EventRow[]> {
    return this.guard(() => browse.aggregateHistory(this.db, this.queries, aggregate, upTo))
  }

  triggerIndex(query: TriggerIndexQuery): Promise<TriggerIndexPage> {
    return this.guard(() => triggerIndex(this.db, this.queries, query))
  }

  countTriggers(text?: string): Promise<number> {
    return this.guard(() => countTriggers(this.db, this.queries, text))
  }

  triggerGraph(focus: GraphFocus, cap?: number): Promise<AuditGraph | null> {
    return this.guard(() => triggerGraph(this.db, this.queries, focus, cap))
  }

  blastRadius(effectSeqNo: number, offset?: number): Promise<BlastRadius | null> {
    return this.guard(() => blastRadius(this.db, this.queries, effectSeqNo, offset))
  }

  blastReadSizes(effectSeqNo: number, offset?: number): Promise<BlastReadSizes | null> {
    return this.guard(() => blastReadSizes(this.db, this.queries, effectSeqNo, offset))
  }

  timeline(query?: TimelineQuery, onProgress?: ProgressFn): Promise<Timeline> {
    return this.guard(() => timeline(this.db, this.queries, query, onProgress))
  }

  triggersOfAggregate(aggregate: CellIdentity): Promise<CellIdentity[]> {
    return this.guard(() => browse.triggersOfAggregate(this.db, this.queries, aggregate))
  }

  distinctValues(column: SuggestableColumn, limit: number): Promise<string[]> {
    return this.guard(() => browse.distinctValues(this.db, this.queries, column, limit))
  }

  check(onProgress?: ProgressFn): Promise<Problem[]> {
    return this.guard(() => checkStore(this.db, this.queries, this.tables, this.path, onProgress))
  }

  triggerSeqNoIndex(): Promise<string | null> {
    return this.guard(() => leadingIndex(this.db, this.tables.trigger, ['seq_no']))
  }

  addTriggerSeqNoIndex(): Promise<AddedIndex> {
    if (this.readOnly) return Promise.reject(new StoreError('read-only', `${this.path} is open read-only; open it for writing to add an index.`))
    return this.guard(() => addTriggerSeqNoIndex(this.db, this.tables))
  }

  dataVersion(): Promise<number> {
    return this.guard(() => (this.statements.dataVersion.get() as { data_version: number }).data_version)
  }

  snapshotRows(): Promise<StoredRowsSnapshot> {
    return this.guard(() => snapshotRows(openConnection(this.path, true, this.connectionOptions), this.tables, this.path))
  }

  writeRows(pages: AsyncIterable<StoredRowPage>, progress?: (rows: number) => void): Promise<number> {
    if (this.readOnly) return Promise.reject(new StoreError('read-only', `${this.path} is open read-only; nothing was written.`))
    if (this.closed) return Promise.reject(new StoreError('io', `${this.path} is closed.`))
    return writeRows(this.db, this.tables, this.path, pages, progress)
  }

  backupToFile(target: string): Promise<void> {
    if (this.closed) return Promise.reject(new StoreError('io', `${this.path} is closed.`))
    return backupTo(this.db, this.path, target)
  }

  /**
   * Close every connection. A store that wrote nothing (a dry rebase, a
   * refused one, only reads) leaves the file's bytes as they were: SQLite
   * checkpoints a WAL into the main file when the last connection closes —
   * even frames another writer left — unless that last connection is
   * read-only. So the writable connection closes while a read-only one is
   * still open, and the read-only one closes last.
   */
  close(): Promise<void> {
    if (!this.closed) {
      this.closed = true
      let last = this.idleReader
      this.idleReader = null
      if (!this.readOnly && !this.wrote && last === null) {
        try {
          last = openConnection(this.path, true, this.connectionOptions)
        } catch {
          // No second connection possible: a plain close.
        }
      }
      this.db.close()
      last?.close()
    }
    return Promise.resolve()
  }
}
