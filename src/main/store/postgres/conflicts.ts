/**
 * The first conflict of every aggregate of a rebase batch in ONE statement
 * (the aggregates as arrays through `unnest`): per aggregate, the earliest
 * unresolved action on it and the earliest unresolved effect whose trigger one
 * of its actions carries, from the base on — the shared `firstConflictingAction`
 * and `firstConflictingEffect` conditions, asked once per batch instead of
 * twice per aggregate (a round trip each: 200 per 100-event batch).
 */
import type pg from 'pg'
import type { CellIdentity } from '../../../shared/browse'

/** Quoted table names (`Queries.tables`). */
interface Tables {
  readonly action: string
  readonly effect: string
  readonly trigger: string
}

/**
 * Parameters: $1 kinds, $2 ids (text[]), $3 base, $4 resolved seq-nos as a
 * JSON array. Rows only for aggregates that have a conflict. The effect half
 * is driven from the effects after the base (few), through the trigger
 * table's key (kind, id, seq_no) to the actions: the trigger table has no
 * index on seq_no, so the other direction would scan it once per aggregate.
 */
function firstConflictsSql({ action, effect, trigger }: Tables): string {
  return (
    'WITH g("kind", "id", "n") AS (SELECT * FROM unnest($1::text[], $2::text[]) WITH ORDINALITY), ' +
    'r("seq_no") AS (SELECT value::bigint FROM json_array_elements_text($4::json)) ' +
    'SELECT x."n" AS "n", min(x."seq_no") AS "seq_no" FROM (' +
    `SELECT g."n", a."seq_no" FROM g JOIN ${action} a ON a."aggregate_kind" = g."kind" AND a."aggregate_id" = g."id" WHERE a."seq_no" >= $3 ` +
    `UNION ALL SELECT g."n", f."seq_no" FROM ${effect} f ` +
    `JOIN ${trigger} t ON t."trigger_kind" = f."trigger_kind" AND t."trigger_id" = f."trigger_id" ` +
    `JOIN ${action} a ON a."seq_no" = t."seq_no" JOIN g ON a."aggregate_kind" = g."kind" AND a."aggregate_id" = g."id" WHERE f."seq_no" >= $3` +
    ') x WHERE x."seq_no" NOT IN (SELECT "seq_no" FROM r) GROUP BY x."n"'
  )
}

/** For each aggregate (in order), the seq-no of its first conflict from `base` on, or null. */
export async function firstConflictSeqNos(
  client: pg.PoolClient,
  tables: Tables,
  aggregates: readonly CellIdentity[],
  base: number,
  resolved: readonly number[]
): Promise<(number | null)[]> {
  if (aggregates.length === 0) return []
  const { rows } = await client.query<{ n: string; seq_no: string }>(firstConflictsSql(tables), [
    aggregates.map((a) => a.kind),
    aggregates.map((a) => a.id),
    base,
    JSON.stringify(resolved)
  ])
  const found: (number | null)[] = aggregates.map(() => null)
  for (const r of rows) found[Number(r.n) - 1] = Number(r.seq_no)
  return found
}
