/**
 * Result rows → domain events, like the library's `row->action`,
 * `merge-action-rows` (one row per trigger, merged by seq-no) and `row->effect`.
 */
import type { ActionEvent, EffectEvent, Identity } from '../../../shared/domain'
import type { CellReader } from '../cells'
import type { TableNames } from '../../../shared/domain'
import type { BatchStep } from '../async-items'

/**
 * An action row joined with its event and at most one trigger, as a raw array
 * in the column order of `ACTION_COLUMNS` plus the trigger columns (raw rows
 * skip one object allocation per row on streams of millions).
 */
export type ActionRow = readonly [
  timestamp: number,
  source: string,
  seqNo: number,
  reason: string,
  actorKind: string,
  actorId: string,
  aggregateKind: string,
  aggregateId: string,
  patch: string,
  triggerKind: string | null,
  triggerId: string | null
]

const SEQ_NO = 2

/** The same row as PostgreSQL sends it in text format: every column a string (or null). */
export type ActionTextRow = (string | null)[]

/**
 * `merger` over text rows (`streamRows`): the timestamp and the seq-no become
 * numbers in place (the row is the stream's own), the rest is already the cells.
 */
export function textRowMerger(merger: BatchStep<ActionRow, ActionEvent>): BatchStep<ActionTextRow, ActionEvent> {
  return {
    take: (row) => {
      const numeric = row as unknown as (string | number | null)[]
      numeric[0] = Number(row[0])
      numeric[SEQ_NO] = Number(row[SEQ_NO])
      return merger.take(numeric as unknown as ActionRow)
    },
    end: () => merger.end()
  }
}

/** An effect row joined with its event. */
export interface EffectRow {
  readonly timestamp: number
  readonly source: string
  readonly seq_no: number
  readonly reason: string
  readonly trigger_kind: string
  readonly trigger_id: string
}

/** Turns rows into events for one store (its table names appear in messages). */
export class RowDecoder {
  constructor(
    private readonly cells: CellReader,
    private readonly tables: TableNames
  ) {}


  /** One action (its first row); further trigger rows are added with `addTrigger`. */
  action(row: ActionRow): ActionEvent {
    // Indexed, not destructured: array destructuring runs the iterator protocol, once per row of millions.
    const n = row[SEQ_NO]
    const cells = this.cells
    const table = this.tables.action
    const event: ActionEvent = {
      type: 'action',
      seqNo: n,
      timestampMs: row[0] * 1000,
      source: cells.keyword(row[1], n, this.tables.event, 'source'),
      action: {
        reason: cells.keyword(row[3], n, table, 'reason'),
        actor: cells.identity(row[4], row[5], n, table, 'actor'),
        aggregate: cells.identity(row[6], row[7], n, table, 'aggregate'),
        patch: cells.patch(row[8], n, table)
      },
      triggers: []
    }
    this.addTrigger(event, row)
    return event
  }

  /** Add the trigger of a (further) row of the same action. */
  addTrigger(event: ActionEvent, row: ActionRow): void {
    const kind = row[9]
    const id = row[10]
    if (kind !== null && id !== null) {
      ;(event.triggers as Identity[]).push(this.cells.identity(kind, id, event.seqNo, this.tables.trigger, 'trigger'))
    }
  }

  /** Merge rows (ordered by seq-no, one per trigger) into actions, streaming. */
  *actions(rows: Iterable<ActionRow>): Generator<ActionEvent> {
    const merge = this.merger()
    for (const row of rows) {
      const done = merge.take(row)
      if (done !== null) yield done
    }
    const last = merge.end()
    if (last !== null) yield last
  }

  /**
   * Row-by-row merging, as a step of `flattenBatches` over batches of rows
   * arriving asynchronously (a cursor): `take` returns the previous action once
   * a row of the next one arrives (an action's rows may straddle batches),
   * `end` the last one.
   */
  merger(): BatchStep<ActionRow, ActionEvent> {
    let current: ActionEvent | null = null
    return {
      take: (row) => {
        if (current !== null && current.seqNo === row[SEQ_NO]) {
          this.addTrigger(current, row)
          return null
        }
        const done = current
        current = this.action(row)
        return done
      },
      end: () => current
    }
  }

  /** One effect. */
  effect(row: EffectRow): EffectEvent {
    const n = row.seq_no
    const table = this.tables.effect
    return {
      type: 'effect',
      seqNo: row.seq_no,
      timestampMs: row.timestamp * 1000,
      source: this.cells.keyword(row.source, n, this.tables.event, 'source'),
      effect: {
        reason: this.cells.keyword(row.reason, n, table, 'reason'),
        trigger: this.cells.identity(row.trigger_kind, row.trigger_id, n, table, 'trigger')
      }
    }
  }
}
