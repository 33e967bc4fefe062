/**
 * The blast radius of one effect (docs/semantics.md#read-with-replay) as query
 * flows shared by the adapters: `read(offset)` replays every action before
 * `offset` of each aggregate that some effect at or after `offset` reaches.
 * The actions replayed because of effect E are those of the aggregates E
 * reaches, when E's seq-no is at or after `offset`; they are replayed *only*
 * because of E when no other effect at or after `offset` reaches their
 * aggregate. Reached aggregates come from E's trigger through the trigger key
 * index, never from a lookup of triggers by seq-no.
 */
import type { BlastAggregate, BlastRadius, BlastReadSizes } from '../../../shared/audit'
import {
  BLAST_LIST_CAP,
  blastRadiusOf,
  inactiveReason,
  replayedOnlyBecauseOfIt,
  type BlastActionRow,
  type BlastEffectRow
} from './audit-rules'
import type { QuotedTables } from './event-rows'
import { query, type Flow } from './flow'

/** How the blast queries differ by database. */
export interface BlastSql {
  /** `order` after sorted text columns (see `list-queries.ts`). */
  readonly order: string
  /** A join the planner must keep in the written order (SQLite's CROSS JOIN; a plain JOIN elsewhere). */
  readonly fixedJoin: string
}

/** SQLite's spellings. */
export const SQLITE_BLAST: BlastSql = { order: '', fixedJoin: 'CROSS JOIN' }

/** The SQL pieces of one effect at one offset. */
function parts(t: QuotedTables, e: BlastEffectRow, offset: number) {
  return {
    reach:
      `reach AS (SELECT a."aggregate_kind" AS kind, a."aggregate_id" AS id FROM ${t.trigger} t JOIN ${t.action} a ON a."seq_no" = t."seq_no" ` +
      `WHERE t."trigger_kind" = ? AND t."trigger_id" = ? GROUP BY 1, 2)`,
    reachParams: [e.kind, e.id],
    // Aggregates other effects at or after the offset reach: the read replays them anyway.
    other:
      `other AS MATERIALIZED (SELECT a."aggregate_kind" AS kind, a."aggregate_id" AS id FROM ${t.effect} f JOIN ${t.trigger} t ` +
      `ON t."trigger_kind" = f."trigger_kind" AND t."trigger_id" = f."trigger_id" JOIN ${t.action} a ON a."seq_no" = t."seq_no" ` +
      `WHERE f."seq_no" >= ? AND f."seq_no" <> ? GROUP BY 1, 2)`,
    otherParams: [offset, e.seqNo]
  }
}

function* effectRow(t: QuotedTables, effectSeqNo: number): Flow<BlastEffectRow | undefined> {
  const rows = yield* query<BlastEffectRow>(
    `SELECT "seq_no" AS "seqNo", "reason" AS "reason", "trigger_kind" AS "kind", "trigger_id" AS "id" FROM ${t.effect} WHERE "seq_no" = ?`,
    [effectSeqNo]
  )
  return rows.length > 0 ? { ...rows[0], seqNo: Number(rows[0].seqNo) } : undefined
}

/** Reached aggregates with their replayed actions (before `before`) and whether another effect reaches them too. */
function* reachedAggregates(t: QuotedTables, s: BlastSql, e: BlastEffectRow, offset: number, before: number): Flow<BlastAggregate[]> {
  const { reach, reachParams, other, otherParams } = parts(t, e, offset)
  const rows = yield* query<{ kind: string; id: string; replayed: unknown; shared: unknown }>(
    `WITH ${reach}, ${other} SELECT r.kind AS "kind", r.id AS "id", ` +
      `(SELECT count(*) FROM ${t.action} x WHERE x."aggregate_kind" = r.kind AND x."aggregate_id" = r.id AND x."seq_no" < ?) AS "replayed", ` +
      `o.kind IS NOT NULL AS "shared" FROM reach r LEFT JOIN other o ON o.kind = r.kind AND o.id = r.id ORDER BY r.kind${s.order}, r.id${s.order}`,
    [...reachParams, ...otherParams, before]
  )
  return rows.map((r) => ({ kind: r.kind, id: r.id, replayed: Number(r.replayed), sharedWithOtherEffects: r.shared === 1 || r.shared === true }))
}

/** What `read(offset)` replays because of effect `effectSeqNo`; null when that seq-no is not an effect. */
export function* blastRadiusFlow(t: QuotedTables, s: BlastSql, effectSeqNo: number, offset = effectSeqNo, cap = BLAST_LIST_CAP): Flow<BlastRadius | null> {
  const e = yield* effectRow(t, effectSeqNo)
  if (e === undefined) return null
  const inactive = inactiveReason(e.seqNo, offset)
  // Only actions before the offset replay; an inactive effect replays none.
  const before = inactive === null ? offset : 0
  const { reach, reachParams } = parts(t, e, offset)
  const aggregates = yield* reachedAggregates(t, s, e, offset, before)
  const actionRows = yield* query<BlastActionRow>(
    `WITH ${reach} SELECT x."seq_no" AS "seqNo", ev."timestamp" AS "timestamp", x."reason" AS "reason", x."aggregate_kind" AS "kind", x."aggregate_id" AS "id" ` +
      `FROM reach r JOIN ${t.action} x ON x."aggregate_kind" = r.kind AND x."aggregate_id" = r.id JOIN ${t.event} ev ON ev."seq_no" = x."seq_no" ` +
      `WHERE x."seq_no" < ? ORDER BY x."seq_no" LIMIT ?`,
    [...reachParams, before, cap]
  )
  return blastRadiusOf(e, offset, inactive, aggregates, actionRows.map((r) => ({ ...r, seqNo: Number(r.seqNo) })), cap)
}

/**
 * The size of `read(offset)` with and without effect `effectSeqNo` (null when
 * it is not an effect). Counts the replayed actions of every aggregate other
 * effects reach, driven from those aggregates (the fixed join keeps SQLite
 * from scanning all actions before the offset instead).
 */
export function* blastReadSizesFlow(t: QuotedTables, s: BlastSql, effectSeqNo: number, offset = effectSeqNo): Flow<BlastReadSizes | null> {
  const e = yield* effectRow(t, effectSeqNo)
  if (e === undefined) return null
  const before = inactiveReason(e.seqNo, offset) === null ? offset : 0
  const { other, otherParams } = parts(t, e, offset)
  const [current] = yield* query<{ n: unknown }>(`SELECT count(*) AS "n" FROM ${t.action} WHERE "seq_no" >= ?`, [offset])
  const [without] = yield* query<{ n: unknown }>(
    `WITH ${other} SELECT count(*) AS "n" FROM other o ${s.fixedJoin} ${t.action} x ON x."aggregate_kind" = o.kind AND x."aggregate_id" = o.id WHERE x."seq_no" < ?`,
    [...otherParams, Math.max(offset, 0)]
  )
  const replayedWithout = Number(without.n)
  const only = replayedOnlyBecauseOfIt(yield* reachedAggregates(t, s, e, offset, before))
  return { current: Number(current.n), replayedWith: replayedWithout + only, replayedWithout }
}
