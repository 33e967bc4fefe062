/**
 * SQL text for one set of table names, with `?` placeholders (the PostgreSQL
 * adapter numbers them). Built once per store; every query here is keyed on an
 * indexed column. The few spellings that differ by database come from a `SqlDialect`.
 */
import type { TableNames } from '../../../shared/domain'
import { quoteIdent as q } from './schema'

/** Columns of an action row joined with its event and (optionally) one trigger row. */
export const ACTION_COLUMNS =
  'ev."timestamp" AS "timestamp", ev."source" AS "source", a."seq_no" AS "seq_no", a."reason" AS "reason", ' +
  'a."actor_kind" AS "actor_kind", a."actor_id" AS "actor_id", a."aggregate_kind" AS "aggregate_kind", ' +
  'a."aggregate_id" AS "aggregate_id", a."patch" AS "patch"'

/** Columns of an effect row joined with its event. */
export const EFFECT_COLUMNS =
  'ev."timestamp" AS "timestamp", ev."source" AS "source", f."seq_no" AS "seq_no", f."reason" AS "reason", ' +
  'f."trigger_kind" AS "trigger_kind", f."trigger_id" AS "trigger_id"'

/** The SQL a store needs, specialised to its table names. */
export interface Queries {
  readonly tables: { readonly event: string; readonly action: string; readonly effect: string; readonly trigger: string }
  readonly maxSeqNo: string
  readonly insertEvent: string
  readonly insertAction: string
  readonly insertEffect: string
  readonly insertTrigger: string
  /** Earliest action on (kind, id) with seq-no ≥ ?, not in the JSON array of resolved seq-nos. */
  readonly firstConflictingAction: string
  /**
   * Earliest effect with seq-no ≥ ?, not resolved, whose trigger some action on
   * (kind, id) carries. Driven from the effects after the base (the library's
   * form): the trigger table has no index on seq_no, only on (kind, id, seq_no).
   */
  readonly firstConflictingEffect: string
  /** One action by seq-no with its trigger rows (one row per trigger). */
  readonly actionBySeqNo: string
  /** One effect by seq-no. */
  readonly effectBySeqNo: string
  /**
   * Seq-nos of every event that conflicts with (kind, id) from seq-no ? on:
   * its actions, and the effects whose trigger one of its actions carries, ascending.
   * Parameters: kind, id, offset, offset, kind, id.
   */
  readonly conflictSeqNos: string
  /** Trigger rows of one seq-no. */
  readonly triggersOf: string
}

/** What differs between databases in the shared SQL. */
export interface SqlDialect {
  /** `col` is not among the seq-nos of one parameter holding a JSON array of them. */
  notInJsonArray(col: string): string
  /** The order rows of a table were inserted in (SQLite's rowid). */
  readonly insertionOrder: string
}

/** SQLite's spellings. */
export const SQLITE_DIALECT: SqlDialect = {
  notInJsonArray: (col) => `${col} NOT IN (SELECT value FROM json_each(?))`,
  insertionOrder: 'rowid'
}

/** PostgreSQL's spellings (the trigger table's primary key stands in for insertion order). */
export const POSTGRES_DIALECT: SqlDialect = {
  notInJsonArray: (col) => `${col} NOT IN (SELECT value::bigint FROM json_array_elements_text(?::json))`,
  insertionOrder: '"trigger_kind", "trigger_id"'
}

/** Build the SQL for `names`. */
export function buildQueries(names: TableNames, dialect: SqlDialect = SQLITE_DIALECT): Queries {
  const tables = { event: q(names.event), action: q(names.action), effect: q(names.effect), trigger: q(names.trigger) }
  const notResolved = dialect.notInJsonArray
  return {
    tables,
    maxSeqNo: `SELECT coalesce(max("seq_no"), 0) AS "seq_no" FROM ${tables.event}`,
    insertEvent: `INSERT INTO ${tables.event} ("seq_no", "timestamp", "source") VALUES (?, ?, ?)`,
    insertAction:
      `INSERT INTO ${tables.action} ("seq_no", "reason", "actor_kind", "actor_id", "aggregate_kind", "aggregate_id", "patch") ` +
      'VALUES (?, ?, ?, ?, ?, ?, ?)',
    insertEffect: `INSERT INTO ${tables.effect} ("seq_no", "reason", "trigger_kind", "trigger_id") VALUES (?, ?, ?, ?)`,
    insertTrigger: `INSERT INTO ${tables.trigger} ("trigger_kind", "trigger_id", "seq_no") VALUES (?, ?, ?)`,
    firstConflictingAction:
      `SELECT min(a."seq_no") AS "seq_no" FROM ${tables.action} a ` +
      `WHERE a."aggregate_kind" = ? AND a."aggregate_id" = ? AND a."seq_no" >= ? AND ${notResolved('a."seq_no"')}`,
    firstConflictingEffect:
      `SELECT min(f."seq_no") AS "seq_no" FROM ${tables.effect} f WHERE f."seq_no" >= ? AND ${notResolved('f."seq_no"')} ` +
      `AND EXISTS (SELECT 1 FROM ${tables.trigger} t JOIN ${tables.action} a ON a."seq_no" = t."seq_no" ` +
      'WHERE t."trigger_kind" = f."trigger_kind" AND t."trigger_id" = f."trigger_id" AND a."aggregate_kind" = ? AND a."aggregate_id" = ?)',
    actionBySeqNo:
      `SELECT ${ACTION_COLUMNS}, t."trigger_kind" AS "trigger_kind", t."trigger_id" AS "trigger_id" ` +
      `FROM ${tables.action} a JOIN ${tables.event} ev ON ev."seq_no" = a."seq_no" ` +
      `LEFT JOIN ${tables.trigger} t ON t."seq_no" = a."seq_no" WHERE a."seq_no" = ?`,
    effectBySeqNo:
      `SELECT ${EFFECT_COLUMNS} FROM ${tables.effect} f JOIN ${tables.event} ev ON ev."seq_no" = f."seq_no" WHERE f."seq_no" = ?`,
    conflictSeqNos:
      `SELECT a."seq_no" AS seq_no FROM ${tables.action} a WHERE a."aggregate_kind" = ? AND a."aggregate_id" = ? AND a."seq_no" >= ? ` +
      `UNION SELECT f."seq_no" FROM ${tables.effect} f WHERE f."seq_no" >= ? AND EXISTS (SELECT 1 FROM ${tables.trigger} t ` +
      `JOIN ${tables.action} a ON a."seq_no" = t."seq_no" WHERE t."trigger_kind" = f."trigger_kind" AND t."trigger_id" = f."trigger_id" ` +
      `AND a."aggregate_kind" = ? AND a."aggregate_id" = ?) ORDER BY 1`,
    triggersOf: `SELECT "trigger_kind", "trigger_id" FROM ${tables.trigger} WHERE "seq_no" = ? ORDER BY ${dialect.insertionOrder}`
  }
}
