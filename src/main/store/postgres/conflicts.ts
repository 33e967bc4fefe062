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

/** Parameters: $1 kinds, $2 ids (text[]), $3 base, $4 resolved seq-nos as a JSON array. */
function firstConflictsSql({ action, effect, trigger }: Tables): string {
  const notResolved = (col: string): string => `${col} NOT IN (SELECT value::bigint FROM json_array_elements_text($4::json))`
  return (
    'SELECT g."n" AS "n", ' +
    `(SELECT min(a."seq_no") FROM ${action} a WHERE a."aggregate_kind" = g."kind" AND a."aggregate_id" = g."id" ` +
    `AND a."seq_no" >= $3 AND ${notResolved('a."seq_no"')}) AS "via_action", ` +
    `(SELECT min(f."seq_no") FROM ${effect} f WHERE f."seq_no" >= $3 AND ${notResolved('f."seq_no"')} ` +
    `AND EXISTS (SELECT 1 FROM ${trigger} t JOIN ${action} a ON a."seq_no" = t."seq_no" ` +
    'WHERE t."trigger_kind" = f."trigger_kind" AND t."trigger_id" = f."trigger_id" AND a."aggregate_kind" = g."kind" AND a."aggregate_id" = g."id")) AS "via_effect" ' +
    'FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS g("kind", "id", "n")'
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
  const { rows } = await client.query<{ n: string; via_action: string | null; via_effect: string | null }>(firstConflictsSql(tables), [
    aggregates.map((a) => a.kind),
    aggregates.map((a) => a.id),
    base,
    JSON.stringify(resolved)
  ])
  const found: (number | null)[] = aggregates.map(() => null)
  for (const r of rows) {
    const seqNos = [r.via_action, r.via_effect].filter((s): s is string => s !== null).map(Number)
    found[Number(r.n) - 1] = seqNos.length > 0 ? Math.min(...seqNos) : null
  }
  return found
}
