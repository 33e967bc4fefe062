/**
 * What the trigger graph draws, before positions: one node per shown item,
 * summary nodes for capped groups, and — when many actions carry the
 * triggers — one node per aggregate kind (its actions, and its aggregates)
 * with their counts, which expands to the kind's shown actions and
 * aggregates on click. Pure: unit tested through `layoutGraph`.
 */
import type { AuditGraph, GraphKindGroup } from '../../../shared/audit'
import type { CellIdentity } from '../../../shared/browse'
import { identityText } from '../../../shared/browse'

/** What a node stands for (what clicking it opens or does). */
export type GraphNodeTarget =
  | { readonly type: 'trigger'; readonly trigger: CellIdentity }
  | { readonly type: 'action'; readonly seqNo: number }
  | { readonly type: 'aggregate'; readonly aggregate: CellIdentity }
  | { readonly type: 'effect'; readonly seqNo: number }
  | { readonly type: 'more'; readonly column: GraphColumn; readonly count: number }
  /** A kind's group: clicking expands it (or collapses it again). */
  | { readonly type: 'group'; readonly kind: string; readonly expanded: boolean }

/** The four columns, left to right. */
export type GraphColumn = 'triggers' | 'actions' | 'aggregates' | 'effects'

/** A node before layout. */
export interface GraphNode {
  readonly id: string
  readonly column: GraphColumn
  readonly title: string
  readonly subtitle: string
  readonly target: GraphNodeTarget
  /** True for the node the graph is drawn around. */
  readonly focus: boolean
  /** Aggregate kind of an action/aggregate node when grouping applies (keeps a kind's nodes together). */
  readonly kind?: string
}

/** An edge between two node ids. */
export interface GraphEdge {
  readonly id: string
  readonly source: string
  readonly target: string
}

/** Above this many actions, actions and aggregates are grouped per aggregate kind. */
export const GROUP_ABOVE = 12

/** `1,234` */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US')
}

const plural = (n: number, one: string, many: string): string => `${formatCount(n)} ${n === 1 ? one : many}`
const key = (identity: CellIdentity): string => `${identity.kind} ${identity.id}`

/** Node ids (stable, so React keys and tests can name them). */
export const nodeId = {
  trigger: (t: CellIdentity): string => `t:${key(t)}`,
  action: (seqNo: number): string => `a:${seqNo}`,
  aggregate: (g: CellIdentity): string => `g:${key(g)}`,
  effect: (seqNo: number): string => `e:${seqNo}`,
  more: (column: GraphColumn, kind?: string): string => (kind === undefined ? `more:${column}` : `more:${column}:${kind}`),
  group: (column: 'actions' | 'aggregates', kind: string): string => `k:${column}:${kind}`
}

/** The kinds to group by, or null when the graph is small enough (or the store did not count kinds). */
function groupsOf(graph: AuditGraph): readonly GraphKindGroup[] | null {
  return graph.kinds !== undefined && graph.actions.total > GROUP_ABOVE ? graph.kinds : null
}

/** The aggregate kinds expanded at first: the focus aggregate's own kind. */
export function initiallyExpanded(graph: AuditGraph): ReadonlySet<string> {
  return new Set(graph.focus.type === 'aggregate' ? [graph.focus.kind] : [])
}

function itemNodes(graph: AuditGraph, shown: (kind: string) => boolean, grouped: boolean): GraphNode[] {
  const focus = graph.focus
  const nodes: GraphNode[] = []
  const kindOf = (kind: string): { kind?: string } => (grouped ? { kind } : {})
  for (const t of graph.triggers.items) {
    nodes.push({ id: nodeId.trigger(t), column: 'triggers', title: identityText(t), subtitle: 'trigger', target: { type: 'trigger', trigger: t }, focus: focus.type === 'trigger' && focus.kind === t.kind && focus.id === t.id })
  }
  for (const a of graph.actions.items.filter((a) => shown(a.aggregate.kind))) {
    nodes.push({ id: nodeId.action(a.seqNo), column: 'actions', title: `${a.seqNo} ${a.reason}`, subtitle: `action on ${identityText(a.aggregate)}`, target: { type: 'action', seqNo: a.seqNo }, focus: false, ...kindOf(a.aggregate.kind) })
  }
  for (const g of graph.aggregates.items.filter((g) => shown(g.kind))) {
    nodes.push({ id: nodeId.aggregate(g), column: 'aggregates', title: identityText(g), subtitle: 'aggregate', target: { type: 'aggregate', aggregate: g }, focus: focus.type === 'aggregate' && focus.kind === g.kind && focus.id === g.id, ...kindOf(g.kind) })
  }
  for (const e of graph.effects.items) {
    nodes.push({ id: nodeId.effect(e.seqNo), column: 'effects', title: `${e.seqNo} ${e.reason}`, subtitle: `effect naming ${identityText(e.trigger)}`, target: { type: 'effect', seqNo: e.seqNo }, focus: focus.type === 'effect' && focus.seqNo === e.seqNo })
  }
  return nodes
}

