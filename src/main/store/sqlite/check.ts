/**
 * The integrity check over a SQLite store: SQLite's own integrity_check, then
 * schema, orphan rows, events with neither or both bodies, every EDN cell
 * (text that is not valid UTF-8 included), patches, triggers, seq-no gaps.
 * Uses read queries only; it never writes.
 */
import type Database from 'better-sqlite3'
import type { Problem } from '../../../shared/browse'
import type { TableNames } from '../../../shared/domain'
import type { ProgressFn } from '../store-inspector'
import { checkCell, type CellExpectation } from '../../core/integrity'
import { lengthNotice } from '../../core/cell-limits'
import { isSqliteError } from '../errors'
import { sqliteDamage } from './integrity'
import { quoteIdent } from './schema'
import type { Queries } from '../sql/queries'
import { ROW_COLUMNS, filterSql, type RawEventRow } from './browse'

/** Detailed problems reported per code before they are summarised. */
export const PROBLEMS_PER_CODE = 200

/** Says why a cell's stored bytes are not UTF-8, or null (see `invalidUtf8Checker`). */
type Utf8Check = (seqNo: number, table: string, column: string, text: string) => string | null

/** Collects problems, capping each code and summarising the rest. */
class ProblemList {
  private readonly problems: Problem[] = []
  private readonly counts = new Map<Problem['code'], number>()

  constructor(readonly invalidUtf8: Utf8Check) {}

  add(problem: Problem): void {
    const n = (this.counts.get(problem.code) ?? 0) + 1
    this.counts.set(problem.code, n)
    if (n <= PROBLEMS_PER_CODE) this.problems.push(problem)
  }

  result(): Problem[] {
    const summaries: Problem[] = []
    for (const [code, n] of this.counts) {
      if (n > PROBLEMS_PER_CODE) {
        const first = this.problems.find((p) => p.code === code)
        summaries.push({
          code,
          severity: first?.severity ?? 'error',
          message: `… and ${n - PROBLEMS_PER_CODE} more problems of this kind (${code}); ${n} in all.`
        })
      }
    }
    return [...this.problems, ...summaries]
  }
}


const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true })

/**
 * Flags a cell whose stored bytes are not valid UTF-8. The driver shows such
 * bytes as U+FFFD, so only cells showing one are fetched again as bytes.
 */
function invalidUtf8Checker(db: Database.Database): Utf8Check {
  return (seqNo, table, column, text) => {
    if (!text.includes('\uFFFD')) return null
    const bytes = db.prepare(`SELECT CAST(${quoteIdent(column)} AS BLOB) FROM ${quoteIdent(table)} WHERE "seq_no" = ?`).pluck().get(seqNo) as Uint8Array | undefined
    if (bytes === undefined) return null
    try {
      STRICT_UTF8.decode(bytes)
      return null
    } catch {
      return `Seq-no ${seqNo}: ${table}.${column} holds bytes that are not valid UTF-8 (they read as U+FFFD); the library would read other text than was written.`
    }
  }
}

function checkCellInto(list: ProblemList, seqNo: number, table: string, column: string, text: string | null, expectation: CellExpectation): void {
  if (text === null) return
  if (typeof text !== 'string') {
    list.add({ code: 'invalid-value', severity: 'error', seqNo, table, column, message: `Seq-no ${seqNo}: ${table}.${column} holds a ${typeof text}, not EDN text.` })
    return
  }
  const badBytes = list.invalidUtf8(seqNo, table, column, text)
  if (badBytes !== null) list.add({ code: 'invalid-value', severity: 'error', seqNo, table, column, message: badBytes })
  for (const p of checkCell(text, expectation)) {
    list.add({ code: p.code, severity: p.severity, seqNo, table, column, message: `Seq-no ${seqNo}: ${table}.${column} ${p.detail}.` })
  }
  const tooLong = lengthNotice(column, text)
  if (tooLong !== null) {
    list.add({ code: 'invalid-value', severity: 'notice', seqNo, table, column, message: `Seq-no ${seqNo}: ${table}.${column} ${tooLong}.` })
  }
}

