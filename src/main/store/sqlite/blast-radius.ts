/**
 * The blast radius of one effect (docs/semantics.md#read-with-replay): `read(offset)` replays every
 * action before `offset` of each aggregate that some effect at or after
 * `offset` reaches. The actions replayed because of effect E are those of the
 * aggregates E reaches, when E's seq-no is at or after `offset`; they are
 * replayed *only* because of E when no other effect at or after `offset`
 * reaches their aggregate. Reached aggregates come from E's trigger through
 * the trigger key index, never from a lookup of triggers by seq-no.
 */
import type Database from 'better-sqlite3'
import type { BlastAction, BlastAggregate, BlastRadius, BlastReadSizes } from '../../../shared/audit'
import type { Queries } from '../sql/queries'

/** Aggregates and actions listed at most (the counts cover all of them). */
export const BLAST_LIST_CAP = 500

/** Why an effect replays nothing from `offset`, or null when it counts. */
export function inactiveReason(effectSeqNo: number, offset: number): string | null {
  if (offset <= 1) return `A read from offset ${offset} reads everything from the start, so nothing is replayed.`
  if (effectSeqNo < offset) {
    return `Effect ${effectSeqNo} is before offset ${offset}: a read from ${offset} does not see it, so it replays nothing. It counts for offsets 2 to ${effectSeqNo}.`
  }
  return null
}

interface EffectRow {
  seqNo: number
  reason: string
  kind: string
  id: string
}

/** The SQL pieces of one effect at one offset. */
function parts(queries: Queries, e: EffectRow, offset: number) {
  const { action, effect, trigger } = queries.tables
  return {
    reach:
      `reach AS (SELECT a."aggregate_kind" AS kind, a."aggregate_id" AS id FROM ${trigger} t JOIN ${action} a ON a."seq_no" = t."seq_no" ` +
      `WHERE t."trigger_kind" = ? AND t."trigger_id" = ? GROUP BY 1, 2)`,
    reachParams: [e.kind, e.id],
    // Aggregates other effects at or after the offset reach: the read replays them anyway.
    other:
      `other AS MATERIALIZED (SELECT a."aggregate_kind" AS kind, a."aggregate_id" AS id FROM ${effect} f JOIN ${trigger} t ` +
      `ON t."trigger_kind" = f."trigger_kind" AND t."trigger_id" = f."trigger_id" JOIN ${action} a ON a."seq_no" = t."seq_no" ` +
      `WHERE f."seq_no" >= ? AND f."seq_no" <> ? GROUP BY 1, 2)`,
    otherParams: [offset, e.seqNo]
  }
}

function effectRow(db: Database.Database, queries: Queries, effectSeqNo: number): EffectRow | undefined {
  return db.prepare(`SELECT "seq_no" AS seqNo, "reason" AS reason, "trigger_kind" AS kind, "trigger_id" AS id FROM ${queries.tables.effect} WHERE "seq_no" = ?`).get(effectSeqNo) as
    | EffectRow
    | undefined
}

/** Reached aggregates with their replayed actions (before `before`) and whether another effect reaches them too. */
function reachedAggregates(db: Database.Database, queries: Queries, e: EffectRow, offset: number, before: number): BlastAggregate[] {
  const { reach, reachParams, other, otherParams } = parts(queries, e, offset)
  const rows = db
    .prepare(
      `WITH ${reach}, ${other} SELECT r.kind AS kind, r.id AS id, ` +
        `(SELECT count(*) FROM ${queries.tables.action} x WHERE x."aggregate_kind" = r.kind AND x."aggregate_id" = r.id AND x."seq_no" < ?) AS replayed, ` +
        `o.kind IS NOT NULL AS shared FROM reach r LEFT JOIN other o ON o.kind = r.kind AND o.id = r.id ORDER BY r.kind, r.id`
    )
    .all(...reachParams, ...otherParams, before) as { kind: string; id: string; replayed: number; shared: number }[]
  return rows.map((r) => ({ kind: r.kind, id: r.id, replayed: r.replayed, sharedWithOtherEffects: r.shared === 1 }))
}

