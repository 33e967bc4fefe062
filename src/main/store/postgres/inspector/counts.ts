/**
 * Counts on PostgreSQL: rows per table, the size of a read and the causes of
 * its replay (the shared replay plan of `sql/replay.ts`), and the change
 * counter the app polls.
 */
import type { StoreCounts } from '../../../../shared/browse'
import type { TableNames } from '../../../../shared/domain'
import type { ReadCount, ReadScope, ReplayCause } from '../../store-inspector'
import { groupReplayCauses } from '../../sql/audit-rules'
import { replayCausesSql } from '../../sql/list-queries'
import { POSTGRES_DIALECT, buildQueries } from '../../sql/queries'
import { readCountPlan } from '../../sql/read-count'
import type { PgQueries } from '../pg-queries'
import { first, num, quoted, run, textOrder } from './run'

async function countOf(db: PgQueries, sql: string, params: readonly unknown[] = []): Promise<number> {
  return num((await first<{ n: unknown }>(db, sql, params))?.n ?? 0)
}

/** Row counts per table and the highest seq-no. */
export async function counts(db: PgQueries, tables: TableNames): Promise<StoreCounts> {
  const t = quoted(tables)
  const row = await first<Record<keyof StoreCounts, unknown>>(
    db,
    `SELECT (SELECT count(*) FROM ${t.event}) AS "events", (SELECT count(*) FROM ${t.action}) AS "actions", ` +
      `(SELECT count(*) FROM ${t.effect}) AS "effects", (SELECT count(*) FROM ${t.trigger}) AS "triggers", ` +
      `(SELECT coalesce(max("seq_no"), 0) FROM ${t.event}) AS "maxSeqNo"`
  )
  return {
    events: num(row?.events ?? 0),
    actions: num(row?.actions ?? 0),
    effects: num(row?.effects ?? 0),
    triggers: num(row?.triggers ?? 0),
    maxSeqNo: num(row?.maxSeqNo ?? 0)
  }
}

/** How many actions `read(offset)` (restricted to `scope`) delivers, and how many of them are replayed. */
export async function countRead(db: PgQueries, tables: TableNames, offset: number, scope?: ReadScope): Promise<ReadCount> {
  const plan = readCountPlan(buildQueries(tables, POSTGRES_DIALECT), offset, scope)
  const replayed = await countOf(db, plan.replayed.sql, plan.replayed.params)
  return { replayed, total: replayed + (await countOf(db, plan.current.sql, plan.current.params)) }
}

/** Every aggregate an effect at or after `offset` reaches, with those effects' seq-nos (ascending). */
export async function replayCauses(db: PgQueries, tables: TableNames, offset: number): Promise<ReplayCause[]> {
  const rows = await run<{ kind: string; id: string; seq_no: unknown }>(db, replayCausesSql(quoted(tables), await textOrder(db)), [offset])
  return groupReplayCauses(rows.map((r) => ({ kind: r.kind, id: r.id, seq_no: num(r.seq_no) })))
}

/** 2^53: versions stay exact JavaScript integers. */
const SAFE = 2n ** 53n

/**
 * A number that changes whenever another client commits a change to the
 * store, and not otherwise. PostgreSQL has no `data_version`, and a count of
 * the events is a scan (180 ms at 1 M events here, polled twice a second).
 * So: the highest seq-no (one index probe), which every committed append
 * raises — the library and `rebase` only ever append — folded with the
 * server's statistics of rows deleted and updated in the four tables
 * (`pg_stat_get_tuples_deleted` / `_updated`), which change when some other
 * tool rewrites history (they arrive with the statistics, up to a few
 * seconds after the commit). Inserts rolled back (a dry rebase, a failed
 * batch) change neither; transaction ids and insert statistics would.
 */
export async function dataVersion(db: PgQueries, tables: TableNames): Promise<number> {
  const t = quoted(tables)
  const rewritten = [t.event, t.action, t.effect, t.trigger]
    .map((name) => `coalesce(pg_stat_get_tuples_deleted(to_regclass('${name.replaceAll("'", "''")}')), 0) + coalesce(pg_stat_get_tuples_updated(to_regclass('${name.replaceAll("'", "''")}')), 0)`)
    .join(' + ')
  const row = await first<{ m: unknown; r: unknown }>(db, `SELECT (SELECT coalesce(max("seq_no"), 0) FROM ${t.event}) AS m, ${rewritten} AS r`)
  const m = BigInt(num(row?.m ?? 0))
  const r = BigInt(num(row?.r ?? 0))
  return Number((m * 1_048_583n + r) % SAFE)
}
