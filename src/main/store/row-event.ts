/**
 * A browse row (cells as text) → the event the library would read from it.
 * Cells that are not valid EDN, or a row that is neither or both an action
 * and an effect, raise a StoreError naming the cell and the way out.
 */
import type { StoredEvent, TableNames } from '../../shared/domain'
import type { EventRow } from '../../shared/browse'
import { CellReader } from './cells'
import { StoreError } from './errors'
import { RowDecoder } from './rows/row-decoder'

/** Decode one browse row (with its `triggers` when the row has them). */
export function eventFromRow(row: EventRow, tables: TableNames, cells: CellReader = new CellReader()): StoredEvent {
  const decoder = new RowDecoder(cells, tables)
  if (row.type === 'action') {
    const [first, ...rest] = row.triggers && row.triggers.length > 0 ? row.triggers : [[null, null] as const]
    const head = (kind: string | null, id: string | null) =>
      [row.timestamp, row.source, row.seqNo, row.reason ?? '', row.actorKind ?? '', row.actorId ?? '', row.aggregateKind ?? '', row.aggregateId ?? '', row.patch ?? '', kind, id] as const
    const event = decoder.action(head(first[0], first[1]))
    for (const [kind, id] of rest) decoder.addTrigger(event, head(kind, id))
    return event
  }
  if (row.type === 'effect') {
    return decoder.effect({
      timestamp: row.timestamp,
      source: row.source,
      seq_no: row.seqNo,
      reason: row.reason ?? '',
      trigger_kind: row.triggerKind ?? '',
      trigger_id: row.triggerId ?? ''
    })
  }
  const what = row.type === 'both' ? 'both an action row and an effect row' : 'neither an action row nor an effect row'
  throw new StoreError('invalid-cell', `Event ${row.seqNo} has ${what}, so it is not an event the library can read. Run the integrity check; the store was not changed.`)
}
