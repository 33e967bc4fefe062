/**
 * The three reads of the store port that differ only in which actions they
 * select (docs/semantics.md#read-with-replay): every adapter implements one
 * `stream` over its own connection and inherits `read`, `filterAggregates`
 * and `filterAggregateKinds` from here.
 */
import type { ActionEvent, Identity } from '../../shared/domain'
import type { EdnKeyword } from '../../shared/edn-value'
import type { ReadRange } from './event-store'
import { identityToCells, toCell } from './cells'
import { aggregatesCriteria, kindsCriteria, type ActionCriteria } from './sql/replay'

/** Base of the adapters' store classes: the reads as selections of one replaying stream. */
export abstract class ReplayingReads {
  /** Action events from `offset` on with replay, restricted by `criteria` (all actions when absent), ascending. */
  protected abstract stream(offset: number, criteria?: ActionCriteria, range?: ReadRange): AsyncIterable<ActionEvent>

  read(offset: number, range?: ReadRange): AsyncIterable<ActionEvent> {
    return this.stream(offset, undefined, range)
  }

  filterAggregates(offset: number, aggregates: readonly Identity[], range?: ReadRange): AsyncIterable<ActionEvent> {
    return this.stream(offset, aggregatesCriteria(aggregates.map(identityToCells)), range)
  }

  filterAggregateKinds(offset: number, kinds: readonly EdnKeyword[], range?: ReadRange): AsyncIterable<ActionEvent> {
    return this.stream(offset, kindsCriteria(kinds.map(toCell)), range)
  }
}
