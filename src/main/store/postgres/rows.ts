/**
 * A rebase batch as PostgreSQL rows: the cells (printed EDN, exactly what the
 * SQLite adapter writes) per column, checked against what the library's
 * columns can hold BEFORE anything is written — VARCHAR lengths counted in
 * code points (`core/cell-limits`), no U+0000 or lone surrogate (PostgreSQL's
 * UTF-8 text cannot hold them), timestamps as INT epoch seconds. The
 * seq-nos are added once the rebase knows the first free one.
 */
import type { NewEvent } from '../../../shared/domain'
import { COLUMN_LENGTHS, codePointLength } from '../../core/cell-limits'
import { patchToCell, toCell } from '../cells'
import { StoreError } from '../errors'

/** PostgreSQL's INT: the library's `timestamp` column, in epoch seconds. */
export const INT_MIN = -(2 ** 31)
export const INT_MAX = 2 ** 31 - 1

/** Column arrays of one batch; `at` are the events' indices in the batch (seq-no = first + index). */
export interface BatchRows {
  readonly events: { timestamp: number[]; source: string[] }
  readonly actions: { at: number[]; reason: string[]; actorKind: string[]; actorId: string[]; aggregateKind: string[]; aggregateId: string[]; patch: string[] }
  readonly effects: { at: number[]; reason: string[]; triggerKind: string[]; triggerId: string[] }
  readonly triggers: { at: number[]; kind: string[]; id: string[] }
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

function tooLong(index: number, table: string, column: string, cell: string): StoreError | null {
  if (cell.includes('\u0000')) {
    return new StoreError(
      'invalid-cell',
      `Event ${index + 1}: the ${column} cell holds the character U+0000, which PostgreSQL text (the column ${table}.${column}) cannot store; remove it. Nothing was written.`
    )
  }
  const lone = LONE_SURROGATE.exec(cell)
  if (lone !== null) {
    const code = lone[0].charCodeAt(0).toString(16).toUpperCase()
    return new StoreError(
      'invalid-cell',
      `Event ${index + 1}: the ${column} cell holds a lone surrogate (U+${code}), which UTF-8 text (the column ${table}.${column}) cannot store; remove it. Nothing was written.`
    )
  }
  const max = COLUMN_LENGTHS[column]
  if (max === undefined || cell.length <= max) return null
  const length = codePointLength(cell)
  if (length <= max) return null
  return new StoreError(
    'invalid-cell',
    `Event ${index + 1}: the ${column} cell is ${length} characters long, but the column ${table}.${column} holds at most ${max} (VARCHAR(${max})); shorten it. Nothing was written.`
  )
}

const iso = (seconds: number): string => new Date(seconds * 1000).toISOString().replace('.000Z', 'Z')

/**
 * The rows of `history` for the tables named `tables`; throws a StoreError
 * naming the first event (1-based) and field that a column cannot hold.
 */
export function batchRows(history: readonly NewEvent[], tables: { event: string; action: string; effect: string; trigger: string }): BatchRows {
  const rows: BatchRows = {
    events: { timestamp: [], source: [] },
    actions: { at: [], reason: [], actorKind: [], actorId: [], aggregateKind: [], aggregateId: [], patch: [] },
    effects: { at: [], reason: [], triggerKind: [], triggerId: [] },
    triggers: { at: [], kind: [], id: [] }
  }
  const cell = (index: number, table: string, column: string, text: string): string => {
    const problem = tooLong(index, table, column, text)
    if (problem !== null) throw problem
    return text
  }
  history.forEach((event, i) => {
    const seconds = Math.floor(event.timestampMs / 1000)
    if (!(seconds >= INT_MIN && seconds <= INT_MAX)) {
      throw new StoreError(
        'invalid-cell',
        `Event ${i + 1}: the timestamp ${Number.isFinite(seconds) ? iso(seconds) : event.timestampMs} does not fit the column ${tables.event}.timestamp (INT epoch seconds, ${iso(INT_MIN)} to ${iso(INT_MAX)}). Nothing was written.`
      )
    }
    rows.events.timestamp.push(seconds)
    rows.events.source.push(cell(i, tables.event, 'source', toCell(event.source)))
    if (event.type === 'action') {
      const { reason, actor, aggregate } = event.action
      const a = rows.actions
      a.at.push(i)
      a.reason.push(cell(i, tables.action, 'reason', toCell(reason)))
      a.actorKind.push(cell(i, tables.action, 'actor_kind', toCell(actor.kind)))
      a.actorId.push(cell(i, tables.action, 'actor_id', toCell(actor.id)))
      a.aggregateKind.push(cell(i, tables.action, 'aggregate_kind', toCell(aggregate.kind)))
      a.aggregateId.push(cell(i, tables.action, 'aggregate_id', toCell(aggregate.id)))
      a.patch.push(cell(i, tables.action, 'patch', patchToCell(event.action)))
      for (const trigger of event.triggers) {
        rows.triggers.at.push(i)
        rows.triggers.kind.push(cell(i, tables.trigger, 'trigger_kind', toCell(trigger.kind)))
        rows.triggers.id.push(cell(i, tables.trigger, 'trigger_id', toCell(trigger.id)))
      }
    } else {
      const { reason, trigger } = event.effect
      const f = rows.effects
      f.at.push(i)
      f.reason.push(cell(i, tables.effect, 'reason', toCell(reason)))
      f.triggerKind.push(cell(i, tables.effect, 'trigger_kind', toCell(trigger.kind)))
      f.triggerId.push(cell(i, tables.effect, 'trigger_id', toCell(trigger.id)))
    }
  })
  return rows
}

/** The INSERT statements (one per table, rows as arrays through `unnest`) and their parameters, seq-nos from `first` on. */
export function insertStatements(rows: BatchRows, first: number, q: { event: string; action: string; effect: string; trigger: string }): { sql: string; params: unknown[] }[] {
  const seq = (at: number[]): number[] => at.map((i) => first + i)
  const out: { sql: string; params: unknown[] }[] = [
    {
      sql: `INSERT INTO ${q.event} ("seq_no", "timestamp", "source") SELECT * FROM unnest($1::bigint[], $2::int[], $3::text[])`,
      params: [rows.events.timestamp.map((_, i) => first + i), rows.events.timestamp, rows.events.source]
    }
  ]
  const a = rows.actions
  if (a.at.length > 0) {
    out.push({
      sql:
        `INSERT INTO ${q.action} ("seq_no", "reason", "actor_kind", "actor_id", "aggregate_kind", "aggregate_id", "patch") ` +
        'SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])',
      params: [seq(a.at), a.reason, a.actorKind, a.actorId, a.aggregateKind, a.aggregateId, a.patch]
    })
  }
  const f = rows.effects
  if (f.at.length > 0) {
    out.push({
      sql: `INSERT INTO ${q.effect} ("seq_no", "reason", "trigger_kind", "trigger_id") SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[])`,
      params: [seq(f.at), f.reason, f.triggerKind, f.triggerId]
    })
  }
  const t = rows.triggers
  if (t.at.length > 0) {
    out.push({
      sql: `INSERT INTO ${q.trigger} ("trigger_kind", "trigger_id", "seq_no") SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[])`,
      params: [t.kind, t.id, seq(t.at)]
    })
  }
  return out
}
