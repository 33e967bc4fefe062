/** Queries behind the audit views: trigger index, trigger graph, blast radius, timeline. */
import type {
  AuditGraph,
  BlastRadius,
  BlastReadSizes,
  GraphFocus,
  Timeline,
  TimelineQuery,
  TriggerIndexPage,
  TriggerIndexQuery
} from '../../shared/audit'
import type { QueryContext } from './service'

/** A keyset page of trigger identities with their counts. */
function triggerIndex({ store }: QueryContext, query: TriggerIndexQuery): Promise<TriggerIndexPage> {
  return store.triggerIndex(query)
}

/** How many trigger identities match `text`. */
function countTriggers({ store }: QueryContext, { text }: { text?: string }): Promise<number> {
  return store.countTriggers(text)
}

/** The graph around a trigger, an effect or an aggregate (null for an unknown effect). */
function triggerGraph({ store }: QueryContext, { focus }: { focus: GraphFocus }): Promise<AuditGraph | null> {
  return store.triggerGraph(focus)
}

/** What `read(offset)` replays because of an effect (null when the seq-no is not an effect). */
function blastRadius({ store }: QueryContext, { effectSeqNo, offset }: { effectSeqNo: number; offset?: number }): Promise<BlastRadius | null> {
  return store.blastRadius(effectSeqNo, offset)
}

/** The size of `read(offset)` with and without an effect. */
function blastReadSizes({ store }: QueryContext, { effectSeqNo, offset }: { effectSeqNo: number; offset?: number }): Promise<BlastReadSizes | null> {
  return store.blastReadSizes(effectSeqNo, offset)
}

/** Actions and effects per time bucket. */
function timeline({ store, progress }: QueryContext, query: TimelineQuery): Promise<Timeline> {
  return store.timeline(query, progress)
}

/** The audit queries. */
export const auditQueries = { triggerIndex, countTriggers, triggerGraph, blastRadius, blastReadSizes, timeline }