/** Summary nodes: per capped column, or (grouped) per expanded kind for what its shown nodes leave out. */
function moreNodes(graph: AuditGraph, groups: readonly GraphKindGroup[] | null, expanded: ReadonlySet<string>): GraphNode[] {
  const nodes: GraphNode[] = []
  const columns: [GraphColumn, { total: number; items: readonly unknown[] }, string, string][] = [
    ['triggers', graph.triggers, 'trigger', 'triggers'],
    ['actions', graph.actions, 'action', 'actions'],
    ['aggregates', graph.aggregates, 'aggregate', 'aggregates'],
    ['effects', graph.effects, 'effect', 'effects']
  ]
  for (const [column, group, one, many] of columns) {
    const rest = group.total - group.items.length
    if (rest > 0 && !(groups && (column === 'actions' || column === 'aggregates'))) {
      nodes.push({ id: nodeId.more(column), column, title: `+ ${plural(rest, one, many)}`, subtitle: `${formatCount(group.total)} in all`, target: { type: 'more', column, count: rest }, focus: false })
    }
  }
  for (const k of groups ?? []) {
    if (!expanded.has(k.kind)) continue
    const restActions = k.actions - graph.actions.items.filter((a) => a.aggregate.kind === k.kind).length
    const restAggregates = k.aggregates - graph.aggregates.items.filter((g) => g.kind === k.kind).length
    if (restActions > 0) nodes.push({ id: nodeId.more('actions', k.kind), column: 'actions', title: `+ ${plural(restActions, 'action', 'actions')}`, subtitle: `more on ${k.kind}`, target: { type: 'more', column: 'actions', count: restActions }, focus: false, kind: k.kind })
    if (restAggregates > 0) nodes.push({ id: nodeId.more('aggregates', k.kind), column: 'aggregates', title: `+ ${plural(restAggregates, 'aggregate', 'aggregates')}`, subtitle: `more of ${k.kind}`, target: { type: 'more', column: 'aggregates', count: restAggregates }, focus: false, kind: k.kind })
  }
  return nodes
}

function groupNodes(groups: readonly GraphKindGroup[], expanded: ReadonlySet<string>): GraphNode[] {
  const nodes: GraphNode[] = []
  for (const k of groups) {
    const open = expanded.has(k.kind)
    const target = { type: 'group', kind: k.kind, expanded: open } as const
    nodes.push({ id: nodeId.group('actions', k.kind), column: 'actions', title: `${open ? '−' : '+'} ${plural(k.actions, 'action', 'actions')}`, subtitle: `on ${k.kind} · click to ${open ? 'collapse' : 'expand'}`, target, focus: false, kind: k.kind })
    if (!open) nodes.push({ id: nodeId.group('aggregates', k.kind), column: 'aggregates', title: plural(k.aggregates, 'aggregate', 'aggregates'), subtitle: `${k.kind} · click to expand`, target, focus: false, kind: k.kind })
  }
  return nodes
}

/** The nodes and edges of `graph` with the aggregate kinds in `expanded` opened. */
export function graphNodes(graph: AuditGraph, expanded: ReadonlySet<string> = initiallyExpanded(graph)): { nodes: GraphNode[]; edges: GraphEdge[]; grouped: boolean } {
  const groups = groupsOf(graph)
  const shown = (kind: string): boolean => groups === null || expanded.has(kind)
  const nodes = [...itemNodes(graph, shown, groups !== null), ...(groups ? groupNodes(groups, expanded) : []), ...moreNodes(graph, groups, expanded)]
  const ids = new Set(nodes.map((n) => n.id))
  const edges = new Map<string, GraphEdge>()
  const addEdge = (source: string, target: string): void => {
    if (ids.has(source) && ids.has(target)) edges.set(`${source}->${target}`, { id: `${source}->${target}`, source, target })
  }
  const actionNode = (kind: string, seqNo: number): string => (shown(kind) ? nodeId.action(seqNo) : nodeId.group('actions', kind))
  const aggregateNode = (g: CellIdentity): string => (shown(g.kind) ? nodeId.aggregate(g) : nodeId.group('aggregates', g.kind))
  const kindOfAction = new Map(graph.actions.items.map((a) => [a.seqNo, a.aggregate.kind]))
  for (const c of graph.carries) addEdge(nodeId.trigger(c.trigger), actionNode(kindOfAction.get(c.seqNo) ?? '', c.seqNo))
  for (const a of graph.actions.items) addEdge(actionNode(a.aggregate.kind, a.seqNo), aggregateNode(a.aggregate))
  for (const r of graph.reaches) addEdge(aggregateNode(r.aggregate), nodeId.effect(r.effect))
  for (const k of groups ?? []) {
    // A group of a single-trigger graph hangs off that trigger even when none of its actions is among the shown ones.
    if (graph.triggers.items.length === 1) addEdge(nodeId.trigger(graph.triggers.items[0]), nodeId.group('actions', k.kind))
    addEdge(nodeId.group('actions', k.kind), nodeId.group('aggregates', k.kind))
  }
  return { nodes, edges: [...edges.values()], grouped: groups !== null }
}
