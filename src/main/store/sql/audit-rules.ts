/**
 * The audit read models' logic above the queries, shared by the adapters:
 * caps, the blast radius from its reached aggregates and replayed actions,
 * the trigger graph's aggregates and reach edges, and the causes of a read's
 * replay grouped by aggregate.
 */
import type { CellIdentity } from '../../../shared/browse'
import type { BlastAction, BlastAggregate, BlastRadius, GraphAction, GraphEffect, GraphFocus } from '../../../shared/audit'
import type { ReplayCause } from '../store-inspector'

/** Largest page of the trigger index. */
export const MAX_TRIGGER_PAGE = 1000

/** Nodes shown per group of the graph before the rest is summarised. */
export const GRAPH_GROUP_CAP = 50

/** Aggregates and actions a blast radius lists at most (the counts cover all of them). */
export const BLAST_LIST_CAP = 500

/** Why an effect replays nothing from `offset`, or null when it counts. */
export function inactiveReason(effectSeqNo: number, offset: number): string | null {
  if (offset <= 1) return `A read from offset ${offset} reads everything from the start, so nothing is replayed.`
  if (effectSeqNo < offset) {
    return `Effect ${effectSeqNo} is before offset ${offset}: a read from ${offset} does not see it, so it replays nothing. It counts for offsets 2 to ${effectSeqNo}.`
  }
  return null
}

/** An effect row of the blast radius queries. */
export interface BlastEffectRow {
  seqNo: number
  reason: string
  kind: string
  id: string
}

/** A replayed action row of the blast radius queries. */
export interface BlastActionRow {
  seqNo: number
  timestamp: number
  reason: string
  kind: string
  id: string
}

/** Actions replayed only because of the effect: those of reached aggregates no other effect reaches. */
export function replayedOnlyBecauseOfIt(aggregates: readonly BlastAggregate[]): number {
  return aggregates.filter((g) => !g.sharedWithOtherEffects).reduce((n, g) => n + g.replayed, 0)
}

/** The blast radius from the effect, its reached aggregates (ordered) and its first replayed actions. */
export function blastRadiusOf(
  e: BlastEffectRow, offset: number, inactive: string | null, aggregates: readonly BlastAggregate[], actionRows: readonly BlastActionRow[], cap: number
): BlastRadius {
  const shared = new Set(aggregates.filter((g) => g.sharedWithOtherEffects).map((g) => JSON.stringify([g.kind, g.id])))
  const actions: BlastAction[] = actionRows.map((r) => ({
    seqNo: r.seqNo,
    timestamp: r.timestamp,
    reason: r.reason,
    aggregate: { kind: r.kind, id: r.id },
    onlyBecauseOfIt: !shared.has(JSON.stringify([r.kind, r.id]))
  }))
  const exclusive = aggregates.filter((g) => !g.sharedWithOtherEffects && g.replayed > 0)
  return {
    effect: { seqNo: e.seqNo, reason: e.reason, trigger: { kind: e.kind, id: e.id } },
    offset,
    inactive,
    aggregates: { items: aggregates.slice(0, cap), total: aggregates.length },
    actions: { items: actions, total: aggregates.reduce((n, g) => n + g.replayed, 0) },
    replayedAggregates: aggregates.filter((g) => g.replayed > 0).length,
    onlyBecauseOfIt: exclusive.reduce((n, g) => n + g.replayed, 0),
    aggregatesOnlyBecauseOfIt: exclusive.length
  }
}

const sameIdentity = (a: CellIdentity, b: CellIdentity): boolean => a.kind === b.kind && a.id === b.id

/** The graph's aggregates: the focus aggregate first, then those of the shown actions, each once. */
export function graphAggregates(focus: GraphFocus, actions: readonly GraphAction[]): CellIdentity[] {
  const aggregates: CellIdentity[] = []
  if (focus.type === 'aggregate') aggregates.push({ kind: focus.kind, id: focus.id })
  for (const a of actions) if (!aggregates.some((g) => sameIdentity(g, a.aggregate))) aggregates.push(a.aggregate)
  return aggregates
}

/** Which shown aggregate carries which trigger (a row of the adapters' carried query). */
export interface CarriedRow {
  kind: string
  id: string
  tkind: string
  tid: string
}

/** The reach edges: every shown effect to every shown aggregate carrying its trigger. */
export function graphReaches(effects: readonly GraphEffect[], carried: readonly CarriedRow[]): { aggregate: CellIdentity; effect: number }[] {
  const reaches: { aggregate: CellIdentity; effect: number }[] = []
  for (const e of effects) {
    for (const c of carried) {
      if (c.tkind === e.trigger.kind && c.tid === e.trigger.id) reaches.push({ aggregate: { kind: c.kind, id: c.id }, effect: e.seqNo })
    }
  }
  return reaches
}

/** Rows (aggregate, effect seq-no) ordered by aggregate then seq-no → one cause per aggregate. */
export function groupReplayCauses(rows: Iterable<{ kind: string; id: string; seq_no: number }>): ReplayCause[] {
  const causes: { aggregate: CellIdentity; effects: number[] }[] = []
  for (const r of rows) {
    const last = causes[causes.length - 1]
    if (last && last.aggregate.kind === r.kind && last.aggregate.id === r.id) last.effects.push(r.seq_no)
    else causes.push({ aggregate: { kind: r.kind, id: r.id }, effects: [r.seq_no] })
  }
  return causes
}