function checkIndexes(db: Database.Database, tables: TableNames, list: ProblemList): void {
  const indexed = (table: string, columns: string[]): boolean => {
    const indexes = db.prepare('SELECT name FROM pragma_index_list(?)').all(table) as { name: string }[]
    return indexes.some((ix) => {
      const cols = (db.prepare('SELECT name FROM pragma_index_info(?)').all(ix.name) as { name: string }[]).map((c) => c.name)
      return cols.slice(0, columns.length).join(',') === columns.join(',')
    })
  }
  if (!indexed(tables.action, ['aggregate_kind', 'aggregate_id'])) {
    list.add({ code: 'schema', severity: 'warning', table: tables.action, message: `Table "${tables.action}" has no index on (aggregate_kind, aggregate_id); conflict checks and replay will scan the whole table.` })
  }
  if (!indexed(tables.effect, ['trigger_kind', 'trigger_id'])) {
    list.add({ code: 'schema', severity: 'warning', table: tables.effect, message: `Table "${tables.effect}" has no index on (trigger_kind, trigger_id); conflict checks will scan the whole table.` })
  }
}

function checkEvents(db: Database.Database, queries: Queries, tables: TableNames, list: ProblemList, onProgress?: ProgressFn): void {
  const total = (db.prepare(`SELECT count(*) AS n FROM ${queries.tables.event}`).get() as { n: number }).n
  const f = filterSql(queries)
  const rows = db.prepare(`SELECT ${ROW_COLUMNS} FROM ${f.from} ORDER BY ev."seq_no"`)
  let previous = 0
  let done = 0
  for (const r of rows.iterate() as Iterable<RawEventRow>) {
    const n = r.seq_no
    if (!Number.isInteger(n) || n < 1) {
      list.add({ code: 'invalid-value', severity: 'error', seqNo: n, table: tables.event, column: 'seq_no', message: `Seq-no ${n} is not a positive integer.` })
    } else if (n > previous + 1) {
      const gap = n - previous - 1
      list.add({
        code: 'seq-no-gap', severity: 'notice', seqNo: n, table: tables.event,
        message: gap === 1 ? `Seq-no ${previous + 1} is missing (the library allows gaps).` : `Seq-nos ${previous + 1}–${n - 1} are missing (${gap} numbers; the library allows gaps).`
      })
    }
    previous = Number.isInteger(n) ? Math.max(previous, n) : previous
    if (!Number.isInteger(r.timestamp as unknown)) {
      list.add({ code: 'invalid-value', severity: 'error', seqNo: n, table: tables.event, column: 'timestamp', message: `Seq-no ${n}: ${tables.event}.timestamp is ${JSON.stringify(r.timestamp)}, not whole epoch seconds.` })
    }
    checkCellInto(list, n, tables.event, 'source', r.source, 'keyword')
    if (r.a_seq === null && r.f_seq === null) {
      list.add({ code: 'event-without-body', severity: 'error', seqNo: n, table: tables.event, message: `Seq-no ${n} is in "${tables.event}" but has neither an action nor an effect row.` })
    } else if (r.a_seq !== null && r.f_seq !== null) {
      list.add({ code: 'event-with-both', severity: 'error', seqNo: n, table: tables.event, message: `Seq-no ${n} has both an action row and an effect row; an event is exactly one of them.` })
    }
    if (r.a_seq !== null) {
      checkCellInto(list, n, tables.action, 'reason', r.a_reason, 'keyword')
      checkCellInto(list, n, tables.action, 'actor_kind', r.actor_kind, 'keyword')
      checkCellInto(list, n, tables.action, 'actor_id', r.actor_id, 'id')
      checkCellInto(list, n, tables.action, 'aggregate_kind', r.aggregate_kind, 'keyword')
      checkCellInto(list, n, tables.action, 'aggregate_id', r.aggregate_id, 'id')
      checkCellInto(list, n, tables.action, 'patch', r.patch, 'patch')
    }
    if (r.f_seq !== null) {
      checkCellInto(list, n, tables.effect, 'reason', r.f_reason, 'keyword')
      checkCellInto(list, n, tables.effect, 'trigger_kind', r.trigger_kind, 'keyword')
      checkCellInto(list, n, tables.effect, 'trigger_id', r.trigger_id, 'id')
    }
    done++
    if (onProgress && done % 5000 === 0) onProgress(done, total)
  }
  onProgress?.(done, total)
}

