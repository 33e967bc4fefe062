/**
 * `coherence.projection/project` and `merge-projections`, and the state of one
 * aggregate as of a seq-no.
 *
 * The library keeps the states in a nested map `{kind {id state}}` and lists
 * "all aggregates seen so far" by walking it: kinds in the outer map's order,
 * and within a kind its ids in the inner map's order. Clojure maps built by
 * `assoc` keep insertion order up to 8 entries (array maps) and switch to hash
 * order from the 9th on (hash maps; entries are never removed here, so they
 * never switch back). `project` reproduces exactly that order.
 */
import type { EdnKeyword, EdnMap, EdnValue } from '../../../shared/edn-value'
import { edn } from '../../../shared/edn-value'
import type { ActionEvent, Identity, IdentityId } from '../../../shared/domain'
import { applyPatch, applyPatchToNullable } from './apply-patch'
import { ARRAY_MAP_MAX_ENTRIES, inHashOrder } from './clojure-seq'
import { idKey, identityKey, kindKey } from './identity-key'

/** One aggregate's state inside a projection item (the library's `{:id [kind id] :state {…}}`). */
export interface AggregateState {
  readonly id: Identity
  readonly state: EdnMap
}

/** One item of a projection (the library's `{:seq-no n :aggregates […]}`). */
export interface Projection {
  readonly seqNo: number
  readonly aggregates: readonly AggregateState[]
}

/** The initial state of an aggregate met for the first time at or after the start (the library's `loadf`). */
export type LoadAggregate = (kind: EdnKeyword, id: IdentityId) => EdnMap

const EMPTY_STATE: EdnMap = edn.map([])

/** A Clojure map that only grows: insertion order up to 8 entries, hash order from then on. */
class GrowingClojureMap<V> {
  private readonly slots = new Map<string, { key: EdnValue; value: V }>()

  get(lookupKey: string): V | undefined {
    return this.slots.get(lookupKey)?.value
  }

  /** Assoc: a new key is added; an existing one keeps its first key object, like Clojure's maps. */
  set(lookupKey: string, key: EdnValue, value: V): void {
    const slot = this.slots.get(lookupKey)
    this.slots.set(lookupKey, { key: slot?.key ?? key, value })
  }

  entries(): { key: EdnValue; value: V }[] {
    const all = [...this.slots.values()]
    return all.length <= ARRAY_MAP_MAX_ENTRIES ? all : inHashOrder(all, (slot) => slot.key)
  }
}

/** States by kind, then id; a state is null when the library holds nil (see `applyPatchToNullable`). */
type AggregateTable = GrowingClojureMap<GrowingClojureMap<EdnMap | null>>

/** `aggr-map->vec`. A nil state (only removals before the start) is listed as the empty map. */
function allAggregates(table: AggregateTable): AggregateState[] {
  return table.entries().flatMap(({ key: kind, value: ids }) =>
    ids.entries().map(({ key: id, value: state }) => ({
      id: { kind: kind as EdnKeyword, id: id as IdentityId },
      state: state ?? EMPTY_STATE
    }))
  )
}

/**
 * Project action events exactly like the library's `project`: actions with
 * seq-no < `start` only update their aggregate's state; from `start` on each
 * action yields an item — the first one listing every aggregate seen so far
 * (in the library's order, see the module comment), later ones only the
 * aggregate just changed. `loadf` gives an aggregate's initial state the first
 * time it is met at or after `start` without a state (default `{}`). Throws
 * like `applyPatch` on an invalid patch.
 */
export function project(start: number, events: Iterable<ActionEvent>, loadf: LoadAggregate = () => EMPTY_STATE): Projection[] {
  const table: AggregateTable = new GrowingClojureMap()
  const items: Projection[] = []
  for (const event of events) {
    const aggregate = event.action.aggregate
    const ids = table.get(kindKey(aggregate.kind)) ?? new GrowingClojureMap<EdnMap | null>()
    const current = ids.get(idKey(aggregate.id))
    const state = event.seqNo < start
      ? applyPatchToNullable(current ?? null, event.action.patch)
      : applyPatch(current ?? loadf(aggregate.kind, aggregate.id), event.action.patch)
    ids.set(idKey(aggregate.id), aggregate.id, state)
    table.set(kindKey(aggregate.kind), aggregate.kind, ids)
    if (event.seqNo < start) continue
    const aggregates = items.length > 0 ? [{ id: aggregate, state: state ?? EMPTY_STATE }] : allAggregates(table)
    items.push({ seqNo: event.seqNo, aggregates })
  }
  return items
}

/**
 * `merge-projections`: fold projection items into one whose seq-no is the last
 * item's and whose aggregates are the last item's, then those of earlier items
 * not listed later (the newest state of each aggregate wins). Returns null for
 * no items (the library returns `{}`).
 */
export function mergeProjections(items: Iterable<Projection>): Projection | null {
  let merged: Projection | null = null
  for (const item of items) {
    const newer = new Set(item.aggregates.map((a) => identityKey(a.id)))
    const kept: readonly AggregateState[] = merged === null ? [] : merged.aggregates.filter((a) => !newer.has(identityKey(a.id)))
    merged = { seqNo: item.seqNo, aggregates: [...item.aggregates, ...kept] }
  }
  return merged
}

/** The actions on `aggregate` (Clojure `=` on kind and id) with seq-no ≤ `upTo`, in the given order. */
export function* actionsOn(events: Iterable<ActionEvent>, aggregate: Identity, upTo: number): Generator<ActionEvent> {
  const wanted = identityKey(aggregate)
  for (const event of events) {
    if (event.seqNo <= upTo && identityKey(event.action.aggregate) === wanted) yield event
  }
}

/** An aggregate's state after all its actions with seq-no ≤ `seqNo`, starting from `{}`. */
export function stateAsOf(events: Iterable<ActionEvent>, aggregate: Identity, seqNo: number): EdnMap {
  let state = EMPTY_STATE
  for (const event of actionsOn(events, aggregate, seqNo)) state = applyPatch(state, event.action.patch)
  return state
}