/** What `read(offset)` replays because of effect `effectSeqNo`; null when that seq-no is not an effect. */
export function blastRadius(db: Database.Database, queries: Queries, effectSeqNo: number, offset = effectSeqNo, cap = BLAST_LIST_CAP): BlastRadius | null {
  const { event, action } = queries.tables
  const e = effectRow(db, queries, effectSeqNo)
  if (e === undefined) return null
  const inactive = inactiveReason(e.seqNo, offset)
  // Only actions before the offset replay; an inactive effect replays none.
  const before = inactive === null ? offset : 0
  const { reach, reachParams } = parts(queries, e, offset)
  const aggregates = reachedAggregates(db, queries, e, offset, before)
  const shared = new Set(aggregates.filter((g) => g.sharedWithOtherEffects).map((g) => JSON.stringify([g.kind, g.id])))
  const actionRows = db
    .prepare(
      `WITH ${reach} SELECT x."seq_no" AS seqNo, ev."timestamp" AS timestamp, x."reason" AS reason, x."aggregate_kind" AS kind, x."aggregate_id" AS id ` +
        `FROM reach r JOIN ${action} x ON x."aggregate_kind" = r.kind AND x."aggregate_id" = r.id JOIN ${event} ev ON ev."seq_no" = x."seq_no" ` +
        `WHERE x."seq_no" < ? ORDER BY x."seq_no" LIMIT ?`
    )
    .all(...reachParams, before, cap) as { seqNo: number; timestamp: number; reason: string; kind: string; id: string }[]
  const actions: BlastAction[] = actionRows.map((r) => ({
    seqNo: r.seqNo,
    timestamp: r.timestamp,
    reason: r.reason,
    aggregate: { kind: r.kind, id: r.id },
    onlyBecauseOfIt: !shared.has(JSON.stringify([r.kind, r.id]))
  }))
  const exclusive = aggregates.filter((g) => !g.sharedWithOtherEffects && g.replayed > 0)
  return {
    effect: { seqNo: e.seqNo, reason: e.reason, trigger: { kind: e.kind, id: e.id } },
    offset,
    inactive,
    aggregates: { items: aggregates.slice(0, cap), total: aggregates.length },
    actions: { items: actions, total: aggregates.reduce((n, g) => n + g.replayed, 0) },
    replayedAggregates: aggregates.filter((g) => g.replayed > 0).length,
    onlyBecauseOfIt: exclusive.reduce((n, g) => n + g.replayed, 0),
    aggregatesOnlyBecauseOfIt: exclusive.length
  }
}

/**
 * The size of `read(offset)` with and without effect `effectSeqNo` (null when
 * it is not an effect). Counts the replayed actions of every aggregate other
 * effects reach, driven from those aggregates (CROSS JOIN keeps SQLite from
 * scanning all actions before the offset instead).
 */
export function blastReadSizes(db: Database.Database, queries: Queries, effectSeqNo: number, offset = effectSeqNo): BlastReadSizes | null {
  const { action } = queries.tables
  const e = effectRow(db, queries, effectSeqNo)
  if (e === undefined) return null
  const before = inactiveReason(e.seqNo, offset) === null ? offset : 0
  const { other, otherParams } = parts(queries, e, offset)
  const current = (db.prepare(`SELECT count(*) AS n FROM ${action} WHERE "seq_no" >= ?`).get(offset) as { n: number }).n
  const replayedWithout = (
    db
      .prepare(`WITH ${other} SELECT count(*) AS n FROM other o CROSS JOIN ${action} x ON x."aggregate_kind" = o.kind AND x."aggregate_id" = o.id WHERE x."seq_no" < ?`)
      .get(...otherParams, Math.max(offset, 0)) as { n: number }
  ).n
  const only = reachedAggregates(db, queries, e, offset, before)
    .filter((g) => !g.sharedWithOtherEffects)
    .reduce((n, g) => n + g.replayed, 0)
  return { current, replayedWith: replayedWithout + only, replayedWithout }
}