function checkOrphans(db: Database.Database, queries: Queries, tables: TableNames, list: ProblemList): void {
  const { event, action, effect, trigger } = queries.tables
  const orphanQuery = (table: string): string =>
    `SELECT x."seq_no" AS seq_no FROM ${table} x WHERE NOT EXISTS (SELECT 1 FROM ${event} ev WHERE ev."seq_no" = x."seq_no") ORDER BY x."seq_no"`
  for (const r of db.prepare(orphanQuery(action)).iterate() as Iterable<{ seq_no: number }>) {
    list.add({ code: 'orphan-action', severity: 'error', seqNo: r.seq_no, table: tables.action, message: `"${tables.action}" has a row for seq-no ${r.seq_no}, but "${tables.event}" has no such event.` })
  }
  for (const r of db.prepare(orphanQuery(effect)).iterate() as Iterable<{ seq_no: number }>) {
    list.add({ code: 'orphan-effect', severity: 'error', seqNo: r.seq_no, table: tables.effect, message: `"${tables.effect}" has a row for seq-no ${r.seq_no}, but "${tables.event}" has no such event.` })
  }
  const triggerRows = db.prepare(
    `SELECT t."seq_no" AS seq_no, t."trigger_kind" AS trigger_kind, t."trigger_id" AS trigger_id, ` +
      `EXISTS (SELECT 1 FROM ${event} ev WHERE ev."seq_no" = t."seq_no") AS has_event, ` +
      `EXISTS (SELECT 1 FROM ${action} a WHERE a."seq_no" = t."seq_no") AS has_action FROM ${trigger} t ORDER BY t."seq_no"`
  )
  for (const r of triggerRows.iterate() as Iterable<{ seq_no: number; trigger_kind: string; trigger_id: string; has_event: number; has_action: number }>) {
    const id = `[${r.trigger_kind} ${r.trigger_id}]`
    if (!r.has_event) {
      list.add({ code: 'orphan-trigger', severity: 'error', seqNo: r.seq_no, table: tables.trigger, message: `Trigger ${id} belongs to seq-no ${r.seq_no}, which "${tables.event}" does not have.` })
    } else if (!r.has_action) {
      list.add({ code: 'trigger-without-action', severity: 'warning', seqNo: r.seq_no, table: tables.trigger, message: `Trigger ${id} belongs to seq-no ${r.seq_no}, which is not an action; only actions carry triggers, so replay ignores it.` })
    }
    checkCellInto(list, r.seq_no, tables.trigger, 'trigger_kind', r.trigger_kind, 'keyword')
    checkCellInto(list, r.seq_no, tables.trigger, 'trigger_id', r.trigger_id, 'id')
  }
  const unused = db.prepare(
    `SELECT f."seq_no" AS seq_no, f."trigger_kind" AS trigger_kind, f."trigger_id" AS trigger_id FROM ${effect} f ` +
      `WHERE NOT EXISTS (SELECT 1 FROM ${trigger} t JOIN ${action} a ON a."seq_no" = t."seq_no" ` +
      `WHERE t."trigger_kind" = f."trigger_kind" AND t."trigger_id" = f."trigger_id") ORDER BY f."seq_no"`
  )
  for (const r of unused.iterate() as Iterable<{ seq_no: number; trigger_kind: string; trigger_id: string }>) {
    list.add({ code: 'effect-trigger-unused', severity: 'warning', seqNo: r.seq_no, table: tables.effect, message: `Effect ${r.seq_no} names trigger [${r.trigger_kind} ${r.trigger_id}], which no action carries; it replays nothing.` })
  }
}

/** SQLite's `integrity_check`: each message it prints is a problem. */
function checkSqlite(db: Database.Database, list: ProblemList): void {
  for (const message of sqliteDamage(db, 'integrity_check')) {
    list.add({ code: 'sqlite-integrity', severity: 'error', message: `SQLite's integrity check: ${message.replaceAll('\n', ' ')}.` })
  }
}

/** Runs a store-level rule; on a damaged page it records where reading stopped instead of failing the check. */
function unlessDamaged(list: ProblemList, rule: string, run: () => void): void {
  try {
    run()
  } catch (e) {
    if (!isSqliteError(e, 'SQLITE_CORRUPT')) throw e
    list.add({ code: 'sqlite-integrity', severity: 'error', message: `The ${rule} stopped at a damaged page (${(e as Error).message}); its results are incomplete.` })
  }
}

/**
 * Run every check; read-only. SQLite's own `integrity_check` comes first (the
 * first step of the progress), then the store-level rules row by row.
 */
export function checkStore(db: Database.Database, queries: Queries, tables: TableNames, onProgress?: ProgressFn): Problem[] {
  const list = new ProblemList(invalidUtf8Checker(db))
  onProgress?.(0, 1)
  checkSqlite(db, list)
  unlessDamaged(list, 'index check', () => checkIndexes(db, tables, list))
  unlessDamaged(list, 'check of the events', () => checkEvents(db, queries, tables, list, onProgress))
  unlessDamaged(list, 'check of orphan rows', () => checkOrphans(db, queries, tables, list))
  return list.result()
}
