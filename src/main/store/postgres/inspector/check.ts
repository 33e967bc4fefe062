/**
 * The integrity check on PostgreSQL: the library's secondary indexes, then
 * the shared store-level rules of `sql/check-rules.ts` row by row — events
 * with neither or both bodies, every EDN cell, patches, lengths, seq-no gaps,
 * orphan action, effect and trigger rows (possible where the foreign keys
 * were dropped or disabled), effects whose trigger no action carries. There
 * is no counterpart of SQLite's integrity_check, and text in a UTF8 database
 * is always valid UTF-8. Read queries only (inside the store's read-only
 * snapshot); it never writes.
 */
import type { Problem } from '../../../../shared/browse'
import type { TableNames } from '../../../../shared/domain'
import type { ProgressFn } from '../../store-inspector'
import { CHECKED_INDEXES, ProblemList, checkEventRowInto, checkIndexesInto, rowRules, type CheckRow } from '../../sql/check-rules'
import { ROW_COLUMNS, numericRow, type RawEventRow } from '../../sql/event-rows'
import type { PgQueries } from '../pg-queries'
import { pgFilter } from './browse'
import { first, num, quoted, stream } from './run'

/** Rows per round trip of the check's cursors. */
const BATCH = 5000

/** The name of an index on `table` (looked up on the search path) whose leading columns are `columns` (not a partial one), or null. */
export async function leadingIndex(db: PgQueries, table: string, columns: readonly string[]): Promise<string | null> {
  const row = await first<{ name: string }>(
    db,
    'SELECT c.relname AS name FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid = to_regclass(?) AND i.indpred IS NULL AND ' +
      '(SELECT array_agg(a.attname::text ORDER BY k.n) FROM unnest(CAST(i.indkey AS int2[])) WITH ORDINALITY AS k(attnum, n) ' +
      'JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum WHERE k.n <= ?) = CAST(? AS text[]) ORDER BY c.relname LIMIT 1',
    [table, columns.length, columns]
  )
  return row?.name ?? null
}

async function checkIndexes(db: PgQueries, tables: TableNames, list: ProblemList, shown: string): Promise<void> {
  const t = quoted(tables)
  const indexed = async (key: keyof typeof CHECKED_INDEXES): Promise<boolean> => (await leadingIndex(db, t[CHECKED_INDEXES[key].table], CHECKED_INDEXES[key].columns)) !== null
  const found = {
    aggregateIndex: await indexed('aggregateIndex'),
    triggerIndex: await indexed('triggerIndex'),
    triggerSeqNoIndex: await indexed('triggerSeqNoIndex'),
    triggerRows: num((await first<{ n: unknown }>(db, `SELECT count(*) AS n FROM ${t.trigger}`))?.n ?? 0)
  }
  // The command without the masked password (PGPASSWORD or a prompt supplies it).
  checkIndexesInto(list, tables, found, shown.replace(':***@', '@'))
}

async function checkEvents(db: PgQueries, tables: TableNames, list: ProblemList, onProgress?: ProgressFn): Promise<void> {
  const total = num((await first<{ n: unknown }>(db, `SELECT count(*) AS n FROM ${quoted(tables).event}`))?.n ?? 0)
  const f = pgFilter(tables)
  let previous = 0
  let done = 0
  for await (const batch of stream<RawEventRow>(db, `SELECT ${ROW_COLUMNS} FROM ${f.from} ORDER BY ev."seq_no"`, [], BATCH)) {
    for (const r of batch) previous = checkEventRowInto(list, tables, numericRow(r), previous)
    done += batch.length
    onProgress?.(done, total)
  }
  onProgress?.(done, total)
}

async function checkOrphans(db: PgQueries, tables: TableNames, list: ProblemList): Promise<void> {
  for (const rule of rowRules(quoted(tables), tables, num)) {
    for await (const batch of stream<CheckRow>(db, rule.sql, [], BATCH)) for (const r of batch) rule.into(list, r)
  }
}

/** Run every check of the store shown as `shown` (its masked URL, named in the index hint); read-only. */
export async function check(db: PgQueries, tables: TableNames, onProgress?: ProgressFn, shown = 'URL'): Promise<Problem[]> {
  const list = new ProblemList()
  onProgress?.(0, 1)
  await checkIndexes(db, tables, list, shown)
  await checkEvents(db, tables, list, onProgress)
  await checkOrphans(db, tables, list)
  return list.result()
}
