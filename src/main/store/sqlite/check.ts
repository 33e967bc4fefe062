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
import { CHECKED_INDEXES, ProblemList, checkEventRowInto, checkIndexesInto, rowRules, type CheckRow, type Utf8Check } from '../sql/check-rules'
import { isSqliteError } from '../errors'
import { leadingIndex } from './indexes'
import { sqliteDamage } from './integrity'
import { quoteIdent } from './schema'
import type { Queries } from '../sql/queries'
import { filterSql } from './browse'
import { ROW_COLUMNS, type RawEventRow } from '../sql/event-rows'

export { PROBLEMS_PER_CODE } from '../sql/check-rules'

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

function checkIndexes(db: Database.Database, tables: TableNames, list: ProblemList, shown: string): void {
  const indexed = (key: keyof typeof CHECKED_INDEXES): boolean => leadingIndex(db, tables[CHECKED_INDEXES[key].table], CHECKED_INDEXES[key].columns) !== null
  const triggerRows = (db.prepare(`SELECT count(*) AS n FROM ${quoteIdent(tables.trigger)}`).get() as { n: number }).n
  checkIndexesInto(list, tables, { aggregateIndex: indexed('aggregateIndex'), triggerIndex: indexed('triggerIndex'), triggerSeqNoIndex: indexed('triggerSeqNoIndex'), triggerRows }, shown)
}

function checkEvents(db: Database.Database, queries: Queries, tables: TableNames, list: ProblemList, onProgress?: ProgressFn): void {
  const total = (db.prepare(`SELECT count(*) AS n FROM ${queries.tables.event}`).get() as { n: number }).n
  const f = filterSql(queries)
  const rows = db.prepare(`SELECT ${ROW_COLUMNS} FROM ${f.from} ORDER BY ev."seq_no"`)
  let previous = 0
  let done = 0
  for (const r of rows.iterate() as Iterable<RawEventRow>) {
    previous = checkEventRowInto(list, tables, r, previous)
    done++
    if (onProgress && done % 5000 === 0) onProgress(done, total)
  }
  onProgress?.(done, total)
}

function checkOrphans(db: Database.Database, queries: Queries, tables: TableNames, list: ProblemList): void {
  for (const rule of rowRules(queries.tables, tables)) for (const r of db.prepare(rule.sql).iterate() as Iterable<CheckRow>) rule.into(list, r)
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
/** Every check of the store at `path` (named in the index hint); read-only. */
export function checkStore(db: Database.Database, queries: Queries, tables: TableNames, path: string, onProgress?: ProgressFn): Problem[] {
  const list = new ProblemList(invalidUtf8Checker(db))
  onProgress?.(0, 1)
  checkSqlite(db, list)
  unlessDamaged(list, 'index check', () => checkIndexes(db, tables, list, path))
  unlessDamaged(list, 'check of the events', () => checkEvents(db, queries, tables, list, onProgress))
  unlessDamaged(list, 'check of orphan rows', () => checkOrphans(db, queries, tables, list))
  return list.result()
}
