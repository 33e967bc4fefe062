/**
 * The store-level rules of the integrity check, row by row, shared by the
 * adapters: each adapter runs its own read queries and feeds their rows here,
 * so both report the same problems in the same words and order.
 */
import type { Problem } from '../../../shared/browse'
import { DEFAULT_TABLES, type TableNames } from '../../../shared/domain'
import { checkCell, type CellExpectation } from '../../core/integrity'
import { lengthNotice } from '../../core/cell-limits'
import type { QuotedTables, RawEventRow } from './event-rows'
import { triggerSeqNoIndexStatement } from './schema'

/** Detailed problems reported per code before they are summarised. */
export const PROBLEMS_PER_CODE = 200

/** Says why a cell's stored bytes are not UTF-8, or null (only SQLite can hold such bytes). */
export type Utf8Check = (seqNo: number, table: string, column: string, text: string) => string | null

/** Collects problems, capping each code and summarising the rest. */
export class ProblemList {
  private readonly problems: Problem[] = []
  private readonly counts = new Map<Problem['code'], number>()

  constructor(readonly invalidUtf8: Utf8Check = () => null) {}

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

/** Check one EDN cell: its bytes, its text against what the column must hold, its declared length. */
export function checkCellInto(list: ProblemList, seqNo: number, table: string, column: string, text: string | null, expectation: CellExpectation): void {
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

/** Trigger rows from which a missing seq_no index is worth a notice (each conflict check then scans them all). */
export const TRIGGER_ROWS_WORTH_AN_INDEX = 100_000

/** The command that adds the trigger table's seq_no index to the store at `shown` (its location as it may be shown). */
function indexCommand(shown: string, tables: TableNames): string {
  const place = /^[\w./:@%+=,~-]+$/.test(shown) ? shown : `'${shown.replaceAll("'", "'\\''")}'`
  const d = DEFAULT_TABLES
  const named = tables.event !== d.event || tables.action !== d.action || tables.effect !== d.effect || tables.trigger !== d.trigger
  return `coherence index ${place}${named ? ` --tables event=${tables.event},action=${tables.action},effect=${tables.effect},trigger=${tables.trigger}` : ''}`
}

/** The indexes the check looks for: the table (by role) and the leading columns of each. */
export const CHECKED_INDEXES = {
  aggregateIndex: { table: 'action', columns: ['aggregate_kind', 'aggregate_id'] },
  triggerIndex: { table: 'effect', columns: ['trigger_kind', 'trigger_id'] },
  triggerSeqNoIndex: { table: 'trigger', columns: ['seq_no'] }
} as const satisfies Record<string, { table: keyof TableNames; columns: readonly string[] }>

/** What an adapter found about the indexes of `CHECKED_INDEXES` (true: there is one), and the trigger table's row count. */
export type IndexFacts = Record<keyof typeof CHECKED_INDEXES, boolean> & { readonly triggerRows: number }

/**
 * The index rules: a warning for each of the library's two secondary indexes
 * that is missing; a notice (never a warning: the library's own schema has no
 * such index) when the trigger table is large and has no index on seq_no,
 * with the command that adds one to the store at `shown` (as a command names it).
 */
export function checkIndexesInto(list: ProblemList, tables: TableNames, found: IndexFacts, shown: string): void {
  if (!found.aggregateIndex) {
    list.add({ code: 'schema', severity: 'warning', table: tables.action, message: `Table "${tables.action}" has no index on (aggregate_kind, aggregate_id); conflict checks and replay will scan the whole table.` })
  }
  if (!found.triggerIndex) {
    list.add({ code: 'schema', severity: 'warning', table: tables.effect, message: `Table "${tables.effect}" has no index on (trigger_kind, trigger_id); conflict checks will scan the whole table.` })
  }
  if (found.triggerSeqNoIndex || found.triggerRows <= TRIGGER_ROWS_WORTH_AN_INDEX) return
  list.add({
    code: 'schema',
    severity: 'notice',
    table: tables.trigger,
    fix: { kind: 'add-trigger-seq-no-index', sql: triggerSeqNoIndexStatement(tables).sql },
    message: `Table "${tables.trigger}" has ${found.triggerRows.toLocaleString('en-US')} rows and no index on seq_no, so every conflict check that finds a conflict scans it; add one with: ${indexCommand(shown, tables)}`
  })
}

/**
 * The rules of one event row (read in seq-no order): its seq-no and the gap
 * before it, its timestamp, its cells, and whether it has exactly one body.
 * Returns the highest seq-no seen so far (pass it back for the next row).
 */
export function checkEventRowInto(list: ProblemList, tables: TableNames, r: RawEventRow, previous: number): number {
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
  return Number.isInteger(n) ? Math.max(previous, n) : previous
}

/** A row of one of the check's row queries, as a driver returns it (a seq-no may come as text). */
export type CheckRow = Readonly<Record<string, unknown>>

/** One of the check's row queries and the rule that judges each of its rows. */
export interface RowRule {
  /** The read query (over quoted table names, no parameters, ordered by seq-no). */
  readonly sql: string
  readonly into: (list: ProblemList, row: CheckRow) => void
}

/**
 * The rules read row by row after the events, each with its query over the
 * quoted names `t`: action and effect rows without an event, trigger rows
 * (they belong to an action of an existing event; their cells), effects whose
 * trigger no action carries. An adapter runs each query and feeds it every
 * row; `readSeqNo` turns its driver's seq-no cell into a number (SQLite's
 * already is one, kept as stored).
 */
export function rowRules(t: QuotedTables, tables: TableNames, readSeqNo: (cell: unknown) => number = (cell) => cell as number): RowRule[] {
  const seqNo = (row: CheckRow): number => readSeqNo(row.seq_no)
  const orphans = (table: string): string =>
    `SELECT x."seq_no" AS seq_no FROM ${table} x WHERE NOT EXISTS (SELECT 1 FROM ${t.event} ev WHERE ev."seq_no" = x."seq_no") ORDER BY x."seq_no"`
  return [
    { sql: orphans(t.action), into: (list, r) => list.add(orphanProblem(tables, 'action', seqNo(r))) },
    { sql: orphans(t.effect), into: (list, r) => list.add(orphanProblem(tables, 'effect', seqNo(r))) },
    {
      sql:
        `SELECT t."seq_no" AS seq_no, t."trigger_kind" AS trigger_kind, t."trigger_id" AS trigger_id, ` +
        `EXISTS (SELECT 1 FROM ${t.event} ev WHERE ev."seq_no" = t."seq_no") AS has_event, ` +
        `EXISTS (SELECT 1 FROM ${t.action} a WHERE a."seq_no" = t."seq_no") AS has_action FROM ${t.trigger} t ORDER BY t."seq_no"`,
      into: (list, r) => checkTriggerRowInto(list, tables, { ...(r as unknown as TriggerCheckRow), seq_no: seqNo(r) })
    },
    {
      sql:
        `SELECT f."seq_no" AS seq_no, f."trigger_kind" AS trigger_kind, f."trigger_id" AS trigger_id FROM ${t.effect} f ` +
        `WHERE NOT EXISTS (SELECT 1 FROM ${t.trigger} t JOIN ${t.action} a ON a."seq_no" = t."seq_no" ` +
        `WHERE t."trigger_kind" = f."trigger_kind" AND t."trigger_id" = f."trigger_id") ORDER BY f."seq_no"`,
      into: (list, r) => list.add(unusedEffectProblem(tables, { trigger_kind: String(r.trigger_kind), trigger_id: String(r.trigger_id), seq_no: seqNo(r) }))
    }
  ]
}

/** An action or effect row whose seq-no has no event row. */
function orphanProblem(tables: TableNames, role: 'action' | 'effect', seqNo: number): Problem {
  return {
    code: role === 'action' ? 'orphan-action' : 'orphan-effect',
    severity: 'error',
    seqNo,
    table: tables[role],
    message: `"${tables[role]}" has a row for seq-no ${seqNo}, but "${tables.event}" has no such event.`
  }
}

/** A trigger row with whether its seq-no has an event and an action (booleans, or 0/1 in SQLite). */
interface TriggerCheckRow {
  seq_no: number
  trigger_kind: string
  trigger_id: string
  has_event: boolean | number
  has_action: boolean | number
}

/** The rules of one trigger row: it belongs to an action of an existing event; its cells. */
function checkTriggerRowInto(list: ProblemList, tables: TableNames, r: TriggerCheckRow): void {
  const id = `[${r.trigger_kind} ${r.trigger_id}]`
  if (!r.has_event) {
    list.add({ code: 'orphan-trigger', severity: 'error', seqNo: r.seq_no, table: tables.trigger, message: `Trigger ${id} belongs to seq-no ${r.seq_no}, which "${tables.event}" does not have.` })
  } else if (!r.has_action) {
    list.add({ code: 'trigger-without-action', severity: 'warning', seqNo: r.seq_no, table: tables.trigger, message: `Trigger ${id} belongs to seq-no ${r.seq_no}, which is not an action; only actions carry triggers, so replay ignores it.` })
  }
  checkCellInto(list, r.seq_no, tables.trigger, 'trigger_kind', r.trigger_kind, 'keyword')
  checkCellInto(list, r.seq_no, tables.trigger, 'trigger_id', r.trigger_id, 'id')
}

/** An effect naming a trigger that no action carries. */
function unusedEffectProblem(tables: TableNames, r: { seq_no: number; trigger_kind: string; trigger_id: string }): Problem {
  return {
    code: 'effect-trigger-unused',
    severity: 'warning',
    seqNo: r.seq_no,
    table: tables.effect,
    message: `Effect ${r.seq_no} names trigger [${r.trigger_kind} ${r.trigger_id}], which no action carries; it replays nothing.`
  }
}
