/**
 * Result rows → domain events, like the library's `row->action`,
 * `merge-action-rows` (one row per trigger, merged by seq-no) and `row->effect`.
 */
import type { ActionEvent, EffectEvent, Identity } from '../../../shared/domain'
import type { CellReader } from '../cells'
import type { TableNames } from '../../../shared/domain'

/** An action row joined with its event and at most one trigger. */
export interface ActionRow {
  readonly timestamp: number
  readonly source: string
  readonly seq_no: number
  readonly reason: string
  readonly actor_kind: string
  readonly actor_id: string
  readonly aggregate_kind: string
  readonly aggregate_id: string
  readonly patch: string
  readonly trigger_kind: string | null
  readonly trigger_id: string | null
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

  private trigger(row: { seq_no: number; trigger_kind: string; trigger_id: string }, table: string): Identity {
    return this.cells.identity(row.trigger_kind, row.trigger_id, row.seq_no, table, 'trigger')
  }

  /** One action (its first row); further trigger rows are added with `addTrigger`. */
  action(row: ActionRow): ActionEvent {
    const n = row.seq_no
    const table = this.tables.action
    const triggers: Identity[] = []
    if (row.trigger_kind !== null && row.trigger_id !== null) {
      triggers.push(this.trigger(row as ActionRow & { trigger_kind: string; trigger_id: string }, this.tables.trigger))
    }
    return {
      type: 'action',
      seqNo: row.seq_no,
      timestampMs: row.timestamp * 1000,
      source: this.cells.keyword(row.source, n, this.tables.event, 'source'),
      action: {
        reason: this.cells.keyword(row.reason, n, table, 'reason'),
        actor: this.cells.identity(row.actor_kind, row.actor_id, n, table, 'actor'),
        aggregate: this.cells.identity(row.aggregate_kind, row.aggregate_id, n, table, 'aggregate'),
        patch: this.cells.value(row.patch, n, table, 'patch')
      },
      triggers
    }
  }

  /** Add the trigger of a further row of the same action. */
  addTrigger(event: ActionEvent, row: ActionRow): void {
    if (row.trigger_kind !== null && row.trigger_id !== null) {
      ;(event.triggers as Identity[]).push(
        this.trigger(row as ActionRow & { trigger_kind: string; trigger_id: string }, this.tables.trigger)
      )
    }
  }

  /** Merge rows (ordered by seq-no, one per trigger) into actions, streaming. */
  *actions(rows: Iterable<ActionRow>): Generator<ActionEvent> {
    let current: ActionEvent | null = null
    for (const row of rows) {
      if (current !== null && current.seqNo === row.seq_no) {
        this.addTrigger(current, row)
        continue
      }
      if (current !== null) yield current
      current = this.action(row)
    }
    if (current !== null) yield current
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
